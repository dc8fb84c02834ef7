// POST /api/slice of `atelier serve` over real HTTP with the real PrusaSlicer: the nameplate's figures equal the
// CLI's; refused cleanly when the body is too big, not a 3MF upload, from another site, another machine, or where
// there is no slicer (503 "no-slicer"), all as one-line JSON.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../cli/commands/serve';
import { MAX_SLICE_BYTES, type SliceAnswer } from '../../core/host';
import { readSliceCatalog } from '../../node/slice/catalog';
import { isLoopback, SLICE_CONTENT_TYPE, SLICE_PATH } from '../../node/slice/http-endpoint';
import { createSliceService, type SliceService } from '../../node/slice/service';
import { ASSETS, expectCliFigures, nameplateInput, type NameplateInput } from './slice-fixture';

let input: NameplateInput;
let web: string;
const servers: Server[] = [];
const services: SliceService[] = [];

async function serve(o: { slicer?: string | null; listen?: string } = {}): Promise<string> {
  const svc = createSliceService({ catalog: () => readSliceCatalog(ASSETS), ...(o.slicer !== undefined ? { slicer: o.slicer } : {}) });
  services.push(svc);
  const server = createServer(handler(web, ASSETS, '127.0.0.1', svc));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, o.listen ?? '127.0.0.1', r));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface Reply { status: number; body: Record<string, unknown> }
function post(at: string, o: { query?: string; body?: Uint8Array; headers?: Record<string, string>; method?: string; via?: string } = {}): Promise<Reply> {
  const [host, port] = at.split(':');
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: o.via ?? host, port: Number(port), method: o.method ?? 'POST', path: SLICE_PATH + (o.query ?? ''), headers: { Host: at, 'Content-Type': SLICE_CONTENT_TYPE, ...o.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown> }));
      },
    );
    req.on('error', reject);
    req.end(o.body === undefined ? undefined : Buffer.from(o.body));
  });
}
const query = (printer = 'bambu-x1', filaments: unknown = input.filaments) => `?printer=${printer}&filaments=${encodeURIComponent(JSON.stringify(filaments))}`;

beforeAll(async () => {
  web = mkdtempSync(path.join(tmpdir(), 'atelier-serve-slice-'));
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>Atelier</title>');
  input = await nameplateInput('bambu-x1');
}, 120_000);
afterAll(async () => {
  for (const s of services) s.dispose();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  rmSync(web, { recursive: true, force: true });
});

describe('atelier serve: POST /api/slice', () => {
  it('slices the nameplate to the figures check --slice reports', async () => {
    const at = await serve();
    const r = await post(at, { query: query(), body: input.bytes, headers: { Origin: `http://${at}` } });
    expect(r.status).toBe(200);
    const a = r.body as unknown as SliceAnswer;
    expect(a.status).toBe('sliced');
    if (a.status !== 'sliced') return;
    expectCliFigures(a.figures, input.cli);
    expect(a.figures.toolChanges).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('refuses what it must not slice, each with a one-line reason', async () => {
    const at = await serve();
    expect(await post(at, { method: 'GET' })).toMatchObject({ status: 405 });
    expect(await post(at, { query: query(), body: input.bytes, headers: { 'Content-Type': 'text/plain' } })).toMatchObject({ status: 415 });
    expect(await post(at, { query: query(), body: input.bytes, headers: { Origin: 'https://evil.example' } })).toEqual({ status: 403, body: { error: 'Slicing is offered to this app only.' } });
    expect(await post(at, { query: query(), body: input.bytes, headers: { Origin: 'null' } })).toMatchObject({ status: 403 });
    expect(await post(at, { query: query(), body: new Uint8Array(MAX_SLICE_BYTES + 1) })).toMatchObject({ status: 413, body: { error: `At most ${MAX_SLICE_BYTES} bytes are sliced.` } });
    expect(await post(at, { query: query('../etc'), body: input.bytes })).toMatchObject({ status: 400, body: { error: expect.stringMatching(/printerId/) as unknown } });
    expect(await post(at, { query: '?printer=bambu-x1&filaments=%7Bnot-json', body: input.bytes })).toMatchObject({ status: 400, body: { error: expect.stringMatching(/filaments/) as unknown } });
    expect(await post(at, { query: query('no-such'), body: input.bytes })).toEqual({ status: 400, body: { error: 'There is no printer "no-such" here.' } });
    expect(await post(at, { query: query(), body: new TextEncoder().encode('solid x') })).toMatchObject({ status: 400, body: { error: expect.stringMatching(/3MF/) as unknown } });
    const none = await serve({ slicer: null });
    expect(await post(none, { query: query(), body: input.bytes })).toEqual({ status: 503, body: { status: 'no-slicer' } });
  }, 60_000);

  it('says on every file it serves whether it slices, so the page asks before it writes a slicer input', async () => {
    const head = async (at: string) => {
      const r = await fetch(`http://${at}/index.html`);
      await r.arrayBuffer();
      return r.headers.get('x-atelier-slicer');
    };
    expect(await head(await serve())).toBe('prusa-slicer');
    expect(await head(await serve({ slicer: null }))).toBeNull();
  });

  it('serves this computer only', async () => {
    expect(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['10.0.0.2', '192.168.1.5', '::ffff:10.0.0.1', 'fe80::1', undefined].map(isLoopback)).toEqual([false, false, false, false, false]);
    // where this machine has an address on a network, a request to it from that address is refused
    const lan = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!lan) return;
    const at = await serve({ listen: '0.0.0.0' });
    const r = await post(at, { via: lan.address, query: query(), body: input.bytes });
    expect(r).toEqual({ status: 403, body: { error: 'Slicing is offered to this computer only.' } });
  }, 30_000);
});
