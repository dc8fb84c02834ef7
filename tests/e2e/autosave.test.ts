// Crash safety in the browser: a changed design is autosaved; after a reload without saving the app offers to
// restore it (Restore gives the values back, Discard leaves the defaults); saving clears the autosave.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from './server';
import { pickProducts, type CatalogModel } from './catalog';
import { nextBuild, openProduct, settled } from './app-page';
import { useAppSession } from './session';

const KEY = 'atelier.autosave';
let server: StaticServer;
let page: Page;
let models: CatalogModel[];

const app = useAppSession({ acceptDownloads: true, noPickers: ['save'], appLocale: 'en', open: '/' });
beforeAll(() => void ({ server, page, models } = app));
const errors = app.errors;

const autosaved = () => page.evaluate((k) => localStorage.getItem(k), KEY);
const prompt = () => page.locator('[data-testid="restore-prompt"]');

describe('autosave and restore', () => {
  it('offers to restore an unsaved design after a reload; Restore gives the values back, Discard the defaults', async () => {
    const { slider } = pickProducts(models);
    expect(slider, 'a catalog product with a millimetre slider').toBeTruthy();
    const { m, p } = slider!;
    await page.waitForSelector('[data-product]');
    expect(await prompt().count(), 'no offer on a first start').toBe(0);
    const f0 = await openProduct(page, m.id);
    const field = page.locator(`[data-param="${p!.id}"] input[type=text]`);
    const original = Number(await field.inputValue());
    const step = p!.step ?? 0.1; // a value on the parameter's step is kept as typed
    const typed = Number((p!.min! + Math.round(((p!.max! - p!.min!) * 0.3) / step) * step).toFixed(6));
    expect(typed).not.toBe(original);
    await field.fill(String(typed));
    await field.press('Enter');
    const f1 = await nextBuild(page, f0.seq);
    const shape = (f: { size: string; volume: number; triangles: number }) => [f.size, f.volume, f.triangles];
    expect(shape(f1)).not.toEqual(shape(f0));
    await expect.poll(autosaved, { timeout: 5000 }).not.toBeNull();
    expect(JSON.parse((await autosaved())!).design.values[p!.id]).toBeCloseTo(typed, 5);

    // Closed without saving (a reload stands for a crash or a closed tab).
    await page.reload();
    await prompt().waitFor();
    expect(await prompt().textContent()).toContain(m.name);
    await page.getByRole('button', { name: 'Restore' }).click();
    const r = await settled(page);
    expect(Number(await field.inputValue())).toBeCloseTo(typed, 5);
    expect(shape(r)).toEqual(shape(f1));
    expect(await prompt().count()).toBe(0);

    // Still unsaved, so offered again; Discard forgets it.
    await page.reload();
    await prompt().waitFor();
    await page.getByRole('button', { name: 'Discard' }).click();
    expect(await prompt().count()).toBe(0);
    expect(await autosaved()).toBeNull();
    await page.waitForSelector('[data-product]');
    const d = await openProduct(page, m.id);
    expect(Number(await field.inputValue())).toBeCloseTo(original, 5);
    expect(shape(d)).toEqual(shape(f0));
    await page.goto(server.url + '/'); // the catalog: a reload would show the product its address names
    await page.waitForSelector('[data-product]');
    await page.waitForTimeout(300);
    expect(await prompt().count(), 'nothing offered after Discard').toBe(0);
  });

  it('keeps a change made just before the page closes, and clears the autosave on Save and on New', async () => {
    const { slider } = pickProducts(models);
    const { m, p } = slider!;
    await page.goto(server.url + '/'); // nothing unsaved: a clean close, so no offer after it
    await page.waitForSelector('[data-product]');
    expect(await prompt().count()).toBe(0);
    const f0 = await openProduct(page, m.id);
    const field = page.locator(`[data-param="${p!.id}"] input[type=text]`);
    await field.fill(String(p!.min));
    await field.press('Enter');
    await nextBuild(page, f0.seq);
    await page.reload(); // at once: no time for the debounce, the page-hide flush must keep it
    await prompt().waitFor();
    await page.getByRole('button', { name: 'Restore' }).click();
    await settled(page);
    expect(Number(await field.inputValue())).toBeCloseTo(p!.min!, 5);

    const download = page.waitForEvent('download');
    await page.locator('body').press('Control+s');
    await download;
    await expect.poll(autosaved).toBeNull();
    await page.goto(server.url + '/'); // the catalog: a reload would show the product its address names
    await page.waitForSelector('[data-product]');
    await page.waitForTimeout(300);
    expect(await prompt().count(), 'a saved design is not offered').toBe(0);

    const f1 = await openProduct(page, m.id);
    expect(Number(await field.inputValue())).not.toBe(p!.max);
    await field.fill(String(p!.max));
    await field.press('Enter');
    await nextBuild(page, f1.seq);
    await expect.poll(autosaved, { timeout: 5000 }).not.toBeNull();
    await page.locator('body').press('Control+n');
    // New with unsaved changes asks first (tests/e2e/navigation.test.ts); going on without saving clears the autosave.
    await page.locator('[data-testid="leave-prompt"]').getByRole('button', { name: 'Don’t save' }).click();
    await expect.poll(autosaved).toBeNull();
    expect(errors).toEqual([]);
  });
});
