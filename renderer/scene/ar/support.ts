// Whether this screen can show WebXR AR (`immersive-ar`), without loading Babylon: the UI asks this to enable its
// AR button. No Babylon, no UI framework; DOM (navigator.xr) only.

/** Why AR is not offered here, for the message the UI shows. */
export type ArUnavailable = 'no-webxr' | 'no-ar' | 'insecure';

export type ArSupport = { ok: true } | { ok: false; reason: ArUnavailable };

interface XrSystemLike { isSessionSupported(mode: string): Promise<boolean> }

export async function arSupport(): Promise<ArSupport> {
  const xr = (navigator as Navigator & { xr?: XrSystemLike }).xr;
  if (!xr) return { ok: false, reason: window.isSecureContext ? 'no-webxr' : 'insecure' };
  try {
    return (await xr.isSessionSupported('immersive-ar')) ? { ok: true } : { ok: false, reason: 'no-ar' };
  } catch {
    return { ok: false, reason: 'no-ar' };
  }
}
