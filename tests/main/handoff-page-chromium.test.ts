// The phone hand-off page in real Chromium, served by the real hand-off server: its inline script is allowed
// by its CSP hash (no violation), it shows the Scene Viewer button on Android and the AR Quick Look button on
// iPhone, and its links point at the served GLB/USDZ with the token.
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHandoffServer, type HandoffServer } from '../../main/handoff/server';

let browser: Browser;
let server: HandoffServer;

beforeAll(async () => {
  server = await startHandoffServer({ title: 'Ada’s mug', glb: new Uint8Array([1]), usdz: new Uint8Array([2]) }, { host: '127.0.0.1' });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const UA = {
  android: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
};

async function open(ua: string) {
  const ctx = await browser.newContext({ userAgent: ua, viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(server.url);
  await page.waitForLoadState('load');
  const state = await page.evaluate(() => ({
    android: !(document.querySelector('#android') as HTMLElement).hidden,
    ios: !(document.querySelector('#ios') as HTMLElement).hidden,
    iosHref: document.querySelector('#ios a')!.getAttribute('href'),
    androidHref: document.querySelector('#android a')!.getAttribute('href'),
    iosFirstChild: document.querySelector('#ios a')!.firstElementChild?.tagName,
    title: document.querySelector('h1')!.textContent,
  }));
  await ctx.close();
  return { state, violations };
}

describe('hand-off page in Chromium', () => {
  it('offers Scene Viewer on Android, without CSP violations', async () => {
    const { state, violations } = await open(UA.android);
    expect(violations).toEqual([]);
    expect([state.android, state.ios]).toEqual([true, false]);
    expect(state.title).toBe('Ada’s mug');
    expect(state.androidHref).toMatch(/^intent:\/\/arvr\.google\.com\/scene-viewer\/1\.2\?file=/);
    expect(decodeURIComponent(new URLSearchParams(state.androidHref!.split('?')[1]!.split('#')[0]).get('file')!)).toBe(`${server.url}model.glb`);
  });

  it('offers AR Quick Look on iPhone, at fixed scale', async () => {
    const { state, violations } = await open(UA.iphone);
    expect(violations).toEqual([]);
    expect([state.android, state.ios]).toEqual([false, true]);
    expect(state.iosHref).toBe(`${server.url}model.usdz#allowsContentScaling=0`);
    expect(state.iosFirstChild).toBe('IMG');
  });
});
