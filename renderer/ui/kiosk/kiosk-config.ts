// Where kiosk mode and its timings come from: the host (Electron's --kiosk and kiosk settings) or, in the web
// build, the page URL (`?kiosk=1`, and `idle=` / `countdown=` in seconds for tests and browser kiosks).
// Pure: takes the URL's query string. No DOM, no Svelte.

/** Seconds without input before the prompt when the host has no kiosk settings (web build). */
export const DEFAULT_IDLE_SECONDS = 90;
/** Seconds the "Are you still there?" prompt counts down: long enough to read and answer. */
export const DEFAULT_COUNTDOWN_SECONDS = 20;
/** Seconds each product stays on the attract screen. */
export const ATTRACT_SLIDE_SECONDS = 4;

export interface KioskUrlOptions {
  kiosk: boolean;
  /** Overrides, in seconds; null when absent or not a sensible number. */
  idleSeconds: number | null;
  countdownSeconds: number | null;
}

function seconds(v: string | null, min: number, max: number): number | null {
  if (v === null || !/^\d+(\.\d+)?$/.test(v)) return null;
  const n = Number(v);
  return n >= min && n <= max ? n : null;
}

export function kioskUrlOptions(search: string): KioskUrlOptions {
  const q = new URLSearchParams(search);
  const k = q.get('kiosk');
  return {
    kiosk: k !== null && ['1', 'true', 'yes', ''].includes(k.toLowerCase()),
    idleSeconds: seconds(q.get('idle'), 1, 3600),
    countdownSeconds: seconds(q.get('countdown'), 1, 600),
  };
}

/** The prompt's countdown for an idle time: the default, but never more than a third of the idle time. */
export function countdownFor(idleSeconds: number, override: number | null): number {
  if (override !== null) return override;
  return Math.max(5, Math.min(DEFAULT_COUNTDOWN_SECONDS, Math.round(idleSeconds / 3)));
}
