// Fallback fonts through the real pipeline: "Ana ♥ João" and Japanese names build on the keychain and the
// nameplate with the shipped fonts; textWidth (the expression the models size their tags with) agrees with the
// width of the letters the kernel builds; a character in no shipped font is still named in the message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUserError } from '../../core/errors';
import { evalExpr } from '../../core/expr';
import { createGeometryKernel, type GeometryKernel } from '../../core/geometry';
import { defaultValues, evaluateScope, type ProductModel } from '../../core/model';
import { prepareDesign, valueContextFor } from '../../core/pipeline';
import { assetReader, loadCatalog } from './catalog-support';

const NAMES = ['Ana ♥ João', 'ANA ♥ JOÃO', 'Bia ★ Léo', 'Lia ♪', 'さくら', '田中 花子', 'サクラ', 'ゆい♥', '翔太', '凛', 'Mário ❤\uFE0F'];

const cat = loadCatalog();
const ctx = valueContextFor(cat.materials, cat.fonts);
let k: GeometryKernel;
beforeAll(async () => {
  k = await createGeometryKernel();
});
afterAll(() => k.dispose());

/** How each product lays out its name: the text expression, its size and the font argument of textWidth. */
const PRODUCTS: Record<string, { text: string; size: string; font: string }> = {
  keychain: { text: 'upper(name)', size: 'letters', font: "'sans'" },
  nameplate: { text: 'name', size: 'text_size', font: 'style' },
};

function product(id: string): { model: ProductModel; dir: string } {
  const hit = cat.models.find((m) => m.model.id === id);
  if (!hit) throw new Error(`no ${id} in the catalog`);
  return hit;
}

function make(id: string, values: Record<string, unknown>) {
  const { model, dir } = product(id);
  const prep = prepareDesign(model, { ...defaultValues(model), ...values }, ctx);
  expect([...prep.problems, ...prep.violations].map((p) => p.message), `${id} ${JSON.stringify(values)}`).toEqual([]);
  const built = k.build({ model, scope: prep.scope, quality: 'final', materials: cat.materials }, { fonts: cat.fonts, asset: assetReader(dir) });
  const letters = built.parts.find((p) => p.name === 'Letters');
  if (!letters) throw new Error(`${id} built no Letters part`);
  return { prep, built, letters, inkWidth: letters.bbox.max[0]! - letters.bbox.min[0]! };
}

describe('fallback fonts on the catalog', () => {
  it('every product with a text parameter makes symbol and Japanese names at its defaults', () => {
    const products = cat.models.filter((m) => m.model.parameters.some((p) => p.type === 'text'));
    expect(products.length).toBeGreaterThanOrEqual(3);
    for (const { model, dir } of products) {
      for (const p of model.parameters) {
        if (p.type !== 'text') continue;
        for (const full of NAMES) {
          const name = [...full].slice(0, p.maxLength).join('').trim();
          const prep = prepareDesign(model, { ...defaultValues(model), [p.id]: name }, ctx);
          expect(prep.problems.map((x) => x.message), `${model.id} ${p.id}="${name}"`).toEqual([]);
          const r = k.build({ model, scope: prep.scope, quality: 'preview', materials: cat.materials }, { fonts: cat.fonts, asset: assetReader(dir) });
          for (const part of r.parts) expect(part.volume, `${model.id} "${name}" ${part.name}`).toBeGreaterThan(0);
        }
      }
    }
  });

  for (const id of Object.keys(PRODUCTS)) {
    it(`${id} makes names with symbols and Japanese at its defaults`, () => {
      for (const name of NAMES) {
        const r = make(id, { name });
        for (const part of r.built.parts) expect(part.volume, `${id} "${name}" ${part.name}`).toBeGreaterThan(0);
      }
      // the heart is drawn, not skipped: it adds letter volume
      expect(make(id, { name: 'Ana ♥ João' }).letters.volume).toBeGreaterThan(make(id, { name: 'Ana João' }).letters.volume + 1);
    });

    it(`${id}: textWidth agrees with the width of the built letters`, () => {
      const p = PRODUCTS[id]!;
      const styles = id === 'nameplate' ? ['sans', 'serif'] : [undefined];
      for (const style of styles) {
        // the longest tag, so that the keychain sets every bracketed name at the same letter size
        const extra = style ? { style } : { longest: 120 };
        // Bracketed by H: the ink of "H…H" is the advance width less the side bearings of H, and those follow from
        // the ink of "H" and "HH" (HH has no kerning) at the same size: textWidth = ink(H…H) + ink(HH) − 2·ink(H).
        const h = make(id, { name: 'H', ...extra });
        const hh = make(id, { name: 'HH', ...extra });
        for (const s of ['Ana ♥ João', 'さくら', '田中 花子', 'Lia ★ ♪']) {
          const r = make(id, { name: `H${s}H`, ...extra });
          const size = evalExpr(p.size, r.prep.scope);
          expect(evalExpr(p.size, h.prep.scope), `${id} same letter size for H and "H${s}H"`).toBe(size);
          expect(evalExpr(p.size, hh.prep.scope)).toBe(size);
          const textWidth = evalExpr(`textWidth(${p.text}, ${p.size}, ${p.font})`, r.prep.scope) as number;
          const fromGeometry = r.inkWidth + hh.inkWidth - 2 * h.inkWidth;
          expect(Math.abs(textWidth - fromGeometry), `${id} ${style ?? ''} "H${s}H": textWidth ${textWidth} vs geometry ${fromGeometry}`).toBeLessThan(0.001);
        }
      }
    });

    it(`${id} still names a character that no shipped font has`, () => {
      const { model, dir } = product(id);
      const prep = prepareDesign(model, { ...defaultValues(model), name: 'Ana ༀ' }, ctx);
      expect(prep.problems.map((x) => x.message).join('\n')).toMatch(/no glyph for 'ༀ'/);
      // the geometry refuses it too, with the character and the fonts tried
      // (the value check put the default back: evaluate the design with the name as typed)
      const scope = evaluateScope(model, { ...prep.values, name: 'Ana ༀ' }, ctx);
      let message = '';
      try {
        k.build({ model, scope, quality: 'preview', materials: cat.materials }, { fonts: cat.fonts, asset: assetReader(dir) });
      } catch (e) {
        if (!isUserError(e)) throw e;
        message = e.message;
      }
      expect(message).toMatch(/has no glyph for 'ༀ', nor do its fallbacks \(.*Noto Sans CJK JP Bold\); use other characters/);
    });
  }
});
