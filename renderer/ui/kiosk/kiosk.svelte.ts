// The showroom kiosk's state: the attract screen, the idle timer and its prompt, the on-screen keyboard's target,
// staff access, and the reset between customers. Runes live here; the rules are in idle-timer.ts and
// keyboard-layout.ts. Reaches the host only through AppState's host.
import type { AppState } from '../state/app.svelte';
import { i18n, type Locale } from '../i18n/index.svelte';
import { IDLE_OFF, idleStep, secondsLeft, type IdleEvent, type IdleState, type IdleTimes } from './idle-timer';
import { countdownFor, DEFAULT_IDLE_SECONDS, kioskUrlOptions } from './kiosk-config';
import { isBlockedKioskKey } from './kiosk-keys';
import { wipeBrowserData } from './wipe';

/** How often the idle timer looks at the clock (ms): fine enough for a seconds countdown. */
const TICK_MS = 250;

/** What the on-screen keyboard types into. */
export interface KeyboardTarget {
  /** Identifies the field, so tapping it again keeps the keyboard as it is. */
  id?: string;
  /** For the keyboard's label and the typed-text preview. */
  label: string;
  read(): string;
  write(text: string): void;
  /** Called when the keyboard closes (ends the undo gesture). */
  done?(): void;
  maxLength?: number;
  allowed?: string;
  /** Extra keys, e.g. path separators for the staff's export folder. */
  extra?: string;
  /** A number pad instead of letters (number parameters). */
  numeric?: boolean;
  /** Shown beside the typed text instead of the character count: a number's allowed range ("10–120 mm"). */
  hint?: string;
}

export class KioskState {
  attract = $state(true);
  idle = $state.raw<IdleState>(IDLE_OFF);
  now = $state(0);
  keyboard = $state.raw<KeyboardTarget | null>(null);
  /** The staff dialog (PIN, then settings) is open. */
  staffOpen = $state(false);
  resetting = $state(false);
  private readonly url = kioskUrlOptions(location.search);
  private timer = 0;
  private readonly initialLocale: Locale;
  private wakeLock: WakeLockSentinel | null = null;
  /** A kiosk screen must not go dark: the lock is dropped when the page is hidden, so take it again. */
  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'visible') void this.keepAwake();
  };

  /** Browser kiosks: no reload/close/zoom shortcuts, no pinch or Ctrl-wheel zoom, no files dropped onto the page. */
  private readonly onKey = (e: KeyboardEvent): void => {
    if (isBlockedKioskKey(e)) e.preventDefault();
  };
  private readonly onWheel = (e: WheelEvent): void => {
    if (e.ctrlKey || e.metaKey) e.preventDefault();
  };
  private readonly onDrop = (e: DragEvent): void => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'none';
  };

  constructor(private readonly app: AppState) {
    this.initialLocale = i18n.locale;
    window.addEventListener('keydown', this.onKey, { capture: true });
    window.addEventListener('wheel', this.onWheel, { capture: true, passive: false });
    window.addEventListener('dragover', this.onDrop, { capture: true });
    window.addEventListener('drop', this.onDrop, { capture: true });
    this.timer = window.setInterval(() => this.send({ type: 'tick', now: Date.now() }), TICK_MS);
    document.addEventListener('visibilitychange', this.onVisibility);
    void this.keepAwake();
    // A kiosk starts clean, also after a crash and reload in the middle of a customer.
    void wipeBrowserData().then(() => this.app.host.kioskReset?.()).catch(() => undefined);
  }

  private async keepAwake(): Promise<void> {
    try {
      if (this.wakeLock && !this.wakeLock.released) return;
      this.wakeLock = (await navigator.wakeLock?.request('screen')) ?? null;
    } catch {
      // not allowed (no user gesture yet, or the permission is refused): the screen's own settings apply
    }
  }

  /** From the URL (tests, browser kiosks), else the host's kiosk settings as they are now (staff may change them). */
  get times(): IdleTimes {
    const idleSeconds = this.url.idleSeconds ?? this.app.kioskSettings?.idleSeconds ?? DEFAULT_IDLE_SECONDS;
    return { idleMs: idleSeconds * 1000, warnMs: countdownFor(idleSeconds, this.url.countdownSeconds) * 1000 };
  }

  get secondsLeft(): number {
    return secondsLeft(this.idle, this.now, this.times);
  }

  private send(e: IdleEvent): void {
    this.now = Date.now();
    // Staff dialogs time out like everything else: settings left open must not wait for the next customer.
    const next = idleStep(this.idle, e, this.times);
    if (next !== this.idle) this.idle = next;
    if (next.phase === 'expired' && !this.resetting) void this.reset();
  }

  /** The attract screen was touched: a customer starts. */
  begin(): void {
    this.attract = false;
    void this.keepAwake(); // a touch is the user gesture some browsers want
    this.send({ type: 'start', now: Date.now() });
  }

  /** Any touch, click or key while a customer uses the kiosk. */
  activity(): void {
    if (!this.attract) this.send({ type: 'activity', now: Date.now() });
  }

  stillHere(): void {
    this.send({ type: 'continue', now: Date.now() });
  }

  openKeyboard(target: KeyboardTarget): void {
    if (this.keyboard && this.keyboard !== target) this.keyboard.done?.();
    this.keyboard = target;
  }

  closeKeyboard(): void {
    this.keyboard?.done?.();
    this.keyboard = null;
  }

  /**
   * Clears everything of this customer and shows the attract screen: design and undo history, dialogs, web
   * storage, IndexedDB, caches, clipboard, and the host's traces (temporary exports, hand-off) through kioskReset.
   */
  async reset(): Promise<void> {
    if (this.resetting) return;
    this.resetting = true;
    try {
      this.keyboard = null;
      this.staffOpen = false;
      this.app.wipeDesign();
      await wipeBrowserData();
      await this.app.host.kioskReset?.().catch(() => undefined);
      i18n.locale = this.initialLocale; // the next customer starts in the kiosk's language
      document.documentElement.lang = this.initialLocale;
    } finally {
      this.idle = idleStep(this.idle, { type: 'stop' }, this.times);
      this.attract = true;
      this.resetting = false;
    }
  }

  dispose(): void {
    clearInterval(this.timer);
    window.removeEventListener('keydown', this.onKey, { capture: true });
    window.removeEventListener('wheel', this.onWheel, { capture: true });
    window.removeEventListener('dragover', this.onDrop, { capture: true });
    window.removeEventListener('drop', this.onDrop, { capture: true });
    document.removeEventListener('visibilitychange', this.onVisibility);
    void this.wakeLock?.release().catch(() => undefined);
  }
}
