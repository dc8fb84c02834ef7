// The AR entry where the screen has no AR camera, and "View on your phone", in Chromium without any XR emulator:
// the AR button is disabled with the reason; in the browser host (no local network server) the dialog says so and
// downloads a GLB and a USDZ of the design in metres; with a host that serves hand-offs (the Electron main process's
// own hand-off server and QR code from main/handoff, bound to 127.0.0.1 and bridged into the page in place of the
// preload) the dialog shows the link's QR code (decoded here), the phone gets the very bytes the renderer wrote, the
// dialog counts down, and sharing stops on Stop and when the link expires. No page request leaves 127.0.0.1.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { startHandoffServer, type HandoffServer } from '../../main/handoff/server';
import { qrSvg } from '../../main/handoff/qr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild, ROOT } from '../e2e/build';
import { launchChromium } from '../e2e/browser';
import { serveApp, type StaticServer } from '../e2e/server';
import { openProduct } from '../e2e/app-page';

let server: StaticServer;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const errors: string[] = [];
const PRODUCT = 'nameplate';

interface Sent { title: string; glb: Uint8Array; usdz: Uint8Array }
/** The desktop host's side of the bridge: what the page sent, how often it stopped, the running server. */
const desk = { sent: [] as Sent[], stops: 0, server: undefined as HandoffServer | undefined, lifetimeMs: 5 * 60_000 };

/** Gives the app's host the Electron host's two hand-off calls, answered by main/handoff in this process. */
async function bridgeHandoff(lifetimeMs: number): Promise<void> {
  desk.lifetimeMs = lifetimeMs;
  await page.evaluate(() => {
    type Req = { title: string; glb: Uint8Array; usdz: Uint8Array };
    const w = window as unknown as { atelier: { host: Record<string, unknown> }; __handoffStart(t: string, g: string, u: string): Promise<unknown>; __handoffStop(): Promise<void> };
    const b64 = (b: Uint8Array) => {
      let s = '';
      for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
      return btoa(s);
    };
    w.atelier.host.startHandoff = (r: Req) => w.__handoffStart(r.title, b64(r.glb), b64(r.usdz));
    w.atelier.host.stopHandoff = () => w.__handoffStop();
  });
}

async function designSizeMm(): Promise<number[]> {
  return page.evaluate(() => {
    const b = (window as unknown as { atelier: { built: { figures: { bbox: { min: number[]; max: number[] } } } } }).atelier.built.figures.bbox;
    return [0, 1, 2].map((k) => b.max[k]! - b.min[k]!);
  });
}

async function download(testId: string): Promise<Uint8Array> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.locator(`[data-testid="${testId}"]`).click()]);
  return new Uint8Array(readFileSync((await d.path())!));
}

beforeAll(async () => {
  await ensureWebBuild();
  server = await serveApp(ROOT);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'en-US', acceptDownloads: true });
  await page.addInitScript(() => {
    delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
    localStorage.setItem('atelier.locale', 'en');
  });
  page.on('request', (r) => requests.push(r.url()));
  await page.exposeFunction('__handoffStart', async (title: string, glb: string, usdz: string) => {
    await desk.server?.stop();
    const d = { title, glb: new Uint8Array(Buffer.from(glb, 'base64')), usdz: new Uint8Array(Buffer.from(usdz, 'base64')) };
    desk.sent.push(d);
    desk.server = await startHandoffServer(d, { host: '127.0.0.1', expiryMs: desk.lifetimeMs });
    return { url: desk.server.url, qrSvg: await qrSvg(desk.server.url), expiresAt: desk.server.expiresAt };
  });
  await page.exposeFunction('__handoffStop', async () => {
    desk.stops++;
    await desk.server?.stop();
    desk.server = undefined;
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + '/');
  await openProduct(page, PRODUCT);
});

afterAll(async () => {
  await desk.server?.stop();
  await browser?.close();
  await server?.close();
});

describe('AR entry without an AR camera, and View on your phone', () => {
  it('disables AR with the reason and offers the phone instead', async () => {
    const entry = page.locator('[data-testid="ar-entry"]');
    await page.waitForSelector('[data-testid="ar-entry"]:not([data-ar-support="checking"])');
    expect(['no-ar', 'no-webxr']).toContain(await entry.getAttribute('data-ar-support'));
    expect(await page.locator('[data-testid="ar-start"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid="ar-why"]').textContent()).toMatch(/no AR camera|cannot show AR/);
    expect(await page.locator('[data-testid="handoff-open"]').isEnabled()).toBe(true);
  });

  it('in the browser host, says there is no local server and downloads GLB and USDZ in metres', async () => {
    await page.locator('[data-testid="handoff-open"]').click();
    await page.waitForSelector('[data-testid="handoff-dialog"][open]');
    expect(await page.locator('[data-testid="handoff-no-server"]').textContent()).toContain('no local network server');
    expect(await page.locator('[data-testid="handoff-qr"]').count()).toBe(0);

    const glb = await download('handoff-glb');
    const dv = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
    expect(new TextDecoder().decode(glb.slice(0, 4))).toBe('glTF');
    expect(dv.getUint32(4, true)).toBe(2);
    expect(dv.getUint32(8, true)).toBe(glb.byteLength);
    const jsonLen = dv.getUint32(12, true);
    const gltf = JSON.parse(new TextDecoder().decode(glb.slice(20, 20 + jsonLen))) as { accessors: { min?: number[]; max?: number[] }[]; meshes: { primitives: { attributes: { POSITION: number } }[] }[] };
    const lo = [Infinity, Infinity, Infinity], hi = [-Infinity, -Infinity, -Infinity];
    for (const m of gltf.meshes)
      for (const p of m.primitives) {
        const a = gltf.accessors[p.attributes.POSITION]!;
        for (let k = 0; k < 3; k++) {
          lo[k] = Math.min(lo[k]!, a.min![k]!);
          hi[k] = Math.max(hi[k]!, a.max![k]!);
        }
      }
    // glTF is Y up in metres: core X → x, core Z (height) → y, core Y → z.
    const [w, d, h] = await designSizeMm();
    const size = [hi[0]! - lo[0]!, hi[1]! - lo[1]!, hi[2]! - lo[2]!];
    for (const [got, want] of [[size[0]!, w! / 1000], [size[1]!, h! / 1000], [size[2]!, d! / 1000]] as const) expect(Math.abs(got - want) / want).toBeLessThan(0.01);

    const usdz = await download('handoff-usdz');
    expect([...usdz.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(new TextDecoder().decode(usdz.slice(30, 30 + new DataView(usdz.buffer, usdz.byteOffset).getUint16(26, true)))).toMatch(/\.usda?c?$/);
    await page.waitForSelector('[data-testid="handoff-saved"]');
    await page.locator('[data-testid="handoff-close"]').click();
    await page.waitForSelector('[data-testid="handoff-dialog"]', { state: 'detached' });
  });

  it('with a host that serves hand-offs, shows the link as a QR code the phone can follow, counts down and stops on Stop', async () => {
    await bridgeHandoff(5 * 60_000);
    await page.locator('[data-testid="handoff-open"]').click();
    const qr = page.locator('[data-testid="handoff-qr"]');
    await qr.waitFor({ timeout: 60_000 });
    expect(desk.sent).toHaveLength(1);
    const sent = desk.sent[0]!;
    expect(sent.title.length).toBeGreaterThan(0);
    expect(new TextDecoder().decode(sent.glb.slice(0, 4))).toBe('glTF');
    expect([...sent.usdz.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);

    // The code on screen carries the link, and the link serves the phone page and the renderer's own files.
    await page.waitForFunction(() => (document.querySelector('[data-testid="handoff-qr"]') as HTMLImageElement | null)?.complete === true);
    const png = PNG.sync.read(Buffer.from(await qr.screenshot()));
    const url = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
    expect(url).toBe(desk.server!.url);
    expect(await page.locator('[data-testid="handoff-url"]').textContent()).toBe(url);
    expect((await fetch(url!)).status).toBe(200);
    expect(new Uint8Array(await (await fetch(`${url}model.glb`)).arrayBuffer())).toEqual(sent.glb);
    expect(new Uint8Array(await (await fetch(`${url}model.usdz`)).arrayBuffer())).toEqual(sent.usdz);

    const remaining = page.locator('[data-testid="handoff-remaining"]');
    expect(await remaining.textContent()).toMatch(/The link works for [45]:\d\d\./);
    const ms0 = Number(await remaining.getAttribute('data-ms'));
    await page.waitForTimeout(2200);
    const ms1 = Number(await remaining.getAttribute('data-ms'));
    expect(ms0 - ms1).toBeGreaterThanOrEqual(1000);

    await page.locator('[data-testid="handoff-stop"]').click();
    await page.waitForSelector('[data-testid="handoff-dialog"]', { state: 'detached' });
    expect(desk.stops).toBe(1);
    await expect(fetch(url!)).rejects.toThrow(); // nobody is listening any more
  });

  it('says when the link has expired, stops sharing and offers a new link', async () => {
    await bridgeHandoff(2500);
    await page.locator('[data-testid="handoff-open"]').click();
    await page.locator('[data-testid="handoff-qr"]').waitFor({ timeout: 60_000 });
    await page.waitForSelector('[data-testid="handoff-expired"]', { timeout: 10_000 });
    expect(await page.locator('[data-testid="handoff-qr"]').count()).toBe(0);
    expect(desk.stops).toBe(2);
    await page.getByRole('button', { name: 'Make a new link' }).click();
    await page.locator('[data-testid="handoff-qr"]').waitFor({ timeout: 60_000 });
    expect(desk.sent).toHaveLength(3);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="handoff-dialog"]', { state: 'detached' });
    expect(desk.stops).toBe(3);
    expect(desk.server).toBeUndefined();

    expect(errors).toEqual([]);
    const away = requests.filter((u) => !['data:', 'blob:'].includes(new URL(u).protocol) && new URL(u).hostname !== '127.0.0.1');
    expect(away, 'requests that left 127.0.0.1').toEqual([]);
  });
});
