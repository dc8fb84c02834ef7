// Model-file problems carry codes (core/model/validate.ts): in English the UI's sentence is exactly core's message,
// in Portuguese every placeholder is filled and no English sentence is left.
import { describe, expect, it } from 'vitest';
import { UserError, type Problem } from '../../core/errors';
import { parseModel } from '../../core/model';
import { en } from '../../renderer/ui/i18n/en';
import { ptBR } from '../../renderer/ui/i18n/pt-BR';
import { formatMessage, type Words } from '../../renderer/ui/i18n/format-message';

const words = (locale: 'en' | 'pt-BR'): Words => {
  const cat: Record<string, string> = locale === 'en' ? en : ptBR;
  return { locale, say: (k, vars = {}) => (k in cat ? cat[k]!.replace(/\{(\w+)\}/g, (m, v: string) => vars[v] ?? m) : null) };
};

const good = {
  format: 'atelier-model/1', id: 'tag', name: 'Tag', description: 'A tag', version: '1.0.0', units: 'mm',
  parameters: [{ id: 'width', type: 'number', label: 'Width', default: 40, min: 20, max: 80, step: 0.5 }],
  parts: [{ name: 'Tag', material: 'pla-white', solid: { type: 'box', size: ['width', 20, 3] } }],
};

function problems(o: unknown): Problem[] {
  try {
    parseModel(JSON.stringify(o));
  } catch (e) {
    if (e instanceof UserError) return e.problems;
    throw e;
  }
  return [];
}

describe('model-file problems in every language', () => {
  const bad = [
    { ...good, id: 'Not Kebab', version: 1, units: 'inch', extra: true },
    { ...good, name: { 'pt-BR': 'Etiqueta', fr: 'Étiquette' }, parameters: [{ id: '9w', type: 'numbr', label: 'W' }] },
    { ...good, parameters: [{ ...good.parameters[0], step: -1, default: 'x', label: 7 }], parts: [{ name: '', material: 'pla-white', solid: { type: 'box', size: [1, 2] } }] },
    { ...good, parts: {}, tags: 'gift', description: null },
    { ...good, parts: [{ name: 'Tag', material: 'pla-white', solid: { type: 'cube' } }, { name: 'B', material: 'x', solid: { size: [1, 1, 1] } }] },
  ];
  // well-formed files that break what a schema cannot say (semantic checks); expression errors and a default's value
  // problem (core's value sentence about the parameter id) keep their English words
  const sem = [
    { ...good, parameters: [good.parameters[0], { ...good.parameters[0], min: 90 }, { id: 'PI', type: 'boolean', label: 'P', default: true }],
      derived: [{ id: 'width', expr: 1 }], constraints: [{ expr: 'true', message: 'm', parameters: ['nope'] }],
      presets: [{ id: 'a', name: 'A', values: { nope: 1 } }, { id: 'a', name: 'B', values: {} }] },
    { ...good, parts: [
      { name: 'Tag', material: 'width', color: 'red', solid: { type: 'union', children: [{ type: 'cylinder', height: 2 }, { type: 'mesh', file: '../x.stl' }, { type: 'mesh', file: 'x.obj' }, { type: 'text', text: "'A'", size: 5, height: 1 }] } },
      { name: 'Tag', material: 'pla-white', solid: { type: 'box', size: [1, 1, 1] } }] },
  ];
  // JSON syntax errors (core/model/json-syntax.ts) and whole-file problems
  const syntax = ['{\n  "a": 1\n  "b": 2\n}', '{"a": [1, 2,]}', '{"a": "x\\qy"}', '{"a": [1,\n', '{"a": 1} x', '{"a": 01}', '{"a": "\u0001"}', '', '{"a": : }'];
  const fromText = (t: string): Problem[] => {
    try {
      parseModel(t);
    } catch (e) {
      if (e instanceof UserError) return e.problems;
      throw e;
    }
    return [];
  };
  // a schema problem and a semantic one in the same file are both reported (all stages run)
  const all = [...bad, ...sem].flatMap(problems).filter((p) => !/expression|uses '|^default: /.test(p.message)).concat(syntax.flatMap(fromText));

  it('gives a code to every structural and semantic problem (but expression errors)', () => {
    expect(all.length).toBeGreaterThan(24);
    expect(all.filter((p) => !p.code).map((p) => p.message)).toEqual([]);
  });

  it('the English sentence made from the code is core’s message', () => {
    for (const p of all) expect(formatMessage(p, 'mm', words('en')), p.code).toBe(p.message);
  });

  it('the Portuguese sentence fills every placeholder and differs from the English', () => {
    for (const p of all) {
      const pt = formatMessage(p, 'mm', words('pt-BR'));
      expect(pt, p.code).not.toMatch(/\{\w+\}/);
      expect(pt, p.code).not.toBe(p.message);
    }
    const list = all.find((p) => p.code === 'model.notList')!;
    expect(formatMessage(list, 'mm', words('pt-BR'))).toBe('precisa ser uma lista, mas é um objeto');
    const step = all.find((p) => p.code === 'model.moreThan')!;
    expect(formatMessage(step, 'mm', words('pt-BR'))).toBe('precisa ser maior que 0, mas é -1');
  });
});
