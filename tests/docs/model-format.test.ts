// The worked example in docs/model-format.md is a real model: it parses against the catalog's materials and fonts
// and builds two closed parts. Keeps the documentation honest.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGeometryKernel } from '../../core/geometry';
import { checkConstraints, defaultValues, evaluateScope, parseModel } from '../../core/model';
import { loadCatalog } from '../catalog/catalog-support';

describe('docs/model-format.md', () => {
  it('teaches with a model that parses and builds', async () => {
    const md = readFileSync(new URL('../../docs/model-format.md', import.meta.url), 'utf8');
    const json = /```json\n([\s\S]*?)```/.exec(md)![1]!;
    const cat = loadCatalog();
    const model = parseModel(json, { materials: cat.materials, fontIds: cat.fonts.ids() });
    const scope = evaluateScope(model, defaultValues(model));
    expect(checkConstraints(model, scope)).toEqual([]);
    const k = await createGeometryKernel();
    const r = k.build({ model, scope, quality: 'preview', materials: cat.materials }, { fonts: cat.fonts, asset: () => undefined });
    expect(r.parts.map((p) => p.name)).toEqual(['Plate', 'Letters']);
    expect(r.bbox.max[0] - r.bbox.min[0]).toBeCloseTo(80, 2);
    k.dispose();
  });
});
