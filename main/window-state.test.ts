// Window state: remembered across runs and always put back on a visible display.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clampWindowState, DEFAULT_WINDOW, loadWindowState, MIN_WIDTH, parseWindowState, saveWindowState, windowStateFile, type Rect } from './window-state';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const external: Rect = { x: 1440, y: -200, width: 2560, height: 1415 };

describe('clampWindowState', () => {
  it('keeps a window that is fully visible where it was', () => {
    const s = { x: 100, y: 50, width: 1200, height: 700, maximized: false, fullScreen: false };
    expect(clampWindowState(s, [laptop])).toEqual(s);
    const onExternal = { ...s, x: 2000, y: 0 };
    expect(clampWindowState(onExternal, [laptop, external])).toEqual(onExternal);
  });

  it('brings a window from an unplugged monitor back onto the primary display, centred', () => {
    const s = { x: 2000, y: 0, width: 1200, height: 700, maximized: true, fullScreen: false };
    expect(clampWindowState(s, [laptop])).toEqual({ x: 120, y: 88, width: 1200, height: 700, maximized: true, fullScreen: false });
  });

  it('shrinks a window larger than its display and pulls it fully inside', () => {
    const s = { x: 1300, y: 10, width: 3000, height: 2000, maximized: false, fullScreen: false };
    const r = clampWindowState(s, [laptop, external]);
    expect(r.width).toBeLessThanOrEqual(external.width);
    expect(r.height).toBeLessThanOrEqual(external.height);
    expect(r.x).toBeGreaterThanOrEqual(external.x);
    expect(r.y! + r.height).toBeLessThanOrEqual(external.y + external.height);
  });

  it('moves a window whose title bar is above the screen', () => {
    const r = clampWindowState({ x: 100, y: -500, width: 900, height: 600, maximized: false, fullScreen: false }, [laptop]);
    expect(r.y).toBeGreaterThanOrEqual(0);
    expect(r.width).toBe(900);
  });

  it('never makes a window smaller than the minimum unless the display is', () => {
    expect(clampWindowState({ width: 200, height: 100, maximized: false, fullScreen: false }, [laptop]).width).toBe(MIN_WIDTH);
    expect(clampWindowState({ width: 200, height: 100, maximized: false, fullScreen: false }, [{ x: 0, y: 0, width: 640, height: 480 }])).toMatchObject({ width: 640, height: 480 });
  });

  it('leaves a first-run state without position for the OS to place', () => {
    expect(clampWindowState(DEFAULT_WINDOW, [laptop])).toEqual({ ...DEFAULT_WINDOW, height: 800 });
    expect(clampWindowState(DEFAULT_WINDOW, [laptop]).x).toBeUndefined();
  });
});

describe('window state file', () => {
  it('round-trips and tolerates junk', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atelier-win-'));
    try {
      expect(await loadWindowState(dir)).toEqual(DEFAULT_WINDOW);
      const s = { x: 10, y: 20, width: 1000, height: 700, maximized: false, fullScreen: true };
      await saveWindowState(dir, s);
      expect(await loadWindowState(dir)).toEqual(s);
      writeFileSync(windowStateFile(dir), JSON.stringify({ width: 'big', x: 5, maximized: 1 }));
      expect(await loadWindowState(dir)).toEqual(DEFAULT_WINDOW);
      expect(parseWindowState({ width: 900.4, height: Infinity, x: 1, y: 2 })).toEqual({ x: 1, y: 2, width: 900, height: 800, maximized: false, fullScreen: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
