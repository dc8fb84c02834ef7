// The phone hand-off server: serves exactly one design (mobile page, GLB, USDZ) on the local network behind
// an unguessable per-design token, for a limited time. Pure Node (node:http); it serves byte buffers it is
// given and never touches the disk, so there is nothing to list and no path to traverse. Idle and slow clients
// are dropped within seconds; when a client (or everyone) is at the connection cap, its oldest idle connection
// makes room, so idle sockets cannot lock anyone out.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { mobilePageHtml, PAGE_CSP } from './page';

/** Default lifetime of a hand-off link (ms): long enough to walk to a table, short enough not to linger. */
export const DEFAULT_EXPIRY_MS = 15 * 60 * 1000;
/** Token entropy (bytes): 192 bits, base64url-encoded in the URL. */
const TOKEN_BYTES = 24;
/** Connections at once, per client address and in all (a phone opens a few; Scene Viewer a few more). */
export const MAX_CONNECTIONS_PER_CLIENT = 8;
export const MAX_CONNECTIONS = 64;
/** A connection must finish its request headers within this, and is closed after this long idle (ms). */
export const HEADERS_TIMEOUT_MS = 3_000;
export const IDLE_TIMEOUT_MS = 3_000;

export interface HandoffDesign {
  title: string;
  glb: Uint8Array;
  usdz: Uint8Array;
}

export interface HandoffOptions {
  /** Address to bind: the LAN address from pickLanAddress, or 127.0.0.1 in tests. */
  host: string;
  /** 0 (default) picks a random free port. */
  port?: number;
  expiryMs?: number;
  /** Offered on the page where it is a secure context (an https web build). */
  webXrUrl?: string;
}

export interface HandoffServer {
  /** The page's URL, token included; what the QR code encodes. */
  readonly url: string;
  readonly token: string;
  readonly expiresAt: number;
  /** Stops listening and closes open connections; idempotent. */
  stop(): Promise<void>;
}

const BASE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

function tokenMatches(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

interface Conn {
  sock: Socket;
  busy: boolean;
  idleTimer: NodeJS.Timeout | undefined;
}

/** Per-client and total caps that evict the oldest idle connection, plus a fast idle timer on every socket. */
function limitConnections(server: http.Server): void {
  const open: Conn[] = []; // oldest first
  const conns = new WeakMap<Socket, Conn>();
  const idle = (c: Conn) => {
    clearTimeout(c.idleTimer);
    c.idleTimer = setTimeout(() => c.sock.destroy(), IDLE_TIMEOUT_MS);
    c.idleTimer.unref();
  };
  server.on('connection', (sock: Socket) => {
    const ip = sock.remoteAddress ?? '';
    const mine = open.filter((c) => c.sock.remoteAddress === ip);
    const full = mine.length >= MAX_CONNECTIONS_PER_CLIENT ? mine : open.length >= MAX_CONNECTIONS ? open : null;
    if (full) {
      const victim = full.find((c) => !c.busy);
      if (!victim) return void sock.destroy();
      victim.sock.destroy();
      open.splice(open.indexOf(victim), 1);
    }
    const c: Conn = { sock, busy: false, idleTimer: undefined };
    open.push(c);
    conns.set(sock, c);
    idle(c);
    sock.once('close', () => {
      clearTimeout(c.idleTimer);
      const i = open.indexOf(c);
      if (i >= 0) open.splice(i, 1);
    });
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const c = conns.get(req.socket);
    if (!c) return;
    c.busy = true;
    clearTimeout(c.idleTimer);
    res.once('close', () => {
      c.busy = false;
      idle(c);
    });
  });
}

export async function startHandoffServer(design: HandoffDesign, o: HandoffOptions): Promise<HandoffServer> {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const expiresAt = Date.now() + (o.expiryMs ?? DEFAULT_EXPIRY_MS);
  let origin = '';

  type Served = { type: string; body: Uint8Array; extra?: Record<string, string> };
  const files = (): Map<string, Served> => {
    const base = `${origin}/${token}/`;
    const page = mobilePageHtml({ title: design.title, glbUrl: `${base}model.glb`, usdzUrl: `${base}model.usdz`, ...(o.webXrUrl ? { webXrUrl: o.webXrUrl } : {}) });
    return new Map<string, Served>([
      ['', { type: 'text/html; charset=utf-8', body: new TextEncoder().encode(page), extra: { 'Content-Security-Policy': PAGE_CSP } }],
      ['model.glb', { type: 'model/gltf-binary', body: design.glb }],
      ['model.usdz', { type: 'model/vnd.usdz+zip', body: design.usdz, extra: { 'Content-Disposition': 'inline; filename="model.usdz"' } }],
    ]);
  };
  let served: ReturnType<typeof files> | undefined;

  const send = (res: http.ServerResponse, status: number, text: string) => {
    res.writeHead(status, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  };

  const server = http.createServer({ connectionsCheckingInterval: 500 }, (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    // Compare the raw path exactly: no decoding, so no encoded separators or dot segments can sneak in.
    const raw = (req.url ?? '').split('?')[0] ?? '';
    const m = /^\/([A-Za-z0-9_-]+)\/([a-z.]*)$/.exec(raw);
    if (!m || !tokenMatches(m[1]!, token)) return send(res, 403, 'Forbidden');
    if (Date.now() >= expiresAt) return send(res, 403, 'This link has expired. Ask for a new QR code.');
    const f = (served ??= files()).get(m[2]!);
    if (!f) return send(res, 404, 'Not found');
    res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': f.type, 'Content-Length': f.body.byteLength, ...f.extra });
    res.end(req.method === 'HEAD' ? undefined : f.body);
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = IDLE_TIMEOUT_MS;
  limitConnections(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const hostPart = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  origin = `http://${hostPart}:${addr.port}`;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= new Promise<void>((resolve) => {
      clearTimeout(closeTimer);
      server.close(() => resolve());
      server.closeAllConnections();
    }));
  // After expiry the link answers 403; a minute later the server closes itself if nobody stopped it.
  const closeTimer = setTimeout(() => void stop(), expiresAt - Date.now() + 60_000);
  closeTimer.unref();

  return { url: `${origin}/${token}/`, token, expiresAt, stop };
}
