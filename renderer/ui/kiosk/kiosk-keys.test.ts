// The browser kiosk's blocked shortcuts: reload, close, zoom and navigation are swallowed; typing and editing are not.
import { describe, expect, it } from 'vitest';
import { isBlockedKioskKey } from './kiosk-keys';

const k = (key: string, m: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...m });

describe('isBlockedKioskKey', () => {
  it('blocks reload, close, zoom, navigation and developer tools', () => {
    for (const e of [k('F5'), k('r', { ctrlKey: true }), k('R', { ctrlKey: true, shiftKey: true }), k('w', { metaKey: true }), k('F4', { altKey: true }), k('+', { ctrlKey: true }), k('-', { ctrlKey: true }), k('0', { metaKey: true }), k('ArrowLeft', { altKey: true }), k('F12'), k('i', { ctrlKey: true, shiftKey: true }), k('l', { ctrlKey: true })])
      expect(isBlockedKioskKey(e), JSON.stringify(e)).toBe(true);
  });
  it('lets typing and editing through', () => {
    for (const e of [k('a'), k('R'), k('5'), k('Backspace'), k('c', { ctrlKey: true }), k('v', { metaKey: true }), k('z', { ctrlKey: true }), k('ArrowLeft')])
      expect(isBlockedKioskKey(e), JSON.stringify(e)).toBe(false);
  });
});
