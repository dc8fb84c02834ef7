import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGeometryKernel, type GeometryKernel } from '../geometry';
import { TEST_MATERIALS, testModel } from '../geometry/test-support';
import { evaluateScope } from '../model';
import type { Part } from '../model/types';
import { FontLibrary } from '../text';
import { checkPrintability, fitInVolume, massAndCost, type PrinterProfile } from './index';

const printers = readdirSync(new URL('../../assets/printers/', import.meta.url)).map(
  (f) => JSON.parse(readFileSync(new URL(`../../assets/printers/${f}`, import.meta.url), 'utf8')) as PrinterProfile,
);
const mk4 = printers.find((p) => p.id === 'prusa-mk4')!;
const resin = printers.find((p) => p.process === 'sla')!;
let k: GeometryKernel;
beforeAll(async () => {
  k = await createGeometryKernel();
});
afterAll(() => k.dispose());

const env = { fonts: new FontLibrary([]), asset: () => undefined };
function check(parts: Part[], values: Record<string, number>, printer = mk4, extra: Partial<ReturnType<typeof testModel>> = {}) {
  const model = { ...testModel(parts, [{ id: 'w', type: 'number', label: 'W', default: 100, min: 1, max: 1000 }]), ...extra };
  const scope = evaluateScope(model, values);
  const build = k.build({ model, scope, quality: 'preview', materials: TEST_MATERIALS }, env);
  return checkPrintability(build, model, scope, printer, TEST_MATERIALS);
}
const box: Part[] = [{ name: 'Box', material: 'pla-white', solid: { type: 'box', size: ['w', 50, 10] } }];

describe('printability', () => {
  it('ships the required printer profiles', () => {
    expect(printers.map((p) => p.id).sort()).toEqual(['bambu-a1-mini', 'bambu-x1', 'creality-ender-3', 'elegoo-saturn-3', 'prusa-mini', 'prusa-mk4']);
  });
  it('passes a design that fits, with volume, mass and cost', () => {
    const r = check(box, { w: 100 });
    expect(r.printable).toBe(true);
    expect(r.volume).toBeCloseTo(50000, 3);
    expect(r.massGrams).toBeCloseTo(50 * 1.24, 6);
    expect(r.cost).toBeCloseTo(0.062 * 24, 6);
    expect(r.items.find((i) => i.id === 'fits')!.message).toMatch(/Fits the Prusa MK4/);
  });
  it('says by how much a design is too big, and whether turning it helps', () => {
    const r = check(box, { w: 300 });
    expect(r.printable).toBe(false);
    expect(r.items.find((i) => i.id === 'fits')!.message).toMatch(/50 mm too wide\. It does not fit in any orientation/);
    expect(fitInVolume([200, 240, 10], mk4.buildVolume)).toMatchObject({ fits: false, rotated: 'z90' });
    expect(fitInVolume([100, 100, 240], mk4.buildVolume)).toMatchObject({ fits: false, rotated: 'side' });
  });
  it('reports violated constraints, thin features and materials for the wrong process', () => {
    const r = check(box, { w: 100 }, mk4, {
      constraints: [{ expr: 'w <= 50', message: 'Too wide for a pocket.', parameters: ['w'] }],
      features: [{ id: 'wall', label: 'Wall', kind: 'wall', thickness: 0.3 }],
    });
    expect(r.printable).toBe(false);
    expect(r.items.filter((i) => !i.ok).map((i) => i.message)).toEqual([
      'Wall is 0.3 mm thick; the Prusa MK4 needs at least 0.45 mm.',
      'Too wide for a pocket.',
    ]);
    const sla = check(box, { w: 100 }, resin);
    expect(sla.items.find((i) => i.id === 'material')!.message).toMatch(/PLA White .* is for FDM printers; the Elegoo Saturn 3 \(resin\) is SLA/);
  });
  it('warns, without refusing, when a design needs more filaments than the printer takes', () => {
    const two: Part[] = [...box, { name: 'Top', material: 'pla-black', solid: { type: 'translate', offset: [0, 0, 10], children: [{ type: 'box', size: [10, 10, 2] }] } }];
    const single = check(two, { w: 100 });
    const item = single.items.find((i) => i.id === 'filaments')!;
    expect(single.printable).toBe(true);
    expect(item).toMatchObject({ ok: false, severity: 'warning' });
    expect(item.message).toMatch(/^Needs 2 filaments \(1 PLA White, 2 PLA Black\); the Prusa MK4 takes 1/);
    const x1 = printers.find((p) => p.id === 'bambu-x1')!;
    expect(check(two, { w: 100 }, x1).items.find((i) => i.id === 'filaments')).toMatchObject({ ok: true, message: expect.stringMatching(/2 filaments .* takes 4/) });
    expect(check(box, { w: 100 }).items.find((i) => i.id === 'filaments')).toMatchObject({ ok: true, message: 'One filament (PLA White).' });
  });
  it('every printer profile says how many filaments it takes', () => {
    for (const p of printers) expect(Number.isInteger(p.filaments) && p.filaments! >= 1, p.id).toBe(true);
  });
  it('sums mass and cost per part', () => {
    const model = testModel([...box, { name: 'B', material: 'pla-black', solid: { type: 'box', size: [10, 10, 10] } }]);
    const build = k.build({ model, scope: new Map([['w', 10]]), quality: 'preview', materials: TEST_MATERIALS }, env);
    const mc = massAndCost(build, TEST_MATERIALS);
    expect(mc.parts).toHaveLength(2);
    expect(mc.massGrams).toBeCloseTo((5000 + 1000) / 1000 * 1.24, 6);
  });
});
