// Crash safety: the open design is written to localStorage a moment after each change, and removed when it is
// saved, replaced by New or the app closes cleanly. One left behind at start means the last session ended with
// unsaved changes (crash, power cut, closed tab), so the app offers to restore it. Never used in kiosk mode.
// Plain TypeScript over a Storage; no Svelte.
import type { Design } from '../../../core/model/types';

export const AUTOSAVE_KEY = 'atelier.autosave';
/** ms after the last change before the design is written: one write per burst of slider moves. */
export const AUTOSAVE_DELAY_MS = 1000;

export interface AutosaveRecord {
  v: 1;
  /** ms since epoch */
  savedAt: number;
  /** Product name for the prompt. */
  name: string;
  /** Where the design was last saved, if anywhere. */
  savedPath: string | null;
  design: Design;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked (private mode, sandbox)
  }
}

export function writeAutosave(rec: Omit<AutosaveRecord, 'v'>, s: Storage | null = storage()): void {
  try {
    s?.setItem(AUTOSAVE_KEY, JSON.stringify({ v: 1, ...rec }));
  } catch {
    // quota or blocked storage: crash safety is best effort
  }
}

export function readAutosave(s: Storage | null = storage()): AutosaveRecord | null {
  try {
    const raw = s?.getItem(AUTOSAVE_KEY);
    if (!raw) return null;
    const r = JSON.parse(raw) as Partial<AutosaveRecord>;
    const d = r.design as Partial<Design> | undefined;
    const ok = r.v === 1 && typeof r.savedAt === 'number' && typeof r.name === 'string' && d !== undefined && typeof d === 'object' && d !== null &&
      typeof d.model?.id === 'string' && typeof d.values === 'object' && d.values !== null && !Array.isArray(d.values);
    return ok ? (r as AutosaveRecord) : null;
  } catch {
    return null;
  }
}

export function clearAutosave(s: Storage | null = storage()): void {
  try {
    s?.removeItem(AUTOSAVE_KEY);
  } catch {
    // ignore
  }
}
