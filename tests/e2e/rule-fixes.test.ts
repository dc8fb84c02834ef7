// Rules that fix themselves, in the app (issue 11): a broken rule is shown on every field it names with a one-click
// fix ("Fix it: Base radius 32 mm") that makes the design valid in one undo step, in English and in Portuguese; a
// slider that a rule restricts shows the range valid for the other values; a typed value outside the range says what
// was allowed and what it was set to, as one undo step.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from './server';
import { nextBuild, settled } from './app-page';
import { useAppSession } from './session';

let server: StaticServer;
let browser: Browser;
let page: Page;

const app = useAppSession({ viewport: { width: 1280, height: 900 }, appLocale: 'en', open: '/#product=vase', waitFor: 'settled' });
beforeAll(() => void ({ server, browser, page } = app));
const errors = app.errors;

const field = (id: string) => page.locator(`[data-param="${id}"]`);
const seq = async () => Number(await page.locator('[data-testid="figures"]').getAttribute('data-build-seq'));
const values = () => page.evaluate(() => (window as unknown as { atelier: { design: { values: Record<string, number> } } }).atelier.design.values);

async function type(id: string, v: string): Promise<void> {
  const s = await seq();
  const input = field(id).locator('input[type=text]');
  await input.fill(v);
  await input.press('Enter');
  await nextBuild(page, s);
}

describe('rules that fix themselves, in the app', () => {
  it('marks every field a broken rule names, and one click makes the nearest valid design in one undo step', async () => {
    await type('height', '200');
    await type('base_r', '25');
    for (const id of ['base_r', 'height']) {
      await expect.poll(() => field(id).locator('.msg-error').allTextContents()).toContain('The vase will tip over: widen the base or make it shorter.');
      expect(await field(id).locator('input[type=text]').getAttribute('aria-invalid'), `${id} is marked`).toBe('true');
    }
    const fix = field('base_r').getByTestId('fix');
    expect(await fix.textContent()).toMatch(/^Fix it: .*32 mm$/);
    const s = await seq();
    await fix.click();
    await nextBuild(page, s);
    expect((await values()).base_r).toBe(32);
    expect(await page.locator('[data-testid="fix"]').count(), 'nothing left to fix').toBe(0);
    expect(await field('base_r').locator('.msg-error').count()).toBe(0);
    await page.locator('body').press('Control+z');
    await expect.poll(async () => (await values()).base_r, { message: 'one undo step takes the fix back' }).toBe(25);
    await page.locator('body').press('Control+y');
    await expect.poll(async () => (await values()).base_r).toBe(32);
  });

  it('shows the range a rule allows for the other values, and says so when a typed value is out of range', async () => {
    const range = field('base_r').getByTestId('valid-range');
    await expect.poll(() => range.textContent()).toMatch(/^With the other settings as they are: 32 mm to \d+ mm\.$/);
    expect(await field('base_r').getByTestId('valid-band').locator('span').count()).toBe(1);
    const before = await page.evaluate(() => (window as unknown as { atelier: { canUndo: boolean } }).atelier.canUndo);
    expect(before).toBe(true);
    await type('height', '5000');
    expect(await field('height').getByTestId('clamped').textContent()).toMatch(/^Allowed from \d+ mm to (\d+) mm: set to \1 mm\.$/);
    const max = Number((await values()).height);
    await page.locator('body').press('Control+z');
    await expect.poll(async () => (await values()).height, { message: 'one undo step for the typed value' }).toBe(200);
    expect(max).toBeGreaterThan(200);
  });

  it('says the fix in Portuguese', async () => {
    await page.close();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'pt-BR' });
    await page.addInitScript(() => localStorage.setItem('atelier.locale', 'pt-BR'));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/#product=vase`);
    await settled(page);
    await type('base_r', '25');
    await expect.poll(() => field('base_r').getByTestId('fix').textContent()).toBe('Corrigir: Raio da base 26 mm');
    expect(await field('height').locator('.msg-error').allTextContents()).toContain('O vaso vai tombar: alargue a base ou diminua a altura.');
    expect(errors).toEqual([]);
  });

  it('opens a product on a printer that suits its materials until the customer picks one', async () => {
    const printerOf = () => page.evaluate(() => (window as unknown as { atelier: { printerId: string } }).atelier.printerId);
    const modelOf = () => page.evaluate(() => (window as unknown as { atelier: { design: { model: { id: string } } | null } }).atelier.design?.model.id);
    await page.goto(`${server.url}/#product=mug`);
    await expect.poll(modelOf).toBe('mug');
    await settled(page);
    expect(await printerOf(), 'the ceramic-look resin mug opens on the resin printer').toBe('elegoo-saturn-3');
    await expect.poll(() => page.locator('[data-testid="findings"]').count()).toBe(0);
    await page.goto(`${server.url}/#product=keychain`);
    await expect.poll(modelOf).toBe('keychain');
    await settled(page);
    const fdm = await printerOf();
    expect(['bambu-a1-mini', 'bambu-x1', 'prusa-mk4', 'prusa-mini', 'creality-ender-3']).toContain(fdm);
    await page.locator('[data-testid="figures"] select').first().selectOption('prusa-mini');
    await page.getByRole('button', { name: /Catálogo|Catalog/ }).click();
    await page.locator('[data-product="mug"]').click();
    await expect.poll(modelOf).toBe('mug');
    await settled(page);
    expect(await printerOf(), 'a printer the customer picked stays').toBe('prusa-mini');
  });
});
