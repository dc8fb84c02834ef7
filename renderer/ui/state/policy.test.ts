import { describe, expect, it } from 'vitest';
import type { KioskSettings } from '../../../core/host';
import { DESKTOP_POLICY, kioskExportsToFolder, kioskPolicy, sessionPolicy } from './policy';

const settings = (exportFolder: string | null): KioskSettings => ({ enabled: true, idleSeconds: 90, products: null, printers: null, exportFolder, showPrices: true, hasPin: false });

describe('session policy', () => {
  it('lets a desktop session ask, keep drafts and an autosave, use files and the address, and export by dialog', () => {
    for (const kind of ['electron', 'web'] as const) {
      const p = sessionPolicy(false, kind, null);
      expect(p).toBe(DESKTOP_POLICY);
      expect(p).toEqual({ promptOnLeave: true, keepsDrafts: true, autosaves: true, opensFiles: true, savesFiles: true, tracksAddress: true, exports: 'dialog' });
    }
    // kiosk settings left from an earlier kiosk session change nothing on the desktop
    expect(sessionPolicy(false, 'electron', settings('/media/usb'))).toBe(DESKTOP_POLICY);
  });

  it('keeps nothing of a kiosk customer and opens no file dialog', () => {
    for (const p of [kioskPolicy('web', null), kioskPolicy('electron', settings(null)), kioskPolicy('electron', settings('/media/usb'))]) {
      expect(p).toMatchObject({ promptOnLeave: false, keepsDrafts: false, autosaves: false, opensFiles: false, savesFiles: false, tracksAddress: false });
      expect(Object.isFrozen(p)).toBe(true);
    }
  });

  it('lets a kiosk export only to the export folder staff set, which only the Electron host writes to', () => {
    expect(sessionPolicy(true, 'electron', settings('/media/usb')).exports).toBe('folder');
    expect(sessionPolicy(true, 'electron', settings(null)).exports).toBe('none');
    expect(sessionPolicy(true, 'electron', settings('')).exports).toBe('none');
    expect(sessionPolicy(true, 'electron', null).exports).toBe('none');
    expect(sessionPolicy(true, 'web', settings('/media/usb')).exports).toBe('none');
    expect(sessionPolicy(true, undefined, settings('/media/usb')).exports).toBe('none');
    expect(kioskExportsToFolder('electron', settings('/media/usb'))).toBe(true);
    expect(kioskExportsToFolder('web', settings('/media/usb'))).toBe(false);
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(DESKTOP_POLICY)).toBe(true);
    expect(() => ((DESKTOP_POLICY as { autosaves: boolean }).autosaves = false)).toThrow(TypeError);
  });
});
