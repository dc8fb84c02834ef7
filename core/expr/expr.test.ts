import { describe, expect, it } from 'vitest';
import { compileExpr, evalBoolean, evalExpr, evalNumber, ExprError, MAX_DEPTH, MAX_SOURCE_LENGTH } from './index';
import { UserError } from '../errors';

const scope = new Map<string, number | string | boolean>([
  ['width', 80],
  ['height', 20],
  ['name', 'Ada'],
  ['handle', true],
]);
const ev = (s: string) => compileExpr(s).evaluate(scope);

describe('expression language', () => {
  it('follows arithmetic precedence and associativity', () => {
    expect(ev('1 + 2 * 3')).toBe(7);
    expect(ev('(1 + 2) * 3')).toBe(9);
    expect(ev('2 ^ 3 ^ 2')).toBe(512);
    expect(ev('-2 ^ 2')).toBe(-4);
    expect(ev('10 - 4 - 3')).toBe(3);
    expect(ev('20 / 4 / 5')).toBe(1);
    expect(ev('7 % 3')).toBe(1);
    expect(ev('2 ** 10')).toBe(1024);
    expect(ev('1.5e2 + .5')).toBe(150.5);
  });
  it('reads names, compares, and branches', () => {
    expect(ev('width / 2 + 3')).toBe(43);
    expect(ev('width > 50 ? 1 : 2')).toBe(1);
    expect(ev('handle && width >= 80')).toBe(true);
    expect(ev('not handle or height == 20')).toBe(true);
    expect(ev("name == 'Ada'")).toBe(true);
    expect(ev('a ? 1 : b ? 2 : 3'.replace('a', 'false').replace('b', 'true'))).toBe(2);
  });
  it('has the whitelisted functions, trig in degrees', () => {
    expect(ev('sin(90)')).toBeCloseTo(1, 12);
    expect(ev('cos(180)')).toBeCloseTo(-1, 12);
    expect(ev('atan2(1, 1)')).toBeCloseTo(45, 12);
    expect(ev('max(1, width, 3)')).toBe(80);
    expect(ev('clamp(150, 0, 100)')).toBe(100);
    expect(ev('len(name) * 10')).toBe(30);
    expect(ev("upper(name) + '!'")).toBe('ADA!');
    expect(ev('PI')).toBeCloseTo(Math.PI, 15);
    expect(ev('str(width)')).toBe('80');
  });
  it('lists the names an expression reads', () => {
    expect([...compileExpr('width * 2 + max(height, PI)').names].sort()).toEqual(['height', 'width']);
  });
  it('reports errors with the column and what is allowed', () => {
    expect(() => ev('width + ')).toThrow(/column 9/);
    expect(() => ev("width + 'a'")).toThrow(/'\+' needs numbers/);
    expect(() => ev('foo(1)')).toThrow(/unknown function 'foo'; allowed: abs/);
    expect(() => ev('depth * 2')).toThrow(/unknown name 'depth'; known names: width/);
    expect(() => ev('1 / 0')).toThrow(/division by zero/);
    expect(() => ev('sqrt(-1)')).toThrow(/NaN/);
    expect(() => ev('10 ^ 400')).toThrow(/infinite/);
    expect(() => ev('width.toString')).toThrow(/no property access/);
    expect(() => ev('width[0]')).toThrow(/no property access/);
    expect(() => ev('(1 + 2')).toThrow(/expected '\)'/);
    expect(() => ev('max()')).toThrow(/takes 1 to 16/);
    expect(() => ev('1 ? 2 : 3')).toThrow(/must be true\/false/);
  });
  it('typed helpers name the value they evaluate', () => {
    expect(evalNumber(5, scope, 'size')).toBe(5);
    expect(evalNumber('width * 2', scope, 'size')).toBe(160);
    expect(() => evalNumber('name', scope, 'box size')).toThrow(/box size must be a number/);
    expect(() => evalNumber(Number.NaN, scope, 'radius')).toThrow(/radius must be a finite number/);
    expect(evalBoolean('handle', scope, 'when')).toBe(true);
    expect(() => evalBoolean('width', scope, 'when')).toThrow(/when must be true or false/);
    expect(evalExpr('width', scope)).toBe(80);
  });
});

describe('hostile input', () => {
  it('never resolves names from Object.prototype', () => {
    for (const n of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(() => ev(n)).toThrow(ExprError);
      expect(() => ev(`${n}(1)`)).toThrow(/unknown function/);
    }
  });
  it('refuses deep nesting without overflowing the stack', () => {
    const deep = '('.repeat(10_000) + '1' + ')'.repeat(10_000);
    expect(() => compileExpr(deep)).toThrow(UserError);
    const ok = '('.repeat(MAX_DEPTH - 2) + '1' + ')'.repeat(MAX_DEPTH - 2);
    expect(compileExpr(ok).evaluate(scope)).toBe(1);
    expect(() => compileExpr('-'.repeat(3000) + '1')).toThrow(/nested/);
    expect(() => compileExpr('!'.repeat(3000) + 'true')).toThrow(/nested/);
  });
  it('refuses huge sources and runaway text', () => {
    expect(() => compileExpr('1+'.repeat(MAX_SOURCE_LENGTH) + '1')).toThrow(/at most 4000/);
    const s = new Map([['t', 'x'.repeat(6000)]]);
    expect(() => compileExpr('t + t').evaluate(s)).toThrow(/longer than/);
  });
  it('evaluates the largest allowed expression quickly (work is linear in its size)', () => {
    const wide = Array.from({ length: 110 }, () => 'max(width, height, 3)').join(' + ');
    expect(wide.length).toBeLessThan(4000);
    const t0 = performance.now();
    expect(compileExpr(wide).evaluate(scope)).toBe(80 * 110);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
  it('rejects non-string input cleanly', () => {
    expect(() => compileExpr(undefined as unknown as string)).toThrow(ExprError);
    expect(() => compileExpr('')).toThrow(/empty/);
    expect(() => compileExpr('"open')).toThrow(/not closed/);
    expect(() => compileExpr('12abc')).toThrow(/run into letters/);
    expect(() => compileExpr('a = 1')).toThrow(/unexpected character '='/);
  });
});
