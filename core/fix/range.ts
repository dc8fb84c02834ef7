// The range of a number parameter that is valid for the current other values: the slider shows it and marks the
// rest as out of bounds, so a customer dragging sees where a rule starts to refuse. Pure TypeScript: core/model only.

import type { ValueContext } from '../model/values';
import type { NumberParameter, ParameterValue, ProductModel } from '../model/types';
import { constraintParameters, constraintStates, stepOf } from './search';

export interface ValidRange {
  /** The valid interval nearest the current value (inclusive), or null if no value in the range is valid. */
  min: number | null;
  max: number | null;
  /** Whether some values in [param.min, param.max] are refused by a rule. */
  restricted: boolean;
}

/** Grid points sampled across a slider at most: enough for a smooth mark, cheap enough to run on every change. */
const SAMPLES = 200;

/** Valid interval of `paramId` with every other value kept: the rules naming it must all hold. */
export function validRange(model: ProductModel, values: Record<string, ParameterValue>, paramId: string, ctx: ValueContext = {}): ValidRange | null {
  const p = model.parameters.find((x) => x.id === paramId);
  if (!p || (p.type !== 'number' && p.type !== 'integer')) return null;
  const rules = (model.constraints ?? []).map((_, i) => i).filter((i) => constraintParameters(model, i).some((q) => q.id === paramId));
  if (rules.length === 0) return { min: p.min, max: p.max, restricted: false };
  const np = p as NumberParameter;
  const st = stepOf(np);
  const n = Math.round((np.max - np.min) / st);
  const stride = Math.max(1, Math.ceil(n / SAMPLES));
  const xs: number[] = [];
  for (let k = 0; k <= n; k += stride) xs.push(Math.round((np.min + k * st) * 1e6) / 1e6);
  if (xs[xs.length - 1] !== np.max) xs.push(np.max);
  const ok = xs.map((x) => {
    const s = constraintStates(model, { ...values, [paramId]: x }, ctx);
    return !!s && rules.every((i) => s[i]);
  });
  if (!ok.some(Boolean)) return { min: null, max: null, restricted: true };
  const v = typeof values[paramId] === 'number' ? (values[paramId] as number) : np.default;
  // the valid run that contains the current value, else the nearest one
  let at = 0;
  let bestDist = Infinity;
  xs.forEach((x, i) => {
    if (ok[i] && Math.abs(x - v) < bestDist) (bestDist = Math.abs(x - v)), (at = i);
  });
  let lo = at;
  let hi = at;
  while (lo > 0 && ok[lo - 1]) lo--;
  while (hi < xs.length - 1 && ok[hi + 1]) hi++;
  return { min: xs[lo]!, max: xs[hi]!, restricted: !ok.every(Boolean) };
}
