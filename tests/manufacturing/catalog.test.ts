// Every catalog model, at its defaults and at a spread of other valid values, exported to STL and 3MF and judged
// by tools we did not write: admesh (no repairs, no disconnected facets), prusa-slicer --info (manifold, no repairs,
// the size we built ±0.01 mm), lib3mf strict (no warnings, every mesh manifold and oriented), and a real slice of
// each model's defaults to G-code.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogData, listCatalog, loadModelFile, type CatalogData } from '../../cli/catalog';
import { encode } from '../../cli/encode';
import { getFonts, getKernel } from '../../cli/runtime';
import { hasSlivers, type GeometryKernel } from '../../core/geometry';
import { bboxSize } from '../../core/geometry/mesh-data';
import { designFrom, prepareDesign, valueContextFor } from '../../core/pipeline';
import { valueSets } from './designs';
import { admesh, lib3mfRead, prusaInfo, prusaSlice, tempDir } from './tools';

const TOL = 0.01;
let data: CatalogData;
let kernel: GeometryKernel;
let dir: string;
const items = listCatalog();

beforeAll(async () => {
  data = catalogData();
  kernel = await getKernel();
  dir = tempDir('manufacturing');
});

afterAll(() => {
  expect(kernel.liveObjects()).toBe(0);
});

describe('the catalog', () => {
  it('has at least 8 models', () => {
    expect(items.length).toBeGreaterThanOrEqual(8);
  });
});

describe.each(items.map((i) => [i.id, i.file] as const))('%s', (id, file) => {
  it('is manufacturable at defaults and at a spread of valid values', async () => {
    const { model, assets } = loadModelFile(file, data);
    const ctx = valueContextFor(data.materials, getFonts(data));
    const { sets } = valueSets(model, ctx);
    expect(sets.length).toBeGreaterThanOrEqual(2);
    for (const [n, set] of sets.entries()) {
      const prep = prepareDesign(model, set.values, ctx);
      expect(prep.problems, `${id} ${set.label}`).toEqual([]);
      const build = kernel.build({ model, scope: prep.scope, quality: 'final', materials: data.materials }, { fonts: getFonts(data), asset: (r) => assets.get(r) });
      const size = bboxSize(build.bbox);
      for (const p of build.parts) expect(hasSlivers(p.mesh), `${id} ${set.label} ${p.name}: no degenerate facets`).toBe(false);
      const design = designFrom(model, prep.values);
      const what = `${id} (${set.label})`;
      for (const fmt of ['stl', '3mf'] as const) {
        const f = path.join(dir, `${id}-${n}.${fmt}`);
        const bytes = await encode(fmt, { model, design, build, materials: data.materials });
        writeFileSync(f, bytes);
        if (fmt === 'stl') {
          const a = admesh(f);
          expect(a.repairs, `${what}: admesh repairs`).toEqual(Object.fromEntries(Object.keys(a.repairs).map((k) => [k, 0])));
          expect(a.disconnected, `${what}: admesh disconnected facets`).toBe(0);
          expect(a.facets, `${what}: one merged solid`).toBe(kernel.solid(build.parts).indices.length / 3);
        } else {
          const l = await lib3mfRead(bytes);
          expect(l.warnings, `${what}: lib3mf warnings`).toEqual([]);
          expect(l.millimetres).toBe(true);
          expect(l.hasThumbnail).toBe(true);
          expect(l.objects.map((o) => o.name)).toEqual(build.parts.map((p) => p.name));
          for (const o of l.objects) expect(o.manifoldAndOriented, `${what}: ${o.name} manifold and oriented`).toBe(true);
        }
        const info = prusaInfo(f);
        expect(info.manifold, `${what} ${fmt}: prusa-slicer manifold\n${info.raw}`).toBe(true);
        expect(info.repairs, `${what} ${fmt}: prusa-slicer repairs`).toEqual([]);
        expect(Math.abs(info.size.x - size[0]), `${what} ${fmt}: size x ${info.size.x} vs ${size[0]}`).toBeLessThanOrEqual(TOL);
        expect(Math.abs(info.size.y - size[1]), `${what} ${fmt}: size y ${info.size.y} vs ${size[1]}`).toBeLessThanOrEqual(TOL);
        expect(Math.abs(info.size.z - size[2]), `${what} ${fmt}: size z ${info.size.z} vs ${size[2]}`).toBeLessThanOrEqual(TOL);
        if (n === 0 && fmt === '3mf') {
          const g = prusaSlice(f, dir);
          expect(g, `${what}: G-code`).toMatch(/^G1 /m);
          expect(g).toMatch(/estimated printing time/);
        }
      }
    }
  });
});
