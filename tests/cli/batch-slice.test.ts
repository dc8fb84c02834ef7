// `atelier batch --printer ID --slice` through the real CLI (issue 12): every order's 3MF is a slicer project for the
// printer's slicer, and report.json carries the print shop's figures per order (sliced by the real PrusaSlicer, or
// an estimate that says so when none is installed); an unknown printer is bad input (exit 2) before any work.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../manufacturing/tools';

interface Entry { order: string; status: string; file?: string; slice?: { source: string; estimate: boolean; printSeconds: number; toolChanges: number; filaments: { slot: number; grams: number }[] } }

function orders(dir: string): string {
  const input = path.join(dir, 'orders.json');
  writeFileSync(input, JSON.stringify([{ order: 'K1', model: 'keychain', params: { name: 'MAX' } }]));
  return input;
}

describe('atelier batch --printer --slice', () => {
  it('lays out each 3MF for the printer and reports sliced figures per order', async () => {
    const dir = tempDir('batch-slice');
    const out = path.join(dir, 'out');
    const r = await runCli(['batch', orders(dir), '--out-dir', out, '--printer', 'bambu-x1', '--slice', '--jobs', '1'], { timeoutMs: 180_000 });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as { orders: Entry[] };
    const e = report.orders[0]!;
    expect(e.status).toBe('done');
    expect(e.slice).toMatchObject({ source: 'prusa-slicer', estimate: false });
    expect(e.slice!.printSeconds).toBeGreaterThan(60);
    expect(e.slice!.toolChanges, 'a two-colour keychain changes filament').toBeGreaterThan(0);
    expect(e.slice!.filaments.map((f) => f.slot)).toEqual([1, 2]);
    const files = unzipSync(new Uint8Array(readFileSync(path.join(out, e.file!))));
    expect(Object.keys(files), 'laid out for Bambu Studio / OrcaSlicer').toContain('Metadata/model_settings.config');

    const again = await runCli(['batch', orders(dir), '--out-dir', path.join(dir, 'prusa'), '--printer', 'prusa-mk4', '--jobs', '1']);
    expect(again.code, again.stderr).toBe(0);
    const p = JSON.parse(readFileSync(path.join(dir, 'prusa', 'report.json'), 'utf8')) as { orders: Entry[] };
    expect(p.orders[0]!.slice, 'no --slice, no figures').toBeUndefined();
    expect(Object.keys(unzipSync(new Uint8Array(readFileSync(path.join(dir, 'prusa', p.orders[0]!.file!)))))).toContain('Metadata/Slic3r_PE_model.config');
  }, 240_000);

  it('without PrusaSlicer the figures are an estimate that says so; an unknown printer is refused at once', async () => {
    const dir = tempDir('batch-slice-est');
    const out = path.join(dir, 'out');
    const r = await runCli(['batch', orders(dir), '--out-dir', out, '--printer', 'prusa-mk4', '--slice', '--jobs', '1'], { env: { PATH: '/nonexistent', ATELIER_PRUSA_SLICER: '' } });
    expect(r.code, r.stderr).toBe(0);
    const e = (JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as { orders: Entry[] }).orders[0]!;
    expect(e.slice).toMatchObject({ source: 'estimate', estimate: true });
    const bad = await runCli(['batch', orders(dir), '--out-dir', out, '--printer', 'hal-9000']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown printer "hal-9000"; known printers: /);
  }, 120_000);
});
