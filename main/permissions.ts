// Which web permissions and network requests the renderer gets: a pure allow-list, tested in Node and
// installed on the session by window.ts. Everything not named here is denied.
import { APP_ORIGIN } from './protocol-resolver';

/**
 * Allowed permissions, each with the feature that needs it. Camera (`media` with video) will be needed for
 * in-app AR on devices that have WebXR; Electron desktop has no immersive-ar today (electron/electron#35011),
 * so it stays denied until then.
 */
const ALLOWED: Record<string, string> = {
  fullscreen: 'the preview and kiosk mode go full screen',
  'clipboard-sanitized-write': 'copying a design name or a dimension',
  'screen-wake-lock': 'a kiosk keeps its screen on while the attract screen runs',
};

/**
 * True if `permission` may be granted to a request from `origin`: the page's origin or a URL on it. Electron's
 * permission-check handler passes `atelier://app/` (with the slash), its request handler a page URL.
 */
export function isPermissionAllowed(permission: string, origin: string): boolean {
  return originOf(origin) === APP_ORIGIN && Object.hasOwn(ALLOWED, permission);
}

/** Schemes the window may load anything from. http(s), ws(s), file and the rest are cancelled: nothing is fetched at run time. */
const ALLOWED_SCHEMES = new Set(['atelier:', 'blob:', 'data:', 'devtools:']);

export function isRequestAllowed(url: string): boolean {
  try {
    return ALLOWED_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** True if the window may navigate (or redirect) to `url`: only within the app itself. */
export function isNavigationAllowed(url: string): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Origin of a URL as Electron reports it (`atelier://app`), or '' if it has none. */
export function originOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '';
  }
}
