// The kiosk as the Electron app shows it, with a stand-in for the preload bridge (window.atelierHost) that keeps
// kiosk settings and a staff PIN in the page: kiosk mode comes from the host, prices hidden and export offered only
// as the settings say, Save does nothing, the PIN pad refuses a wrong PIN, the settings are saved through
// updateKioskSettings (typed on the on-screen keyboard), Start over calls kioskReset, and staff can leave kiosk mode.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pickProducts, type CatalogModel } from './catalog';
import { settled } from './app-page';
import { useAppSession } from './session';

let page: Page;
let models: CatalogModel[];

interface FakeLog { patches: Record<string, unknown>[]; pins: string[]; resets: number; saves: number }

/** Runs in the page before the app: a Host with kiosk calls, over the test server's catalog. */
function installFakeElectronHost(): void {
  const PIN = '2468';
  const log: FakeLog = { patches: [], pins: [], resets: 0, saves: 0 };
  const settings = { enabled: true, idleSeconds: 600, products: null as string[] | null, printers: null as string[] | null, exportFolder: null as string | null, showPrices: false, hasPin: true };
  const bytes = async (u: string) => new Uint8Array(await (await fetch(u)).arrayBuffer());
  const text = async (u: string) => (await fetch(u)).text();
  const index = () => fetch('/catalog-index.json').then((r) => r.json() as Promise<{ models: { id: string; name: string; description: string; tags: string[]; file: string; thumbnail?: string }[]; printers: string[] }>);
  const never = () => () => undefined;
  (window as unknown as { fakeHost: FakeLog }).fakeHost = log;
  (window as unknown as { atelierHost: unknown }).atelierHost = {
    info: async () => ({ kind: 'electron', appVersion: 'test', platform: 'linux', kiosk: true }),
    listCatalog: async () => (await index()).models.filter((m) => !settings.products || settings.products.includes(m.id))
      .map((m) => ({ id: m.id, name: m.name, description: m.description, tags: m.tags, thumbnailUrl: m.thumbnail ? `/assets/models/${m.thumbnail}` : '' })),
    loadCatalogModel: async (id: string) => {
      const m = (await index()).models.find((x) => x.id === id)!;
      return { origin: `catalog:${id}`, text: await text(`/assets/models/${m.file}`), assets: {} };
    },
    catalogData: async () => {
      const fonts = (await (await fetch('/assets/fonts/fonts.json')).json()) as { id: string; name: string; file: string }[];
      return {
        fonts: await Promise.all(fonts.map(async (f) => ({ id: f.id, name: f.name, license: '', bytes: await bytes(`/assets/fonts/${f.file}`) }))),
        materialsJson: await text('/assets/materials/materials.json'),
        printersJson: await Promise.all((await index()).printers.map((p) => text(`/assets/printers/${p}`))),
      };
    },
    openDesign: async () => { throw new Error('Opening files is not available in kiosk mode.'); },
    openRecent: async () => { throw new Error('Opening files is not available in kiosk mode.'); },
    recentDesigns: async () => [],
    save: async () => { log.saves++; return { path: '/media/usb/x.3mf' }; },
    openModelFile: async () => { throw new Error('Designer mode is not available in kiosk mode.'); },
    kioskSettings: async () => ({ ...settings }),
    verifyStaffPin: async (pin: string) => { log.pins.push(pin); return pin === PIN; },
    updateKioskSettings: async (pin: string, patch: Record<string, unknown>) => {
      if (pin !== PIN) throw new Error('Wrong staff PIN.');
      log.patches.push(patch);
      const { newPin: _n, ...rest } = patch;
      Object.assign(settings, rest);
      return { ...settings };
    },
    kioskReset: async () => { log.resets++; },
    onCommand: never,
    onOpenFile: never,
    onModelFileChanged: never,
  };
}

const app = useAppSession({ viewport: { width: 1280, height: 900 }, hasTouch: true, appLocale: 'en', prepare: (p) => p.addInitScript(installFakeElectronHost), open: '/' });
beforeAll(() => void ({ page, models } = app));
const errors = app.errors;

const log = () => page.evaluate(() => (window as unknown as { fakeHost: FakeLog }).fakeHost);
const cost = () => page.locator('[data-testid="figures"] dt', { hasText: 'Material cost' });

describe('kiosk with the desktop host', () => {
  it('takes kiosk mode and its settings from the host: prices hidden, no export without a folder, Save does nothing', async () => {
    // The attract screen has the focus: Enter starts, like a touch (keyboard and switch users).
    await page.locator('[data-testid="attract"]').waitFor();
    // The reset follows the browser-data wipe, which by design may wait up to 2 s on a database and 0.5 s on the
    // clipboard: poll past that, not expect.poll's default 1 s (a loaded CI machine missed it).
    await expect.poll(async () => (await log()).resets, { message: 'a kiosk starts clean', timeout: 5000 }).toBe(1);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="attract"]').waitFor({ state: 'detached' });
    const { text } = pickProducts(models);
    await page.locator(`[data-product="${text!.m.id}"]`).tap();
    await settled(page);
    expect(await cost().count()).toBe(1);
    expect(await cost().isVisible(), 'prices hidden by the kiosk setting').toBe(false);
    expect(await page.getByRole('button', { name: 'Export…' }).count()).toBe(0);
    await page.locator('body').press('Control+s');
    await page.locator('body').press('Control+o');
    await page.waitForTimeout(200);
    expect((await log()).saves).toBe(0);
  });

  it('opens the settings only with the right PIN and saves them through the host', async () => {
    await page.getByRole('button', { name: 'Kiosk settings for staff (PIN needed)' }).tap();
    const pad = page.locator('[data-testid="pin-pad"]');
    for (const d of '1111') await pad.locator(`[data-digit="${d}"]`).tap();
    await page.getByRole('button', { name: 'OK', exact: true }).tap();
    await page.getByText('That PIN is not right.').waitFor();
    expect(await page.locator('[data-testid="kiosk-settings"]').count()).toBe(0);
    for (const d of '2468') await pad.locator(`[data-digit="${d}"]`).tap();
    await page.getByRole('button', { name: 'OK', exact: true }).tap();
    const panel = page.locator('[data-testid="kiosk-settings"]');
    await panel.waitFor();
    expect((await log()).pins).toEqual(['1111', '2468']);

    await panel.getByLabel('Show prices').check();
    await panel.getByRole('button', { name: 'More idle time' }).tap();
    await panel.getByLabel('No folder: customers use the phone hand-off').uncheck();
    await panel.locator('#kiosk-folder').tap();
    const osk = panel.locator('[data-testid="osk"]');
    for (const k of ['/', 'u', 's', 'b']) await osk.locator(`[data-key="${k}"]`).tap();
    await osk.locator('[data-key="done"]').tap();
    await panel.getByRole('button', { name: 'Save settings' }).tap();
    await expect.poll(async () => (await log()).patches.length).toBe(1);
    expect((await log()).patches[0]).toEqual({ products: null, printers: null, exportFolder: '/usb', idleSeconds: 615, showPrices: true });
    await expect.poll(() => panel.count()).toBe(0);

    expect(await cost().isVisible(), 'prices shown after the change').toBe(true);
    expect(await page.getByRole('button', { name: 'Export…' }).isVisible(), 'export to the folder offered').toBe(true);
  });

  it('Start over asks the host to clear its side; staff can leave kiosk mode', async () => {
    await page.getByRole('button', { name: 'Start over' }).tap();
    await page.locator('[data-testid="attract"]').waitFor();
    expect((await log()).resets, 'one reset at start, one for Start over').toBe(2);
    await page.locator('[data-testid="attract"]').tap();
    await page.getByRole('button', { name: 'Kiosk settings for staff (PIN needed)' }).tap();
    for (const d of '2468') await page.locator(`[data-testid="pin-pad"] [data-digit="${d}"]`).tap();
    await page.getByRole('button', { name: 'OK', exact: true }).tap();
    await page.getByRole('button', { name: 'Leave kiosk mode' }).tap();
    await page.getByRole('button', { name: 'Leave kiosk mode' }).tap(); // confirm
    await expect.poll(async () => (await log()).patches.at(-1)).toEqual({ enabled: false });
    expect(errors).toEqual([]);
  });
});
