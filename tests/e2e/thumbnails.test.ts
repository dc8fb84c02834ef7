// Thumbnails at the size they are shown (issue 14, item 8): the kiosk's attract screen shows a product about 750 px
// wide on a 1080×1920 screen, so it loads the 1024 px rendering rather than blowing the 256 px card image up; the
// gallery's cards take the smallest that is sharp; a model without the larger renderings still shows its own file.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { StaticServer } from './server';
import { useAppSession } from './session';

let server: StaticServer;
let browser: Browser;
const app = useAppSession({ noPage: true });
beforeAll(() => void ({ server, browser } = app));

interface Shown { src: string; natural: number; shown: number }

/** The image's loaded file, its pixel width, and its displayed width in device pixels. */
const shown = (page: Page, selector: string): Promise<Shown> =>
  page.locator(selector).first().evaluate(async (el) => {
    const img = el as HTMLImageElement;
    if (!img.complete || img.naturalWidth === 0) await new Promise((r) => { img.onload = r; img.addEventListener('error', r); setTimeout(r, 5000); });
    // a fallback after an error reloads src: wait for it
    for (let i = 0; i < 50 && img.naturalWidth === 0; i++) await new Promise((r) => setTimeout(r, 100));
    // naturalWidth is corrected by the srcset's density: load the file alone for its pixel width
    const file = new Image();
    file.src = img.currentSrc;
    await file.decode().catch(() => undefined);
    return { src: img.currentSrc, natural: file.naturalWidth, shown: img.getBoundingClientRect().width * devicePixelRatio };
  });

async function attractPage(blockLarge: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'en-US', hasTouch: true });
  const page = await context.newPage();
  if (blockLarge) await page.route(/thumbnail-\d+\.png/, (r) => r.fulfill({ status: 404, body: '' }));
  await page.goto(`${server.url}/?kiosk=1&idle=600`);
  await page.locator('[data-testid="attract-thumb"]').waitFor();
  return page;
}

describe('thumbnails at the size they are shown', () => {
  it('the attract screen on a portrait kiosk loads the rendering as wide as it shows', async () => {
    const page = await attractPage(false);
    const s = await shown(page, '[data-testid="attract-thumb"]');
    expect(s.shown, 'the attract screen shows the product large').toBeGreaterThan(600);
    expect(s.src).toMatch(/thumbnail-1024\.png$/);
    expect(s.natural, `${s.src} is sharp at ${Math.round(s.shown)} px`).toBeGreaterThanOrEqual(s.shown);
    await page.context().close();
  });

  it('a model without the larger renderings shows its own thumbnail, not a broken image', async () => {
    const page = await attractPage(true);
    const s = await shown(page, '[data-testid="attract-thumb"]');
    expect(s.src).toMatch(/thumbnail\.png$/);
    expect(s.natural).toBe(256);
    await page.context().close();
  });

  it('the gallery cards load a rendering at least as wide as the card shows it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.waitForSelector('[data-product] img');
    const s = await shown(page, '[data-product] img');
    expect(s.natural, `${s.src} is sharp at ${Math.round(s.shown)} device px`).toBeGreaterThanOrEqual(Math.min(s.shown, 1024));
    expect(s.src).not.toMatch(/thumbnail\.png$/);
    await context.close();
  });
});
