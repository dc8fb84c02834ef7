// Shared pieces of the fuzz suite: fixed seeds, a per-case time bound, the "clean outcome" check (a value or a
// UserError, never a raw TypeError/RangeError), and a guard that Object.prototype is untouched after a run.
import { expect } from 'vitest';
import { UserError } from '../../core/errors';

/** One fixed seed per property, so CI runs the same cases every time; fast-check prints it on failure. */
export const seed = (n: number): { seed: number; numRuns?: number } => ({ seed: 0x5eed0000 + n });

/** Time one case may take; generous for a 2-core CI machine, far below a hang. */
export const CASE_MS = 200;

export type Outcome<T> = { ok: true; value: T; ms: number } | { ok: false; error: UserError; ms: number };

/**
 * Runs `f` and classifies the result: a value, or a UserError (including ExprError/BudgetError). Anything else
 * thrown (TypeError, RangeError, a string…) fails the case with the input shown, as does taking longer than `maxMs`.
 */
export function outcome<T>(f: () => T, label: string, maxMs = CASE_MS): Outcome<T> {
  const first = attempt(f, label);
  if (first.ms <= maxMs) return first;
  // A garbage collection or a busy neighbour process can stall one run: a case is slow only if it is slow twice.
  const again = attempt(f, label);
  if (again.ms > maxMs) throw new Error(`${label}: took ${Math.round(Math.min(first.ms, again.ms))} ms, more than ${maxMs} ms`);
  return again;
}

function attempt<T>(f: () => T, label: string): Outcome<T> {
  const t0 = performance.now();
  let r: Outcome<T>;
  try {
    const value = f();
    r = { ok: true, value, ms: 0 };
  } catch (e) {
    if (!(e instanceof UserError)) {
      const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      throw new Error(`${label}: threw a non-user error (${what})`, { cause: e });
    }
    expect(e.problems.length, `${label}: a UserError must name at least one problem`).toBeGreaterThan(0);
    for (const p of e.problems) expect(typeof p.message === 'string' && p.message.length > 0, `${label}: empty problem message`).toBe(true);
    r = { ok: false, error: e, ms: 0 };
  }
  r.ms = performance.now() - t0;
  return r;
}

/** A snapshot of Object.prototype (and Array.prototype) own keys, to prove no input polluted them. */
export function prototypeSnapshot(): string {
  const keys = (o: object) => Reflect.ownKeys(o).map(String).sort().join(',');
  return `${keys(Object.prototype)}|${keys(Array.prototype)}|${keys(Function.prototype)}`;
}

export function expectNoPollution(before: string): void {
  expect(prototypeSnapshot()).toBe(before);
  const probe = {} as Record<string, unknown>;
  for (const k of ['polluted', 'isAdmin', 'x', 'a', 'hacked']) expect(probe[k], `Object.prototype.${k} appeared`).toBeUndefined();
}

/** Mutations of a text: flip, delete, insert or duplicate a slice. Used on model files and XML parts. */
export function mutateText(text: string, ops: { kind: number; at: number; len: number; payload: string }[]): string {
  let s = text;
  for (const op of ops) {
    const at = Math.floor(op.at * (s.length + 1));
    const len = Math.min(op.len, s.length - at);
    switch (op.kind % 5) {
      case 0: // flip one character
        if (at < s.length) s = s.slice(0, at) + String.fromCharCode(s.charCodeAt(at) ^ (1 << op.len % 7)) + s.slice(at + 1);
        break;
      case 1: // delete a slice
        s = s.slice(0, at) + s.slice(at + len);
        break;
      case 2: // insert a payload
        s = s.slice(0, at) + op.payload + s.slice(at);
        break;
      case 3: // duplicate a slice
        s = s.slice(0, at + len) + s.slice(at, at + len) + s.slice(at + len);
        break;
      default: // truncate
        s = s.slice(0, at);
    }
  }
  return s;
}

/** Payloads that hostile files like to contain. */
export const HOSTILE_SNIPPETS = [
  '__proto__',
  '"__proto__": {"polluted": 1},',
  '"constructor": {"prototype": {"polluted": 1}},',
  '{"__proto__": {"polluted": 1}}',
  '1e308',
  '1e999',
  '-1e999',
  'NaN',
  'Infinity',
  '-0',
  '0.0000000000000000000000000000001',
  '123456789012345678901234567890',
  '"\u0000"',
  '"\\u0000"',
  '"\\ud800"',
  '"👩‍👩‍👧‍👦"',
  '"ß\u0130\u0131"',
  '\n',
  '"\n[[[[',
  '/* " */',
  '[[[[[[[[[[',
  '{{{{{',
  ']]]]]',
  '"',
  '\\',
  ',',
  ':',
  'null',
  'true',
  '[]',
  '{}',
  '"x".repeat',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '&a;',
  '&#0;',
  '&#x110000;',
  '../',
  'constructor',
  'toString',
  'hasOwnProperty',
];
