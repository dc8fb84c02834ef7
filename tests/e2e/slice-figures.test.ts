// The slicer's figures in the product view, end to end: the web build served by `atelier serve`'s own handler (with
// its POST /api/slice and the real PrusaSlicer), the two-colour nameplate on a four-filament printer in Chromium,
// and the print time, filament per material and tool changes the figures bar shows compared with what
// `atelier check --slice --json` reports for the same design and printer. Then a change makes them stale, a slicer
// out of time is one quiet line, and a server that cannot slice shows none.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../cli/commands/serve';
import { cachedSliceCatalog } from '../../node/slice/catalog';
import { createSliceService, type SliceService } from '../../node/slice/service';
import { runCli, tempDir } from '../manufacturing/tools';
import { ensureWebBuild, ROOT } from './build';
import { nextBuild, figures as buildFigures } from './app-page';
import { useAppSession } from './session';

let server: Server;
let slicing: SliceService;
const assets = path.join(ROOT, 'assets');

// before the session's set-up: the app under test is this server (appUnderTest takes ATELIER_E2E_URL)
const before = process.env.ATELIER_E2E_URL;
beforeAll(async () => {
  await ensureWebBuild();
  slicing = createSliceService({ catalog: cachedSliceCatalog(assets) });
  server = createServer(handler(path.join(ROOT, 'dist/web'), assets, '127.0.0.1', slicing));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.ATELIER_E2E_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 600_000);
afterAll(async () => {
  slicing.dispose();
  await new Promise((r) => server.close(r));
  if (before === undefined) delete process.env.ATELIER_E2E_URL;
  else process.env.ATELIER_E2E_URL = before;
});

const app = useAppSession({ appLocale: 'en', open: '/#product=nameplate', waitFor: 'settled' });
let page: Page;
beforeAll(() => void ({ page } = app));

interface Shown { seconds: number; time: string; changes: string; filaments: { material: string; text: string; lengthMm: number; massG: number }[] }
async function shown(p: Page, timeout = 120_000): Promise<Shown> {
  await p.waitForSelector('[data-testid="print-time"]', { timeout });
  return p.evaluate(() => {
    const q = (s: string) => document.querySelector(`[data-testid="${s}"]`) as HTMLElement;
    return {
      seconds: Number(q('print-time').dataset.seconds),
      time: q('print-time').textContent!.trim(),
      changes: q('tool-changes').textContent!.trim(),
      filaments: Array.from(document.querySelectorAll<HTMLElement>('[data-testid="filament"]')).map((e) => ({ material: e.dataset.material!, text: e.textContent!.trim(), lengthMm: Number(e.dataset.lengthMm), massG: Number(e.dataset.massG) })),
    };
  });
}

interface CliSlice { source: string; estimate: boolean; printSeconds: number; toolChanges: number; filaments: { material: string; name: string; lengthMm: number; grams: number }[] }

describe('slicer figures in the product view', () => {
  it('show the print time, filament per material and tool changes check --slice reports for the two-colour nameplate', async () => {
    const seq = (await buildFigures(page)).seq;
    await page.locator('[data-testid="figures"] select').selectOption('bambu-x1');
    await nextBuild(page, seq);
    const t0 = Date.now();
    const s = await shown(page);
    const ms = Date.now() - t0;
    const design = await page.evaluate(() => (window as unknown as { atelier: { design: unknown } }).atelier.design);
    const file = path.join(tempDir('slice-figures'), 'nameplate.atelier.json');
    writeFileSync(file, JSON.stringify(design));
    const r = await runCli(['check', file, '--printer', 'bambu-x1', '--slice', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const c = (JSON.parse(r.stdout) as { slice: CliSlice }).slice;
    expect(c).toMatchObject({ source: 'prusa-slicer', estimate: false });
    expect(c.filaments.length).toBe(2);
    expect(c.toolChanges).toBeGreaterThanOrEqual(1);
    // the same figures, within PrusaSlicer's run-to-run jitter (a last-digit difference in a length)
    expect(s.changes).toBe(String(c.toolChanges));
    expect(Math.abs(s.seconds - c.printSeconds)).toBeLessThanOrEqual(2);
    expect(s.filaments.map((f) => f.material)).toEqual(c.filaments.map((f) => f.material));
    s.filaments.forEach((f, i) => {
      const cf = c.filaments[i]!;
      expect(Math.abs(f.lengthMm - cf.lengthMm)).toBeLessThanOrEqual(cf.lengthMm * 5e-4);
      expect(Math.abs(f.massG - cf.grams)).toBeLessThanOrEqual(0.02);
      expect(f.text).toBe(`${cf.name} ${(cf.lengthMm / 1000).toFixed(2)} m · ${cf.grams.toFixed(1)} g`);
    });
    // the time as the CLI writes it (formatDuration), from the slice the page shows
    const h = Math.floor(s.seconds / 3600);
    const m = Math.floor((s.seconds % 3600) / 60);
    expect(s.time).toBe(h > 0 ? `${h} h ${m} min` : `${m} min ${s.seconds % 60} s`);
    // beside the slicer's filament grams, the solid mass says it is one
    expect(await page.locator('[data-testid="figures"] dt').allTextContents()).toContain('Mass if solid');
    console.log(`nameplate on bambu-x1: "${s.time}" (${s.seconds} s; CLI ${c.printSeconds} s), ${s.changes} tool changes, ${s.filaments.map((f) => f.text).join('; ')}; shown ${ms} ms after the build settled`);
    expect(app.errors).toEqual([]);
  }, 300_000);

  it('hides figures that belong to an older build, then shows the new build’s', async () => {
    const before = await shown(page);
    const seq = (await buildFigures(page)).seq;
    const name = page.locator('[data-param="name"] input').first();
    await name.fill('Grace Hopper');
    await page.waitForSelector('[data-testid="slice-pending"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="print-time"]').count()).toBe(0);
    await nextBuild(page, seq);
    const after = await shown(page);
    expect(after.seconds).not.toBe(before.seconds);
    expect(await page.locator('[data-testid="slice-note"]').count()).toBe(0);
  }, 300_000);

  it('says in one quiet line when the slicer runs out of time, never in a dialog', async () => {
    const slow = createServer(handler(path.join(ROOT, 'dist/web'), assets, '127.0.0.1', createSliceService({ catalog: cachedSliceCatalog(assets), timeoutMs: 1 })));
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    try {
      const p = await app.context.newPage();
      await p.addInitScript(() => localStorage.setItem('atelier.locale', 'en'));
      await p.goto(`http://127.0.0.1:${(slow.address() as AddressInfo).port}/#product=nameplate`);
      const seq = (await nextBuild(p, 0)).seq;
      await p.locator('[data-testid="figures"] select').selectOption('bambu-x1');
      await nextBuild(p, seq);
      const note = p.locator('[data-testid="slice-note"]');
      await note.waitFor({ timeout: 60_000 });
      expect(await note.textContent()).toBe('The slicer took too long; no print time for this design.');
      expect(await note.getAttribute('role')).toBe('status');
      expect(await p.locator('dialog[open], [role="alertdialog"]').count()).toBe(0);
      expect(await p.locator('[data-testid="print-time"]').count()).toBe(0);
      await p.close();
    } finally {
      await new Promise((r) => slow.close(r));
    }
  }, 300_000);

  it('shows no slicer figures (and no error) where the serving process cannot slice', async () => {
    slicing.dispose();
    const none = createServer(handler(path.join(ROOT, 'dist/web'), assets, '127.0.0.1', createSliceService({ catalog: cachedSliceCatalog(assets), slicer: null })));
    await new Promise<void>((r) => none.listen(0, '127.0.0.1', r));
    try {
      const p = await app.context.newPage();
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(e.message));
      const asked: string[] = [];
      p.on('request', (req) => void (req.url().includes('/api/slice') && asked.push(req.url())));
      await p.goto(`http://127.0.0.1:${(none.address() as AddressInfo).port}/#product=nameplate`);
      const seq = (await nextBuild(p, 0)).seq;
      await p.locator('[data-testid="figures"] select').selectOption('bambu-x1');
      await nextBuild(p, seq);
      await p.waitForTimeout(2_000); // longer than the pause before a slice
      // the server said it cannot slice (no X-Atelier-Slicer header): the page never asks, nor writes a slicer input
      expect(asked).toEqual([]);
      expect(await p.locator('[data-testid="slice-pending"]').count()).toBe(0);
      expect(await p.locator('[data-testid="print-time"]').count()).toBe(0);
      expect(await p.locator('[data-testid="slice-note"]').count()).toBe(0);
      expect(errors).toEqual([]);
      await p.close();
    } finally {
      await new Promise((r) => none.close(r));
    }
  }, 300_000);
});
