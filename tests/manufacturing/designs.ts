// Value sets a manufacturing test exports for each catalog model: defaults, every preset, and numbers at their
// min and max (all together when the model's constraints allow, else one parameter at a time). Node only; test code.
import { isUserError } from '../../core/errors';
import type { NumberParameter, ParameterValue, ProductModel } from '../../core/model/types';
import { presetValues } from '../../core/model';
import { prepareDesign } from '../../core/pipeline';
import type { ValueContext } from '../../core/model';

export interface ValueSet {
  label: string;
  values: Record<string, ParameterValue>;
}

function valid(model: ProductModel, v: Record<string, ParameterValue>, ctx: ValueContext): boolean {
  try {
    return prepareDesign(model, v, ctx).problems.length === 0;
  } catch (e) {
    if (isUserError(e)) return false;
    throw e;
  }
}

export function valueSets(model: ProductModel, ctx: ValueContext, maxExtremes = 2): { sets: ValueSet[]; refused: string[] } {
  const sets: ValueSet[] = [{ label: 'defaults', values: {} }];
  const refused: string[] = [];
  for (const p of model.presets ?? []) {
    const v = presetValues(model, p.id);
    if (valid(model, v, ctx)) sets.push({ label: `preset ${p.id}`, values: v });
    else refused.push(`preset ${p.id}`);
  }
  const nums = model.parameters.filter((p): p is NumberParameter => (p.type === 'number' || p.type === 'integer') && p.max > p.min);
  for (const end of ['min', 'max'] as const) {
    const all = Object.fromEntries(nums.map((p) => [p.id, p[end]]));
    if (valid(model, all, ctx)) {
      sets.push({ label: `all numbers at ${end}`, values: all });
      continue;
    }
    let added = 0;
    for (const p of nums) {
      if (added >= maxExtremes) break;
      const one = { [p.id]: p[end] };
      if (valid(model, one, ctx)) {
        sets.push({ label: `${p.id} at ${end}`, values: one });
        added++;
      } else refused.push(`${p.id} at ${end}`);
    }
  }
  return { sets, refused };
}
