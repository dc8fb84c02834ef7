// Helpers that drive the Atelier web app in a Playwright page: open a product, read the live figures, drag a
// slider, wait for the next build to be shown. Selectors are the app's accessible names and data-* hooks.
import type { Page } from 'playwright-core';

export interface Figures { size: string; volume: number; triangles: number; seq: number }

export async function figures(page: Page): Promise<Figures> {
  return page.evaluate(() => {
    const el = document.querySelector('[data-testid="figures"]') as HTMLElement | null;
    return {
      size: document.querySelector('[data-testid="size"]')?.textContent ?? '',
      volume: Number(el?.dataset.volume ?? NaN),
      triangles: Number(el?.dataset.triangles ?? NaN),
      seq: Number(el?.dataset.buildSeq ?? -1),
    };
  });
}

/** Waits until a build newer than `seq` is shown, no build is running and no region (the parameter panel, which
 * mounts a group per frame) is still filling. */
export async function nextBuild(page: Page, seq: number, timeout = 60_000): Promise<Figures> {
  await page.waitForFunction(
    (s) => {
      const el = document.querySelector('[data-testid="figures"]') as HTMLElement | null;
      const st = (window as unknown as { atelier?: { building: boolean } }).atelier;
      return el !== null && Number(el.dataset.buildSeq) > s && st?.building === false && !document.querySelector('[aria-busy="true"]');
    },
    seq,
    { timeout },
  );
  return figures(page);
}

/** Waits until builds have settled (nothing running, at least one shown). */
export async function settled(page: Page, timeout = 60_000): Promise<Figures> {
  return nextBuild(page, 0, timeout);
}

export async function openProduct(page: Page, id: string): Promise<Figures> {
  await page.locator(`[data-product="${id}"]`).click();
  return settled(page);
}

/** Drags a range input from its current thumb position by `dx` pixels in small steps (one gesture). */
export async function dragSlider(page: Page, paramId: string, dx: number): Promise<void> {
  const slider = page.locator(`[data-param="${paramId}"] input[type=range]`);
  const box = (await slider.boundingBox())!;
  const { value, min, max } = await slider.evaluate((e) => {
    const i = e as HTMLInputElement;
    return { value: Number(i.value), min: Number(i.min), max: Number(i.max) };
  });
  const thumb = 8;
  const x = box.x + thumb + ((value - min) / (max - min)) * (box.width - 2 * thumb);
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(x + (dx * i) / steps, y);
    await page.waitForTimeout(30);
  }
  await page.mouse.up();
}

/** PNG of the 3D preview canvas only. */
export async function previewPng(page: Page): Promise<Uint8Array> {
  return new Uint8Array(await page.locator('[data-testid="preview"]').screenshot());
}
