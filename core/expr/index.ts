// The expression language of model files: public entry. Compile once (cached), evaluate many times.
// See docs/module-contracts.md and docs/model-format.md. Pure TypeScript, no eval.

import { compileExpr, type CompiledExpr, type Scope, type Value } from './compile';
import { ExprError } from './parse';

export { compileExpr, FUNCTION_NAMES, MAX_STEPS, MAX_TEXT_LENGTH } from './compile';
export type { CompiledExpr, Scope, TextMeasurer, Value } from './compile';
export { ExprError, MAX_DEPTH, MAX_SOURCE_LENGTH } from './parse';

/** Distinct expression sources kept compiled: a catalog has a few thousand at most. */
const CACHE_LIMIT = 5000;
const cache = new Map<string, CompiledExpr>();

export function compileCached(source: string): CompiledExpr {
  let c = cache.get(source);
  if (!c) {
    c = compileExpr(source);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(source, c);
  }
  return c;
}

/** Evaluates a number literal or an expression string. */
export function evalExpr(e: number | string, scope: Scope): Value {
  if (typeof e === 'number') return e;
  return compileCached(e).evaluate(scope);
}

/** Evaluates to a finite number or throws an ExprError naming `what`. */
export function evalNumber(e: number | string, scope: Scope, what: string): number {
  if (typeof e === 'number') {
    if (!Number.isFinite(e)) throw new ExprError(`${what} must be a finite number`);
    return e;
  }
  const v = withContext(e, scope, what);
  if (typeof v !== 'number') throw new ExprError(`${what} must be a number, but '${e}' gives ${typeof v === 'string' ? 'text' : 'true/false'}`);
  return v;
}

export function evalBoolean(e: string | boolean, scope: Scope, what: string): boolean {
  if (typeof e === 'boolean') return e;
  const v = withContext(e, scope, what);
  if (typeof v !== 'boolean') throw new ExprError(`${what} must be true or false, but '${e}' gives ${typeof v === 'string' ? 'text' : 'a number'}`);
  return v;
}

export function evalText(e: string, scope: Scope, what: string): string {
  const v = withContext(e, scope, what);
  return typeof v === 'string' ? v : typeof v === 'number' ? String(Math.round(v * 1e6) / 1e6) : String(v);
}

function withContext(e: string, scope: Scope, what: string): Value {
  try {
    return compileCached(e).evaluate(scope);
  } catch (err) {
    if (err instanceof ExprError) throw new ExprError(`${what}: ${err.message} in '${e.length > 80 ? e.slice(0, 80) + '…' : e}'`);
    throw err;
  }
}
