// Settings and the staff PIN with a real settings.json: salted scrypt hashes, PIN-gated changes, lock-out,
// tolerant reading of a hand-edited file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPin, isPinHash, verifyPin } from './pin';
import { DEFAULT_SETTINGS, MAX_PIN_FAILURES, parseSettings, PIN_LOCKOUT_MS, SettingsStore } from './settings';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), 'atelier-settings-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('staff PIN', () => {
  it('is stored as a salted scrypt hash that verifies only the right PIN', async () => {
    const a = await hashPin('482913');
    const b = await hashPin('482913');
    expect(a.algorithm).toBe('scrypt');
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(JSON.stringify(a)).not.toContain('482913');
    expect(Buffer.from(a.salt, 'base64')).toHaveLength(16);
    expect(await verifyPin('482913', a)).toBe(true);
    expect(await verifyPin('482914', a)).toBe(false);
    expect(await verifyPin('4829130', a)).toBe(false);
    await expect(hashPin('12')).rejects.toThrow(/4 to 12 digits/);
  });

  it('refuses tampered records instead of running unbounded scrypt', async () => {
    const h = await hashPin('1234');
    expect(isPinHash({ ...h, N: 1 << 30 })).toBe(false);
    expect(isPinHash({ ...h, N: 3000 })).toBe(false);
    expect(await verifyPin('1234', { ...h, N: 1 << 30 })).toBe(false);
    expect(await verifyPin('1234', { ...h, hash: Buffer.alloc(32).toString('base64') })).toBe(false);
  });
});

describe('SettingsStore', () => {
  it('starts with defaults and no PIN; the first change sets the PIN', async () => {
    const s = await SettingsStore.load(dir);
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(s.kiosk().hasPin).toBe(false);
    expect(await s.verify('0000')).toBe(true);
    const k = await s.updateKiosk('0000', { enabled: true, idleSeconds: 120, newPin: '7391', exportFolder: '/media/usb' });
    expect(k).toMatchObject({ enabled: true, idleSeconds: 120, exportFolder: '/media/usb', hasPin: true });
    expect(k).not.toHaveProperty('staffPin');
    const file = readFileSync(path.join(dir, 'settings.json'), 'utf8');
    expect(file).not.toContain('7391');
    const again = await SettingsStore.load(dir);
    expect(again.kiosk()).toEqual(k);
    expect(await again.verify('7391')).toBe(true);
    expect(await again.verify('0000')).toBe(false);
  });

  it('refuses changes with a wrong PIN or an invalid patch, and locks out after repeated failures', async () => {
    const s = await SettingsStore.load(dir);
    await s.updateKiosk('0000', { newPin: '2468' });
    await expect(s.updateKiosk('1111', { enabled: false })).rejects.toThrow('Wrong staff PIN.');
    await expect(s.updateKiosk('2468', { idleSeconds: 1 } as never)).rejects.toThrow(/idleSeconds/);
    const t0 = 1_000_000;
    for (let i = 2; i < MAX_PIN_FAILURES; i++) expect(await s.verify('9999', t0)).toBe(false);
    expect(await s.verify('9998', t0)).toBe(false);
    await expect(s.verify('2468', t0 + 1000)).rejects.toThrow(/Too many wrong PINs/);
    // a second series of wrong PINs locks out twice as long
    const t1 = t0 + PIN_LOCKOUT_MS + 1;
    for (let i = 0; i < MAX_PIN_FAILURES; i++) expect(await s.verify('9999', t1)).toBe(false);
    await expect(s.verify('2468', t1 + PIN_LOCKOUT_MS + 1)).rejects.toThrow(/Too many wrong PINs/);
    expect(await s.verify('2468', t1 + 2 * PIN_LOCKOUT_MS + 1)).toBe(true);
    expect(s.kiosk().enabled).toBe(false);
  });

  it('reads a hand-edited file field by field', () => {
    const s = parseSettings({
      kiosk: { enabled: true, idleSeconds: 'soon', products: ['mug', 'nameplate'], printers: [1], showPrices: false, newPin: '1234', hack: 1 },
      staffPin: { algorithm: 'md5', hash: 'x' },
      handoff: { expiryMinutes: 5, interface: 'eth0' },
    });
    expect(s.kiosk).toEqual({ ...DEFAULT_SETTINGS.kiosk, enabled: true, products: ['mug', 'nameplate'], showPrices: false });
    expect(s.staffPin).toBeNull();
    expect(s.handoff).toEqual({ expiryMinutes: 5, interface: 'eth0' });
    writeFileSync(path.join(dir, 'settings.json'), '[]');
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
});
