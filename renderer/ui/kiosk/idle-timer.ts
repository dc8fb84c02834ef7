// The kiosk's idle timer as a pure state machine: no input for `idleMs` → "Are you still there?" with a countdown
// of `warnMs` → expired (the kiosk wipes the customer's design). Times are passed in, so tests need no clock.
// No DOM, no Svelte.

export type IdlePhase = 'off' | 'active' | 'warning' | 'expired';

export interface IdleState {
  phase: IdlePhase;
  /** ms timestamp of the last input that counted (or of start). */
  since: number;
}

export interface IdleTimes {
  /** ms without input before the prompt. */
  idleMs: number;
  /** ms the prompt counts down before the reset. */
  warnMs: number;
}

export type IdleEvent =
  /** Customer starts (attract screen touched) or the timer is switched on. */
  | { type: 'start'; now: number }
  /** Any touch, click or key while in use; ignored while the prompt shows (only `continue` answers it). */
  | { type: 'activity'; now: number }
  /** "I'm still here" on the prompt. */
  | { type: 'continue'; now: number }
  /** Clock tick. */
  | { type: 'tick'; now: number }
  /** Back to the attract screen: nothing to time. */
  | { type: 'stop' };

export const IDLE_OFF: IdleState = { phase: 'off', since: 0 };

export function idleStep(s: IdleState, e: IdleEvent, t: IdleTimes): IdleState {
  switch (e.type) {
    case 'stop':
      return IDLE_OFF;
    case 'start':
      return { phase: 'active', since: e.now };
    case 'activity':
      return s.phase === 'active' ? { phase: 'active', since: Math.max(s.since, e.now) } : s;
    case 'continue':
      return s.phase === 'warning' || s.phase === 'active' ? { phase: 'active', since: e.now } : s;
    case 'tick': {
      if (s.phase === 'off' || s.phase === 'expired') return s;
      const idle = e.now - s.since;
      if (idle >= t.idleMs + t.warnMs) return { phase: 'expired', since: s.since };
      if (idle >= t.idleMs) return s.phase === 'warning' ? s : { phase: 'warning', since: s.since };
      return s.phase === 'active' ? s : { phase: 'active', since: s.since };
    }
  }
}

/** Whole seconds left on the prompt's countdown (0 when not warning or expired). */
export function secondsLeft(s: IdleState, now: number, t: IdleTimes): number {
  if (s.phase !== 'warning') return 0;
  return Math.max(0, Math.ceil((s.since + t.idleMs + t.warnMs - now) / 1000));
}
