// Localized text in the model format: `{ "en": …, "pt-BR": … }` wherever a customer reads text; English stays in
// each field after parsing (CLI and exports), translations ride beside it; clear problems for a missing en or an
// unknown language.
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors';
import { coerce, localize, parseMaterialCatalog, parseModel, presetValues, textAll, textOf } from './index';

const model = {
  format: 'atelier-model/1',
  id: 'tag',
  name: { en: 'Name tag', 'pt-BR': 'Etiqueta com nome' },
  description: 'A tag',
  version: '1.0.0',
  units: 'mm',
  parameters: [
    { id: 'width', type: 'number', label: { en: 'Width', 'pt-BR': 'Largura' }, help: { en: 'Across', 'pt-BR': 'De lado a lado' }, group: { en: 'Size', 'pt-BR': 'Tamanho' }, default: 40, min: 20, max: 80, unit: 'mm' },
    { id: 'style', type: 'choice', label: 'Style', default: 'flat', options: [{ value: 'flat', label: { en: 'Flat', 'pt-BR': 'Plano' } }, { value: 'round', label: 'Round' }] },
  ],
  constraints: [{ expr: 'width >= 30', message: { en: 'Too narrow.', 'pt-BR': 'Estreito demais.' }, parameters: ['width'] }],
  features: [{ id: 'wall', label: { en: 'Wall', 'pt-BR': 'Parede' }, kind: 'wall', thickness: 2 }],
  presets: [{ id: 'wide', name: { en: 'Wide', 'pt-BR': 'Larga' }, values: { width: 70 } }],
  parts: [{ name: 'Tag', material: 'pla-white', solid: { type: 'box', size: ['width', 20, 3] } }],
};

function problems(o: unknown): { path?: string; message: string; line?: number }[] {
  try {
    parseModel(JSON.stringify(o, null, 2));
  } catch (e) {
    if (e instanceof UserError) return e.problems;
    throw e;
  }
  return [];
}

describe('localized text in model files', () => {
  it('accepts plain strings and { en, pt-BR } objects, keeping English in the fields and the translations beside', () => {
    const input = structuredClone(model);
    const m = parseModel(JSON.stringify(input));
    expect(m.name).toBe('Name tag');
    expect(m.translations?.name).toEqual({ en: 'Name tag', 'pt-BR': 'Etiqueta com nome' });
    const w = m.parameters[0]!;
    expect([w.label, w.help, w.group]).toEqual(['Width', 'Across', 'Size']);
    expect(textOf(w, 'label', 'pt-BR')).toBe('Largura');
    expect(textOf(w, 'group', 'pt-BR')).toBe('Tamanho');
    expect(textOf(w, 'label', 'en')).toBe('Width');
    const s = m.parameters[1]!;
    expect(s.type === 'choice' && s.options.map((o) => textOf(o, 'label', 'pt-BR'))).toEqual(['Plano', 'Round']);
    expect(textOf(m.constraints![0]!, 'message', 'pt-BR')).toBe('Estreito demais.');
    expect(m.constraints![0]!.message).toBe('Too narrow.');
    expect(textAll(m.features![0]!, 'label')).toEqual({ en: 'Wall', 'pt-BR': 'Parede' });
    expect(textOf(m.presets![0]!, 'name', 'pt-BR')).toBe('Larga');
    // the input object is not changed
    expect(input).toEqual(model);
  });

  it('tags may be translated: English words in tags, every tag in all its languages beside', () => {
    const m = parseModel(JSON.stringify({ ...model, tags: [{ en: 'gift', 'pt-BR': 'presente' }, 'desk'] }));
    expect(m.tags).toEqual(['gift', 'desk']);
    expect(m.translations?.tags).toEqual([{ en: 'gift', 'pt-BR': 'presente' }, { en: 'desk' }]);
    expect(m.translations?.name?.['pt-BR']).toBe('Etiqueta com nome');
    expect(parseModel(JSON.stringify({ ...model, tags: ['gift'] })).translations?.tags).toBeUndefined();
  });

  it('finds presets and choice options by a translated name too (order rows in Portuguese)', () => {
    const m = parseModel(JSON.stringify(model));
    expect(presetValues(m, 'Larga')).toEqual({ width: 70 });
    expect(coerce(m.parameters[1]!, 'plano').value).toBe('flat');
  });

  it('says that English is required when a translated text has no "en"', () => {
    const bad = structuredClone(model) as Record<string, unknown>;
    (bad.parameters as Record<string, unknown>[])[0]!.label = { 'pt-BR': 'Largura' };
    const ps = problems(bad);
    expect(ps).toHaveLength(1);
    expect(ps[0]!.path).toBe('$.parameters[0].label');
    expect(ps[0]!.message).toMatch(/needs "en", its English/);
    expect(ps[0]!.line).toBeGreaterThan(1);
  });

  it('names an unknown language and the ones allowed', () => {
    const bad = structuredClone(model) as Record<string, unknown>;
    bad.name = { en: 'Name tag', 'pt-PT': 'Etiqueta' };
    const ps = problems(bad);
    expect(ps).toHaveLength(1);
    expect(ps[0]!.path).toBe('$.name["pt-PT"]');
    expect(ps[0]!.message).toBe('"pt-PT" is not a language Atelier offers; use en, pt-BR');
  });

  it('refuses a translation that is not text, and a number where text belongs', () => {
    const bad = structuredClone(model) as Record<string, unknown>;
    (bad.presets as Record<string, unknown>[])[0]!.name = { en: 'Wide', 'pt-BR': 3 };
    expect(problems(bad).map((p) => [p.path, p.message])).toEqual([['$.presets[0].name["pt-BR"]', 'must be text, got 3']]);
    const bad2 = structuredClone(model) as Record<string, unknown>;
    bad2.description = 7;
    expect(problems(bad2)[0]!.message).toMatch(/must be text or an object of translations/);
  });

  it('localize falls back to the base language, then English', () => {
    expect(localize({ en: 'Width', pt: 'Largura' }, 'pt-BR')).toBe('Largura');
    expect(localize({ en: 'Width', 'pt-BR': 'Largura' }, 'de')).toBe('Width');
    expect(localize('Width', 'pt-BR')).toBe('Width');
    expect(localize(undefined, 'en')).toBe('');
  });

  it('material names may be translated too; the English stays in name', () => {
    const cat = parseMaterialCatalog(JSON.stringify({ currency: 'EUR', materials: [
      { id: 'pla-white', name: { en: 'PLA White', 'pt-BR': 'PLA branco' }, process: 'fdm', color: '#ffffff', density: 1.24, pricePerKg: 20, metallic: 0, roughness: 0.5 },
    ] }));
    expect(cat.materials[0]!.name).toBe('PLA White');
    expect(textOf(cat.materials[0]!, 'name', 'pt-BR')).toBe('PLA branco');
    const bad = () => parseMaterialCatalog(JSON.stringify({ currency: 'EUR', materials: [
      { id: 'pla-white', name: { 'pt-BR': 'PLA branco', fr: 'PLA blanc' }, process: 'fdm', color: '#ffffff', density: 1.24, pricePerKg: 20, metallic: 0, roughness: 0.5 },
    ] }));
    expect(bad).toThrow(/needs "en"/);
    expect(bad).toThrow(/"fr" is not a language Atelier offers/);
  });
});
