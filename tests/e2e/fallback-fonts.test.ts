// Fallback fonts in the browser: the web page loads the fallback faces with the others, and a name with ♥ or in
// Japanese builds in the geometry worker with no "missing character" message, while a character in no shipped font
// is named at once beside the field.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { nextBuild, openProduct } from './app-page';
import { useAppSession } from './session';

let page: Page;
const fontFiles: string[] = [];

/** Notes each font file the page fetches. */
const noteFonts = (p: Page) =>
  p.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.includes('/fonts/')) fontFiles.push(u.pathname.slice(u.pathname.lastIndexOf('/') + 1));
  });
const app = useAppSession({ deviceScaleFactor: 1, appLocale: 'en', consoleErrors: true, prepare: noteFonts, open: '/', waitFor: 'gallery' });
beforeAll(() => void ({ page } = app));
const errors = app.errors;

describe('fallback fonts in the browser', () => {
  it('engraves "Ana ♥ João" and "田中 花子" on the keychain and names a character no font has', async () => {
    const f0 = await openProduct(page, 'keychain');
    expect(fontFiles).toEqual(expect.arrayContaining(['NotoSansSymbols2-Regular-subset.ttf', 'NotoSansCJKjp-Bold-subset.otf']));
    const input = page.locator('[data-param="name"] input[type=text]');
    const missing = page.locator('[data-testid="missing-chars"]');
    await input.fill('Ana João');
    const f1 = await nextBuild(page, f0.seq);
    await input.fill('Ana ♥ João');
    const f2 = await nextBuild(page, f1.seq);
    expect(f2.volume, 'the heart adds letters to the tag').not.toBeCloseTo(f1.volume, 3);
    expect(await missing.count()).toBe(0);
    await input.fill('田中 花子');
    const f3 = await nextBuild(page, f2.seq);
    expect(f3.volume).not.toBeCloseTo(f2.volume, 3);
    expect(await missing.count()).toBe(0);
    await input.fill('Ana ༀ');
    await expect.poll(() => missing.textContent()).toContain('ༀ');
    expect(errors).toEqual([]);
  });
});
