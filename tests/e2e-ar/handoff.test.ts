// The AR entry where the screen has no AR camera, and "View on your phone", in Chromium without any XR emulator:
// the AR button is disabled with the reason; in the browser host (no local network server) the dialog says so and
// downloads a GLB and a USDZ of the design in metres; with a host that serves hand-offs (a stand-in for Electron's,
// set on the app's host object) the dialog shows the link's QR code (decoded here), counts down, stops on Stop and
// when the link expires. No request leaves 127.0.0.1.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import QRCode from 'qrcode';
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

interface FakeHandoff { calls: { title: string; glb: number[]; usdz: number[]; glbBytes: number; usdzBytes: number }[]; stops: number }

/** Replaces the app's host hand-off methods with a stand-in that records the calls (the Electron host's shape). */
async function fakeHandoff(url: string, lifetimeMs: number): Promise<void> {
  const qrSvg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  await page.evaluate(
    ([url, qrSvg, lifetimeMs]) => {
      const w = window as unknown as { atelier: { host: Record<string, unknown> }; __handoff: FakeHandoff };
      w.__handoff = { calls: [], stops: 0 };
      w.atelier.host.startHandoff = (req: { title: string; glb: Uint8Array; usdz: Uint8Array }) => {
        w.__handoff.calls.push({ title: req.title, glb: [...req.glb.slice(0, 4)], usdz: [...req.usdz.slice(0, 4)], glbBytes: req.glb.byteLength, usdzBytes: req.usdz.byteLength });
        return Promise.resolve({ url, qrSvg, expiresAt: Date.now() + lifetimeMs });
      };
      w.atelier.host.stopHandoff = () => {
        w.__handoff.stops++;
        return Promise.resolve();
      };
    },
    [url, qrSvg, lifetimeMs] as const,
  );
}

const handoffState = (): Promise<FakeHandoff> => page.evaluate(() => (window as unknown as { __handoff: FakeHandoff }).__handoff);

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
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + '/');
  await openProduct(page, PRODUCT);
});

afterAll(async () => {
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

  it('with a host that serves hand-offs, shows the link as a QR code, counts down and stops on Stop', async () => {
    const url = 'http://192.168.1.20:49321/h/Qm9vbXNoYWthbGFrYQ';
    await fakeHandoff(url, 5 * 60_000);
    await page.locator('[data-testid="handoff-open"]').click();
    const qr = page.locator('[data-testid="handoff-qr"]');
    await qr.waitFor({ timeout: 60_000 });
    const calls = (await handoffState()).calls;
    expect(calls).toHaveLength(1);
    expect(calls[0]!.title.length).toBeGreaterThan(0);
    expect(calls[0]!.glb).toEqual([0x67, 0x6c, 0x54, 0x46]); // "glTF"
    expect(calls[0]!.usdz).toEqual([0x50, 0x4b, 0x03, 0x04]);

    // The code on screen carries the link.
    await page.waitForFunction(() => (document.querySelector('[data-testid="handoff-qr"]') as HTMLImageElement | null)?.complete === true);
    const png = PNG.sync.read(Buffer.from(await qr.screenshot()));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(url);
    expect(await page.locator('[data-testid="handoff-url"]').textContent()).toBe(url);

    const remaining = page.locator('[data-testid="handoff-remaining"]');
    expect(await remaining.textContent()).toMatch(/The link works for [45]:\d\d\./);
    const ms0 = Number(await remaining.getAttribute('data-ms'));
    await page.waitForTimeout(2200);
    const ms1 = Number(await remaining.getAttribute('data-ms'));
    expect(ms0 - ms1).toBeGreaterThanOrEqual(1000);

    await page.locator('[data-testid="handoff-stop"]').click();
    await page.waitForSelector('[data-testid="handoff-dialog"]', { state: 'detached' });
    expect((await handoffState()).stops).toBe(1);
  });

  it('says when the link has expired, stops sharing and offers a new link', async () => {
    await fakeHandoff('http://192.168.1.20:49321/h/c2hvcnQ', 2500);
    await page.locator('[data-testid="handoff-open"]').click();
    await page.locator('[data-testid="handoff-qr"]').waitFor({ timeout: 60_000 });
    await page.waitForSelector('[data-testid="handoff-expired"]', { timeout: 10_000 });
    expect(await page.locator('[data-testid="handoff-qr"]').count()).toBe(0);
    expect((await handoffState()).stops).toBe(1);
    await page.getByRole('button', { name: 'Make a new link' }).click();
    await page.locator('[data-testid="handoff-qr"]').waitFor({ timeout: 60_000 });
    expect((await handoffState()).calls).toHaveLength(2);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="handoff-dialog"]', { state: 'detached' });
    expect((await handoffState()).stops).toBe(2);

    expect(errors).toEqual([]);
    const away = requests.filter((u) => !['data:', 'blob:'].includes(new URL(u).protocol) && new URL(u).hostname !== '127.0.0.1');
    expect(away, 'requests that left 127.0.0.1').toEqual([]);
  });
});
