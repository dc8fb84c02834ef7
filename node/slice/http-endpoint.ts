// POST /api/slice for the web build: the browser sends the design's slicer input (a 3MF, Content-Type model/3mf) and
// gets core/host.ts's SliceAnswer as JSON. Served by `atelier serve`; only to clients on this machine (loopback
// addresses), only same-origin (the content type needs a CORS preflight nobody answers, and an Origin must name the
// Host), at most MAX_SLICE_BYTES read. No slicer: 503 {"status":"no-slicer"}. Node only; imports core/ and this folder.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isUserError } from '../../core/errors';
import { MAX_SLICE_BYTES, validateSliceRequest, type SliceRequest } from '../../core/host';
import type { SliceService } from './service';

export const SLICE_PATH = '/api/slice';
/** Sent with every file `atelier serve` answers when it can slice (value "prusa-slicer"): the page asks before it slices. */
export const SLICER_HEADER = 'X-Atelier-Slicer';
/** The content type the web host sends: not a CORS "simple" type, so another site's page cannot post it blind. */
export const SLICE_CONTENT_TYPE = 'model/3mf';
/** How long `atelier serve` lets one slice run, ms: under the server's 30 s idle limit, so the answer gets out. */
export const SERVE_SLICE_TIMEOUT_MS = 25_000;

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase().replace(/^::ffff:/, '');
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

function json(res: ServerResponse, code: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...extra });
  res.end(text);
}

/** Reads the body up to `max` bytes; null (and the request drained no further) when it is longer. */
function readBody(req: IncomingMessage, max: number): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(size > max ? null : new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/** The request's filaments from `?filaments=[{"material":…,"color":…}]`, or undefined when malformed. */
function filamentsOf(url: URL): unknown {
  const raw = url.searchParams.get('filaments');
  if (raw === null || raw.length > 4096) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/** Handles one request to SLICE_PATH (the caller routes it here and has checked the Host header). */
export function sliceEndpoint(service: SliceService): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      if (!isLoopback(req.socket.remoteAddress)) return json(res, 403, { error: 'Slicing is offered to this computer only.' });
      if (req.method !== 'POST') return json(res, 405, { error: 'Send the design with POST.' }, { Allow: 'POST' });
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== 'null') {
        let host: string;
        try {
          host = new URL(origin).host;
        } catch {
          host = '';
        }
        if (host !== req.headers.host) return json(res, 403, { error: 'Slicing is offered to this app only.' });
      } else if (origin === 'null') return json(res, 403, { error: 'Slicing is offered to this app only.' });
      if ((req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() !== SLICE_CONTENT_TYPE)
        return json(res, 415, { error: `Send the design as ${SLICE_CONTENT_TYPE}.` });
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (declared > MAX_SLICE_BYTES) return json(res, 413, { error: `At most ${MAX_SLICE_BYTES} bytes are sliced.` }, { Connection: 'close' });
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!service.available) return json(res, 503, { status: 'no-slicer' });
      const bytes = await readBody(req, MAX_SLICE_BYTES);
      if (bytes === null) return json(res, 413, { error: `At most ${MAX_SLICE_BYTES} bytes are sliced.` }, { Connection: 'close' });
      const body: SliceRequest = { printerId: url.searchParams.get('printer') ?? '', bytes, filaments: filamentsOf(url) as SliceRequest['filaments'] };
      const problem = validateSliceRequest(body);
      if (problem !== null) return json(res, 400, { error: problem });
      const answer = await service.slice(body);
      json(res, answer.status === 'no-slicer' ? 503 : 200, answer);
    })().catch((e: unknown) => {
      if (res.headersSent) return res.destroy();
      json(res, isUserError(e) ? 400 : 500, { error: isUserError(e) ? e.message : 'The design could not be sliced.' });
    });
  };
}
