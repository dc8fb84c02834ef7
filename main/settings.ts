// Application settings (settings.json in userData): kiosk options, the staff PIN hash, hand-off options.
// Node only. Reads tolerate a missing or hand-edited file (bad fields fall back to defaults, one by one);
// changes to kiosk settings need the staff PIN; PIN attempts run one at a time, each is counted (and saved)
// before it is checked, and the lock-out is kept in the file across restarts. The file is private (0600).
import { chmod } from 'node:fs/promises';
import path from 'node:path';
import { validateKioskPatch, type KioskSettings, type KioskSettingsPatch } from '../core/host';
import { UserError } from '../core/errors';
import { hostError } from './messages';
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
  /** Wrong-PIN state, kept across restarts so quitting the app does not reset the lock-out. */
  pinLock: PinLock;
}

export interface PinLock {
  failures: number;
  lockouts: number;
  /** ms since the epoch; 0 when not locked */
  lockedUntil: number;
}

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  kiosk: { enabled: false, idleSeconds: 90, products: null, printers: null, exportFolder: null, showPrices: true },
  staffPin: null,
  handoff: { expiryMinutes: 15, interface: null },
  pinLock: { failures: 0, lockouts: 0, lockedUntil: 0 },
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
  if (isRecord(data.pinLock)) {
    const n = (v: unknown, hi: number) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= hi ? v : 0);
    s.pinLock = { failures: n(data.pinLock.failures, 1000), lockouts: n(data.pinLock.lockouts, 1000), lockedUntil: n(data.pinLock.lockedUntil, Number.MAX_SAFE_INTEGER) };
  }
  return s;
}

/** Wrong PINs allowed before a lock-out, and how long the first lasts (ms); each further one doubles, up to 64 min. */
export const MAX_PIN_FAILURES = 5;
export const PIN_LOCKOUT_MS = 60_000;

/** Writes settings.json readable by its owner only: it holds the PIN hash. */
async function writePrivate(file: string, value: Settings): Promise<void> {
  await writeJsonFile(file, value, 0o600);
  await chmod(file, 0o600); // a file written before 0.2 keeps its old mode until now
}

export class SettingsStore {
  /** PIN checks run one after another, so parallel guesses cannot all pass the lock-out test at once. */
  private queue: Promise<unknown> = Promise.resolve();
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
  verify(pin: string, now = Date.now()): Promise<boolean> {
    const run = this.queue.then(() => this.verifyNow(pin, now));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async verifyNow(pin: string, now: number): Promise<boolean> {
    const lock = this.current.pinLock;
    if (now < lock.lockedUntil) throw hostError('pinLocked', `Too many wrong PINs. Try again in ${Math.ceil((lock.lockedUntil - now) / 1000)} s.`, { seconds: Math.ceil((lock.lockedUntil - now) / 1000) });
    const stored = this.current.staffPin;
    if (stored === null) return true;
    // count the attempt as wrong before checking it: a crash or a parallel call cannot win a free guess
    const counted: PinLock = { ...lock, failures: lock.failures + 1 };
    if (counted.failures >= MAX_PIN_FAILURES) {
      counted.failures = 0;
      counted.lockedUntil = now + PIN_LOCKOUT_MS * 2 ** Math.min(counted.lockouts, 6);
      counted.lockouts += 1;
    }
    await this.saveLock(counted);
    const ok = await verifyPin(pin, stored);
    if (ok) await this.saveLock({ failures: 0, lockouts: 0, lockedUntil: 0 });
    return ok;
  }

  private async saveLock(lock: PinLock): Promise<void> {
    const next = { ...structuredClone(this.current), pinLock: lock };
    await writePrivate(this.file, next);
    this.current = next;
  }

  /** Applies a validated patch after checking the PIN; persists atomically. */
  async updateKiosk(pin: string, patch: KioskSettingsPatch, now = Date.now()): Promise<KioskSettings> {
    const problem = validateKioskPatch(patch);
    if (problem) throw new UserError(problem);
    if (!(await this.verify(pin, now))) throw hostError('pinWrong', 'Wrong staff PIN.');
    const next = structuredClone(this.current);
    const { newPin, ...rest } = patch;
    Object.assign(next.kiosk, rest);
    if (newPin !== undefined) next.staffPin = await hashPin(newPin);
    if (next.kiosk.enabled && next.staffPin === null) throw hostError('kioskNeedsPin', 'Set a staff PIN before turning kiosk mode on.');
    await writePrivate(this.file, next);
    this.current = next;
    return this.kiosk();
  }

  /** For the command line / first setup (not reachable from the renderer). */
  async update(change: (s: Settings) => void): Promise<Settings> {
    const next = structuredClone(this.current);
    change(next);
    this.current = parseSettings(next);
    await writePrivate(this.file, this.current);
    return this.get();
  }
}
