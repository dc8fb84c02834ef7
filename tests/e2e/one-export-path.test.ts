// One path from a design to bytes (issue 10) and slicer-ready projects (issue 12), end to end: the same two-part
// design exported as 3MF from the app in Chromium and by `atelier export` gives the same file, part for part (mesh,
// object structure, Application, title, thumbnail, the slicer's filament config), apart from the creation time.
// For a Bambu printer the project is laid out for Bambu Studio / OrcaSlicer, for a Prusa printer for PrusaSlicer.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useAppSession } from './session';
import { RESULTS } from './references';
import { runCli, tempDir } from '../manufacturing/tools';

let page: Page;

const app = useAppSession({ acceptDownloads: true, noPickers: ['save'], appLocale: 'en', open: '/#product=nameplate', waitFor: 'settled' });
beforeAll(() => void ({ page } = app));
const errors = app.errors;

/** The 3MF's entries, with the creation time (the one thing that may differ) taken out. */
function entries(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    out[name] = name.endsWith('.png') ? Buffer.from(data).toString('base64') : strFromU8(data).replace(/<metadata name="CreationDate">[^<]*<\/metadata>/, '');
  }
  return out;
}

async function appExport(printerId: string): Promise<Uint8Array> {
  await page.locator('body').press('Control+e');
  const dialog = page.locator('[data-testid="export-dialog"]');
  await dialog.waitFor();
  await page.getByLabel(/3MF/).check();
  await dialog.locator('select').first().selectOption(printerId);
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.locator('[data-testid="export-start"]').click();
  const d = await download;
  const file = path.join(RESULTS, `one-path-${printerId}.3mf`);
  mkdirSync(RESULTS, { recursive: true });
  await d.saveAs(file);
  await page.waitForSelector('[data-testid="export-done"]');
  await page.getByRole('button', { name: 'Close' }).click();
  return new Uint8Array(readFileSync(file));
}

describe('the app and the CLI write the same 3MF', () => {
  for (const [printer, config] of [['bambu-x1', 'Metadata/model_settings.config'], ['prusa-mk4', 'Metadata/Slic3r_PE_model.config']] as const) {
    it(`for the two-colour nameplate on ${printer}, with ${config}`, async () => {
      const appBytes = await appExport(printer);
      const design = await page.evaluate(() => (window as unknown as { atelier: { design: unknown } }).atelier.design);
      const dir = tempDir('one-path');
      const designFile = path.join(dir, 'nameplate.atelier.json');
      writeFileSync(designFile, JSON.stringify(design));
      const out = path.join(dir, 'cli.3mf');
      const r = await runCli(['export', designFile, '--printer', printer, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const a = entries(appBytes);
      const c = entries(new Uint8Array(readFileSync(out)));
      expect(Object.keys(a).sort()).toEqual(Object.keys(c).sort());
      expect(Object.keys(a)).toContain(config);
      for (const name of Object.keys(c)) expect(a[name], `${name} is the same from the app and the CLI`).toBe(c[name]);
      const model = a['3D/3dmodel.model']!;
      expect(model).toMatch(/<metadata name="Application">Atelier \d+\.\d+\.\d+<\/metadata>/);
      expect(model).toMatch(/<metadata name="Title">Desk nameplate/);
      expect(errors).toEqual([]);
    });
  }
});
