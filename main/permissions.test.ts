// The permission, request and navigation allow-lists.
import { describe, expect, it } from 'vitest';
import { isNavigationAllowed, isPermissionAllowed, isRequestAllowed, originOf } from './permissions';

describe('permissions', () => {
  it('grants only what a feature needs, only to the app', () => {
    expect(isPermissionAllowed('fullscreen', 'atelier://app')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'atelier://app')).toBe(true);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'usb', 'serial', 'display-capture', 'midiSysex', 'unknown', 'toString', '__proto__'])
      expect(isPermissionAllowed(p, 'atelier://app'), p).toBe(false);
    expect(isPermissionAllowed('fullscreen', 'https://evil.example')).toBe(false);
    expect(isPermissionAllowed('fullscreen', 'atelier://assets')).toBe(false);
  });

  it('lets the window load only app, blob and data URLs', () => {
    for (const u of ['atelier://app/index.html', 'atelier://assets/models/mug/thumb.png', 'blob:atelier://app/1234', 'data:image/png;base64,AA==']) expect(isRequestAllowed(u), u).toBe(true);
    for (const u of ['https://cdn.babylonjs.com/x.js', 'http://127.0.0.1:8080/', 'wss://x/', 'file:///etc/passwd', 'ftp://x/', 'nonsense']) expect(isRequestAllowed(u), u).toBe(false);
  });

  it('allows navigation only inside the app', () => {
    expect(isNavigationAllowed('atelier://app/index.html#/product/mug')).toBe(true);
    for (const u of ['https://example.com/', 'atelier://assets/models/x.html', 'file:///tmp/a.html', 'javascript:alert(1)', 'about:blank']) expect(isNavigationAllowed(u), u).toBe(false);
    expect(originOf('atelier://app/a/b?c')).toBe('atelier://app');
    expect(originOf('??')).toBe('');
  });
});
