// AR at true scale, end to end in Chromium: iwer's emulated headset (forced over the browser's WebXR) stands in
// @iwer/sem's small office; the app's "View in AR" enters an immersive-ar session, the reticle finds the floor (and
// not a wall), a tap places the product, and the placed mesh measured in its own turned frame equals the design's
// width × depth × height within 1 % (metres) — also after turning it and after changing a parameter and
// re-entering. Leaving AR returns to the same design. No request leaves 127.0.0.1.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild, ROOT } from '../e2e/build';
import { launchChromium } from '../e2e/browser';
import { serveApp, type StaticServer } from '../e2e/server';
import { catalogModels, pickProducts, type CatalogModel } from '../e2e/catalog';
import { dragSlider, nextBuild, openProduct } from '../e2e/app-page';
import { roomJson, xrEmulatorScript } from './xr-emulator';

type V3 = [number, number, number];
interface Probe { status: string; domOverlay: string | null; hit: { position: V3; normal: V3; viewer: V3 } | null; placed: { position: V3; yaw: number; scaling: V3 } | null }

let server: StaticServer;
let browser: Browser;
let page: Page;
let models: CatalogModel[] = [];
const requests: string[] = [];
const errors: string[] = [];
/** The emulated headset's eyes (global metres); the session's 'local' space starts here. */
const EYE: V3 = [0, 1.6, 0];
const room = roomJson();
const floorY = room.spatialEntities.find((e) => e.semanticLabel_META === 'FLOOR')!.locatable_META!.position.y;

/** Quaternion (x, y, z, w) that turns the headset by `yaw` about +Y, then pitches it by `pitch` (radians, down < 0). */
function pose(yaw: number, pitch: number): [number, number, number, number] {
  const [ay, aw] = [Math.sin(yaw / 2), Math.cos(yaw / 2)];
  const [bx, bw] = [Math.sin(pitch / 2), Math.cos(pitch / 2)];
  return [aw * bx, ay * bw, -ay * bx, aw * bw];
}

async function setPose(yaw: number, pitch: number): Promise<void> {
  await page.evaluate(([p, q]) => (window as unknown as { __atelierXr: { setPose(p: number[], q: number[]): void } }).__atelierXr.setPose(p, q), [EYE, pose(yaw, pitch)] as const);
}

const probe = (): Promise<Probe | null> =>
  page.evaluate(() => {
    const a = (window as unknown as { atelierAr?: Probe }).atelierAr;
    return a ? { status: a.status, domOverlay: a.domOverlay, hit: a.hit, placed: a.placed } : null;
  });

async function waitProbe(pred: (p: Probe) => boolean, what: string, timeout = 30_000): Promise<Probe> {
  const end = Date.now() + timeout;
  let last: Probe | null = null;
  while (Date.now() < end) {
    last = await probe();
    if (last && pred(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`AR: timed out waiting for ${what}; last state ${JSON.stringify(last)}`);
}

/** The design's size from the app's last build (mm → m), as width (X), depth (Y), height (Z). */
async function designSizeM(): Promise<V3> {
  return page.evaluate(() => {
    const b = (window as unknown as { atelier: { built: { figures: { bbox: { min: number[]; max: number[] } } } } }).atelier.built.figures.bbox;
    return [0, 1, 2].map((k) => (b.max[k]! - b.min[k]!) / 1000) as V3;
  });
}

/**
 * The placed product's size measured here from its world vertices: turned back by its yaw about the vertical, the
 * extents along x (width), z (depth; the core's Y) and y (height). Also the lowest point (sits on the surface?).
 */
async function placedMeasure(): Promise<{ oriented: V3; aabb: V3; minY: number }> {
  const { pos, yaw } = await page.evaluate(() => {
    const a = (window as unknown as { atelierAr: { worldPositions(): number[]; placed: { yaw: number } } }).atelierAr;
    return { pos: a.worldPositions(), yaw: a.placed.yaw };
  });
  const c = Math.cos(yaw), s = Math.sin(yaw);
  const lo = [Infinity, Infinity, Infinity], hi = [-Infinity, -Infinity, -Infinity];
  const alo = [Infinity, Infinity, Infinity], ahi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < pos.length; i += 3) {
    const [x, y, z] = [pos[i]!, pos[i + 1]!, pos[i + 2]!];
    const local = [c * x - s * z, y, s * x + c * z];
    for (let k = 0; k < 3; k++) {
      lo[k] = Math.min(lo[k]!, local[k]!);
      hi[k] = Math.max(hi[k]!, local[k]!);
      alo[k] = Math.min(alo[k]!, [x, y, z][k]!);
      ahi[k] = Math.max(ahi[k]!, [x, y, z][k]!);
    }
  }
  expect(pos.length).toBeGreaterThan(9);
  return { oriented: [hi[0]! - lo[0]!, hi[2]! - lo[2]!, hi[1]! - lo[1]!], aabb: [ahi[0]! - alo[0]!, ahi[2]! - alo[2]!, ahi[1]! - alo[1]!], minY: lo[1]! };
}

function expectWithin(actual: V3, expected: V3, rel: number, what: string): void {
  for (let k = 0; k < 3; k++) expect(Math.abs(actual[k]! - expected[k]!) / expected[k]!, `${what}[${k}]: ${actual[k]} m vs ${expected[k]} m`).toBeLessThanOrEqual(rel);
}

async function enterAr(): Promise<Probe> {
  await page.locator('[data-testid="ar-start"]').click();
  await page.waitForSelector('[data-testid="ar-view"]');
  return waitProbe((p) => p.status !== 'starting', 'the session to start');
}

async function exitAr(how: 'button' | 'escape' = 'button'): Promise<void> {
  if (how === 'button') await page.locator('[data-testid="ar-exit"]').click();
  else await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="ar-view"]', { state: 'detached', timeout: 20_000 });
  expect(await probe()).toBeNull();
}

/** A tap on the AR overlay away from its buttons (a phone's touch on the camera view). */
async function tapOverlay(): Promise<void> {
  const box = (await page.locator('[data-testid="ar-overlay"]').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.4);
}

beforeAll(async () => {
  await ensureWebBuild();
  server = await serveApp(ROOT);
  models = await catalogModels(server.url);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'en-US' });
  await page.addInitScript({ content: await xrEmulatorScript() });
  await page.addInitScript(() => localStorage.setItem('atelier.locale', 'en'));
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + '/');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('AR at true scale (emulated headset in a synthetic room)', () => {
  it('places the product on the floor at the design’s true size, follows a parameter change, and fetches nothing', async () => {
    const pick = pickProducts(models).slider;
    expect(pick, 'a catalog product with a millimetre slider').toBeTruthy();
    const { m } = pick!;
    const before = await openProduct(page, m.id);
    await page.waitForSelector('[data-testid="ar-entry"][data-ar-support="yes"]');
    expect(await page.locator('[data-testid="ar-start"]').isEnabled()).toBe(true);
    const designBefore = await page.evaluate(() => JSON.stringify((window as unknown as { atelier: { design: unknown } }).atelier.design));

    // Looking straight ahead at a wall: no surface to stand on.
    await setPose(Math.PI, 0);
    await enterAr();
    await page.waitForTimeout(1500);
    const atWall = await probe();
    expect(atWall?.status).toBe('searching');
    expect(atWall?.hit).toBeNull();
    await tapOverlay();
    expect((await probe())?.placed, 'a tap without a surface places nothing').toBeNull();

    // Looking down at the floor: the reticle sits on it, facing up.
    await setPose(Math.PI, -Math.PI / 3);
    const onFloor = await waitProbe((s) => s.hit !== null, 'a hit on the floor');
    expect(onFloor.status).toBe('surface');
    expect(Math.abs(onFloor.hit!.normal[1])).toBeGreaterThan(0.99);
    expect(onFloor.hit!.position[1] - onFloor.hit!.viewer[1], 'the floor, not the table').toBeCloseTo(floorY - EYE[1], 1);
    expect(await page.locator('[data-testid="ar-true-size"]').textContent()).toBe('True size');

    await tapOverlay();
    const placed = await waitProbe((s) => s.placed !== null, 'the product to be placed');
    expect(placed.status).toBe('placed');
    expect(placed.placed!.scaling).toEqual([1, 1, 1]);
    const size = await designSizeM();
    let meas = await placedMeasure();
    expectWithin(meas.oriented, size, 0.01, 'placed size');
    expect(Math.abs(meas.minY - onFloor.hit!.position[1])).toBeLessThan(0.002);
    // A shadow lies on the floor under it, larger than its footprint.
    const shadow = await page.evaluate(() => (window as unknown as { atelierAr: { shadowBox(): { min: V3; max: V3 } | null } }).atelierAr.shadowBox());
    expect(shadow).not.toBeNull();
    expect(Math.abs(shadow!.min[1] - onFloor.hit!.position[1])).toBeLessThan(0.002);
    expect(Math.min(shadow!.max[0] - shadow!.min[0], shadow!.max[2] - shadow!.min[2])).toBeGreaterThan(Math.max(size[0], size[1]));
    // The overlay states the same size in the user's units.
    const sizeText = (await page.locator('[data-testid="ar-size"]').textContent())!;
    expect(sizeText).toContain(`${(size[0] * 1000).toFixed(1)} × ${(size[1] * 1000).toFixed(1)} × ${(size[2] * 1000).toFixed(1)} mm`);

    // A one-finger drag turns it about the vertical axis; it keeps its true size.
    const box = (await page.locator('[data-testid="ar-overlay"]').boundingBox())!;
    const y = box.y + box.height * 0.4;
    await page.mouse.move(box.x + box.width * 0.3, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * (0.3 + 0.0125 * i), y);
    await page.mouse.up();
    const turned = (await probe())!;
    expect(Math.abs(turned.placed!.yaw - placed.placed!.yaw)).toBeCloseTo(Math.PI / 4, 1);
    expect(turned.placed!.position, 'a drag does not move it').toEqual(placed.placed!.position);
    meas = await placedMeasure();
    expectWithin(meas.oriented, size, 0.01, 'size after turning');
    expect(Math.abs(meas.aabb[0] - size[0]) / size[0], 'the turned product is really turned').toBeGreaterThan(0.01);

    // A two-finger twist (a quarter turn clockwise on screen) turns it a quarter turn clockwise seen from above.
    await page.evaluate(() => {
      const el = document.querySelector('[data-testid="ar-overlay"]')!;
      const fire = (type: string, id: number, x: number, y: number) =>
        el.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: 'touch', clientX: x, clientY: y, bubbles: true, isPrimary: id === 1 }));
      fire('pointerdown', 1, 500, 300);
      fire('pointerdown', 2, 700, 300);
      for (let i = 1; i <= 8; i++) {
        const a = (i / 8) * (Math.PI / 2);
        fire('pointermove', 2, 500 + 200 * Math.cos(a), 300 + 200 * Math.sin(a));
      }
      fire('pointerup', 2, 500, 500);
      fire('pointerup', 1, 500, 300);
    });
    const twisted = (await probe())!;
    expect(twisted.placed!.yaw - turned.placed!.yaw).toBeCloseTo(-Math.PI / 2, 3);
    expect(twisted.placed!.position, 'a twist does not move it').toEqual(placed.placed!.position);
    expectWithin((await placedMeasure()).oriented, size, 0.01, 'size after a twist');

    // Back to the editor: the same design, nothing to undo. (Level the headset first: iwer starts the next session's
    // 'local' space at the viewer pose of the last frame it drew, and a phone's 'local' space is level.)
    await setPose(Math.PI, 0);
    await page.waitForTimeout(500);
    await exitAr();
    expect(await page.evaluate(() => JSON.stringify((window as unknown as { atelier: { design: unknown } }).atelier.design))).toBe(designBefore);
    expect(await page.evaluate(() => (window as unknown as { atelier: { canUndo: boolean } }).atelier.canUndo)).toBe(false);

    // Change a dimension, re-enter, place with the controller's trigger (XR select): the size follows.
    // (The first millimetre slider whose change moves the bounding box: a letter height may not.)
    let size2 = size;
    let seq = before.seq;
    for (const q of m.parameters.filter((x) => x.type === 'number' && x.unit === 'mm' && !x.visibleWhen)) {
      await dragSlider(page, q.id, 80);
      seq = (await nextBuild(page, seq)).seq;
      size2 = await designSizeM();
      if (size2.some((v, k) => Math.abs(v - size[k]!) / size[k]! > 0.02)) break;
    }
    expect(size2.some((v, k) => Math.abs(v - size[k]!) / size[k]! > 0.02), `the design changed size: ${size} → ${size2}`).toBe(true);
    await enterAr();
    await setPose(Math.PI, -Math.PI / 3);
    await waitProbe((s) => s.hit !== null, 'a hit on the floor again');
    await page.evaluate(() => (window as unknown as { __atelierXr: { select(): Promise<void> } }).__atelierXr.select());
    await waitProbe((s) => s.placed !== null, 'the product to be placed by select');
    expectWithin((await placedMeasure()).oriented, size2, 0.01, 'placed size after the change');
    const shownMm = (await page.locator('[data-testid="ar-size"]').getAttribute('data-mm'))!.split(',').map(Number);
    shownMm.forEach((v, k) => expect(v, 'the overlay shows the new size').toBeCloseTo(size2[k]! * 1000, 6));
    await exitAr('escape');

    expect(errors).toEqual([]);
    const away = requests.filter((u) => {
      const url = new URL(u);
      return !['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1';
    });
    expect(away, 'requests that left 127.0.0.1').toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  });
});
