// Every catalog model parses, builds closed manifold parts at its defaults, presets and the ends of each range,
// and its dimensions follow its parameters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGeometryKernel, type GeometryKernel } from '../../core/geometry';
import { checkConstraints, defaultValues, evaluateScope, type ParameterValue, type ProductModel } from '../../core/model';
import { valueContextFor } from '../../core/pipeline';
import { assetReader, loadCatalog } from './catalog-support';

const cat = loadCatalog();
/** Measures text with the catalog's fonts (textWidth/textHeight), as the app and the CLI do. */
const ctx = valueContextFor(cat.materials, cat.fonts);
let k: GeometryKernel;
beforeAll(async () => {
  k = await createGeometryKernel();
});
afterAll(() => k.dispose());

function build(model: ProductModel, dir: string, values: Record<string, ParameterValue>, quality: 'preview' | 'final' = 'preview') {
  return k.build({ model, scope: evaluateScope(model, values, ctx), quality, materials: cat.materials }, { fonts: cat.fonts, asset: assetReader(dir) });
}

describe('catalog', () => {
  it('has at least 8 products covering the required kinds', () => {
    expect(cat.models.length).toBeGreaterThanOrEqual(8);
    const json = JSON.stringify(cat.models.map((m) => m.model));
    for (const kind of ['"revolve"', '"mesh"', '"wrapRadius"', '"repeat-polar"', '"text"']) expect(json).toContain(kind);
    expect(cat.models.some((m) => m.model.parts.length >= 2)).toBe(true);
    expect(cat.models.some((m) => m.model.parts.some((p) => p.when))).toBe(true);
  });

  for (const { model, dir } of cat.models) {
    describe(model.id, () => {
      it('satisfies its own constraints at the defaults and builds closed parts', () => {
        const v = defaultValues(model);
        expect(checkConstraints(model, evaluateScope(model, v, ctx))).toEqual([]);
        const r = build(model, dir, v, 'final');
        for (const p of r.parts) {
          expect(p.volume).toBeGreaterThan(0);
          expect(p.mesh.indices.length).toBeGreaterThan(0);
        }
        expect(k.liveObjects()).toBe(0);
      });
      it('builds at every preset and at both ends of each numeric range', () => {
        for (const pr of model.presets ?? []) {
          const values = { ...defaultValues(model), ...pr.values };
          const violated = checkConstraints(model, evaluateScope(model, values, ctx)).map((p) => p.message);
          expect(violated, `preset ${pr.id} must be a design the shop can sell`).toEqual([]);
          expect(build(model, dir, values).parts.length).toBeGreaterThan(0);
        }
        for (const p of model.parameters) {
          if (p.type !== 'number' && p.type !== 'integer') continue;
          for (const v of [p.min, p.max]) {
            const values = { ...defaultValues(model), [p.id]: v };
            const violated = checkConstraints(model, evaluateScope(model, values, ctx)).length > 0;
            if (violated) continue; // the app and CLI refuse these designs before building
            const r = build(model, dir, values);
            expect(r.volume, `${model.id} ${p.id}=${v}`).toBeGreaterThan(0);
          }
        }
      });
    });
  }

  it('follows the parameters exactly: a nameplate of width 80 is 80 mm wide', () => {
    const { model, dir } = cat.models.find((m) => m.model.id === 'nameplate')!;
    for (const w of [80, 123.5, 250]) {
      const r = build(model, dir, { ...defaultValues(model), width: w, name: 'Al', text_size: 8 }, 'final');
      expect(Math.abs(r.bbox.max[0] - r.bbox.min[0] - w)).toBeLessThan(0.01);
    }
    const { model: stand, dir: sdir } = cat.models.find((m) => m.model.id === 'phone-stand')!;
    const s = build(stand, sdir, { ...defaultValues(stand), width: 80 }, 'final');
    expect(Math.abs(s.bbox.max[1] - s.bbox.min[1] - 80)).toBeLessThan(0.01);
  });

  it('drops an optional module when it is switched off', () => {
    const { model, dir } = cat.models.find((m) => m.model.id === 'plant-pot')!;
    expect(build(model, dir, { ...defaultValues(model), saucer: true }).parts.map((p) => p.name)).toEqual(['Pot', 'Saucer']);
    expect(build(model, dir, { ...defaultValues(model), saucer: false }).parts.map((p) => p.name)).toEqual(['Pot']);
  });
});
