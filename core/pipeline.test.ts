// The prepared scope the UI thread sends the geometry worker (evaluated once per edit), and the checks the worker
// makes before building from it: a catalog model's own scope passes; a missing, extra, altered or non-plain entry,
// or something that is not a scope, is refused.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModel } from './model';
import type { Value } from './expr';
import { acceptPreparedScope, prepareDesign } from './pipeline';

const mug = parseModel(readFileSync(new URL('../assets/models/mug/mug.model.json', import.meta.url), 'utf8'));
const derivedId = mug.derived![0]!.id;
const param = mug.parameters.find((p) => p.type === 'number')!;

/** A stand-in for a font: the mug's rules measure its text (a real font library is tested in core/text). */
const ctx = { measureText: (_font: string, text: string, size: number) => ({ width: text.length * size * 0.6, height: size }) };

function prepared(values: Record<string, unknown> = {}) {
  const prep = prepareDesign(mug, values, ctx);
  expect(prep.problems).toEqual([]);
  return prep;
}

describe('acceptPreparedScope', () => {
  it("accepts the UI's scope and returns the same entries", () => {
    const prep = prepared({ [param.id]: param.default });
    const got = acceptPreparedScope(mug, prep.values, structuredClone(prep.scope), ctx);
    expect([...got]).toEqual([...prep.scope]);
    expect(got.size).toBe(mug.parameters.length + mug.derived!.length);
  });

  it('gives the scope a text measurer when the worker has fonts', () => {
    const prep = prepared();
    const got = acceptPreparedScope(mug, prep.values, prep.scope, ctx) as Map<string, Value> & { measureText?: unknown };
    expect(typeof got.measureText).toBe('function');
  });

  it('refuses a scope that lacks a derived value, adds a name, alters a parameter or holds a non-plain value', () => {
    const prep = prepared();
    const variants: [string, (s: Map<string, unknown>) => void][] = [
      ['a derived value missing', (s) => s.delete(derivedId)],
      ['an extra name', (s) => s.set('not_in_the_model', 1)],
      ['a parameter that differs from its value', (s) => s.set(param.id, Number(prep.values[param.id]) + 1)],
      ['a derived value that is not finite', (s) => s.set(derivedId, Number.NaN)],
      ['a derived value that is an object', (s) => s.set(derivedId, { valueOf: () => 1 })],
    ];
    for (const [what, change] of variants) {
      const s = new Map<string, unknown>(prep.scope);
      change(s);
      expect(() => acceptPreparedScope(mug, prep.values, s), what).toThrow(/prepared scope refused/);
    }
    expect(() => acceptPreparedScope(mug, prep.values, Object.fromEntries(prep.scope))).toThrow(/not a scope/);
    expect(() => acceptPreparedScope(mug, prep.values, null)).toThrow(/not a scope/);
  });

  it('checks the parameters against the values they resolve to, not against the values sent', () => {
    const prep = prepared();
    // a value sent as a string is coerced by resolveValues; the scope holds the number the UI resolved it to
    const sent = { ...prep.values, [param.id]: String(prep.values[param.id]) };
    expect(acceptPreparedScope(mug, sent, prep.scope, ctx).get(param.id)).toBe(prep.values[param.id]);
  });
});
