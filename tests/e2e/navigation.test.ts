// Nothing lost on the way out (issue 14, item 1), in the browser: opening a product puts it in the address, Back and
// Forward move between the catalog and the product and keep the changed design, the catalog button keeps it too,
// an edited #product= opens that product, and New or Open… with unsaved changes ask first (Save is the default;
// Cancel keeps everything; Don't save drops the changes and their autosave). The restore offer focuses Restore.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from './server';
import { pickProducts, type CatalogModel } from './catalog';
import { nextBuild, openProduct, settled } from './app-page';
import { useAppSession } from './session';

let server: StaticServer;
let page: Page;
let models: CatalogModel[];

const app = useAppSession({ acceptDownloads: true, noPickers: ['save'], appLocale: 'en' });
beforeAll(() => void ({ server, page, models } = app));
const errors = app.errors;

const hash = () => page.evaluate(() => location.hash);
const leavePrompt = () => page.locator('[data-testid="leave-prompt"]');
const autosaved = () => page.evaluate(() => localStorage.getItem('atelier.autosave'));

/** The catalog, with nothing of an earlier test offered for restoring. */
async function freshStart(): Promise<void> {
  await page.goto(server.url + '/');
  await page.waitForSelector('[data-product], [data-testid="restore-prompt"]');
  if (await page.locator('[data-testid="restore-prompt"]').count()) await page.getByRole('button', { name: 'Discard' }).click();
  await page.waitForSelector('[data-product]');
}

async function changeSlider(): Promise<{ id: string; field: ReturnType<Page['locator']>; typed: number; original: number }> {
  const { m, p } = pickProducts(models).slider!;
  const field = page.locator(`[data-param="${p!.id}"] input[type=text]`);
  const original = Number(await field.inputValue());
  const step = p!.step ?? 0.1;
  const typed = Number((p!.min! + Math.round(((p!.max! - p!.min!) * 0.7) / step) * step).toFixed(6));
  expect(typed).not.toBe(original);
  const seq = Number(await page.locator('[data-testid="figures"]').getAttribute('data-build-seq'));
  await field.fill(String(typed));
  await field.press('Enter');
  await nextBuild(page, seq);
  return { id: m.id, field, typed, original };
}

describe('leaving a changed design', () => {
  it('Back, Forward and the catalog button move between catalog and product and keep the design', async () => {
    await freshStart();
    const { slider } = pickProducts(models);
    await openProduct(page, slider!.m.id);
    expect(await hash()).toBe(`#product=${slider!.m.id}`);
    const { field, typed } = await changeSlider();

    await page.goBack();
    await page.waitForSelector('[data-product]');
    expect(await hash()).toBe('');
    await page.goForward();
    await settled(page);
    expect(await hash()).toBe(`#product=${slider!.m.id}`);
    expect(Number(await field.inputValue()), 'Forward shows the design as it was left').toBeCloseTo(typed, 5);
    expect(await page.getByTestId('product-name').textContent(), 'still marked unsaved').toContain('•');

    await page.getByRole('button', { name: '← Catalog' }).click();
    await page.waitForSelector('[data-product]');
    expect(await leavePrompt().count(), 'going to the catalog keeps the design: nothing to ask').toBe(0);
    await openProduct(page, slider!.m.id);
    expect(Number(await field.inputValue()), 'opening the product again shows the changed design').toBeCloseTo(typed, 5);

    await page.goBack();
    await page.waitForSelector('[data-product]');
    await page.goBack();
    await settled(page);
    expect(Number(await field.inputValue())).toBeCloseTo(typed, 5);
    expect(errors).toEqual([]);
  });

  it('an edited #product= opens that product', async () => {
    const { slider, text } = pickProducts(models);
    const other = models.find((m) => m.id !== slider!.m.id) ?? text!.m;
    await page.evaluate((id) => (location.hash = `#product=${id}`), other.id);
    await page.waitForFunction((id) => document.querySelector('[data-testid="product-name"]') !== null && location.hash === `#product=${id}`, other.id);
    await settled(page);
    await expect.poll(() => page.getByTestId('product-name').textContent()).toContain(other.name);
  });

  it('New and Open… with unsaved changes ask; Cancel keeps the design, Don’t save drops it and its autosave', async () => {
    await freshStart();
    const { slider } = pickProducts(models);
    await openProduct(page, slider!.m.id);
    const { field, typed, original } = await changeSlider();
    await expect.poll(autosaved, { timeout: 5000 }).not.toBeNull();

    await page.getByRole('button', { name: 'Open…' }).click();
    await leavePrompt().waitFor();
    expect(await leavePrompt().textContent()).toContain(slider!.m.name);
    expect(await page.evaluate(() => document.activeElement?.textContent), 'Enter saves: Save has the focus').toBe('Save');
    await leavePrompt().getByRole('button', { name: 'Cancel' }).click();
    expect(await leavePrompt().count()).toBe(0);
    expect(Number(await field.inputValue())).toBeCloseTo(typed, 5);

    await page.locator('body').press('Control+n');
    await leavePrompt().waitFor();
    await page.keyboard.press('Escape');
    expect(await leavePrompt().count(), 'Escape cancels').toBe(0);
    expect(Number(await field.inputValue())).toBeCloseTo(typed, 5);
    expect(await autosaved()).not.toBeNull();

    await page.locator('body').press('Control+n');
    await leavePrompt().getByRole('button', { name: 'Don’t save' }).click();
    await expect.poll(async () => Number(await field.inputValue())).toBeCloseTo(original, 5);
    await expect.poll(autosaved).toBeNull();
    await page.locator('body').press('Control+n');
    await page.waitForTimeout(200);
    expect(await leavePrompt().count(), 'nothing unsaved: nothing to ask').toBe(0);
    expect(errors).toEqual([]);
  });

  it('the restore offer after a reload focuses Restore, so Enter keeps the work', async () => {
    await freshStart();
    const { slider } = pickProducts(models);
    await openProduct(page, slider!.m.id);
    const { field, typed } = await changeSlider();
    await page.reload();
    await page.locator('[data-testid="restore-prompt"]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Restore');
    await page.keyboard.press('Enter');
    await settled(page);
    expect(Number(await field.inputValue())).toBeCloseTo(typed, 5);
    expect(errors).toEqual([]);
  });
});
