// Customers' names in many scripts and lengths, on every product with a text parameter, at its defaults: every one
// is made (no rule refuses it, the geometry builds closed parts), Japanese and symbols through the fallback fonts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGeometryKernel, type GeometryKernel } from '../../core/geometry';
import { defaultValues } from '../../core/model';
import { prepareDesign, valueContextFor } from '../../core/pipeline';
import { assetReader, loadCatalog } from './catalog-support';

const NAMES = [
  'A', 'Jo', 'Ana', 'MAX', 'Zoë', 'Léa', 'Mário', 'Ísis', 'João', 'Renée', 'Wolfgang', 'François', 'Aleksandra',
  'Mário-Luís', "O'Connor", "D'Artagnan", 'Jean-Baptiste', 'Konstantinos', 'Ølstykke', 'Łukasz', 'Żaneta', 'Şükrü',
  'Νίκος', 'Ἀλέξανδρος', 'Παναγιώτης', 'Олег', 'Людмила', 'Александра', 'Ярослав-Іван', 'Maximilianus Jr', 'Wolfgang Amadeus', 'Ana Clara Souza',
  'Bartholomew-Ann', 'Ångström Zoë', 'さくら', '田中 花子', '翔太', 'Ana ♥ João',
];

const cat = loadCatalog();
const ctx = valueContextFor(cat.materials, cat.fonts);
let k: GeometryKernel;
beforeAll(async () => {
  k = await createGeometryKernel();
});
afterAll(() => k.dispose());

describe('names on every text product', () => {
  it('the list covers 1 to 16 characters', () => {
    const lengths = NAMES.map((n) => [...n].length);
    expect(Math.min(...lengths)).toBe(1);
    expect(Math.max(...lengths)).toBe(16);
  });
  for (const { model, dir } of cat.models) {
    const texts = model.parameters.filter((p) => p.type === 'text');
    if (texts.length === 0) continue;
    it(`${model.id} makes every name at its defaults`, () => {
      for (const p of texts) {
        for (const full of NAMES) {
          const name = [...full].slice(0, p.type === 'text' ? p.maxLength : 16).join('').trim();
          const prep = prepareDesign(model, { ...defaultValues(model), [p.id]: name }, ctx);
          expect(prep.problems.map((x) => x.message), `${model.id} ${p.id}="${name}"`).toEqual([]);
          const r = k.build({ model, scope: prep.scope, quality: 'preview', materials: cat.materials }, { fonts: cat.fonts, asset: assetReader(dir) });
          for (const part of r.parts) expect(part.volume, `${model.id} "${name}" ${part.name}`).toBeGreaterThan(0);
        }
      }
    });
  }
});
