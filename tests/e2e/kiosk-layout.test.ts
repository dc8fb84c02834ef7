// The kiosk on the two screens showrooms use (issue 14, item 2): a 1080×1920 portrait touch screen gets the preview
// on top and the controls below it, full width; a 1920×1080 one the preview beside the panel. In both, the docked
// on-screen keyboard leaves "Start over" in reach, and "Start over" asks before wiping a design in progress
// ("Keep designing" keeps it; nothing changed yet wipes at once), and "View on your phone" is not offered where it
// leads nowhere (no hand-off server, no saving). Screenshot references for both orientations.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from './server';
import { pickProducts, type CatalogModel } from './catalog';
import { nextBuild, settled } from './app-page';
import { useAppSession } from './session';
import { checkScreenshot, MAX_DIFF_RATIO, SHOT } from './references';

let server: StaticServer;
let browser: Browser;
let models: CatalogModel[];

const app = useAppSession({ noPage: true });
beforeAll(() => void ({ server, browser, models } = app));

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function kioskPage(width: number, height: number): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'en-US', hasTouch: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => localStorage.setItem('atelier.locale', 'en'));
  await page.goto(`${server.url}/?kiosk=1&idle=600`);
  await page.locator('[data-testid="attract"]').waitFor();
  await page.locator('[data-testid="attract"]').tap();
  await page.waitForSelector('[data-product]');
  return { page, errors };
}

for (const [name, width, height] of [['portrait', 1080, 1920], ['landscape', 1920, 1080]] as const) {
  describe(`kiosk on a ${width}×${height} screen`, () => {
    it(`lays out the product ${name === 'portrait' ? 'with the preview on top and the controls below' : 'with the preview beside the controls'}`, async () => {
      const { page, errors } = await kioskPage(width, height);
      const { text } = pickProducts(models);
      await page.locator(`[data-product="${text!.m.id}"]`).tap();
      await settled(page);
      const preview = (await page.locator('[data-testid="preview"]').boundingBox())!;
      const panel = (await page.locator('aside.side').boundingBox())!;
      if (name === 'portrait') {
        expect(preview.y + preview.height, 'the preview is above the controls').toBeLessThanOrEqual(panel.y + 1);
        expect(preview.width, 'the preview spans the screen').toBeGreaterThan(width * 0.9);
        expect(panel.width).toBeGreaterThan(width * 0.9);
        expect(preview.height, 'a preview worth looking at').toBeGreaterThan(height * 0.35);
      } else {
        expect(preview.x + preview.width, 'the preview is left of the controls').toBeLessThanOrEqual(panel.x + 1);
        expect(preview.height).toBeGreaterThan(height * 0.6);
      }
      // The web build has no local server for the hand-off and this kiosk saves no files: no dead-end offer.
      expect(await page.getByTestId('handoff-open').count(), '"View on your phone" only where it can hand something over').toBe(0);
      await page.waitForTimeout(500);
      const shot = checkScreenshot(`kiosk-${name}`, new Uint8Array(await page.screenshot(SHOT)));
      if (!shot.updated) expect(shot.ratio, `differs from ${shot.reference}`).toBeLessThan(MAX_DIFF_RATIO);

      // Typing on the docked keyboard: "Start over" stays visible and tappable above it.
      const f0 = await settled(page);
      await page.locator(`[data-param="${text!.p!.id}"] input[type=text]`).tap();
      const osk = page.locator('[data-testid="osk"]');
      await osk.waitFor();
      const startOver = page.getByTestId('start-over');
      const so = (await startOver.boundingBox())!;
      expect(overlaps(so, (await osk.boundingBox())!), 'the keyboard does not cover Start over').toBe(false);
      expect(so.y + so.height).toBeLessThanOrEqual(height);
      await osk.locator('[data-key="A"], [data-key="a"]').first().tap();
      await nextBuild(page, f0.seq);

      // A design in progress: Start over asks; Keep designing keeps it; Yes wipes it.
      await startOver.tap();
      const ask = page.getByTestId('start-over-prompt');
      await ask.waitFor();
      await ask.getByRole('button', { name: 'Keep designing' }).tap();
      expect(await ask.count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { atelier: { canUndo: boolean } }).atelier.canUndo)).toBe(true);
      await startOver.tap();
      await ask.getByRole('button', { name: 'Yes, start over' }).tap();
      await page.locator('[data-testid="attract"]').waitFor();
      expect(await page.evaluate(() => (window as unknown as { atelier: { design: unknown } }).atelier.design)).toBeNull();
      expect(errors).toEqual([]);
      await page.context().close();
    });
  });
}
