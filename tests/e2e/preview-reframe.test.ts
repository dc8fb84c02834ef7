// The preview re-fits the camera when a product's size changes (issue 14, item 7): after a size slider moves, the
// whole product and its dimension labels are in view, at the customer's own orbit angles; a rebuild of the same
// size (a colour change) leaves the view alone; Home still goes back to the home view.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { figures, nextBuild, settled } from './app-page';
import { pickProducts } from './catalog';
import { useAppSession } from './session';

const app = useAppSession({ open: '/', waitFor: 'gallery' });

type View = { alpha: number; beta: number; radius: number };
async function view(page: Page): Promise<View> {
  // the re-fit takes 300 ms; the preview draws nothing once it is still (a key press draws at the next frame)
  await page.waitForTimeout(100);
  await page.waitForFunction(() => {
    const s = (window as unknown as { atelierStats?: { lastFrameAt?: number } }).atelierStats;
    return s?.lastFrameAt !== undefined && performance.now() - s.lastFrameAt > 500;
  });
  const d = await page.locator('[data-testid="preview"]').evaluate((c) => ({ ...(c as HTMLElement).dataset }));
  return { alpha: Number(d.alpha), beta: Number(d.beta), radius: Number(d.radius) };
}

/** Every dimension label lies inside the preview. */
async function labelsInView(page: Page): Promise<string[]> {
  const canvas = (await page.locator('[data-testid="preview"]').boundingBox())!;
  const out: string[] = [];
  for (const l of await page.locator('.dim-label').all()) {
    const b = (await l.boundingBox())!;
    if (b.x < canvas.x || b.y < canvas.y || b.x + b.width > canvas.x + canvas.width || b.y + b.height > canvas.y + canvas.height)
      out.push(`${await l.textContent()} at ${Math.round(b.x)},${Math.round(b.y)} (${Math.round(b.width)}×${Math.round(b.height)})`);
  }
  return out;
}

async function setSlider(page: Page, id: string, key: 'End' | 'Home'): Promise<void> {
  const seq = (await figures(page)).seq;
  const s = page.locator(`[data-param="${id}"] input[type=range]`);
  await s.focus();
  await s.press(key);
  await nextBuild(page, seq);
}

describe('camera after a size change', () => {
  it('re-fits the product and its labels at the same angles, smoothly; Home re-frames', async () => {
    const { page } = app;
    const { slider } = pickProducts(app.models);
    expect(slider, 'a catalog product with a size slider').toBeTruthy();
    await page.goto(`${app.server.url}/#product=${slider!.m.id}`);
    await settled(page);
    const home = await view(page);
    // the customer turns the view first: those angles are theirs to keep
    await page.locator('[data-testid="preview"]').focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    const turned = await view(page);
    expect(turned.alpha).not.toBe(home.alpha);

    await setSlider(page, slider!.p!.id, 'End');
    const big = await view(page);
    expect(big.alpha, 'orbit angle kept').toBe(turned.alpha);
    expect(big.beta, 'orbit angle kept').toBe(turned.beta);
    expect(big.radius, 'further away for a bigger product').toBeGreaterThan(turned.radius * 1.05);
    expect(await labelsInView(page), 'labels in view after growing').toEqual([]);

    await setSlider(page, slider!.p!.id, 'Home');
    const small = await view(page);
    expect(small.alpha).toBe(turned.alpha);
    expect(small.radius, 'closer for a smaller product').toBeLessThan(big.radius * 0.95);
    expect(await labelsInView(page), 'labels in view after shrinking').toEqual([]);

    await page.locator('[data-testid="preview"]').focus();
    await page.keyboard.press('Home');
    const back = await view(page);
    expect(back.alpha, 'Home: the home angle').toBe(home.alpha);
    expect(back.beta).toBe(home.beta);
  }, 30_000);

  it('keeps the view on a rebuild of the same size', async () => {
    const { page } = app;
    await page.goto(`${app.server.url}/#product=nameplate`);
    await settled(page);
    await page.locator('[data-testid="preview"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('-');
    const before = await view(page);
    const seq = (await figures(page)).seq;
    await page.locator('[data-param="plate_material"] [aria-checked=false]').first().click();
    await nextBuild(page, seq);
    expect(await view(page)).toEqual(before);
  }, 20_000);
});
