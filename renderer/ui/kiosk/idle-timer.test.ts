import { describe, expect, it } from 'vitest';
import { IDLE_OFF, idleStep, secondsLeft, type IdleEvent, type IdleState } from './idle-timer';

const T = { idleMs: 60_000, warnMs: 20_000 };
const run = (events: IdleEvent[], s: IdleState = IDLE_OFF) => events.reduce((acc, e) => idleStep(acc, e, T), s);

describe('kiosk idle timer', () => {
  it('is off until a customer starts, and ticks change nothing then', () => {
    expect(run([{ type: 'tick', now: 1e9 }]).phase).toBe('off');
  });

  it('warns after the idle time, counts down, then expires', () => {
    const s1 = run([{ type: 'start', now: 0 }, { type: 'tick', now: 59_999 }]);
    expect(s1.phase).toBe('active');
    const s2 = idleStep(s1, { type: 'tick', now: 60_000 }, T);
    expect(s2.phase).toBe('warning');
    expect(secondsLeft(s2, 60_000, T)).toBe(20);
    expect(secondsLeft(s2, 70_500, T)).toBe(10);
    const s3 = idleStep(s2, { type: 'tick', now: 79_999 }, T);
    expect(s3.phase).toBe('warning');
    expect(secondsLeft(s3, 79_999, T)).toBe(1);
    expect(idleStep(s3, { type: 'tick', now: 80_000 }, T).phase).toBe('expired');
  });

  it('restarts the idle time on activity while in use', () => {
    const s = run([{ type: 'start', now: 0 }, { type: 'activity', now: 50_000 }, { type: 'tick', now: 100_000 }]);
    expect(s.phase).toBe('active');
    expect(idleStep(s, { type: 'tick', now: 110_000 }, T).phase).toBe('warning');
  });

  it('answers the prompt only with "continue", not with stray activity', () => {
    const warned = run([{ type: 'start', now: 0 }, { type: 'tick', now: 61_000 }]);
    expect(warned.phase).toBe('warning');
    const stray = idleStep(warned, { type: 'activity', now: 62_000 }, T);
    expect(stray.phase).toBe('warning');
    expect(idleStep(stray, { type: 'tick', now: 80_000 }, T).phase).toBe('expired');
    const cont = idleStep(warned, { type: 'continue', now: 62_000 }, T);
    expect(cont.phase).toBe('active');
    expect(idleStep(cont, { type: 'tick', now: 121_000 }, T).phase).toBe('active');
  });

  it('stays expired until stopped, and a stop turns it off', () => {
    const e = run([{ type: 'start', now: 0 }, { type: 'tick', now: 80_000 }]);
    expect(e.phase).toBe('expired');
    expect(idleStep(e, { type: 'activity', now: 81_000 }, T).phase).toBe('expired');
    expect(idleStep(e, { type: 'continue', now: 81_000 }, T).phase).toBe('expired');
    expect(idleStep(e, { type: 'stop' }, T)).toEqual(IDLE_OFF);
  });

  it('jumps straight to expired when the clock skipped past the countdown (a sleeping machine)', () => {
    expect(run([{ type: 'start', now: 0 }, { type: 'tick', now: 500_000 }]).phase).toBe('expired');
  });
});
