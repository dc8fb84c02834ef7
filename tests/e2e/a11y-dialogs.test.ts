// Accessibility of the questions the app asks (issue 14, item 5): axe-core finds nothing on the prompt before a step
// that would drop unsaved changes (English and Portuguese), the kiosk's "Start over?" confirmation and the staff
// dialog, and each puts the focus inside itself on a button that keeps the customer's work.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from './server';
import { pickProducts, type CatalogModel } from './catalog';
import { nextBuild, settled } from './app-page';
import { useAppSession } from './session';
import { axeViolations } from './axe';

let server: StaticServer;
let browser: Browser;
let models: CatalogModel[];
const app = useAppSession({ noPage: true });
beforeAll(() => void ({ server, browser, models } = app));

/** Changes the size slider's product so it has unsaved changes. */
async function changedDesign(page: Page): Promise<void> {
  const { slider } = pickProducts(models);
  await page.goto(`${server.url}/#product=${slider!.m.id}`);
  const f0 = await settled(page);
  const p = slider!.p! as { id: string; min: number; max: number };
  const input = page.locator(`[data-param="${p.id}"] input.field-input`);
  await input.fill(String(Math.round((p.min + p.max) / 2) + 1));
  await input.press('Enter');
  await nextBuild(page, f0.seq);
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('accessibility of the app\'s questions', () => {
  for (const locale of ['en', 'pt-BR'] as const) {
    it(`the unsaved-changes prompt has no axe violations (${locale})`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: locale === 'en' ? 'en-US' : 'pt-BR' });
      await page.addInitScript((l) => localStorage.setItem('atelier.locale', l), locale);
      await changedDesign(page);
      await page.locator('body').press('Control+n');
      await page.getByTestId('leave-prompt').waitFor();
      expect(await focusedText(page), 'the focus is on Save').toBe(locale === 'en' ? 'Save' : 'Salvar');
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.close();
    });
  }

  it('the kiosk\'s Start over confirmation and the staff dialog have no axe violations', async () => {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'en-US', hasTouch: true });
    const page = await context.newPage();
    await page.addInitScript(() => localStorage.setItem('atelier.locale', 'en'));
    await page.goto(`${server.url}/?kiosk=1&idle=600`);
    await page.getByTestId('attract').tap();
    await page.waitForSelector('[data-product]');
    const { slider } = pickProducts(models);
    await page.locator(`[data-product="${slider!.m.id}"]`).tap();
    const f0 = await settled(page);
    const range = page.locator(`[data-param="${slider!.p!.id}"] input[type=range]`);
    await range.focus();
    await page.keyboard.press('ArrowRight');
    await nextBuild(page, f0.seq);
    await page.getByTestId('start-over').tap();
    const ask = page.getByTestId('start-over-prompt');
    await ask.waitFor();
    expect(await ask.evaluate((d) => d.contains(document.activeElement)), 'the focus is inside the question').toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    await page.getByTestId('staff').tap();
    const staff = page.getByTestId('staff-dialog');
    await staff.waitFor();
    expect(await staff.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(app.errors).toEqual([]);
    await context.close();
  });
});
