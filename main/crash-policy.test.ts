import { describe, expect, it } from 'vitest';
import { crashPageHtml, RendererCrashPolicy } from './crash-policy';

describe('RendererCrashPolicy', () => {
  it('reloads after a doubling pause, then gives up once and stays on the crash page', () => {
    const p = new RendererCrashPolicy({ maxCrashes: 4, windowMs: 60_000, firstDelayMs: 1000 });
    expect([0, 10, 20].map((t) => p.crashed(t))).toEqual([
      { action: 'reload', delayMs: 1000 },
      { action: 'reload', delayMs: 2000 },
      { action: 'reload', delayMs: 4000 },
    ]);
    expect(p.crashed(30)).toEqual({ action: 'give-up' });
    expect(p.crashed(40)).toEqual({ action: 'stay' });
  });

  it('forgets crashes older than its window (a rare crash always comes back)', () => {
    const p = new RendererCrashPolicy({ maxCrashes: 2, windowMs: 1000 });
    expect(p.crashed(0).action).toBe('reload');
    expect(p.crashed(5000)).toEqual({ action: 'reload', delayMs: 1000 });
  });
});

describe('crashPageHtml', () => {
  it('speaks the system language and escapes the reason', () => {
    expect(crashPageHtml('pt-PT', 'oom')).toContain('O Atelier parou');
    expect(crashPageHtml('de-DE', '<b>x</b>')).toContain('Atelier stopped');
    expect(crashPageHtml('en', '<img src=x>')).not.toContain('<img');
  });
});
