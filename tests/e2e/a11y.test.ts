// Accessibility of the web app in Chromium: axe-core (WCAG 2 A/AA, plus one level-one heading and a visible label
// inside each accessible name) finds nothing on the gallery, the product view (English and Portuguese, 1280×800)
// with its menu and dialogs, and the touch kiosk (attract screen, catalog, product, on-screen keyboard, portrait,
// idle prompt); the focus ring stands out by 3:1; the 3D preview is one tab stop whose arrow keys orbit, +/− zoom and Home re-frames; radio
// groups and the ⋯ menu move with the arrow keys; focus goes to the product heading when a product opens and back
// to its card on the way out.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from './server';
import { pickProducts, type CatalogModel } from './catalog';
import { openProduct, settled } from './app-page';
import { useAppSession } from './session';
import { axeViolations } from './axe';

let server: StaticServer;
let browser: Browser;
let models: CatalogModel[];

const app = useAppSession({ noPage: true });
beforeAll(() => void ({ server, browser, models } = app));
const errors = app.errors;

async function desktopPage(locale: 'en' | 'pt-BR'): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: locale === 'en' ? 'en-US' : 'pt-BR' });
  await p.addInitScript((l) => localStorage.setItem('atelier.locale', l), locale);
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(server.url + '/');
  await p.waitForSelector('[data-product]');
  return p;
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return { tag: e?.tagName.toLowerCase() ?? '', text: e?.textContent?.trim() ?? '', product: e?.dataset.product ?? null };
  });

/** WCAG contrast ratio of two CSS rgb()/rgba() colours (alpha ignored: the ring and the page are opaque). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const camera = (page: Page) =>
  page.locator('[data-testid="preview"]').evaluate((c) => ({ alpha: Number(c.dataset.alpha), beta: Number(c.dataset.beta), radius: Number(c.dataset.radius) }));

describe('accessibility (web build)', () => {
  it('the gallery and the product view have no axe violations in English, with one level-one heading each', async () => {
    const page = await desktopPage('en');
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.locator('h1').count()).toBe(1);
    // the focus ring (on a card reached with Tab) stands out from the page behind it by 3:1 or more
    await page.locator('[data-product]').first().focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement;
      const st = getComputedStyle(e);
      return { style: st.outlineStyle, width: parseFloat(st.outlineWidth), color: st.outlineColor, behind: getComputedStyle(e.closest('.gallery')!).backgroundColor, page: getComputedStyle(document.documentElement).backgroundColor };
    });
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    const behind = ring.behind === 'rgba(0, 0, 0, 0)' ? ring.page : ring.behind;
    expect(contrast(ring.color, behind)).toBeGreaterThanOrEqual(3);
    expect(contrast(ring.color, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);
    const { material } = pickProducts(models);
    expect(material, 'a catalog product with a material choice').toBeTruthy();
    await openProduct(page, material!.m.id);
    expect(await page.locator('h1').allTextContents()).toEqual([material!.m.name]);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'More' }).click();
    expect(await axeViolations(page), 'the ⋯ menu').toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.locator('[data-testid="export-dialog"]').waitFor();
    expect(await axeViolations(page), 'the export dialog').toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'View on your phone' }).click();
    await page.locator('[data-testid="handoff-dialog"]').waitFor();
    await page.waitForTimeout(300);
    expect(await axeViolations(page), 'the phone hand-off dialog').toEqual([]);
    await page.close();
  });

  it('the Portuguese product view has no axe violations', async () => {
    const page = await desktopPage('pt-BR');
    const { text } = pickProducts(models);
    await openProduct(page, text!.m.id);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('opening a product focuses its heading; going back focuses the card just left', async () => {
    const page = await desktopPage('en');
    const { material } = pickProducts(models);
    await page.locator(`[data-product="${material!.m.id}"]`).focus();
    await page.keyboard.press('Enter');
    await settled(page);
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: material!.m.name });
    await page.getByRole('button', { name: 'Catalog' }).click();
    await page.waitForSelector('[data-product]');
    await expect.poll(() => focused(page).then((f) => f.product)).toBe(material!.m.id);
    await page.close();
  });

  it('the preview is one tab stop: arrows orbit, + and − zoom, Home re-frames', async () => {
    const page = await desktopPage('en');
    const { slider } = pickProducts(models);
    await openProduct(page, slider!.m.id);
    const canvas = page.locator('[data-testid="preview"]');
    expect(await canvas.getAttribute('tabindex')).toBe('0');
    const described = await canvas.evaluate((c) => document.getElementById(c.getAttribute('aria-describedby') ?? '')?.textContent ?? '');
    expect(described).toMatch(/arrow/i);
    await canvas.focus();
    const home = await camera(page);
    expect(Number.isFinite(home.alpha) && Number.isFinite(home.radius)).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => camera(page).then((c) => c.alpha)).not.toBeCloseTo(home.alpha, 3);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => camera(page).then((c) => c.beta)).not.toBeCloseTo(home.beta, 3);
    await page.keyboard.press('+');
    await expect.poll(() => camera(page).then((c) => c.radius)).toBeLessThan(home.radius);
    const zoomed = (await camera(page)).radius;
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect.poll(() => camera(page).then((c) => c.radius)).toBeGreaterThan(zoomed);
    await page.keyboard.press('Home');
    await expect.poll(() => camera(page)).toEqual(home);
    // the page does not scroll or move focus on these keys
    expect(await canvas.evaluate((c) => document.activeElement === c)).toBe(true);
    await page.close();
  });

  it('radio groups and the ⋯ menu move with the arrow keys', async () => {
    const page = await desktopPage('en');
    const { material } = pickProducts(models);
    await openProduct(page, material!.m.id);
    // units: one tab stop, arrows move and select
    const mm = page.getByRole('radio', { name: 'mm', exact: true });
    const inch = page.getByRole('radio', { name: 'in', exact: true });
    expect([await mm.getAttribute('tabindex'), await inch.getAttribute('tabindex')]).toEqual(['0', '-1']);
    await mm.focus();
    await page.keyboard.press('ArrowRight');
    expect(await inch.getAttribute('aria-checked')).toBe('true');
    expect(await inch.evaluate((e) => document.activeElement === e)).toBe(true);
    await page.keyboard.press('ArrowLeft');
    expect(await mm.getAttribute('aria-checked')).toBe('true');
    // materials: arrows select the next one
    const group = page.locator(`[data-param="${material!.p!.id}"] [role=radiogroup]`);
    const radios = group.getByRole('radio');
    const n = await radios.count();
    const checked = async () => radios.evaluateAll((rs) => rs.findIndex((r) => r.getAttribute('aria-checked') === 'true'));
    const i0 = await checked();
    await radios.nth(i0).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(checked).toBe((i0 + 1) % n);
    expect(await radios.nth((i0 + 1) % n).evaluate((e) => document.activeElement === e)).toBe(true);
    await page.keyboard.press('ArrowUp');
    await expect.poll(checked).toBe(i0);
    // the ⋯ menu: Down from the button opens onto the first item, arrows wrap, Escape returns to the button
    const more = page.getByRole('button', { name: 'More' });
    await more.focus();
    await page.keyboard.press('ArrowDown');
    const items = page.getByRole('menuitem');
    await expect.poll(() => items.first().evaluate((e) => document.activeElement === e)).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await items.last().evaluate((e) => document.activeElement === e)).toBe(true);
    await page.keyboard.press('Home');
    expect(await items.first().evaluate((e) => document.activeElement === e)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await items.nth(1).evaluate((e) => document.activeElement === e)).toBe(true);
    await page.keyboard.press('End');
    expect(await items.last().evaluate((e) => document.activeElement === e)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await items.count()).toBe(0);
    expect(await more.evaluate((e) => document.activeElement === e)).toBe(true);
    await page.close();
  });

  it('the touch kiosk has no axe violations on the attract screen, the catalog and a product', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'pt-BR', hasTouch: true });
    const page = await ctx.newPage();
    await page.addInitScript(() => localStorage.setItem('atelier.locale', 'pt-BR'));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/?kiosk=1`);
    await page.locator('[data-testid="attract"] [data-attract-product]').waitFor();
    expect(await axeViolations(page), 'attract screen').toEqual([]);
    await page.locator('[data-testid="attract"]').tap();
    await page.waitForSelector('[data-product]');
    expect(await axeViolations(page)).toEqual([]);
    const { material } = pickProducts(models);
    await page.locator(`[data-product="${material!.m.id}"]`).tap();
    await settled(page);
    expect(await page.locator('[tabindex]').evaluateAll((es) => es.filter((e) => Number(e.getAttribute('tabindex')) > 0).length)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // the on-screen keyboard over a product
    const { text } = pickProducts(models);
    await page.getByRole('button', { name: 'Catálogo' }).tap();
    await page.locator(`[data-product="${text!.m.id}"]`).tap();
    await settled(page);
    await page.locator(`[data-param="${text!.p!.id}"] input`).tap();
    await page.locator('[data-testid="osk"]').waitFor();
    expect(await axeViolations(page), 'the on-screen keyboard').toEqual([]);
    // a portrait screen: the preview on top of the controls
    await page.setViewportSize({ width: 1080, height: 1920 });
    await page.waitForTimeout(300);
    expect(await axeViolations(page), 'portrait').toEqual([]);
    await ctx.close();
    // "Are you still there?"
    const idle = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'pt-BR', hasTouch: true });
    const p2 = await idle.newPage();
    await p2.addInitScript(() => localStorage.setItem('atelier.locale', 'pt-BR'));
    await p2.goto(`${server.url}/?kiosk=1&idle=3&countdown=30`);
    await p2.locator('[data-testid="attract"]').tap();
    await p2.locator('[data-testid="idle-prompt"]').waitFor({ timeout: 20_000 });
    expect(await axeViolations(p2), 'the idle prompt').toEqual([]);
    await idle.close();
    expect(errors).toEqual([]);
  });
});
