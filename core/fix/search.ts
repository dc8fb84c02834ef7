// The nearest valid design: for a violated constraint, the smallest change to the parameters it names (within their
// min/max/step) that makes it hold without breaking a rule that held. Bounded: a fix that cannot be found is a result,
// never a hang. Shared by the app, the CLI and batch so all offer the same fix. Pure TypeScript: core/model and
// core/expr only (no fonts: text measuring arrives through the ValueContext).

import { compileCached, type Value } from '../expr';
import { evaluateScope, type ValueContext } from '../model/values';
import type { NumberParameter, Parameter, ParameterValue, ProductModel } from '../model/types';

export interface FixChange {
  parameter: string;
  from: ParameterValue;
  to: ParameterValue;
}

export interface FixResult {
  /** Index of the constraint in the model's `constraints`. */
  constraint: number;
  message: string;
  /** The changes that make the constraint hold (empty when none was found: see `reason`). */
  changes: FixChange[];
  /** Why there is no fix: the rule names no parameter that may change, or no allowed values satisfy it. */
  reason?: 'no-parameters' | 'not-found';
}

/** Designs one search may evaluate at most: a few milliseconds, whatever the model. */
export const MAX_EVALUATIONS = 3000;
/** Grid points tried per parameter and direction in a one-parameter search. */
const MAX_GRID = 1000;
/** Grid points per parameter in a two-parameter search. */
const PAIR_GRID = 24;

type Values = Record<string, ParameterValue>;

/** Which constraints hold for these values (null when the values cannot even be evaluated). */
export function constraintStates(model: ProductModel, values: Values, ctx: ValueContext = {}): boolean[] | null {
  let scope: Map<string, Value>;
  try {
    scope = evaluateScope(model, values, ctx);
  } catch {
    return null;
  }
  return (model.constraints ?? []).map((c) => {
    try {
      return compileCached(c.expr).evaluate(scope) === true;
    } catch {
      return false;
    }
  });
}

/** The parameters a constraint may change: the ones it names, else the parameters its expression reads. */
export function constraintParameters(model: ProductModel, index: number): Parameter[] {
  const c = model.constraints?.[index];
  if (!c) return [];
  const byId = new Map(model.parameters.map((p) => [p.id, p]));
  let ids = c.parameters;
  if (!ids || ids.length === 0) {
    try {
      ids = compileCached(c.expr).names.filter((n) => byId.has(n));
    } catch {
      ids = [];
    }
  }
  return ids.map((id) => byId.get(id)).filter((p): p is Parameter => p !== undefined);
}

export const stepOf = (p: NumberParameter): number => (p.step && p.step > 0 ? p.step : p.type === 'integer' ? 1 : (p.max - p.min) / 100);
const tidy = (v: number): number => Math.round(v * 1e6) / 1e6;
const relative = (p: NumberParameter, from: number, to: number): number => Math.abs(to - from) / Math.max(p.max - p.min, 1e-9);

/** Grid values of `p` from `v0` outwards in one direction (the range's ends included), nearest first. */
export function gridFrom(p: NumberParameter, v0: number, dir: 1 | -1, limit = MAX_GRID): number[] {
  const st = stepOf(p);
  const out: number[] = [];
  const k0 = (v0 - p.min) / st;
  let k = dir > 0 ? Math.floor(k0 + 1e-9) + 1 : Math.ceil(k0 - 1e-9) - 1;
  while (out.length < limit) {
    const v = tidy(p.min + k * st);
    if (v > p.max + 1e-9 || v < p.min - 1e-9) break;
    out.push(v);
    k += dir;
  }
  const end = dir > 0 ? p.max : p.min;
  if (out.length < limit && (out.length === 0 || out[out.length - 1] !== end) && (dir > 0 ? end > v0 : end < v0)) out.push(end);
  return out;
}

/** The nearest valid design for constraint `index`, changing only the parameters it names. */
export function findFix(model: ProductModel, values: Values, index: number, ctx: ValueContext = {}): FixResult {
  const c = model.constraints?.[index];
  const message = c?.message ?? '';
  const params = constraintParameters(model, index).filter((p) => p.type === 'number' || p.type === 'integer' || p.type === 'boolean');
  if (!c || params.length === 0) return { constraint: index, message, changes: [], reason: 'no-parameters' };
  const before = constraintStates(model, values, ctx);
  let evaluations = 0;
  const valid = (v: Values): boolean => {
    evaluations++;
    const s = constraintStates(model, v, ctx);
    if (!s || !s[index]) return false;
    // no rule that held may break (a rule already broken gets its own fix)
    return before ? s.every((ok, i) => ok || !before[i]) : true;
  };
  type Candidate = { changes: FixChange[]; cost: number };
  let best = undefined as Candidate | undefined;
  const bestCost = (): number => best?.cost ?? Infinity;
  const consider = (changes: FixChange[], cost: number) => {
    if (!best || cost < best.cost - 1e-12) best = { changes, cost };
  };

  // one parameter at a time: the nearest valid grid value in each direction
  for (const p of params) {
    const v0 = values[p.id];
    if (p.type === 'boolean') {
      if (evaluations < MAX_EVALUATIONS && valid({ ...values, [p.id]: !v0 })) consider([{ parameter: p.id, from: v0!, to: !v0 }], 1);
      continue;
    }
    if (typeof v0 !== 'number') continue;
    for (const dir of [1, -1] as const) {
      for (const v of gridFrom(p as NumberParameter, v0, dir)) {
        const cost = relative(p as NumberParameter, v0, v);
        if (cost >= bestCost() || evaluations >= MAX_EVALUATIONS) break;
        if (valid({ ...values, [p.id]: v })) {
          consider([{ parameter: p.id, from: v0, to: v }], cost);
          break;
        }
      }
    }
  }
  // two numeric parameters together, on a coarse grid, when no single one suffices
  const nums = params.filter((p): p is NumberParameter => p.type !== 'boolean' && typeof values[p.id] === 'number');
  if (!best)
    for (let i = 0; i < nums.length; i++)
      for (let j = i + 1; j < nums.length; j++) {
        const [a, b] = [nums[i]!, nums[j]!];
        const [a0, b0] = [values[a.id] as number, values[b.id] as number];
        const as = coarse(a, a0);
        const bs = coarse(b, b0);
        const pairs = as.flatMap((va) => bs.map((vb) => ({ va, vb, cost: relative(a, a0, va) + relative(b, b0, vb) })));
        pairs.sort((x, y) => x.cost - y.cost);
        for (const q of pairs) {
          if (q.cost >= bestCost() || evaluations >= MAX_EVALUATIONS) break;
          if (valid({ ...values, [a.id]: q.va, [b.id]: q.vb })) {
            const changes = [
              ...(q.va !== a0 ? [{ parameter: a.id, from: a0, to: q.va }] : []),
              ...(q.vb !== b0 ? [{ parameter: b.id, from: b0, to: q.vb }] : []),
            ];
            consider(changes, q.cost);
          }
        }
      }
  if (!best) return { constraint: index, message, changes: [], reason: 'not-found' };
  return { constraint: index, message, changes: best.changes };
}

/** About PAIR_GRID grid values of `p` spread over its range, plus its current value. */
function coarse(p: NumberParameter, v0: number): number[] {
  const st = stepOf(p);
  const n = Math.round((p.max - p.min) / st);
  const stride = Math.max(1, Math.ceil(n / PAIR_GRID));
  const out = new Set<number>([v0, p.min, p.max]);
  for (let k = 0; k <= n; k += stride) out.add(tidy(p.min + k * st));
  return [...out];
}

/** A fix for every violated constraint, each found from the values the earlier fixes gave. */
export function fixAll(model: ProductModel, values: Values, ctx: ValueContext = {}): { values: Values; fixes: FixResult[] } {
  let current = { ...values };
  const fixes: FixResult[] = [];
  const n = model.constraints?.length ?? 0;
  for (let i = 0; i < n; i++) {
    const states = constraintStates(model, current, ctx);
    if (!states || states[i]) continue;
    const f = findFix(model, current, i, ctx);
    fixes.push(f);
    for (const ch of f.changes) current = { ...current, [ch.parameter]: ch.to };
  }
  return { values: current, fixes };
}
