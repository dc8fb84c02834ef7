// Small persisted preferences (display unit). localStorage may be missing (kiosk reset, private mode): defaults then.
import type { LengthUnit } from '../lib/units';

export function readUnit(): LengthUnit {
  try {
    return localStorage.getItem('atelier.unit') === 'in' ? 'in' : 'mm';
  } catch {
    return 'mm';
  }
}

export function saveUnit(u: LengthUnit): void {
  try {
    localStorage.setItem('atelier.unit', u);
  } catch {
    // ignore
  }
}
