import { describe, expect, it } from 'vitest';
import { compileExpr, ExprError } from '../expr';
import { defaultValues, type ProductModel } from '../model';
import { findFix, fixAll, validRange } from './index';

const model = {
  format: 'atelier-model/1',
  id: 't',
  name: 'T',
  description: '',
  version: '1.0.0',
  units: 'mm',
  parameters: [
    { id: 'wall', type: 'number', label: 'Wall', default: 1.2, min: 1.2, max: 5, step: 0.1 },
    { id: 'base', type: 'number', label: 'Base', default: 20, min: 10, max: 70, step: 0.5 },
    { id: 'height', type: 'number', label: 'Height', default: 200, min: 80, max: 260, step: 1 },
  ],
  constraints: [
    { expr: 'wall >= 2', message: 'wall', parameters: ['wall'] },
    { expr: 'base * 2 >= height * 0.32', message: 'tip', parameters: ['base', 'height'] },
    { expr: 'base <= 60', message: 'big', parameters: ['base'] },
    { expr: 'height > 500', message: 'never', parameters: ['height'] },
    { expr: 'PI < 3', message: 'none', parameters: [] },
  ],
  parts: [],
} as unknown as ProductModel;

describe('nearest valid design', () => {
  it('changes only the named parameter, to the nearest allowed step', () => {
    expect(findFix(model, defaultValues(model), 0)).toEqual({ constraint: 0, message: 'wall', changes: [{ parameter: 'wall', from: 1.2, to: 2 }] });
  });
  it('takes the smallest relative change among the named parameters', () => {
    // base 20 → 32 is 12/60 of its range; height 200 → 125 is 75/180: base wins
    const f = findFix(model, defaultValues(model), 1);
    expect(f.changes).toEqual([{ parameter: 'base', from: 20, to: 32 }]);
  });
  it('never breaks a rule that held', () => {
    const v = { ...defaultValues(model), height: 260, base: 20 };
    // base would need 41.6 → 42 (within 60): allowed; height needs ≤ 125
    const f = findFix(model, v, 1);
    expect(f.changes[0]!.parameter).toBe('base');
    const tight = { ...model, constraints: [...model.constraints!.slice(0, 2), { expr: 'base <= 25', message: 'cap', parameters: ['base'] }] } as ProductModel;
    expect(findFix(tight, v, 1).changes).toEqual([{ parameter: 'height', from: 260, to: 125 }]);
  });
  it('says when a rule cannot be fixed by its own parameters', () => {
    expect(findFix(model, defaultValues(model), 3).reason).toBe('not-found');
    expect(findFix(model, defaultValues(model), 4).reason).toBe('no-parameters');
  });
  it('fixes every violated rule in turn', () => {
    const r = fixAll(model, defaultValues(model));
    expect(r.values.wall).toBe(2);
    expect(r.values.base).toBe(32);
    expect(r.fixes.map((f) => f.reason ?? 'ok')).toEqual(['ok', 'ok', 'not-found', 'no-parameters']);
  });
  it('gives the valid range of a slider for the other values', () => {
    expect(validRange(model, defaultValues(model), 'wall')).toEqual({ min: 2, max: 5, restricted: true });
    expect(validRange(model, { ...defaultValues(model), height: 100 }, 'base')).toEqual({ min: 16, max: 60, restricted: true });
  });
});

describe('text measuring functions', () => {
  const scope = Object.assign(new Map<string, string | number>([['name', 'Ana'], ['size', 10]]), {
    measureText: (what: 'width' | 'height', text: string, size: number, names: readonly string[], font?: string) =>
      what === 'width' ? [...text].length * size * (font === 'wide' ? 2 : 1) + (names[0] === 'name' ? 0.5 : 0) : size,
  });
  it('measure with the scope’s callback, knowing which parameter the text reads', () => {
    expect(compileExpr('textWidth(name, size)').evaluate(scope)).toBe(30.5);
    expect(compileExpr("textWidth(upper(name), 2, 'wide')").evaluate(scope)).toBe(12.5);
    expect(compileExpr('textHeight(name, size)').evaluate(scope)).toBe(10);
  });
  it('refuses wrong argument types where they are written, and missing fonts', () => {
    expect(() => compileExpr('textWidth(5, size)')).toThrow(/first argument.*got a number \(column 11\)/);
    expect(() => compileExpr("textWidth(name, 'big')")).toThrow(/size in mm.*got text/);
    expect(() => compileExpr('textWidth(name)')).toThrow(/2 or 3 arguments/);
    expect(() => compileExpr('textWidht(name, 1)')).toThrow(/unknown function 'textWidht'; allowed: .*textWidth, textHeight/);
    expect(() => compileExpr('textWidth(name, size)').evaluate(new Map<string, string | number>([['name', 'a'], ['size', 1]]))).toThrow(ExprError);
  });
});
