// Main-thread long tasks in the app's page, for the browser test and the app benchmark: a PerformanceObserver
// ('longtask': a task over 50 ms) installed before the app's code runs, a slider drag with real pointer moves
// that lasts seconds, and the tasks that fell inside a stretch of time.
import type { Page } from 'playwright-core';
import { settled } from './app-page';

/** Chrome reports every main-thread task longer than this as a long task (ms); issue 14 calls each a defect. */
export const LONG_TASK_MS = 50;

export interface LongTask { start: number; duration: number }
export interface TaskFigures { longest: number; over: number; tasks: LongTask[]; ms: number }

type Win = { atelierLongTasks?: LongTask[] };

/** Collects long tasks from the very start of every document the page loads (call before page.goto). */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Win;
    w.atelierLongTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.atelierLongTasks!.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

export const now = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** The long tasks that started between `from` and `to` (performance.now() of the page). */
export async function longTasksBetween(page: Page, from: number, to: number): Promise<TaskFigures> {
  const all = await page.evaluate(() => (window as unknown as Win).atelierLongTasks ?? []);
  const tasks = all.filter((t) => t.start + t.duration > from && t.start < to);
  return { tasks, longest: Math.max(0, ...tasks.map((t) => t.duration)), over: tasks.filter((t) => t.duration > LONG_TASK_MS).length, ms: to - from };
}

/** Opens a product from the gallery (a click on its card) and measures until its first build is shown. */
export async function openMeasured(page: Page, id: string): Promise<TaskFigures> {
  const from = await now(page);
  await page.locator(`[data-product="${id}"]`).click();
  await settled(page);
  await waitQuiet(page);
  return longTasksBetween(page, from, await now(page));
}

/** Until the preview has drawn nothing for a moment (the last build is shown and settled). */
export async function waitQuiet(page: Page, quietMs = 400): Promise<void> {
  await page.waitForFunction(
    (q) => {
      const st = (window as unknown as { atelier?: { building: boolean }; atelierStats?: { lastFrameAt?: number } });
      const last = st.atelierStats?.lastFrameAt;
      return st.atelier?.building === false && last !== undefined && performance.now() - last > q;
    },
    quietMs,
    { timeout: 60_000, polling: 50 },
  );
}

/**
 * Drags a slider's thumb back and forth with the mouse for about `seconds` (a move every `everyMs`, as a hand
 * does), then releases it and waits until the last build is shown; the long tasks from press to that moment.
 * `movesPerSweep`: moves from one end of the swept span to the other (fewer: bigger steps, more sweeps).
 */
export async function dragMeasured(page: Page, paramId: string, seconds = 4, everyMs = 33, movesPerSweep = 40): Promise<TaskFigures & { moves: number; builds: number }> {
  const slider = page.locator(`[data-param="${paramId}"] input[type=range]`);
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  const left = box.x + box.width * 0.2;
  const span = box.width * 0.6;
  const seqBefore = Number(await page.locator('[data-testid="figures"]').getAttribute('data-build-seq'));
  await page.mouse.move(left, y);
  const from = await now(page);
  await page.mouse.down();
  // Moves until `seconds` have passed (a move is acknowledged once the page has handled it, so a busy page gets
  // fewer moves, not a shorter drag): a triangle wave over the middle 60 % of the track, a sweep every
  // `movesPerSweep` moves.
  const end = Date.now() + seconds * 1000;
  let moves = 0;
  while (Date.now() < end) {
    const phase = (++moves / movesPerSweep) % 2;
    await page.mouse.move(left + span * (phase < 1 ? phase : 2 - phase), y);
    await page.waitForTimeout(everyMs);
  }
  await page.mouse.up();
  await waitQuiet(page);
  const to = await now(page);
  const builds = Number(await page.locator('[data-testid="figures"]').getAttribute('data-build-seq')) - seqBefore;
  return { ...(await longTasksBetween(page, from, to)), moves, builds };
}

export interface LayoutWatch { canvasSizes: string[]; warned: boolean }
type WatchWin = { atelierLayoutWatch?: { sizes: string[]; warned: boolean; stop: () => void } };

/**
 * Starts recording, in the page, every size the preview's canvas takes (CSS box and drawing buffer) and whether a
 * printer warning (a part that does not fit, a printability finding) was shown meanwhile; `stopLayoutWatch` ends it.
 */
export async function startLayoutWatch(page: Page): Promise<void> {
  // A string, not a function: a test runner that keeps function names (tsx) would wrap inner functions in a helper
  // the page does not have.
  await page.evaluate(`(() => {
    const canvas = document.querySelector('.viewport canvas');
    const size = () => canvas.clientWidth + '×' + canvas.clientHeight + ' (' + canvas.width + '×' + canvas.height + ')';
    const warning = () => document.querySelector('[data-testid="fits"].bad, [data-testid="findings"]') !== null;
    const rec = { sizes: [size()], warned: warning(), stop: () => undefined };
    const note = () => {
      const s = size();
      if (rec.sizes[rec.sizes.length - 1] !== s) rec.sizes.push(s);
      rec.warned = rec.warned || warning();
    };
    const ro = new ResizeObserver(note);
    ro.observe(canvas);
    const mo = new MutationObserver(note);
    mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    rec.stop = () => { ro.disconnect(); mo.disconnect(); };
    window.atelierLayoutWatch = rec;
  })()`);
}

export async function stopLayoutWatch(page: Page): Promise<LayoutWatch> {
  return page.evaluate(() => {
    const rec = (window as unknown as WatchWin).atelierLayoutWatch!;
    rec.stop();
    return { canvasSizes: rec.sizes, warned: rec.warned };
  });
}
