import { describe, expect, it } from 'vitest';
import { UserError } from '../errors';
import {
  checkConstraints,
  defaultValues,
  evaluateScope,
  isParameterVisible,
  parseDesign,
  parseModel,
  presetValues,
  resolveValues,
  serializeDesign,
  type MaterialCatalog,
} from './index';

const materials: MaterialCatalog = {
  currency: 'EUR',
  materials: [
    { id: 'pla-white', name: 'PLA white', process: 'fdm', color: '#f4f4f4', density: 1.24, pricePerKg: 25, metallic: 0, roughness: 0.6 },
    { id: 'pla-black', name: 'PLA black', process: 'fdm', color: '#222222', density: 1.24, pricePerKg: 25, metallic: 0, roughness: 0.6 },
  ],
};

const good = {
  format: 'atelier-model/1',
  id: 'nameplate',
  name: 'Nameplate',
  description: 'A desk nameplate',
  version: '1.0.0',
  units: 'mm',
  parameters: [
    { id: 'width', type: 'number', label: 'Width', default: 80, min: 40, max: 200, step: 1, unit: 'mm' },
    { id: 'name', type: 'text', label: 'Name', default: 'Ada', maxLength: 12, font: 'sans' },
    { id: 'stand', type: 'boolean', label: 'Stand', default: true },
    { id: 'tilt', type: 'number', label: 'Tilt', default: 15, min: 0, max: 30, unit: 'deg', visibleWhen: 'stand' },
    { id: 'style', type: 'choice', label: 'Style', default: 'flat', options: [{ value: 'flat', label: 'Flat' }, { value: 'round', label: 'Rounded' }] },
    { id: 'plate', type: 'material', label: 'Plate', default: 'pla-white' },
  ],
  derived: [{ id: 'half', expr: 'width / 2' }],
  constraints: [{ expr: 'len(name) * 8 <= width', message: 'The name is too long for this width.', parameters: ['name'] }],
  presets: [{ id: 'wide', name: 'Wide', values: { width: 160 } }],
  parts: [
    { name: 'Plate', material: 'plate', solid: { type: 'box', size: ['width', 20, 3] } },
    { name: 'Letters', material: 'pla-black', solid: { type: 'translate', offset: ['half', 10, 3], children: [{ type: 'text', text: 'name', size: 8, height: 1 }] } },
  ],
};

const text = (o: unknown) => JSON.stringify(o, null, 2);
function problemsOf(t: string) {
  try {
    parseModel(t, { materials, fontIds: ['sans'] });
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as UserError).problems;
  }
  throw new Error('expected the model to be refused');
}

describe('parseModel', () => {
  it('accepts a good model', () => {
    const m = parseModel(text(good), { materials, fontIds: ['sans'] });
    expect(m.parts).toHaveLength(2);
  });

  it('reports every problem with path, line and the allowed values', () => {
    const bad = structuredClone(good) as Record<string, any>;
    bad.parameters[0].type = 'numbr';
    bad.parameters[1].maxLength = 'x';
    bad.parts[0].solid.type = 'cube';
    bad.parts[1].material = 'gold';
    bad.extra = 1;
    const ps = problemsOf(text(bad));
    const at = (path: string) => ps.find((p) => p.path === path);
    expect(at('$.parameters[0].type')?.message).toMatch(/allowed: number, integer, boolean, choice, text, color, material/);
    expect(at('$.parameters[0].type')?.line).toBe(text(bad).split('\n').findIndex((l) => l.includes('"numbr"')) + 1);
    expect(at('$.parameters[1].maxLength')?.message).toMatch(/must be a number/);
    expect(at('$.parts[0].solid.type')?.message).toMatch(/"cube" is not known; allowed: box, cylinder/);
    expect(at('$.extra')?.message).toMatch(/not a known property/);
  });

  it('checks expressions, names, ranges and references', () => {
    const bad = structuredClone(good) as Record<string, any>;
    bad.derived.push({ id: 'oops', expr: 'widht * 2' });
    bad.parameters[0].default = 500;
    bad.parameters.push({ id: 'width', type: 'boolean', label: 'dup', default: false });
    bad.constraints.push({ expr: 'width >', message: 'x' });
    bad.presets.push({ id: 'p', name: 'P', values: { nope: 1, width: 10 } });
    bad.parts[1].material = 'gold';
    bad.parts[0].solid = { type: 'mesh', file: '../../etc/passwd.stl' };
    const ps = problemsOf(text(bad));
    const msgs = ps.map((p) => `${p.path}: ${p.message}`).join('\n');
    expect(msgs).toMatch(/derived\[1\]\.expr: 'widht \* 2' uses 'widht'.*did you mean 'width'/);
    expect(msgs).toMatch(/parameters\[0\]\.default: default: width must be between 40 and 200 mm; got 500/);
    expect(msgs).toMatch(/parameters\[6\]\.id: id 'width' is used twice/);
    expect(msgs).toMatch(/constraints\[1\]\.expr: expression 'width >'/);
    expect(msgs).toMatch(/presets\[1\]\.values\.nope: 'nope' is not a parameter/);
    expect(msgs).toMatch(/presets\[1\]\.values\.width: width must be between 40 and 200/);
    expect(msgs).toMatch(/parts\[1\]\.material: 'gold' is neither a material/);
    expect(msgs).toMatch(/parts\[0\]\.solid\.file: .* relative path/);
  });

  it('reports JSON syntax errors with line and column', () => {
    const ps = problemsOf('{\n  "format": "atelier-model/1",\n  "id": nope\n}');
    expect(ps[0]!.line).toBe(3);
    expect(ps[0]!.message).toMatch(/not valid JSON/);
  });

  it('survives hostile input with a UserError only', () => {
    for (const t of ['null', '[]', '"x"', '1e999', '{"__proto__": {"polluted": 1}}', '['.repeat(100000), '{"a":' .repeat(5000), '', '\u0000']) {
      expect(() => parseModel(t)).toThrow(UserError);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const future = { ...good, format: 'atelier-model/7' };
    expect(problemsOf(text(future))[0]!.message).toMatch(/does not know; it reads atelier-model\/1/);
  });
});

describe('values', () => {
  const m = parseModel(text(good), { materials, fontIds: ['sans'] });
  it('coerces CLI strings and checks ranges, options and text', () => {
    const r = resolveValues(m, { width: '120', stand: 'no', style: 'Rounded', name: 'Bob' });
    expect(r.problems).toEqual([]);
    expect(r.values).toMatchObject({ width: 120, stand: false, style: 'round', name: 'Bob', tilt: 15 });
    const bad = resolveValues(m, { width: '500', stand: 'maybe', style: 'x', nope: 1, name: 'A'.repeat(13), plate: 'gold' }, { materials });
    const msgs = bad.problems.map((p) => p.message).join('\n');
    expect(msgs).toMatch(/width must be between 40 and 200 mm; got 500/);
    expect(msgs).toMatch(/stand must be true or false/);
    expect(msgs).toMatch(/style must be one of flat \(Flat\), round \(Rounded\)/);
    expect(msgs).toMatch(/no parameter 'nope'; parameters: width, name/);
    expect(resolveValues(m, { widht: 50 }).problems.map((p) => p.message).join('\n')).toMatch(/no parameter 'widht'; did you mean 'width'\? parameters: width/);
    expect(msgs).toMatch(/at most 12 characters/);
    expect(msgs).toMatch(/plate must be one of pla-white, pla-black/);
    const glyph = resolveValues(m, { name: 'Añb' }, { missingChars: (_f, t) => [...t].filter((c) => c === 'ñ') });
    expect(glyph.problems[0]!.message).toMatch(/font 'sans' has no glyph for 'ñ'/);
  });
  it('evaluates derived values, constraints and visibility', () => {
    const scope = evaluateScope(m, { ...defaultValues(m), width: 100 });
    expect(scope.get('half')).toBe(50);
    expect(checkConstraints(m, scope)).toEqual([]);
    const tight = evaluateScope(m, { ...defaultValues(m), width: 40, name: 'Bartholomew' });
    expect(checkConstraints(m, tight)[0]).toMatchObject({ message: 'The name is too long for this width.', parameter: 'name' });
    const tilt = m.parameters.find((p) => p.id === 'tilt')!;
    expect(isParameterVisible(m, tilt, evaluateScope(m, { ...defaultValues(m), stand: false }))).toBe(false);
    expect(presetValues(m, 'wide')).toEqual({ width: 160 });
    expect(() => presetValues(m, 'nope')).toThrow(/presets: wide \(Wide\)/);
  });
});

describe('designs', () => {
  it('round-trips and refuses malformed designs with paths', () => {
    const d = { format: 'atelier-design/1' as const, model: { id: 'nameplate', version: '1.0.0' }, values: { width: 90, name: 'Zoë' }, materials: { Plate: 'pla-black' } };
    expect(parseDesign(serializeDesign(d))).toEqual(d);
    expect(() => parseDesign('{"format":"atelier-design/1","model":{"id":"../x","version":"1"},"values":{"a":{}}}')).toThrow(/model must be/);
    try {
      parseDesign('{"format":"x","model":{"id":"a","version":"1"},"values":{}}', 'a.atelier.json');
    } catch (e) {
      expect((e as UserError).problems[0]).toMatchObject({ file: 'a.atelier.json', line: 1, path: '$.format' });
    }
  });
});
