// Window size and position remembered between runs, clamped so the window is always on a visible display.
// Pure geometry plus a JSON file in userData; Electron's `screen` is passed in by the caller as plain rectangles.
import path from 'node:path';
import { writeFileAtomicSync } from './atomic-write';
import { isRecord, readJsonFile, writeJsonFile } from './json-file';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent on first run: the OS places the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
  fullScreen: boolean;
}

export const DEFAULT_WINDOW: WindowState = { width: 1280, height: 800, maximized: false, fullScreen: false };
/** Smallest usable window (px): the parameter panel plus a useful preview. */
export const MIN_WIDTH = 800;
export const MIN_HEIGHT = 560;
/** How much of the window's title bar must stay on a display to be grabbed (px). */
const GRAB = 64;

/** Pure: reads a stored state, with defaults for anything missing or out of type. */
export function parseWindowState(data: unknown): WindowState {
  if (!isRecord(data)) return { ...DEFAULT_WINDOW };
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined);
  const s: WindowState = {
    width: num(data.width) ?? DEFAULT_WINDOW.width,
    height: num(data.height) ?? DEFAULT_WINDOW.height,
    maximized: data.maximized === true,
    fullScreen: data.fullScreen === true,
  };
  const x = num(data.x);
  const y = num(data.y);
  if (x !== undefined && y !== undefined) Object.assign(s, { x, y });
  return s;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Pure: fits a saved state onto the current displays' work areas. Size is limited to the chosen display;
 * a window whose title bar is no longer on any display (monitor unplugged, resolution changed) moves onto
 * the display it overlaps most, or the primary one (first in `workAreas`), centred.
 */
export function clampWindowState(saved: WindowState, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return { ...saved };
  const out: WindowState = { ...saved };
  const hasPos = saved.x !== undefined && saved.y !== undefined;
  let target = primary;
  if (hasPos) {
    const rect = { x: saved.x!, y: saved.y!, width: saved.width, height: saved.height };
    let best = 0;
    for (const area of workAreas) {
      const o = overlap(rect, area);
      if (o > best) [best, target] = [o, area];
    }
  }
  out.width = Math.max(Math.min(saved.width, target.width), Math.min(MIN_WIDTH, target.width));
  out.height = Math.max(Math.min(saved.height, target.height), Math.min(MIN_HEIGHT, target.height));
  if (!hasPos) return out;
  const titleBar = { x: saved.x!, y: saved.y!, width: out.width, height: 32 };
  const grabbable = workAreas.some((a) => {
    const w = Math.min(titleBar.x + titleBar.width, a.x + a.width) - Math.max(titleBar.x, a.x);
    return w >= Math.min(GRAB, out.width) && titleBar.y >= a.y && titleBar.y < a.y + a.height - 16;
  });
  if (grabbable) {
    // keep it where it was but fully inside its display
    out.x = Math.min(Math.max(saved.x!, target.x), target.x + target.width - out.width);
    out.y = Math.min(Math.max(saved.y!, target.y), target.y + target.height - out.height);
  } else {
    out.x = Math.round(target.x + (target.width - out.width) / 2);
    out.y = Math.round(target.y + (target.height - out.height) / 2);
  }
  return out;
}

export const windowStateFile = (userDataDir: string) => path.join(userDataDir, 'window-state.json');

export async function loadWindowState(userDataDir: string): Promise<WindowState> {
  return parseWindowState(await readJsonFile(windowStateFile(userDataDir)));
}

export async function saveWindowState(userDataDir: string, s: WindowState): Promise<void> {
  await writeJsonFile(windowStateFile(userDataDir), s);
}

/** Synchronous save for the window's `close` event: the process may quit right after, awaiting nothing. */
export function saveWindowStateSync(userDataDir: string, s: WindowState): void {
  writeFileAtomicSync(windowStateFile(userDataDir), JSON.stringify(s, null, 2) + '\n');
}
