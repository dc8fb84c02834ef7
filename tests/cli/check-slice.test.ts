// `atelier check --slice` through the real CLI: with PrusaSlicer, figures that agree with the estimate comments of
// the G-code PrusaSlicer makes for the same design and printer profile; without it, an estimate that says so.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGeometryKernel, type GeometryKernel } from '../../core/geometry';
import { gcodeStats } from '../../node/slice';
import { sliceParts } from '../../cli/slice/design';
import { buildSmall, catalog } from '../export/slicer-fixtures';
import { ROOT, STACK_RE, runCli, tempDir } from '../manufacturing/tools';

interface SliceJson {
  source: string;
  estimate: boolean;
  printSeconds: number;
  toolChanges: number;
  layerHeight: number;
  filaments: { slot: number; material: string; name: string; lengthMm: number; grams: number }[];
}

const x1 = JSON.parse(readFileSync(path.join(ROOT, 'assets/printers/bambu-x1.json'), 'utf8')) as import('../../core/check').PrinterProfile;
const args = ['check', 'keychain', '--set', 'name=MAX', '--printer', 'bambu-x1', '--slice'];
let kernel: GeometryKernel;
beforeAll(async () => {
  kernel = await createGeometryKernel();
});
afterAll(() => kernel.dispose());

describe('atelier check --slice', () => {
  it('with PrusaSlicer: time, filament per material and tool changes agree with the G-code’s own estimate', async () => {
    const r = await runCli([...args, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const s = (JSON.parse(r.stdout) as { slice: SliceJson }).slice;
    expect(s).toMatchObject({ source: 'prusa-slicer', estimate: false, layerHeight: 0.2 });
    expect(s.filaments.map((f) => [f.slot, f.material])).toEqual([[1, 'pla-blue'], [2, 'pla-white']]);
    // the same design sliced here, with the G-code kept: the CLI's figures are the G-code's comments
    const gfile = path.join(tempDir('check-slice'), 'keychain.gcode');
    const { build } = buildSmall(kernel, 'keychain', { name: 'MAX' });
    await sliceParts(build.parts, 'Keychain', catalog.materials, x1, { keepGcode: gfile });
    const gcode = readFileSync(gfile, 'utf8');
    const comment = (k: string) => new RegExp(`^; ${k} = (.*)$`, 'm').exec(gcode)![1]!;
    expect(comment('filament used \\[mm\\]').split(',').map(Number)).toEqual(s.filaments.map((f) => f.lengthMm));
    expect(comment('filament used \\[g\\]').split(',').map(Number)).toEqual(s.filaments.map((f) => f.grams));
    const [h, m, sec] = ['h', 'm', 's'].map((u) => Number(new RegExp(`(\\d+)${u}`).exec(comment('estimated printing time \\(normal mode\\)'))?.[1] ?? 0));
    expect(s.printSeconds).toBe(h! * 3600 + m! * 60 + sec!);
    expect(s.toolChanges).toBe(gcodeStats(gcode).toolChanges);
    expect(s.toolChanges).toBeGreaterThan(0);
    const t = await runCli(args);
    expect(t.stdout).toMatch(/Sliced with PrusaSlicer .* for the Bambu Lab X1 \/ P1, 0\.2 mm layers: .*, \d+ tool changes/);
    expect(t.stdout).toMatch(/Filament 1 PLA Blue: [\d.]+ m, [\d.]+ g/);
    expect(t.stdout).toMatch(/Filament 2 PLA White: [\d.]+ m, [\d.]+ g/);
  });

  it('without PrusaSlicer on PATH: an estimate from volume and flow, said to be one', async () => {
    // a PATH without prusa-slicer, and no ATELIER_PRUSA_SLICER (child_process leaves out undefined variables)
    const env = { PATH: '/nonexistent', ATELIER_PRUSA_SLICER: undefined as unknown as string };
    const r = await runCli([...args, '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    const s = (JSON.parse(r.stdout) as { slice: SliceJson }).slice;
    expect(s).toMatchObject({ source: 'estimate', estimate: true });
    expect(s.printSeconds).toBeGreaterThan(0);
    expect(s.toolChanges).toBeGreaterThan(0);
    expect(s.filaments.map((f) => f.name)).toEqual(['PLA Blue', 'PLA White']);
    for (const f of s.filaments) expect(f.grams).toBeGreaterThan(0);
    const t = await runCli(args, { env });
    expect(t.stdout).toMatch(/Estimate \(PrusaSlicer not found; from volume and the Bambu Lab X1 \/ P1's flow, not sliced\): about/);
    expect(t.stdout + t.stderr).not.toMatch(STACK_RE);
  });
});
