// The browser kiosk between customers and against shortcuts: a reset that happens on the gallery clears the last
// customer's search text; reload/zoom shortcuts are swallowed (default prevented) and a dropped file is refused.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useAppSession } from './session';

const IDLE = 6;
const COUNTDOWN = 2;
let page: Page;

const app = useAppSession({ viewport: { width: 1280, height: 900 }, hasTouch: true, open: `/?kiosk=1&idle=${IDLE}&countdown=${COUNTDOWN}` });
beforeAll(() => void ({ page } = app));

describe('browser kiosk hardening', () => {
  it('clears the gallery search text when the reset happens on the gallery', async () => {
    const attract = page.locator('[data-testid="attract"]');
    await attract.waitFor();
    await attract.tap();
    const search = page.getByRole('searchbox');
    await search.waitFor();
    await search.fill('mug');
    expect(await search.inputValue()).toBe('mug');
    await attract.waitFor({ timeout: (IDLE + COUNTDOWN + 10) * 1000 });
    await attract.tap();
    await search.waitFor();
    expect(await search.inputValue()).toBe('');
  }, 60_000);

  it('swallows reload and zoom shortcuts and refuses dropped files', async () => {
    const prevented = await page.evaluate(() => {
      const fire = (key: string, ctrlKey: boolean) => {
        const e = new KeyboardEvent('keydown', { key, ctrlKey, bubbles: true, cancelable: true });
        document.body.dispatchEvent(e);
        return e.defaultPrevented;
      };
      const drop = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: new DataTransfer() });
      document.body.dispatchEvent(drop);
      const wheel = new WheelEvent('wheel', { ctrlKey: true, deltaY: -100, bubbles: true, cancelable: true });
      document.body.dispatchEvent(wheel);
      return { f5: fire('F5', false), ctrlR: fire('r', true), zoom: fire('+', true), ctrlW: fire('w', true), typing: fire('a', false), drop: drop.defaultPrevented, wheel: wheel.defaultPrevented };
    });
    expect(prevented).toEqual({ f5: true, ctrlR: true, zoom: true, ctrlW: true, typing: false, drop: true, wheel: true });
  });
});
