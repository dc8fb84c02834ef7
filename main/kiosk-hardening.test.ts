// Kiosk and staff-PIN hardening with a real settings.json and real scrypt: the file is private (0600), parallel
// PIN guesses are checked one at a time and stop at the lock-out, the lock-out survives a restart, a kiosk cannot
// be switched on without a PIN and its staff settings stay shut without one, and same-second exports keep both files.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HandoffManager } from './handoff/index';
import { createHostService, type HostService } from './host-service';
import { RecentDesigns } from './recent';
import { MAX_PIN_FAILURES, SettingsStore } from './settings';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'atelier-kiosk-hard-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function service(kiosk: () => boolean, settings: SettingsStore): Promise<HostService> {
  mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  return createHostService({
    assetsDir: path.join(dir, 'assets'),
    assetsUrl: 'atelier://assets',
    appVersion: '0.1.0',
    platform: 'linux',
    kiosk,
    dialogs: { openDesign: async () => null, openModelFile: async () => null, saveAs: async () => null },
    recent: await RecentDesigns.load(dir),
    settings,
    handoff: new HandoffManager(() => settings.get().handoff, () => ({})),
    modelFileChanged: () => {},
    recentChanged: () => {},
    kioskChanged: () => {},
    wipeSession: async () => {},
    tempDir: path.join(dir, 'tmp'),
  });
}

describe('staff PIN and settings file', () => {
  it('writes settings.json readable by its owner only', async () => {
    const s = await SettingsStore.load(dir);
    await s.updateKiosk('0000', { newPin: '2468' });
    expect(statSync(path.join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
  });

  it('checks parallel guesses one at a time and refuses those after the lock-out', async () => {
    const s = await SettingsStore.load(dir);
    await s.updateKiosk('0000', { newPin: '2468' });
    const t0 = 5_000_000;
    const guesses = Array.from({ length: 40 }, (_, i) => s.verify(String(1000 + i), t0).then((ok) => (ok ? 'ok' : 'wrong'), () => 'locked'));
    const results = await Promise.all(guesses);
    expect(results.filter((r) => r === 'wrong')).toHaveLength(MAX_PIN_FAILURES);
    expect(results.filter((r) => r === 'locked')).toHaveLength(40 - MAX_PIN_FAILURES);
    // the right PIN is refused too while locked
    await expect(s.verify('2468', t0 + 1)).rejects.toThrow(/Too many wrong PINs/);
  }, 60_000);

  it('keeps the lock-out across a restart', async () => {
    const s = await SettingsStore.load(dir);
    await s.updateKiosk('0000', { newPin: '2468' });
    for (let i = 0; i < MAX_PIN_FAILURES; i++) expect(await s.verify('1111')).toBe(false);
    const restarted = await SettingsStore.load(dir);
    await expect(restarted.verify('2468')).rejects.toThrow(/Too many wrong PINs/);
  }, 30_000);
});

describe('a kiosk without a staff PIN', () => {
  it('cannot be switched on without setting a PIN', async () => {
    const s = await SettingsStore.load(dir);
    await expect(s.updateKiosk('0000', { enabled: true })).rejects.toThrow(/staff PIN/);
    expect(s.kiosk().enabled).toBe(false);
  });

  it('keeps staff settings shut in kiosk mode until a PIN is set from outside it', async () => {
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ kiosk: { enabled: true } })); // hand-edited, no PIN
    const s = await SettingsStore.load(dir);
    const svc = await service(() => true, s);
    await expect(svc.handlers.verifyStaffPin('1234')).rejects.toThrow(/no staff PIN/);
    await expect(svc.handlers.updateKioskSettings('1234', { enabled: false })).rejects.toThrow(/no staff PIN/);
    await expect(svc.handlers.updateKioskSettings('1234', { exportFolder: '/' })).rejects.toThrow(/no staff PIN/);
    expect(s.get().kiosk.exportFolder).toBeNull();
    await svc.dispose();
  });
});

describe('kiosk exports', () => {
  it('gives two exports in the same second different names', async () => {
    const s = await SettingsStore.load(dir);
    await s.updateKiosk('0000', { newPin: '2468', enabled: true, exportFolder: path.join(dir, 'usb') });
    const svc = await service(() => true, s);
    const req = { suggestedName: 'mug.stl', kind: 'stl' as const };
    const [a, b] = await Promise.all([svc.handlers.save({ ...req, bytes: new Uint8Array([1]) }), svc.handlers.save({ ...req, bytes: new Uint8Array([2]) })]);
    const c = await svc.handlers.save({ ...req, bytes: new Uint8Array([3]) });
    expect(new Set([a.path, b.path, c.path]).size).toBe(3);
    expect(readdirSync(path.join(dir, 'usb')).length).toBeGreaterThanOrEqual(3);
    await svc.dispose();
  });
});
