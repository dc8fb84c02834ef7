// Which keys a browser kiosk swallows so a customer cannot reload, close, zoom, navigate or open tools: the
// same shortcuts the Electron kiosk blocks in main. Pure function over a key event's fields; no DOM access.

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const PLAIN_BLOCKED = new Set(['F1', 'F3', 'F5', 'F6', 'F7', 'F11', 'F12', 'BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome', 'BrowserSearch']);
/** With Ctrl or Cmd: reload, close, new window/tab, zoom, print, save, open, find, history, devtools, address bar. */
const MOD_BLOCKED = new Set(['r', 'w', 'n', 't', 'q', 'p', 's', 'o', 'f', 'g', 'h', 'j', 'l', 'u', 'd', 'i', 'k', 'e', '+', '=', '-', '_', '0', 'F4', 'F5', 'Tab', 'PageUp', 'PageDown']);

export function isBlockedKioskKey(e: KeyLike): boolean {
  if (PLAIN_BLOCKED.has(e.key)) return true;
  if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'F4')) return true;
  if (e.ctrlKey || e.metaKey) {
    if (e.key === 'a' || e.key === 'c' || e.key === 'v' || e.key === 'x' || e.key === 'z' || e.key === 'y') return false; // editing keeps working
    return MOD_BLOCKED.has(e.key.length === 1 ? e.key.toLowerCase() : e.key);
  }
  return false;
}
