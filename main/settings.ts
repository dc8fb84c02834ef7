// Application settings (settings.json in userData): kiosk options, the staff PIN hash, hand-off options.
// Node only. Reads tolerate a missing or hand-edited file (bad fields fall back to defaults, one by one);
// changes to kiosk settings need the staff PIN, and wrong PINs are rate-limited.
import path from 'node:path';
import { validateKioskPatch, type KioskSettings, type KioskSettingsPatch } from '../core/host';
import { UserError } from '../core/errors';
import { isRecord, readJsonFile, writeJsonFile } from './json-file';
import { hashPin, isPinHash, verifyPin, type PinHash } from './pin';

export interface Settings {
  /** Schema version of settings.json. */
  version: 1;
  kiosk: Omit<KioskSettings, 'hasPin'>;
  staffPin: PinHash | null;
  handoff: {
    /** Minutes a phone link stays valid. */
    expiryMinutes: number;
    /** Interface name or IPv4 address to serve on; null picks the LAN address automatically. */
    interface: string | null;
  };
}

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  kiosk: { enabled: false, idleSeconds: 90, products: null, printers: null, exportFolder: null, showPrices: true },
  staffPin: null,
  handoff: { expiryMinutes: 15, interface: null },
};

/** Pure: settings from whatever JSON was on disk; each invalid field falls back to its default. */
export function parseSettings(data: unknown): Settings {
  const s: Settings = structuredClone(DEFAULT_SETTINGS);
  if (!isRecord(data)) return s;
  if (isRecord(data.kiosk)) {
    for (const [k, v] of Object.entries(data.kiosk)) {
      if (k === 'newPin' || !(k in s.kiosk)) continue;
      if (validateKioskPatch({ [k]: v }) === null) (s.kiosk as Record<string, unknown>)[k] = v;
    }
  }
  if (isPinHash(data.staffPin)) s.staffPin = data.staffPin;
  if (isRecord(data.handoff)) {
    const m = data.handoff.expiryMinutes;
    if (typeof m === 'number' && m >= 1 && m <= 24 * 60) s.handoff.expiryMinutes = m;
    const i = data.handoff.interface;
    if (typeof i === 'string' && i.length > 0 && i.length < 100) s.handoff.interface = i;
  }
  return s;
}

/** Wrong PINs allowed before a lock-out, and how long the first lasts (ms); each further one doubles, up to 64 min. */
export const MAX_PIN_FAILURES = 5;
export const PIN_LOCKOUT_MS = 60_000;

export class SettingsStore {
  private failures = 0;
  private lockouts = 0;
  private lockedUntil = 0;
  private constructor(
    private readonly file: string,
    private current: Settings,
  ) {}

  static async load(userDataDir: string): Promise<SettingsStore> {
    const file = path.join(userDataDir, 'settings.json');
    return new SettingsStore(file, parseSettings(await readJsonFile(file)));
  }

  get(): Settings {
    return structuredClone(this.current);
  }

  /** What the UI may see: no hash. */
  kiosk(): KioskSettings {
    return { ...structuredClone(this.current.kiosk), hasPin: this.current.staffPin !== null };
  }

  /** True if `pin` is right, or no PIN is set yet. Throws (a message for the staff) while locked out. */
  async verify(pin: string, now = Date.now()): Promise<boolean> {
    if (now < this.lockedUntil) throw new UserError(`Too many wrong PINs. Try again in ${Math.ceil((this.lockedUntil - now) / 1000)} s.`);
    if (this.current.staffPin === null) return true;
    const ok = await verifyPin(pin, this.current.staffPin);
    if (ok) {
      this.failures = 0;
      this.lockouts = 0;
    } else if (++this.failures >= MAX_PIN_FAILURES) {
      this.failures = 0;
      this.lockedUntil = now + PIN_LOCKOUT_MS * 2 ** Math.min(this.lockouts++, 6);
    }
    return ok;
  }

  /** Applies a validated patch after checking the PIN; persists atomically. */
  async updateKiosk(pin: string, patch: KioskSettingsPatch, now = Date.now()): Promise<KioskSettings> {
    const problem = validateKioskPatch(patch);
    if (problem) throw new UserError(problem);
    if (!(await this.verify(pin, now))) throw new UserError('Wrong staff PIN.');
    const next = structuredClone(this.current);
    const { newPin, ...rest } = patch;
    Object.assign(next.kiosk, rest);
    if (newPin !== undefined) next.staffPin = await hashPin(newPin);
    await writeJsonFile(this.file, next);
    this.current = next;
    return this.kiosk();
  }

  /** For the command line / first setup (not reachable from the renderer). */
  async update(change: (s: Settings) => void): Promise<Settings> {
    const next = structuredClone(this.current);
    change(next);
    this.current = parseSettings(next);
    await writeJsonFile(this.file, this.current);
    return this.get();
  }
}
