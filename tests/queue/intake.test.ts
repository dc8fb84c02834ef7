// `atelier orders serve` on a real redis-server with a real worker: a token is required (401), malformed JSON,
// an unknown model and a mapping that names a missing parameter are 400s that name the problem, a shop's variant
// options become parameters, the file is served when done (strict 3MF), resubmits are one job, and size and rate
// are bounded. Also the start-up refusals (no token, a mapping naming a parameter a model lacks).
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read3mf } from '../../core/import';
import { CLI, lib3mfRead, runCli, tempDir } from '../manufacturing/tools';
import { makeCatalog } from '../cli/fixtures';
import { startRedis, type RedisServer } from './redis-server';
import { startWorker, type WorkerProcess } from './workers';

const TOKEN = 'test-token-0123456789abcdef';
let redis: RedisServer;
let dir: string;
let env: Record<string, string>;
let intake: ChildProcess;
let base: string;
let worker: WorkerProcess;

const MAPPING = {
  options: { Name: { param: 'name' }, Size: { values: { Large: { params: { depth: 40 } } } } },
  models: {
    keychain: { Colour: { values: { Navy: { params: { tag_material: 'pla-navy' } }, Red: { params: { tag_material: 'pla-red' } } } } },
    'test-plate': { Size: { values: { Large: { params: { width: 120, depth: 40 } } } } },
  },
};

async function startIntake(args: string[], extraEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [CLI, 'orders', 'serve', '--queue', redis.url, '--port', '0', ...args], { env: { ...process.env, ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  const t0 = Date.now();
  while (!/listening on (http:\/\/\S+)\/orders/.test(out)) {
    if (child.exitCode !== null || Date.now() - t0 > 30_000) throw new Error(`intake did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, base: /listening on (http:\/\/\S+)\/orders/.exec(out)![1]! };
}

beforeAll(async () => {
  redis = await startRedis();
  dir = tempDir('intake');
  env = { ATELIER_ASSETS: makeCatalog(dir), ATELIER_REDIS_WAIT_MS: '3000' };
  writeFileSync(path.join(dir, 'token'), TOKEN + '\n');
  writeFileSync(path.join(dir, 'mapping.json'), JSON.stringify(MAPPING));
  ({ child: intake, base } = await startIntake(['--out-dir', path.join(dir, 'shop'), '--token-file', path.join(dir, 'token'), '--mapping', path.join(dir, 'mapping.json')]));
  worker = await startWorker(redis.url, env);
});
afterAll(async () => {
  intake?.kill('SIGKILL');
  await worker?.kill('SIGKILL');
  await redis.stop();
});

const auth = { Authorization: `Bearer ${TOKEN}` };
const post = (body: unknown, headers: Record<string, string> = auth): Promise<Response> =>
  fetch(`${base}/orders`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const get = (p: string, headers: Record<string, string> = auth): Promise<Response> => fetch(`${base}${p}`, { headers });
const errorOf = async (r: Response): Promise<string> => ((await r.json()) as { error: string }).error;

describe('atelier orders serve', () => {
  it('refuses requests without the right token', async () => {
    const headers: Record<string, string>[] = [{}, { Authorization: 'Bearer wrong' }, { Authorization: `Bearer ${TOKEN}x` }, { Authorization: TOKEN }];
    for (const h of headers) {
      const r = await post([{ order: 'T1', model: 'test-plate' }], h);
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toBe('Bearer');
    }
    expect((await get('/orders/x', {})).status).toBe(401);
  });

  it('answers malformed orders with 400 naming the problem, and queues none of them', async () => {
    let r = await post('[{"order": "M1", "model": ');
    expect(r.status).toBe(400);
    expect(await errorOf(r)).toMatch(/not valid JSON/);
    r = await post([{ order: 'M2', model: 'no-such-model' }]);
    expect(r.status).toBe(400);
    expect(await errorOf(r)).toMatch(/order "M2": Unknown model "no-such-model"/);
    r = await post([{ order: 'M3', model: 'keychain', options: { Size: 'Large' } }]); // the mapping's Size sets depth, which keychain lacks
    expect(r.status).toBe(400);
    expect(await errorOf(r)).toMatch(/order "M3": the mapping's option "Size: Large" sets parameter "depth", which model keychain does not have/);
    r = await post([{ order: 'M4', model: 'keychain', options: { Colour: 'Mauve' } }]);
    expect(await errorOf(r)).toMatch(/option "Colour" cannot be "Mauve"; the mapping allows: Navy, Red/);
    r = await post([{ order: 'M5', model: 'test-plate', options: { Engraving: 'x' } }]);
    expect(await errorOf(r)).toMatch(/unknown option "Engraving"/);
    r = await post([{ order: 'M6', model: 'test-plate', params: { width: 900 } }, { order: 'M7', model: 'test-plate' }]);
    expect(r.status).toBe(400);
    expect(await errorOf(r)).toMatch(/order "M6": .*width/);
    r = await post({ hello: 1 });
    expect(await errorOf(r)).toMatch(/must be a JSON array of orders/);
    r = await fetch(`${base}/orders`, { method: 'POST', headers: { ...auth, 'Content-Type': 'text/plain' }, body: '[]' });
    expect(r.status).toBe(415);
    r = await post('[' + ' '.repeat(1024 * 1024 + 10) + ']');
    expect(r.status).toBe(413);
    const m7 = await get('/orders/M7');
    expect(m7.status).toBe(404);
  });

  it('queues orders with shop options, reports their status and serves the file when done', async () => {
    const r = await post([
      { order: 'W1', model: 'keychain', options: { Colour: 'Navy', Name: 'Zoë' } },
      { order: 'W2', model: 'test-plate', options: ['Size: Large'] },
    ]);
    expect(r.status).toBe(202);
    const { orders } = (await r.json()) as { orders: { id: string; order: string; status: string; url: string }[] };
    expect(orders.map((o) => o.order)).toEqual(['W1', 'W2']);
    for (const o of orders) expect(['queued', 'building', 'done']).toContain(o.status);
    const done: Record<string, { status: string; file?: string; download?: string }> = {};
    const t0 = Date.now();
    for (const o of orders) {
      for (;;) {
        const s = (await (await get(o.url)).json()) as { status: string; file?: string; download?: string };
        if (s.status === 'done' || s.status === 'failed' || Date.now() - t0 > 60_000) {
          done[o.order] = s;
          break;
        }
        await new Promise((res) => setTimeout(res, 200));
      }
    }
    expect(done.W1!.status).toBe('done');
    expect(done.W1!.file).toBe('W1-keychain.3mf');
    const file = await get(done.W1!.download!);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('model/3mf');
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect((await lib3mfRead(bytes)).warnings).toEqual([]);
    const design = JSON.parse(read3mf(bytes).designJson!) as { values: Record<string, unknown> };
    expect(design.values.name).toBe('Zoë');
    expect(design.values.tag_material).toBe('pla-navy');
    const plate = JSON.parse(read3mf(new Uint8Array(await (await get(done.W2!.download!)).arrayBuffer())).designJson!) as { values: Record<string, unknown> };
    expect(plate.values).toMatchObject({ width: 120, depth: 40 }); // the model's own Size rule wins over the shared one

    // the same order again is the same job; the same order id with other contents is refused
    const again = (await (await post([{ order: 'W1', model: 'keychain', options: { Colour: 'Navy', Name: 'Zoë' } }])).json()) as { orders: { id: string; status: string }[] };
    expect(again.orders[0]).toMatchObject({ id: orders[0]!.id, status: 'done' });
    const changed = await post([{ order: 'W1', model: 'keychain', options: { Colour: 'Red', Name: 'Zoë' } }]);
    expect(changed.status).toBe(409);
    expect(worker.built().filter((b) => b.startsWith('W1@'))).toHaveLength(1);
    expect((await get('/orders/nope')).status).toBe(404);
  });

  it('bounds the request rate', async () => {
    const codes = await Promise.all(Array.from({ length: 80 }, () => get('/orders/nope').then((r) => r.status)));
    expect(codes).toContain(429);
    expect(codes).toContain(404);
  });
});

describe('atelier orders serve refuses to start', () => {
  it.each([
    ['without a token', [], {}, /needs a token: --token-file FILE or the ATELIER_ORDERS_TOKEN/],
    ['with a short token', [], { ATELIER_ORDERS_TOKEN: 'short' }, /at least 16 characters/],
    ['without --out-dir', ['--queue', 'redis://127.0.0.1:1'], { ATELIER_ORDERS_TOKEN: TOKEN }, /needs --out-dir/],
  ])('%s', async (_what, args, extra, msg) => {
    const r = await runCli(['orders', 'serve', ...(args.length ? args : ['--queue', redis.url, '--out-dir', path.join(dir, 'x')])], { env: { ...env, ATELIER_ORDERS_TOKEN: '', ...extra } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
  });

  it('with a mapping that names a parameter its model lacks', async () => {
    const bad = path.join(dir, 'bad-mapping.json');
    writeFileSync(bad, JSON.stringify({ models: { 'test-plate': { Colour: { values: { Navy: { params: { colour: 'navy' } } } } } } }));
    const r = await runCli(['orders', 'serve', '--queue', redis.url, '--out-dir', path.join(dir, 'x'), '--mapping', bad], { env: { ...env, ATELIER_ORDERS_TOKEN: TOKEN } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/option "Colour: Navy" sets parameter "colour", which model test-plate does not have/);
  });
});
