// The set-up most browser tests share, in one place: the app under test served, the catalog read, Chromium
// launched, one page with a viewport, a locale, the app's language, file pickers removed (downloads instead, which a
// headless browser can take), page errors collected, the first address opened; and all of it closed afterwards.
// Call at the top of a test file; the fields are there from the first test on (filled in the file's beforeAll).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { catalogModels, type CatalogModel } from './catalog';
import { settled } from './app-page';
import { appUnderTest, type StaticServer } from './server';

export interface SessionOptions {
  viewport?: { width: number; height: number };
  /** The browser's locale (Accept-Language, Intl): 'en-US' unless given. */
  locale?: string;
  hasTouch?: boolean;
  acceptDownloads?: boolean;
  deviceScaleFactor?: number;
  /** The app's language, stored before the app starts: on every load, or with `appLocaleOnce` on the tab's first. */
  appLocale?: 'en' | 'pt-BR';
  appLocaleOnce?: boolean;
  /** File System Access pickers to remove, so saving downloads and opening uses an <input type=file>. */
  noPickers?: ('save' | 'open')[];
  /** Also collect console errors as page errors. */
  consoleErrors?: boolean;
  /** Runs on the page before the first address is opened (listeners, init scripts). */
  prepare?: (page: Page) => unknown;
  /** The address to open after set-up, relative to the server ('/' or '/#product=vase'); none: stay on about:blank. */
  open?: string;
  /** What to wait for after opening: the gallery's cards or a product's first build. */
  waitFor?: 'gallery' | 'settled';
  /** No page: the test makes its own (several viewports, several locales). */
  noPage?: boolean;
}

export interface AppSession {
  server: StaticServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  models: CatalogModel[];
  /** Uncaught page errors (and console errors with `consoleErrors`). */
  errors: string[];
}

export function useAppSession(o: SessionOptions = {}): AppSession {
  const s = { errors: [] as string[] } as AppSession;
  beforeAll(async () => {
    s.server = await appUnderTest();
    s.models = await catalogModels(s.server.url);
    s.browser = await launchChromium();
    if (o.noPage) return;
    s.context = await s.browser.newContext({
      viewport: o.viewport ?? { width: 1280, height: 800 },
      locale: o.locale ?? 'en-US',
      ...(o.hasTouch ? { hasTouch: true } : {}),
      ...(o.acceptDownloads ? { acceptDownloads: true } : {}),
      ...(o.deviceScaleFactor !== undefined ? { deviceScaleFactor: o.deviceScaleFactor } : {}),
    });
    s.page = await s.context.newPage();
    const setup = { pickers: o.noPickers ?? [], locale: o.appLocale ?? null, once: o.appLocaleOnce === true };
    await s.page.addInitScript((x: typeof setup) => {
      const w = window as unknown as Record<string, unknown>;
      if (x.pickers.includes('save')) delete w.showSaveFilePicker;
      if (x.pickers.includes('open')) delete w.showOpenFilePicker;
      if (x.locale === null) return;
      if (!x.once) return localStorage.setItem('atelier.locale', x.locale);
      if (!sessionStorage.getItem('atelier-test.locale-set')) {
        sessionStorage.setItem('atelier-test.locale-set', '1');
        localStorage.setItem('atelier.locale', x.locale);
      }
    }, setup);
    s.page.on('pageerror', (e) => s.errors.push(e.message));
    if (o.consoleErrors) s.page.on('console', (m) => void (m.type() === 'error' && s.errors.push(m.text())));
    await o.prepare?.(s.page);
    if (o.open === undefined) return;
    await s.page.goto(s.server.url + o.open);
    if (o.waitFor === 'gallery') await s.page.waitForSelector('[data-product]');
    else if (o.waitFor === 'settled') await settled(s.page);
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.server?.close();
  });
  return s;
}
