// The showroom kiosk in the browser (web build with ?kiosk=1, a touch screen, Brazilian Portuguese): the attract
// screen cycles through the catalog until touched; no file affordances; the on-screen keyboard types a name with
// ç and ã that changes the model; after the idle time "Are you still there?" counts down, "I'm still here" keeps
// the design, and the reset wipes design, undo history and browser storage and shows the attract screen again;
// the next customer sees the defaults.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { appUnderTest, type StaticServer } from './server';
import { catalogModels, pickProducts, type CatalogModel } from './catalog';
import { figures, nextBuild, settled } from './app-page';

/** Idle seconds before the prompt, and its countdown: short for the test, long enough for the steps between taps on a busy machine (builds in SwiftShader). */
const IDLE = 15;
const COUNTDOWN = 4;

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let models: CatalogModel[] = [];
const errors: string[] = [];

beforeAll(async () => {
  server = await appUnderTest();
  models = await catalogModels(server.url);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'pt-BR', hasTouch: true });
  page = await context.newPage();
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('kiosk-test-started')) {
      sessionStorage.setItem('kiosk-test-started', '1');
      localStorage.setItem('atelier.locale', 'pt-BR');
    }
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/?kiosk=1&idle=${IDLE}&countdown=${COUNTDOWN}`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const attract = () => page.locator('[data-testid="attract"]');
const osk = () => page.locator('[data-testid="osk"]');
const key = (k: string) => osk().locator(`[data-key="${k}"]`);
const state = () =>
  page.evaluate(() => {
    const a = (window as unknown as { atelier: { view: string; design: unknown; canUndo: boolean; dirty: boolean } }).atelier;
    return { view: a.view, design: a.design, canUndo: a.canUndo, dirty: a.dirty };
  });

/** Every visible control a customer can touch is at least 44 × 44 CSS pixels and has a name for screen readers. */
async function expectTouchTargets(): Promise<void> {
  const bad = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('button, select, input:not([type=hidden]), [role=radio], [role=switch]'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || el.closest('[inert]')) continue;
      const label = el.closest('label');
      const box = label && el instanceof HTMLInputElement && ['checkbox', 'radio'].includes(el.type) ? label.getBoundingClientRect() : r;
      const what = `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''}`.trim();
      if (box.height < 44 || box.width < 44) out.push(`${what}: ${Math.round(box.width)}×${Math.round(box.height)}`);
      const name = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el as HTMLInputElement).labels?.length || el.textContent?.trim() || el.getAttribute('title');
      if (!name) out.push(`${what}: no accessible name`);
    }
    return out;
  });
  expect(bad).toEqual([]);
}

describe('showroom kiosk (web build, ?kiosk=1)', () => {
  it('shows an attract screen cycling through the catalog until touched, then the catalog without file affordances', async () => {
    await attract().waitFor();
    expect(await attract().textContent()).toContain('Toque na tela para começar');
    const first = await attract().locator('[data-attract-product]').getAttribute('data-attract-product');
    expect(models.map((m) => m.id)).toContain(first);
    await expect.poll(() => attract().locator('[data-attract-product]').getAttribute('data-attract-product'), { timeout: 10_000 }).not.toBe(first);
    // Behind the attract screen the app is inert: the catalog cannot be reached.
    expect(await page.locator('.shell').getAttribute('inert')).not.toBeNull();

    await attract().tap();
    await page.waitForSelector('[data-product]');
    expect(await attract().count()).toBe(0);
    expect(await page.locator('.shell').getAttribute('inert')).toBeNull();
    for (const name of ['Abrir…', 'Salvar', 'Mais']) expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    expect(await page.getByRole('button', { name: 'Recomeçar' }).isVisible()).toBe(true);
    // Whatever a component asks, the kiosk's host opens no file dialog and saves nothing without an export folder.
    const host = await page.evaluate(async () => {
      const h = (window as unknown as { atelier: { host: { openDesign(): Promise<unknown>; save(r: unknown): Promise<unknown> } } }).atelier.host;
      const opened = await h.openDesign();
      const saved = await h.save({ suggestedName: 'x.stl', bytes: new Uint8Array([1]), kind: 'stl' }).then(() => 'saved', (e: Error) => e.message);
      return { opened, saved };
    });
    expect(host).toEqual({ opened: null, saved: 'Este quiosque não salva arquivos. Fale com a equipe, por favor.' });

    // The catalog search types with the on-screen keyboard too.
    const all = await page.locator('[data-product]').count();
    const m = models.find((x) => /^[a-z]{3,}/i.test(x.name) && x.name.split(' ')[0]!.length >= 3)!;
    const word = m.name.split(' ')[0]!.toLowerCase();
    await page.getByRole('searchbox').tap();
    await osk().waitFor();
    for (const c of word) await key(c).tap();
    expect(await page.getByRole('searchbox').inputValue()).toBe(word);
    await expect.poll(() => page.locator('[data-product]').count()).toBeLessThan(all);
    expect(await page.locator(`[data-product="${m.id}"]`).count()).toBe(1);
    for (let i = 0; i < word.length; i++) await key('backspace').tap();
    await key('done').tap();
    await expect.poll(() => page.locator('[data-product]').count()).toBe(all);
    await expectTouchTargets();
  });

  it('types a name with ç and ã on the on-screen keyboard, and the model changes', async () => {
    const { text } = pickProducts(models);
    expect(text, 'a catalog product with a text parameter').toBeTruthy();
    await page.getByRole('searchbox').tap();
    await osk().waitFor();
    await page.locator(`[data-product="${text!.m.id}"]`).tap();
    const f0 = await settled(page);
    expect(await osk().count(), 'a new view closes the keyboard').toBe(0);
    const input = page.locator(`[data-param="${text!.p!.id}"] input[type=text]`);
    const initial = await input.inputValue();
    expect(await input.getAttribute('inputmode'), 'no OS keyboard on a kiosk').toBe('none');
    await input.tap();
    await osk().waitFor();
    for (const c of ['ç', 'ã', 'q', 'w', '1']) expect(await key(c).count(), `key ${c}`).toBe(1);
    for (let i = 0; i < [...initial].length; i++) await key('backspace').tap();
    expect(await input.inputValue()).toBe('');
    await key('shift').tap();
    for (const k of ['J', 'o', 'ã', 'o']) await key(k).tap();
    await key('space').tap();
    for (const k of ['ç', '7']) await key(k).tap();
    expect(await input.inputValue()).toBe('João ç7');
    expect(await page.locator('[data-testid="osk-text"]').textContent()).toBe('João ç7');
    await expectTouchTargets();
    await key('done').tap();
    expect(await osk().count()).toBe(0);
    const f1 = await nextBuild(page, f0.seq);
    expect(f1.triangles).not.toBe(f0.triangles);
    expect(f1.volume).not.toBeCloseTo(f0.volume, 3);
    // One typing session is one undo step.
    expect((await state()).canUndo).toBe(true);

    // Number parameters get a number pad; Done commits the value like Enter.
    const n = text!.m.parameters.find((q) => !q.visibleWhen && q.type === 'number' && q.unit === 'mm');
    expect(n, 'a millimetre parameter on the text product').toBeTruthy();
    const numField = page.locator(`[data-param="${n!.id}"] input[type=text]`);
    const current = Number(await numField.inputValue());
    const step = Math.max(1, n!.step ?? 1); // a whole value on the parameter's step is kept as typed
    const target = String([1, 2].map((k) => n!.min! + Math.round((n!.max! - n!.min!) * k / 3 / step) * step).find((v) => v !== current));
    await numField.tap();
    await osk().waitFor();
    expect(await key('q').count(), 'digits only').toBe(0);
    for (let i = 0; i < (await numField.inputValue()).length; i++) await key('backspace').tap();
    for (const d of target) await key(d).tap();
    await key('done').tap();
    const f2 = await nextBuild(page, f1.seq);
    expect(Number(await numField.inputValue())).toBe(Number(target));
    expect([f2.size, f2.volume]).not.toEqual([f1.size, f1.volume]);
  });

  it('asks "Are you still there?" after the idle time; "I\'m still here" keeps the design', async () => {
    const prompt = page.locator('[data-testid="idle-prompt"]');
    await prompt.waitFor({ timeout: (IDLE + 5) * 1000 });
    expect(await prompt.textContent()).toContain('Você ainda está aí?');
    const s = Number(await prompt.locator('[data-testid="idle-seconds"]').textContent());
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThanOrEqual(COUNTDOWN);
    await expectTouchTargets();
    await page.getByRole('button', { name: 'Ainda estou aqui' }).tap();
    expect(await prompt.count()).toBe(0);
    expect((await state()).design).not.toBeNull();
    expect(await attract().count()).toBe(0);
  });

  it('resets when nobody answers: design, undo history and browser storage are wiped; the next customer sees defaults', async () => {
    const { text } = pickProducts(models);
    await page.evaluate(async () => {
      localStorage.setItem('customer-note', 'x');
      sessionStorage.setItem('customer-note', 'x');
      await new Promise<void>((resolve, reject) => {
        const r = indexedDB.open('customer-db');
        r.onsuccess = () => { r.result.close(); resolve(); };
        r.onerror = () => reject(new Error('indexedDB'));
      });
      await (await caches.open('customer-cache')).put('/customer', new Response('x'));
    });
    expect((await state()).design).not.toBeNull();
    // This customer switched to inches and to English.
    await page.getByRole('radio', { name: 'pol' }).tap();
    await page.locator('#lang').selectOption('en');
    const prompt = page.locator('[data-testid="idle-prompt"]');
    await prompt.waitFor({ timeout: (IDLE + 5) * 1000 });
    expect(await prompt.textContent()).toContain('Are you still there?');
    await attract().waitFor({ timeout: (COUNTDOWN + 5) * 1000 });
    expect(await attract().textContent(), 'the kiosk language again').toContain('Toque na tela para começar');
    expect(await page.evaluate(() => (window as unknown as { atelier: { unit: string } }).atelier.unit)).toBe('mm');
    const s = await state();
    expect(s.view).toBe('gallery');
    expect(s.design).toBeNull();
    expect(s.canUndo).toBe(false);
    const stored = await page.evaluate(async () => ({
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage).filter((k) => k !== 'kiosk-test-started'),
      dbs: (await indexedDB.databases()).map((d) => d.name),
      caches: await caches.keys(),
    }));
    expect(stored).toEqual({ local: [], session: [], dbs: [], caches: [] });

    // The next customer.
    await attract().tap();
    await page.locator(`[data-product="${text!.m.id}"]`).tap();
    await settled(page);
    const input = page.locator(`[data-param="${text!.p!.id}"] input[type=text]`);
    expect(await input.inputValue()).toBe(String(text!.p!.default));
    expect(await page.getByRole('button', { name: 'Desfazer' }).isDisabled()).toBe(true);
    expect((await figures(page)).seq).toBeGreaterThan(0);
  });

  it('"Start over" wipes at once; staff settings say where they are managed in the web build', async () => {
    expect((await state()).design).not.toBeNull();
    await page.getByRole('button', { name: 'Recomeçar' }).tap();
    await attract().waitFor();
    expect((await state()).design).toBeNull();
    await attract().tap();
    await page.getByRole('button', { name: /Configurações do quiosque para a equipe/ }).tap();
    await page.locator('[data-testid="kiosk-unmanaged"]').waitFor();
    expect(await page.locator('[data-testid="kiosk-unmanaged"]').textContent()).toContain('máquina do quiosque');
    await expectTouchTargets();
    await page.getByRole('button', { name: 'Fechar' }).tap();
    expect(await page.locator('[data-testid="staff-dialog"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
