// The preview's engine is made while the gallery shows, at the size the preview will have (ProductView's layout
// twin), so opening a product changes no canvas size: a new drawing-buffer size waits for the GPU, hundreds of ms
// while a software renderer draws the new page. Every set of a canvas's width or height is recorded from the page's
// start; after the warm-up, opening a product in a landscape window and on a portrait kiosk screen sets none, and
// the preview's canvas then has the drawing buffer its box asks for.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { appUnderTest, type StaticServer } from './server';
import { settled } from './app-page';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await appUnderTest();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface SizeSet { at: number; prop: string; value: number }

async function galleryAfterWarmUp(width: number, height: number, search = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1, locale: 'en-US' });
  await page.addInitScript(() => {
    localStorage.setItem('atelier.locale', 'en');
    const w = window as unknown as { atelierCanvasSizes: SizeSet[] };
    w.atelierCanvasSizes = [];
    for (const prop of ['width', 'height'] as const) {
      const d = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, prop)!;
      Object.defineProperty(HTMLCanvasElement.prototype, prop, {
        ...d,
        set(this: HTMLCanvasElement, v: number) {
          if (d.get!.call(this) !== v) w.atelierCanvasSizes.push({ at: performance.now(), prop, value: v });
          d.set!.call(this, v);
        },
      });
    }
  });
  await page.goto(`${server.url}/${search}`);
  await page.waitForSelector('[data-product]');
  await page.waitForFunction(() => performance.getEntriesByName('atelier:shaders-compiled').length > 0, undefined, { timeout: 60_000 });
  return page;
}

async function openAndCheck(page: Page, id: string): Promise<{ sets: SizeSet[]; canvas: { css: [number, number]; buffer: [number, number] } }> {
  const from = await page.evaluate(() => performance.now());
  await page.locator(`[data-product="${id}"]`).click();
  await settled(page);
  const sets = await page.evaluate((t) => (window as unknown as { atelierCanvasSizes: SizeSet[] }).atelierCanvasSizes.filter((s) => s.at > t), from);
  const canvas = await page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid="preview"]')!;
    return { css: [c.clientWidth, c.clientHeight] as [number, number], buffer: [c.width, c.height] as [number, number] };
  });
  return { sets, canvas };
}

describe('the warmed-up preview', () => {
  it('opens a product in a landscape window without resizing its canvas', async () => {
    const page = await galleryAfterWarmUp(1280, 800);
    const r = await openAndCheck(page, 'mug');
    expect(r.sets).toEqual([]);
    expect(r.canvas.buffer).toEqual(r.canvas.css);
    expect(r.canvas.css[0]).toBeGreaterThan(600);
    await page.close();
  });

  it('opens a product on a portrait kiosk screen without resizing its canvas', async () => {
    const page = await galleryAfterWarmUp(1080, 1920, '?kiosk=1&idle=600');
    // the kiosk starts on its attract screen: a touch goes to the gallery
    const attract = page.locator('[data-testid="attract"]');
    if (await attract.isVisible()) await attract.click();
    const r = await openAndCheck(page, 'nameplate');
    expect(r.sets).toEqual([]);
    expect(r.canvas.buffer).toEqual(r.canvas.css);
    // the preview on top, full width
    expect(r.canvas.css[0]).toBe(1080);
    await page.close();
  });
});
