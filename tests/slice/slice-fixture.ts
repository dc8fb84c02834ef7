// The two-colour nameplate's slicer input for the slicing tests: built once per file at final quality, the 3MF the
// app's figures bar sends (core/export/slice-input.ts) and the figures `check --slice` reports for it. Test code.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import path from 'node:path';
import type { PrinterProfile } from '../../core/check';
import { sliceInput3mf } from '../../core/export';
import { createGeometryKernel } from '../../core/geometry';
import { sliceParts } from '../../cli/slice/design';
import type { SliceFigures } from '../../node/slice';
import { buildSmall, catalog } from '../export/slicer-fixtures';
import { ROOT } from '../manufacturing/tools';

export const ASSETS = path.join(ROOT, 'assets');
export const NAMEPLATE = { name: 'Ada', width: 80, height: 28 };
export const printer = (id: string) => JSON.parse(readFileSync(path.join(ASSETS, 'printers', `${id}.json`), 'utf8')) as PrinterProfile;

export interface NameplateInput {
  bytes: Uint8Array;
  filaments: { material: string; color: string }[];
  /** What the CLI's `check --slice` path makes of the same build. */
  cli: SliceFigures;
}

export async function nameplateInput(printerId = 'bambu-x1'): Promise<NameplateInput> {
  const kernel = await createGeometryKernel();
  try {
    const { build } = buildSmall(kernel, 'nameplate', NAMEPLATE);
    const p = printer(printerId);
    const { bytes, filaments } = sliceInput3mf(build.parts, catalog.materials, p, { title: 'Nameplate', application: 'Atelier test', creationDate: '2026-01-01T00:00:00Z' });
    const cli = await sliceParts(build.parts, 'Nameplate', catalog.materials, p);
    return { bytes, filaments, cli };
  } finally {
    kernel.dispose();
  }
}

/**
 * The app's figures against the CLI's. PrusaSlicer is multi-threaded and two runs on the same file may differ in the
 * last digit of a filament length (2770.40 vs 2770.41 mm seen here), so lengths agree to 0.05 %, masses to 0.02 g
 * and times to 2 s; tool changes and materials exactly.
 */
export function expectCliFigures(app: { printSeconds: number; toolChanges: number; filaments: { slot: number; material: string; lengthMm: number; massG: number }[] }, cli: SliceFigures): void {
  expect(app.toolChanges).toBe(cli.toolChanges);
  expect(Math.abs(app.printSeconds - cli.printSeconds)).toBeLessThanOrEqual(2);
  expect(app.filaments.map((f) => [f.slot, f.material])).toEqual(cli.filaments.map((f) => [f.slot, f.material]));
  app.filaments.forEach((f, i) => {
    const c = cli.filaments[i]!;
    expect(Math.abs(f.lengthMm - c.lengthMm), `filament ${f.slot} length`).toBeLessThanOrEqual(c.lengthMm * 5e-4);
    expect(Math.abs(f.massG - c.grams), `filament ${f.slot} mass`).toBeLessThanOrEqual(0.02);
  });
}
