// Serves `atelier://app/...` (the built renderer, dist/web) and the catalog (assets/) at both
// `atelier://app/assets/...` (same origin, like the web build's /assets/) and `atelier://assets/...`, from disk.
// Pure Node (no Electron): the Electron glue turns the result into a Response. Refuses traversal, symlinks
// out of the root, unknown hosts and unknown file types; every response carries the Content-Security-Policy.
import { realpath, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { mimeType } from '../core/mime';

export const APP_SCHEME = 'atelier';
export const APP_ORIGIN = 'atelier://app';

/**
 * The renderer's Content-Security-Policy. `wasm-unsafe-eval` lets manifold's WebAssembly compile (no JS eval);
 * `blob:` workers and images are the geometry worker and screenshots; `data:` fonts/images are inline assets.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' atelier://assets blob: data:",
  "font-src 'self' atelier://assets data:",
  "connect-src 'self' atelier://assets blob: data:",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface ProtocolRoots {
  /** dist/web */
  app: string;
  /** assets/ */
  assets: string;
}

export interface ProtocolResponse {
  status: 200 | 400 | 403 | 404 | 405;
  headers: Record<string, string>;
  body: Uint8Array;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/** atelier://assets is another origin than the app: it lets the app (and only the app) fetch and embed its files. */
const ASSET_HEADERS: Record<string, string> = {
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Access-Control-Allow-Origin': APP_ORIGIN,
  Vary: 'Origin',
};

function plain(status: ProtocolResponse['status'], text: string): ProtocolResponse {
  return { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, body: new TextEncoder().encode(text) };
}

/**
 * Maps an atelier:// URL to a file path inside its root, or explains why not. Does not touch the disk.
 * Rejects encoded slashes/backslashes, `..` and `.` segments, NUL, and names starting with a dot.
 */
export function resolveAtelierPath(rawUrl: string, roots: ProtocolRoots): { path: string; root: string } | { status: 400 | 404; reason: string } {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { status: 400, reason: 'not a URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:`) return { status: 400, reason: 'wrong scheme' };
  let root = url.host === 'app' ? roots.app : url.host === 'assets' ? roots.assets : null;
  if (root === null) return { status: 404, reason: `unknown host ${url.host}` };
  // Inspect the raw (still percent-encoded) path: URL parsing already removed plain `..` segments.
  const rawPath = url.pathname;
  if (/%2f|%5c|%00|%25/i.test(rawPath) || rawPath.includes('\\')) return { status: 404, reason: 'encoded separator' };
  let segments: string[];
  try {
    segments = rawPath.split('/').filter((s) => s.length > 0).map((s) => decodeURIComponent(s));
  } catch {
    return { status: 400, reason: 'bad escape' };
  }
  for (const s of segments) {
    if (s === '.' || s === '..' || s.startsWith('.') || s.includes('\0') || s.includes('/') || s.includes('\\') || s.includes(':'))
      return { status: 404, reason: `refused segment ${JSON.stringify(s)}` };
  }
  // atelier://app/assets/… is the catalog too, so the renderer's relative `assets/…` URLs work as on the web.
  if (url.host === 'app' && segments[0] === 'assets') {
    root = roots.assets;
    segments = segments.slice(1);
  } else if (segments.length === 0 && url.host === 'app') segments = ['index.html'];
  if (segments.length === 0) return { status: 404, reason: 'no file' };
  const full = path.resolve(root, ...segments);
  if (!isInside(root, full)) return { status: 404, reason: 'outside root' };
  return { path: full, root };
}

function isInside(root: string, p: string): boolean {
  const rel = path.relative(path.resolve(root), p);
  return rel.length > 0 && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Answers one request: the file's bytes with its content type and the security headers, or 4xx. */
export async function serveAtelierRequest(rawUrl: string, roots: ProtocolRoots, method = 'GET'): Promise<ProtocolResponse> {
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method not allowed');
  const r = resolveAtelierPath(rawUrl, roots);
  if ('status' in r) return plain(r.status, r.status === 400 ? 'Bad request' : 'Not found');
  const type = mimeType(r.path);
  if (type === null) return plain(404, 'Not found');
  try {
    // Follow symlinks, then check again that the real file is inside the real root.
    const [realFile, realRoot] = await Promise.all([realpath(r.path), realpath(r.root)]);
    if (!isInside(realRoot, realFile)) return plain(404, 'Not found');
    const st = await stat(realFile);
    if (!st.isFile()) return plain(404, 'Not found');
    const body = method === 'HEAD' ? new Uint8Array(0) : new Uint8Array(await readFile(realFile));
    const extra = new URL(rawUrl).host === 'assets' ? ASSET_HEADERS : {};
    return { status: 200, headers: { ...SECURITY_HEADERS, ...extra, 'Content-Type': type, 'Content-Length': String(st.size) }, body };
  } catch {
    return plain(404, 'Not found');
  }
}
