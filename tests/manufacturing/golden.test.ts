// A golden table per catalog product: each part's volume, surface area, genus and bounding box at the model's
// defaults and at every preset, built at final quality, compared with tests/manufacturing/golden.json within a
// tolerance. A mug that loses its handle (genus 1 → 0, less volume), a lid that grows 2 mm or a nameplate whose
// letters vanish fails here even when the file is still a valid solid.
//
// When a model or the kernel changes on purpose, rewrite the table and review its diff like code:
//   ATELIER_UPDATE_GOLDEN=1 npx vitest run tests/manufacturing/golden.test.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogData, listCatalog, loadModelFile, type CatalogData } from '../../cli/catalog';
import { getFonts, getKernel } from '../../cli/runtime';
import type { GeometryKernel } from '../../core/geometry';
import { presetValues } from '../../core/model';
import type { ParameterValue } from '../../core/model/types';
import { prepareDesign, valueContextFor } from '../../core/pipeline';

interface GoldenPart {
  name: string;
  material: string;
  volume: number;
  surfaceArea: number;
  genus: number;
  min: [number, number, number];
  max: [number, number, number];
}
type Golden = Record<string, Record<string, GoldenPart[]>>;

const FILE = path.join(import.meta.dirname, 'golden.json');
const UPDATE = process.env.ATELIER_UPDATE_GOLDEN === '1';
/** Relative tolerance on volume and area: tessellation may move by a hair, a lost feature moves by far more. */
const REL = 2e-3;
/** Absolute tolerance on the bounding box, mm (the slicer test holds the size to ±0.01 mm). */
const ABS_MM = 0.02;

const round = (v: number, digits: number) => Number(v.toFixed(digits));
/** One part per line, products and designs in a stable order, so a change reads as a short diff. */
const tableText = (t: Golden) =>
  '{\n' +
  Object.keys(t)
    .sort()
    .map((id) => ` ${JSON.stringify(id)}: {\n` + Object.entries(t[id]!).map(([label, parts]) => `  ${JSON.stringify(label)}: [\n` + parts.map((p) => `   ${JSON.stringify(p)}`).join(',\n') + '\n  ]').join(',\n') + '\n }')
    .join(',\n') +
  '\n}\n';
const golden: Golden = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Golden) : {};
const measured: Golden = {};
let data: CatalogData;
let kernel: GeometryKernel;
const items = listCatalog();

beforeAll(async () => {
  data = catalogData();
  kernel = await getKernel();
});

afterAll(() => {
  expect(kernel.liveObjects()).toBe(0);
  if (UPDATE) writeFileSync(FILE, tableText(measured));
});

describe('the golden table', () => {
  it('has a row for every catalog product, and no row for a product that is gone', () => {
    if (UPDATE) return expect(items.length).toBeGreaterThan(0);
    expect(Object.keys(golden).sort()).toEqual(items.map((i) => i.id).sort());
  });
});

describe.each(items.map((i) => [i.id, i.file] as const))('%s', (id, file) => {
  it('keeps its volume, surface area, genus and size at defaults and at every preset', () => {
    const { model, assets } = loadModelFile(file, data);
    const ctx = valueContextFor(data.materials, getFonts(data));
    const sets: [string, Record<string, ParameterValue>][] = [['defaults', {}], ...(model.presets ?? []).map((p) => [`preset ${p.id}`, presetValues(model, p.id)] as [string, Record<string, ParameterValue>])];
    measured[id] = {};
    for (const [label, values] of sets) {
      const prep = prepareDesign(model, values, ctx);
      if (prep.problems.length > 0) continue; // a preset that breaks a rule is the manufacturing test's business
      const build = kernel.build({ model, scope: prep.scope, quality: 'final', materials: data.materials }, { fonts: getFonts(data), asset: (r) => assets.get(r) });
      const parts: GoldenPart[] = build.parts.map((p) => ({
        name: p.name,
        material: p.material,
        volume: round(p.volume, 1),
        surfaceArea: round(p.surfaceArea, 1),
        genus: p.genus,
        min: p.bbox.min.map((v) => round(v, 3)) as [number, number, number],
        max: p.bbox.max.map((v) => round(v, 3)) as [number, number, number],
      }));
      measured[id][label] = parts;
      if (UPDATE) continue;
      const want = golden[id]?.[label];
      expect(want, `${id} ${label}: no golden row (run with ATELIER_UPDATE_GOLDEN=1 and review the diff)`).toBeDefined();
      expect(parts.map((p) => `${p.name} (${p.material})`), `${id} ${label}: parts`).toEqual(want!.map((p) => `${p.name} (${p.material})`));
      for (const [k, p] of parts.entries()) {
        const w = want![k]!;
        const what = `${id} ${label} ${p.name}`;
        expect(p.genus, `${what}: genus`).toBe(w.genus);
        expect(Math.abs(p.volume - w.volume), `${what}: volume ${p.volume} mm³, golden ${w.volume}`).toBeLessThanOrEqual(REL * w.volume + 0.1);
        expect(Math.abs(p.surfaceArea - w.surfaceArea), `${what}: area ${p.surfaceArea} mm², golden ${w.surfaceArea}`).toBeLessThanOrEqual(REL * w.surfaceArea + 0.1);
        for (let a = 0; a < 3; a++) {
          expect(Math.abs(p.min[a]! - w.min[a]!), `${what}: min[${a}] ${p.min[a]}, golden ${w.min[a]}`).toBeLessThanOrEqual(ABS_MM);
          expect(Math.abs(p.max[a]! - w.max[a]!), `${what}: max[${a}] ${p.max[a]}, golden ${w.max[a]}`).toBeLessThanOrEqual(ABS_MM);
        }
      }
    }
    if (!UPDATE) expect(Object.keys(measured[id]).sort(), `${id}: designs measured`).toEqual(Object.keys(golden[id] ?? {}).sort());
  });
});
