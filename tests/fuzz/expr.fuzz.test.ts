// Property-based and mutation fuzzing of the expression language (core/expr): generated valid expressions compile
// and evaluate to a number, true/false or text (or fail with an ExprError); random, mutated and hostile sources
// (deep nesting, huge input, unicode, __proto__/constructor, 1e999) end in an ExprError or a value, fast, and
// never touch Object.prototype.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compileCached,
  compileExpr,
  evalBoolean,
  evalExpr,
  evalNumber,
  evalText,
  ExprError,
  FUNCTION_NAMES,
  MAX_DEPTH,
  MAX_SOURCE_LENGTH,
  MAX_TEXT_LENGTH,
  type Value,
} from '../../core/expr';
import { CASE_MS, expectNoPollution, outcome, prototypeSnapshot, seed } from './fuzz-support';

const scope = new Map<string, Value>([
  ['width', 80],
  ['height', 20.5],
  ['zero', 0],
  ['neg', -3],
  ['big', 1e300],
  ['name', 'Zoë Ångström'],
  ['empty', ''],
  ['flag', true],
  ['off', false],
]);
const NAMES = [...scope.keys()];

/** Compiles and evaluates; the result is a Value or an ExprError, within the time bound. */
function run(src: string) {
  return outcome(() => compileExpr(src).evaluate(scope), `expression ${JSON.stringify(src.length > 200 ? src.slice(0, 200) + '…' : src)}`);
}

function expectValue(v: unknown): void {
  expect(['number', 'boolean', 'string']).toContain(typeof v);
  if (typeof v === 'number') expect(Number.isFinite(v), `non-finite result ${v}`).toBe(true);
  if (typeof v === 'string') expect(v.length).toBeLessThanOrEqual(Math.max(MAX_TEXT_LENGTH, ...[...scope.values()].map((x) => String(x).length)));
}

function expectExprError(src: string): ExprError {
  const r = run(src);
  expect(r.ok, `expected an ExprError for ${JSON.stringify(src.slice(0, 120))}`).toBe(false);
  if (r.ok) throw new Error('unreachable');
  expect(r.error).toBeInstanceOf(ExprError);
  return r.error as ExprError;
}

let before = '';
beforeAll(() => {
  before = prototypeSnapshot();
});
afterAll(() => expectNoPollution(before));

// ---- generators -----------------------------------------------------------------------------------------------

const ARITY: Record<string, [number, number]> = {
  abs: [1, 1], floor: [1, 1], ceil: [1, 1], round: [1, 1], sqrt: [1, 1], sin: [1, 1], cos: [1, 1], tan: [1, 1],
  asin: [1, 1], acos: [1, 1], atan: [1, 1], atan2: [2, 2], pow: [2, 2], min: [1, 16], max: [1, 16], clamp: [3, 3],
  lerp: [3, 3], len: [1, 1], upper: [1, 1], lower: [1, 1], trim: [1, 1], str: [1, 1], textWidth: [2, 3], textHeight: [2, 3],
};

const literal = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }).map(String),
  fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((d) => String(d).replace('e+', 'e')),
  fc.constantFrom('.5', '1.', '1e3', '2E-3', '0', 'PI', 'true', 'false', "'a'", '"Zoë"', "'it\\'s'", "''"),
  fc.constantFrom(...NAMES),
);

/** Syntactically valid expressions with correct function arities: they must always compile. */
const validExpr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    literal,
    fc.tuple(fc.constantFrom('-', '+', '!', 'not '), tie('e')).map(([op, a]) => `${op}(${a})`),
    fc
      .tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '%', '^', '**', '==', '!=', '<', '<=', '>', '>=', '&&', '||', ' and ', ' or '), tie('e'))
      .map(([a, op, b]) => `(${a}${op}${b})`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    fc
      .constantFrom(...Object.keys(ARITY))
      .chain((f) =>
        // text measures take text first (a literal of another type is refused when compiling)
        /^text(Width|Height)$/.test(f)
          ? fc.integer({ min: 1, max: 40 }).map((size) => `${f}('Ana', ${size})`)
          : fc.array(tie('e'), { minLength: ARITY[f]![0], maxLength: Math.min(ARITY[f]![1], 4) }).map((args) => `${f}(${args.join(', ')})`),
      ),
  ),
})).e;

// ---- properties ---------------------------------------------------------------------------------------------------

describe('expression language fuzz', () => {
  it('every function the fuzzer calls is a real one (the generator stays in step with the language)', () => {
    expect(Object.keys(ARITY).sort()).toEqual([...FUNCTION_NAMES].sort());
  });

  it('generated valid expressions compile and evaluate to a number, true/false or text, or an ExprError', () => {
    const seen = { value: 0, error: 0, kinds: new Set<string>() };
    fc.assert(
      fc.property(validExpr, (src) => {
        fc.pre(src.length <= MAX_SOURCE_LENGTH);
        const compiled = outcome(() => compileExpr(src), `compile ${src}`);
        // Valid syntax with correct arities compiles, unless it is nested past MAX_DEPTH.
        if (!compiled.ok) {
          expect(compiled.error.message).toMatch(/nested more than/);
          return;
        }
        for (const n of compiled.value.names) expect(src).toContain(n);
        const r = outcome(() => compiled.value.evaluate(scope), `evaluate ${src}`);
        if (r.ok) {
          seen.value++;
          seen.kinds.add(typeof r.value);
          expectValue(r.value);
          // Deterministic, and the cached path agrees.
          expect(compileCached(src).evaluate(scope)).toEqual(r.value);
          expect(evalExpr(src, scope)).toEqual(r.value);
        } else {
          seen.error++;
          expect(r.error).toBeInstanceOf(ExprError);
          expect(() => evalExpr(src, scope)).toThrow(ExprError);
        }
      }),
      { ...seed(1), numRuns: 1500 },
    );
    // The generator reaches both outcomes and every kind of value, so the property is not vacuous.
    expect(seen.value).toBeGreaterThan(150);
    expect(seen.error).toBeGreaterThan(150);
    expect([...seen.kinds].sort()).toEqual(['boolean', 'number', 'string']);
  });

  it('integer arithmetic agrees with a reference evaluator', () => {
    type T = { src: string; v: bigint };
    const small = fc.integer({ min: 0, max: 50 }).map((n): T => ({ src: String(n), v: BigInt(n) }));
    const arith: fc.Arbitrary<T> = fc.letrec<{ t: T }>((tie) => ({
      t: fc.oneof(
        { depthSize: 'small' },
        small,
        fc.tuple(tie('t'), fc.constantFrom('+', '-', '*'), tie('t')).map(([a, op, b]): T => ({
          src: `(${a.src} ${op} ${b.src})`,
          v: op === '+' ? a.v + b.v : op === '-' ? a.v - b.v : a.v * b.v,
        })),
        tie('t').map((a): T => ({ src: `-${a.src}`, v: -a.v })),
      ),
    })).t;
    fc.assert(
      fc.property(arith, ({ src, v }) => {
        fc.pre(src.length <= MAX_SOURCE_LENGTH);
        const r = run(src);
        if (!r.ok) return expect(r.error.message).toMatch(/nested more than/);
        // Doubles are exact below 2^53; above, only the magnitude must agree.
        // -0 and 0 are the same value to a model (they compare equal and print as 0).
        if (v < 2n ** 53n && v > -(2n ** 53n)) expect(r.value === Number(v), `${String(r.value)} !== ${v}`).toBe(true);
        else expect(Math.sign(r.value as number)).toBe(Number(v > 0n) - Number(v < 0n));
      }),
      { ...seed(2), numRuns: 800 },
    );
  });

  it('random token soup ends in a value or an ExprError, fast', () => {
    const token = fc.constantFrom(
      ...['(', ')', ',', '?', ':', '+', '-', '*', '/', '%', '^', '**', '!', '==', '!=', '<', '<=', '>', '>=', '&&', '||', 'and', 'or', 'not'],
      ...['1', '0', '2.5', '1e999', '1e308', '.', '[', ']', '{', '}', '=', ';', '$', '`', "'", '"', '\\', '@', '#'],
      ...['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'this', 'globalThis', 'process', 'eval', 'Function'],
      ...[...FUNCTION_NAMES, ...NAMES, 'PI', 'true', 'false', ' ', '\t', '\n', 'é', '😀', '\u0000', '\ud800', '\u202e'],
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }).map((t) => t.join('')), (src) => {
        const r = run(src);
        if (r.ok) expectValue(r.value);
        else expect(r.error).toBeInstanceOf(ExprError);
      }),
      { ...seed(3), numRuns: 3000 },
    );
  });

  it('arbitrary unicode and binary-ish strings end in a value or an ExprError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ maxLength: 80 })), (src) => {
        const r = run(src);
        if (r.ok) expectValue(r.value);
        else expect(r.error).toBeInstanceOf(ExprError);
      }),
      { ...seed(4), numRuns: 700 },
    );
  });

  it('mutations of valid expressions end in a value or an ExprError', () => {
    fc.assert(
      fc.property(validExpr, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 4 }), (src, ops) => {
        let s = src;
        for (const [a, b, ins] of ops) {
          const i = a % (s.length + 1);
          s = b % 3 === 0 ? s.slice(0, i) + s.slice(i + 1) : b % 3 === 1 ? s.slice(0, i) + ins + s.slice(i) : s.slice(0, i) + s.slice(i, i + 8).repeat(b % 50) + s.slice(i);
        }
        const r = run(s);
        if (r.ok) expectValue(r.value);
        else expect(r.error).toBeInstanceOf(ExprError);
      }),
      { ...seed(5), numRuns: 1000 },
    );
  });

  it('deep nesting of every kind is refused with a message, not a stack overflow', () => {
    const shapes: ((n: number) => string)[] = [
      (n) => '('.repeat(n) + '1' + ')'.repeat(n),
      (n) => '('.repeat(n),
      (n) => '-'.repeat(n) + '1',
      (n) => '!'.repeat(n) + 'true',
      (n) => 'not '.repeat(n) + 'true',
      (n) => '2^'.repeat(n) + '2',
      (n) => 'abs('.repeat(n) + '1' + ')'.repeat(n),
      (n) => 'true ? '.repeat(n) + '1' + ' : 2'.repeat(n),
      (n) => '1 + '.repeat(n) + '1',
      (n) => 'min(' + '1,'.repeat(n) + '1)',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...shapes.keys()), fc.oneof(fc.integer({ min: 0, max: 2 * MAX_DEPTH }), fc.integer({ min: 0, max: 200_000 })), (k, n) => {
        const src = shapes[k]!(n);
        const r = run(src);
        if (r.ok) expectValue(r.value);
        else {
          expect(r.error).toBeInstanceOf(ExprError);
          expect(r.error.message.length).toBeLessThan(2000);
        }
        if (src.length > MAX_SOURCE_LENGTH) expect(r.ok).toBe(false);
      }),
      { ...seed(6), numRuns: 400 },
    );
    // The limits are what they claim: MAX_DEPTH parentheses work, far more are refused by name.
    expect(run('('.repeat(MAX_DEPTH - 2) + '1' + ')'.repeat(MAX_DEPTH - 2)).ok).toBe(true);
    expect(expectExprError('('.repeat(1000) + '1' + ')'.repeat(1000)).message).toMatch(/nested more than 64 levels/);
    expect(expectExprError('1+'.repeat(MAX_SOURCE_LENGTH) + '1').message).toMatch(/at most 4000/);
  });

  it('property access, prototype names and host objects are not reachable', () => {
    for (const src of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'globalThis', 'process', 'this']) {
      expect(expectExprError(src).message).toMatch(/unknown name/);
      expect(expectExprError(`${src}()`).message).toMatch(/unknown function/);
      expect(expectExprError(`${src}(1, 2)`).message).toMatch(/unknown function/);
    }
    for (const src of ['width.constructor', "name['length']", 'width[0]', '"a".__proto__', 'x = 1', 'width; 1', '`x`', '$', '{}']) expectExprError(src);
    // A scope with such keys is only read as a Map: no prototype lookups.
    const hostile = new Map<string, Value>([['__proto__', 1], ['constructor', 2]]);
    expect(compileExpr('__proto__ + constructor').evaluate(hostile)).toBe(3);
  });

  it('huge numbers, huge text and runaway results are refused with messages', () => {
    expect(expectExprError('1e999').message).toMatch(/too large/);
    expect(expectExprError('9'.repeat(400)).message).toMatch(/too large|unexpected/);
    expect(expectExprError('1e308 * 10').message).toMatch(/infinite/);
    expect(expectExprError('big * big').message).toMatch(/infinite/);
    expect(expectExprError('0 / 0').message).toMatch(/division by zero/);
    expect(expectExprError('sqrt(neg)').message).toMatch(/NaN/);
    expect(expectExprError('pow(10, 400)').message).toMatch(/infinite/);
    expect(expectExprError('10 ^ 400').message).toMatch(/infinite/);
    const longText = `'${'x'.repeat(3000)}'`;
    expect(expectExprError(`${longText} + ${longText} + ${longText} + ${longText}`).message).toMatch(/at most 4000|longer than/);
    expect(expectExprError(`upper('${'ß'.repeat(3990)}') + upper('${'ß'.repeat(10)}')`).message).toMatch(/at most 4000|longer than/);
  });

  it('the typed helpers wrap failures as ExprErrors naming what was evaluated', () => {
    fc.assert(
      fc.property(validExpr, fc.constantFrom('number', 'boolean', 'text'), (src, kind) => {
        fc.pre(src.length <= MAX_SOURCE_LENGTH);
        const r = outcome(
          () => (kind === 'number' ? evalNumber(src, scope, 'the width') : kind === 'boolean' ? evalBoolean(src, scope, 'the width') : evalText(src, scope, 'the width')),
          `${kind} ${src}`,
        );
        if (r.ok) {
          if (kind === 'number') expect(Number.isFinite(r.value)).toBe(true);
          else if (kind === 'boolean') expect(typeof r.value).toBe('boolean');
          else expect(typeof r.value).toBe('string');
        } else {
          expect(r.error).toBeInstanceOf(ExprError);
          expect(r.error.message).toMatch(/^the width/);
        }
      }),
      { ...seed(7), numRuns: 600 },
    );
    for (const bad of [NaN, Infinity, -Infinity]) expect(() => evalNumber(bad, scope, 'the width')).toThrow(/finite/);
  });

  it('thousands of distinct sources through the cache stay correct and bounded in time', () => {
    const t0 = performance.now();
    for (let i = 0; i < 6000; i++) expect(compileCached(`${i} + width`).evaluate(scope)).toBe(i + 80);
    expect(compileCached('0 + width').evaluate(scope)).toBe(80);
    expect(performance.now() - t0).toBeLessThan(6000 * CASE_MS);
  });
});
