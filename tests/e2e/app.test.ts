// The web app end to end in Chromium (SwiftShader WebGL2), served from the production build on 127.0.0.1:
// gallery → product → slider drag and typed value change the dimensions → undo/redo → engraved text changes the
// mesh → material switch → 3MF export read back by lib3mf → save and reopen a design → a malformed model file shows
// its errors. Each view's screenshot is compared with tests/e2e/references within a tolerance.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { appUnderTest, type StaticServer } from './server';
import { catalogModels, pickProducts, type CatalogModel } from './catalog';
import { dragSlider, figures, nextBuild, openProduct, previewPng, settled } from './app-page';
import { checkScreenshot, MAX_DIFF_RATIO, RESULTS, SHOT } from './references';
import { comparePng } from './png-compare';

/** lib3mf has no type declarations: a narrow view of what this test calls. */
interface Lib3mfModule { CWrapper: new () => any; FS: { writeFile(p: string, b: Uint8Array): void } }
const LIB3MF = '@3mfconsortium/lib3mf';
const loadLib3mf = async (): Promise<Lib3mfModule> => ((await import(LIB3MF)) as { default: () => Promise<Lib3mfModule> }).default();

let server: StaticServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];
let models: CatalogModel[] = [];
const products = () => pickProducts(models);

async function newPage(): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'en-US', acceptDownloads: true });
  // Downloads, not the save picker (which a headless browser cannot answer).
  await p.addInitScript(() => {
    delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
    delete (window as unknown as { showOpenFilePicker?: unknown }).showOpenFilePicker;
    localStorage.setItem('atelier.locale', 'en');
  });
  p.on('pageerror', (e) => errors.push(e.message));
  p.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  p.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1', ''].includes(u.hostname) && !u.protocol.startsWith('blob') && !u.protocol.startsWith('data')) errors.push(`network request to ${r.url()}`);
  });
  await p.goto(server.url + '/');
  return p;
}

async function view(name: string): Promise<void> {
  await page.mouse.move(0, 0);
  // wait until the preview has stopped drawing (shaders compiled, shadow settled) for a moment
  await page.waitForFunction(
    () => {
      const s = (window as unknown as { atelierStats?: { lastFrameAt?: number } }).atelierStats;
      return !document.querySelector('[data-testid="preview"]') || (s?.lastFrameAt !== undefined && performance.now() - s.lastFrameAt > 700);
    },
    undefined,
    { timeout: 60_000, polling: 100 },
  );
  await page.waitForTimeout(200);
  const r = checkScreenshot(name, new Uint8Array(await page.screenshot(SHOT)));
  if (!r.updated) expect(r.ratio, `${name}: ${r.differing} pixels differ from ${r.reference}`).toBeLessThanOrEqual(MAX_DIFF_RATIO);
}

beforeAll(async () => {
  server = await appUnderTest();
  models = await catalogModels(server.url);
  browser = await launchChromium();
  page = await newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Atelier in the browser', () => {
  it('shows the catalog with every product', async () => {
    const n = models.length;
    expect(n).toBeGreaterThan(0);
    await page.waitForSelector('[data-product]');
    expect(await page.locator('[data-product]').count()).toBe(n);
    await view('gallery');
  });

  it('opens a product, and a slider drag and a typed value change its dimensions; undo and redo step through them', async () => {
    const { slider } = products();
    expect(slider, 'a catalog product with a millimetre slider').toBeTruthy();
    const { m, p } = slider!;
    const f0 = await openProduct(page, m.id);
    expect(f0.size).toMatch(/× .* mm$/);
    await view('product');

    await dragSlider(page, p!.id, 120);
    const f1 = await nextBuild(page, f0.seq);
    expect(f1.size).not.toBe(f0.size);

    const field = page.locator(`[data-param="${p!.id}"] input[type=text]`);
    // the middle of the range on the parameter's step (the field snaps to it), or the minimum if that is current
    const step = p!.step ?? 0.1;
    const mid = Math.round((p!.min! + Math.round((p!.max! - p!.min!) / 2 / step) * step) * 1000) / 1000;
    const typed = mid === Number(await field.inputValue()) ? p!.min! : mid;
    await field.fill(String(typed));
    await field.press('Enter');
    const f2 = await nextBuild(page, f1.seq);
    expect(f2.size).not.toBe(f1.size);
    expect(Number(await field.inputValue())).toBeCloseTo(typed, 5);

    // One undo per gesture: the typed value, then the whole drag.
    await page.locator('body').press('Control+z');
    const u1 = await nextBuild(page, f2.seq);
    expect(u1.size).toBe(f1.size);
    await page.getByRole('button', { name: 'Undo' }).click();
    const u2 = await nextBuild(page, u1.seq);
    expect(u2.size).toBe(f0.size);
    await page.locator('body').press('Control+y');
    const r1 = await nextBuild(page, u2.seq);
    expect(r1.size).toBe(f1.size);

    await page.getByRole('radio', { name: 'in', exact: true }).click();
    expect((await figures(page)).size).toMatch(/ in$/);
    await page.getByRole('radio', { name: 'mm', exact: true }).click();
  });

  it('engraves a typed name (the mesh changes) and says at once which character the font lacks', async () => {
    const { text } = products();
    expect(text, 'a catalog product with a text parameter').toBeTruthy();
    await page.getByRole('button', { name: 'Catalog' }).click();
    const f0 = await openProduct(page, text!.m.id);
    const input = page.locator(`[data-param="${text!.p!.id}"] input[type=text]`);
    await input.fill('Ana');
    const f1 = await nextBuild(page, f0.seq);
    expect(f1.volume).not.toBeCloseTo(f0.volume, 3);
    expect(f1.triangles).not.toBe(f0.triangles);
    await view('engraved');
    await input.fill('Ana ༀ');
    await expect.poll(() => page.locator('[data-testid="missing-chars"]').textContent()).toContain('ༀ');
    await input.fill('Ana');
  });

  it('switches a material and the preview changes', async () => {
    const { material } = products();
    expect(material, 'a catalog product with a material parameter').toBeTruthy();
    if ((await page.locator('[data-testid="product-name"]').textContent())?.trim() !== material!.m.name) {
      await page.getByRole('button', { name: 'Catalog' }).click();
      await openProduct(page, material!.m.id);
    }
    const before = await previewPng(page);
    const seq = (await figures(page)).seq;
    const other = page.locator(`[data-param="${material!.p!.id}"] button[role=radio][aria-checked=false]`).first();
    const id = await other.getAttribute('data-material');
    await other.click();
    await nextBuild(page, seq);
    await expect.poll(() => page.locator(`[data-param="${material!.p!.id}"] [data-material="${id}"]`).getAttribute('aria-checked')).toBe('true');
    await page.waitForTimeout(500);
    const after = await previewPng(page);
    expect(comparePng(after, before, 8).differing).toBeGreaterThan(100);
    await view('material');
  });

  it('exports a 3MF that lib3mf reads in strict mode, with the size shown in the app', async () => {
    const f = await settled(page);
    await page.locator('body').press('Control+e');
    await page.waitForSelector('[data-testid="export-dialog"]');
    await page.getByLabel(/3MF/).check();
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.locator('[data-testid="export-start"]').click();
    const d = await download;
    mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, d.suggestedFilename());
    await d.saveAs(file);
    expect(file).toMatch(/\.3mf$/);
    await page.waitForSelector('[data-testid="export-done"]');
    await view('export-done');
    await page.getByRole('button', { name: 'Close' }).click();

    const Module = await loadLib3mf();
    const wrapper = new Module.CWrapper();
    const model = wrapper.CreateModel();
    Module.FS.writeFile('/e2e.3mf', readFileSync(file));
    const reader = model.QueryReader('3mf');
    reader.SetStrictModeActive(true);
    reader.ReadFromFile('/e2e.3mf');
    expect(reader.GetWarningCount()).toBe(0);
    const it = model.GetMeshObjects();
    const min = [Infinity, Infinity, Infinity];
    const max = [-Infinity, -Infinity, -Infinity];
    let objects = 0;
    while (it.MoveNext()) {
      const mo = it.GetCurrentMeshObject();
      objects++;
      expect(mo.GetTriangleCount()).toBeGreaterThan(0);
      expect(mo.IsManifoldAndOriented()).toBe(true);
      for (let i = 0; i < mo.GetVertexCount(); i++) {
        const v = mo.GetVertex(i);
        const c = [v.get_Coordinates0(), v.get_Coordinates1(), v.get_Coordinates2()];
        for (let k = 0; k < 3; k++) {
          min[k] = Math.min(min[k]!, c[k]!);
          max[k] = Math.max(max[k]!, c[k]!);
        }
      }
      mo.delete(); // embind objects are freed by hand
    }
    it.delete();
    reader.delete();
    model.delete();
    expect(objects).toBeGreaterThan(0);
    const size = [0, 1, 2].map((k) => max[k]! - min[k]!);
    const shown = f.size.replace(/[^0-9.,× ]/g, '').split('×').map((s) => Number(s.trim().replace(/,/g, '')));
    for (let k = 0; k < 3; k++) expect(size[k]!).toBeCloseTo(shown[k]!, 0);
  });

  it('saves a design and opens it again with the same values', async () => {
    const values = await page.evaluate(() => (window as unknown as { atelier: { design: { values: Record<string, unknown> } } }).atelier.design.values);
    const download = page.waitForEvent('download');
    await page.locator('body').press('Control+s');
    const d = await download;
    const file = path.join(RESULTS, d.suggestedFilename());
    await d.saveAs(file);
    expect(file).toMatch(/\.atelier\.json$/);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { format: string; values: Record<string, unknown> };
    expect(saved.format).toBe('atelier-design/1');
    expect(saved.values).toMatchObject(values);

    await page.goto(server.url + '/'); // the catalog: a reload would show the product its address names
    await page.waitForSelector('[data-product]');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open…' }).click();
    await (await chooser).setFiles(file);
    await settled(page);
    const reopened = await page.evaluate(() => (window as unknown as { atelier: { design: { values: Record<string, unknown> } } }).atelier.design.values);
    expect(reopened).toMatchObject(values);
  });

  it('shows the problems of a malformed model file with their lines instead of a preview', async () => {
    const bad = path.join(RESULTS, 'broken.model.json');
    writeFileSync(bad, '{\n  "format": "atelier-model/1",\n  "id": "Broken Id",\n  "name": 42,\n  "parameters": [ { "id": "w", "type": "number", "min": 10, "max": 1 } ],\n  "parts": []\n}\n');
    await page.getByRole('button', { name: 'More' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('menuitem', { name: 'Open model file…' }).click();
    await (await chooser).setFiles(bad);
    await page.waitForSelector('[data-testid="designer-problems"]');
    const text = (await page.locator('[data-testid="designer-problems"]').textContent()) ?? '';
    expect(text).toMatch(/line \d+/);
    expect(await page.locator('[data-testid="designer-problems"] li').count()).toBeGreaterThanOrEqual(2);
    await view('designer-errors');
  });

  it('fetched nothing from the network and logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
