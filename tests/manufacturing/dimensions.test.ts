// Dimensions are exact: a parameter of 80 mm yields 80 mm in the exported file (±0.01 mm), as read back by
// prusa-slicer and admesh, for a plate whose size is its parameters and for catalog models' size parameters.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogData, listCatalog, loadModelFile, type CatalogData } from '../../cli/catalog';
import { encode } from '../../cli/encode';
import { getFonts, getKernel } from '../../cli/runtime';
import { bboxSize } from '../../core/geometry/mesh-data';
import type { NumberParameter } from '../../core/model/types';
import { designFrom, prepareDesign, valueContextFor } from '../../core/pipeline';
import { plateModel, writeJson } from '../cli/fixtures';
import { admesh, prusaInfo, tempDir } from './tools';

let data: CatalogData;
let dir: string;

beforeAll(() => {
  data = catalogData();
  dir = tempDir('dimensions');
});

async function exportBoth(file: string, values: Record<string, unknown>, stem: string): Promise<{ size: [number, number, number]; stl: string; tmf: string }> {
  const { model, assets } = loadModelFile(file, data);
  const ctx = valueContextFor(data.materials, getFonts(data));
  const prep = prepareDesign(model, values, ctx);
  expect(prep.problems).toEqual([]);
  const kernel = await getKernel();
  const build = kernel.build({ model, scope: prep.scope, quality: 'final', materials: data.materials }, { fonts: getFonts(data), asset: (r) => assets.get(r) });
  const design = designFrom(model, prep.values);
  const stl = path.join(dir, `${stem}.stl`);
  const tmf = path.join(dir, `${stem}.3mf`);
  writeFileSync(stl, await encode('stl', { model, design, build, materials: data.materials }));
  writeFileSync(tmf, await encode('3mf', { model, design, build, materials: data.materials }));
  return { size: bboxSize(build.bbox), stl, tmf };
}

describe('exact dimensions', () => {
  it('a plate of 80 × 25.4 × 3.2 mm is exactly that in STL and 3MF', async () => {
    const file = writeJson(dir, 'plate.model.json', plateModel());
    const r = await exportBoth(file, { width: 80, depth: 25.4, height: 3.2, stand: false }, 'plate80');
    for (const f of [r.stl, r.tmf]) {
      const s = prusaInfo(f).size;
      expect(Math.abs(s.x - 80)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(s.y - 25.4)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(s.z - 3.2)).toBeLessThanOrEqual(0.01);
    }
    const a = admesh(r.stl).raw;
    const range = (axis: string): number => {
      const m = new RegExp(`Min ${axis} =\\s*([-0-9.]+), Max ${axis} =\\s*([-0-9.]+)`).exec(a)!;
      return Number(m[2]) - Number(m[1]);
    };
    expect(Math.abs(range('X') - 80)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(range('Y') - 25.4)).toBeLessThanOrEqual(0.01);
  });

  it('catalog size parameters set to a round value appear exactly in the file', async () => {
    // A parameter named width/length/depth/height/diameter (mm) that is the product's overall extent on some axis at
    // its default must still be that extent at another value: the file must say exactly what was asked.
    let checked = 0;
    for (const item of listCatalog()) {
      const { model } = loadModelFile(item.file, data);
      const base = await exportBoth(item.file, {}, `${item.id}-base`);
      for (const p of model.parameters.filter((x): x is NumberParameter => x.type === 'number' && x.unit === 'mm' && /^(width|length|depth|height|diameter|size)$/i.test(x.id))) {
        const axis = base.size.findIndex((s) => Math.abs(s - p.default) <= 0.01);
        if (axis < 0) continue; // this parameter is not an overall extent of the product
        const target = [80, 60, 100, 40, 120].find((v) => v >= p.min && v <= p.max && v !== p.default);
        if (target === undefined) continue;
        const ctx = valueContextFor(data.materials, getFonts(data));
        if (prepareDesign(model, { [p.id]: target }, ctx).problems.length > 0) continue;
        const r = await exportBoth(item.file, { [p.id]: target }, `${item.id}-${p.id}-${target}`);
        const s = prusaInfo(r.tmf).size;
        const got = [s.x, s.y, s.z][axis]!;
        expect(Math.abs(got - target), `${item.id}: ${p.id} = ${target} mm gives ${got} mm in the 3MF`).toBeLessThanOrEqual(0.01);
        checked++;
      }
    }
    expect(checked, 'at least one catalog size parameter was checked').toBeGreaterThan(0);
  });
});
