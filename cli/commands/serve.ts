// `atelier serve [--port N] [--host 127.0.0.1]`: serves the web build (dist/web) and the catalog under /assets/
// on 127.0.0.1 by default. Static files only: GET/HEAD, no directory listings, no path traversal, a content type
// per extension (others refused), nosniff, a Content-Security-Policy with no framing, a Host-header check
// (against DNS rebinding), a connection cap and fast header/idle timeouts. Every request gets an answer. And one
// endpoint that is not a file: POST /api/slice, the slicer's figures for the page (loopback clients only). Node only.
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import path from 'node:path';
import { UserError } from '../../core/errors';
import { mimeType } from '../../core/mime';
import { parseArgs } from '../args';
import { assetsDir } from '../assets-dir';
import { packageRoot } from '../package-root';
import { printLine } from '../output';
import { cachedSliceCatalog } from '../../node/slice/catalog';
import { SERVE_SLICE_TIMEOUT_MS, SLICE_PATH, SLICER_HEADER, sliceEndpoint } from '../../node/slice/http-endpoint';
import { createSliceService, type SliceService } from '../../node/slice/service';

export function webDir(): string {
  return process.env.ATELIER_WEB_DIR ? path.resolve(process.env.ATELIER_WEB_DIR) : path.join(packageRoot(), 'dist', 'web');
}

/** Maps a URL path onto a file under `root`, or null if it is malformed, escapes the root or is not a served type. */
export function resolveUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segs = decoded.split('/').filter((s) => s !== '');
  if (segs.some((s) => s === '..' || s === '.' || s.startsWith('.'))) return null;
  const file = path.join(root, ...segs);
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return null;
  }
  const realRoot = realpathSync(root);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return null; // a symlink pointing out of the root
  return real;
}

/** The web app's policy: its own scripts and WebAssembly, blob workers, inline styles, nothing framed or framing it. */
export const SERVE_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': SERVE_CSP,
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Open connections allowed at once, and how fast a slow or idle client is dropped (ms). */
export const MAX_CONNECTIONS = 128;
export const HEADERS_TIMEOUT_MS = 5_000;
export const REQUEST_TIMEOUT_MS = 30_000;
export const IDLE_TIMEOUT_MS = 5_000;

function send(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text + '\n');
}

/**
 * A Host header we answer: an IP literal (any: a rebinding attack needs a name), localhost, or the bound host.
 * Anything else is a page on a foreign name that resolved to us.
 */
export function hostAllowed(hostHeader: string | undefined, boundHost: string): boolean {
  if (!hostHeader) return false;
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::\d{1,5})?$/.exec(hostHeader);
  if (!m) return false;
  const name = m[1]!.replace(/^\[|\]$/g, '').toLowerCase();
  return isIP(name) !== 0 || name === 'localhost' || name === boundHost.toLowerCase();
}

/** The path of a request target, or null if it is not an origin-form path (`/…`, no `//` authority). */
function targetPath(raw: string | undefined): string | null {
  if (!raw || raw[0] !== '/' || raw.startsWith('//')) return null;
  const end = raw.search(/[?#]/);
  return end < 0 ? raw : raw.slice(0, end);
}

/** With `slicing`, POST /api/slice slices for the page (node/slice/http-endpoint.ts); everything else is static. */
export function handler(web: string, assets: string, boundHost = '127.0.0.1', slicing?: SliceService): (req: IncomingMessage, res: ServerResponse) => void {
  const serve = serveFile(web, assets);
  const slice = slicing ? sliceEndpoint(slicing) : undefined;
  return (req, res) => {
    try {
      if (!hostAllowed(req.headers.host, boundHost)) return send(res, 421, 'Unknown Host header: open Atelier by its address.');
      if (slice && targetPath(req.url) === SLICE_PATH) return slice(req, res);
      // the web host reads this on the catalog index and only then offers the slicer's figures
      if (slicing?.available) res.setHeader(SLICER_HEADER, 'prusa-slicer');
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        return send(res, 405, 'Only GET and HEAD are served.');
      }
      const p = targetPath(req.url);
      if (p === null) return send(res, 400, 'Bad request target.');
      serve(req, res, p);
    } catch {
      if (!res.headersSent) send(res, 500, 'The file could not be served.');
      else res.destroy();
    }
  };
}

function serveFile(web: string, assets: string): (req: IncomingMessage, res: ServerResponse, target: string) => void {
  return (req, res, target) => {
    const url = { pathname: target };
    let p = target;
    let root = web;
    if (p === '/assets' || p.startsWith('/assets/')) {
      root = assets;
      p = p.slice('/assets'.length);
    }
    if (p === '' || p.endsWith('/')) p += 'index.html';
    let file = resolveUnder(root, p);
    if (file && statSync(file).isDirectory()) file = resolveUnder(root, p + '/index.html');
    if (!file) return send(res, 404, `Not found: ${url.pathname}`);
    const type = mimeType(file);
    if (!type) return send(res, 404, `Not found: ${url.pathname}`);
    const st = statSync(file);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Content-Length': st.size,
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  };
}

/** Connection cap and timeouts: a slow-loris or idle client is dropped in seconds, not minutes. */
export function harden(server: Server): void {
  const firstRequest = new WeakMap<object, NodeJS.Timeout>();
  server.maxConnections = MAX_CONNECTIONS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = IDLE_TIMEOUT_MS;
  server.setTimeout(REQUEST_TIMEOUT_MS, (sock) => sock.destroy());
  server.on('connection', (sock) => {
    // a connection that never sends a complete request header is dropped after HEADERS_TIMEOUT_MS
    const t = setTimeout(() => sock.destroy(), HEADERS_TIMEOUT_MS);
    t.unref();
    firstRequest.set(sock, t);
    sock.once('close', () => clearTimeout(t));
  });
  server.on('request', (req: IncomingMessage) => clearTimeout(firstRequest.get(req.socket)));
  server.on('clientError', (_e, sock) => {
    if (sock.writable) sock.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else sock.destroy();
  });
}

export async function runServe(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { command: 'serve', positionals: [], options: { port: { kind: 'value', meta: 'N' }, host: { kind: 'value', meta: 'ADDRESS' } } });
  const portArg = a.values.get('port') ?? '8080';
  if (!/^\d+$/.test(portArg) || Number(portArg) > 65535) throw new UserError(`--port must be a number from 0 to 65535; got "${portArg}".`);
  const host = a.values.get('host') ?? '127.0.0.1';
  const web = webDir();
  if (!existsSync(path.join(web, 'index.html')))
    throw new UserError(`The web app is not built: ${path.join(web, 'index.html')} is missing. Run "npm run build:web" first, then "atelier serve" again.`);
  const slicing = createSliceService({ catalog: cachedSliceCatalog(assetsDir()), timeoutMs: SERVE_SLICE_TIMEOUT_MS });
  const server = createServer({ connectionsCheckingInterval: 1_000 }, handler(web, assetsDir(), host, slicing));
  harden(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE' ? new UserError(`Port ${portArg} on ${host} is already in use; choose another with --port.`)
        : e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND' ? new UserError(`Cannot listen on "${host}": not an address of this machine.`)
        : e.code === 'EACCES' ? new UserError(`No permission to listen on port ${portArg}; use a port above 1023.`)
        : e,
      ),
    );
    server.listen(Number(portArg), host, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : Number(portArg);
  const shown = host.includes(':') ? `[${host}]` : host;
  printLine(`Atelier is served at http://${shown}:${port}/ (web app from ${web}, catalog at /assets/). Press Ctrl-C to stop.`);
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') printLine(`Note: ${host} is reachable from other machines on the network.`);
  printLine(slicing.available ? 'Print time and filament figures come from PrusaSlicer (for this computer only).' : 'PrusaSlicer was not found: the app shows no slicer figures.');
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      slicing.dispose();
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
