// `atelier batch --queue` and `atelier worker` on a real redis-server: a worker SIGKILLed mid-run (every good order
// made once, no partial or stray file, files strict 3MF), a Redis restart mid-run, a resubmitted batch (no twins),
// bounded tries for an internal error, no retry for a bad order, --printer/--slice made by the workers, and the
// bad-argument contract.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import { unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAME } from '../../cli/queue/jobs';
import { STACK_RE, lib3mfRead, runCli, tempDir } from '../manufacturing/tools';
import { makeCatalog } from '../cli/fixtures';
import { startRedis, type RedisServer } from './redis-server';
import { startWorker, until, type WorkerProcess } from './workers';

interface Report {
  interrupted: boolean;
  total: number;
  done: number;
  skipped: number;
  failed: number;
  orders: { row: number; order: string; status: string; file?: string; error?: string; triangles?: number }[];
}

let redis: RedisServer;
let dir: string;
let env: Record<string, string>;
const workers: WorkerProcess[] = [];
const NAMES = ['Ana', 'Zoë', 'Mia', 'Łucja', 'Kai', 'Lea', 'Noah', 'Inês', 'Ömer', 'Søren'];

beforeAll(async () => {
  redis = await startRedis();
  dir = tempDir('queue');
  env = { ATELIER_ASSETS: makeCatalog(dir), ATELIER_QUEUE_RECHECK_MS: '500', ATELIER_REDIS_WAIT_MS: '3000' };
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.kill('SIGKILL')));
});
afterAll(async () => {
  await redis.stop();
});

async function worker(jobs = 1): Promise<WorkerProcess> {
  const w = await startWorker(redis.url, env, jobs);
  workers.push(w);
  return w;
}

function writeOrders(name: string, rows: string[]): string {
  const f = path.join(dir, name);
  writeFileSync(f, rows.join('\n') + '\n');
  return f;
}

const readReport = (out: string): Report => JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as Report;

describe('atelier batch --queue with atelier worker', () => {
  it('makes every good order exactly once when one of two workers is killed mid-run', async () => {
    const rows = ['order,model,name,width,depth'];
    for (let i = 0; i < 20; i++) rows.push(`K${i},keychain,${NAMES[i % NAMES.length]} ${i},,`);
    rows.push('X1,no-such-model,,,', 'X2,test-plate,,900,20', 'X3,test-plate,,30,20');
    const input = writeOrders('kill.csv', rows);
    const out = path.join(dir, 'out-kill');
    const a = await worker();
    const b = await worker();
    const batch = runCli(['batch', input, '--out-dir', out, '--queue', redis.url], { env });
    await until('worker A to build 3 orders', () => a.built().length >= 3);
    await a.kill('SIGKILL');
    const r = await batch;
    expect(r.code, r.stderr).toBe(1); // the three bad orders
    expect(r.stdout + r.stderr).not.toMatch(STACK_RE);
    const report = readReport(out);
    expect(report.interrupted).toBe(false);
    expect(report.total).toBe(23);
    expect(report.done).toBe(20);
    const failed = report.orders.filter((o) => o.status === 'failed');
    expect(failed.map((o) => o.order).sort()).toEqual(['X1', 'X2', 'X3']);
    expect(failed.find((o) => o.order === 'X1')!.error).toMatch(/no-such-model/);
    expect(failed.find((o) => o.order === 'X2')!.error).toMatch(/width/);
    expect(failed.find((o) => o.order === 'X3')!.error).toMatch(/twice as wide/);
    // once each: B built what A did not finish; nothing built twice (a kill between writing and recording aside)
    const built = [...a.built(), ...b.built()];
    expect(new Set(built).size).toBe(20);
    expect(built.length, [...a.lines, '---', ...b.lines].join('\n')).toBeLessThanOrEqual(21);
    expect(b.built().length).toBeGreaterThan(0);
    // the order A held when it died was taken back by the stalled-job check, not lost
    const q = new Queue(QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null } });
    try {
      const jobs = (await q.getJobs(['completed'])).filter((j) => String(j.id).startsWith('K'));
      expect(jobs).toHaveLength(20);
      expect(jobs.filter((j) => j.stalledCounter > 0).length).toBeGreaterThanOrEqual(1);
    } finally {
      await q.close();
    }
    // only complete files: no temp folder, no *.atelier.tmp
    const names = report.orders.filter((o) => o.status === 'done').map((o) => o.file!);
    expect(readdirSync(out).sort()).toEqual([...names, 'report.json'].sort());
    for (const f of names) {
      const l = await lib3mfRead(readFileSync(path.join(out, f)));
      expect(l.warnings, f).toEqual([]);
      for (const m of l.objects) expect(m.manifoldAndOriented, `${f} ${m.name}`).toBe(true);
    }
  });

  it('stops a worker on SIGTERM after the order it is building', async () => {
    const rows = ['order,model,name'];
    for (let i = 0; i < 6; i++) rows.push(`G${i},keychain,${NAMES[i]}`);
    const input = writeOrders('graceful.csv', rows);
    const out = path.join(dir, 'out-graceful');
    const w = await worker();
    const batch = runCli(['batch', input, '--out-dir', out, '--queue', redis.url], { env });
    await until('the first order', () => w.built().length >= 1);
    expect(await w.kill('SIGTERM')).toBe(0);
    expect(w.lines.join('\n')).toMatch(/SIGTERM: finishing the orders being built, then stopping\.\n.*(\n.*)*atelier worker: stopped\./);
    const left = w.built().length;
    expect(left).toBeLessThan(6);
    const b = await worker(); // the rest are still queued, none half made
    expect((await batch).code).toBe(0);
    expect(w.built().length + b.built().length).toBe(6);
    expect(readdirSync(out).filter((f) => f.endsWith('.3mf'))).toHaveLength(6);
  });

  it('finishes a batch across a Redis restart', async () => {
    const rows = ['order,model,width,depth'];
    for (let i = 0; i < 16; i++) rows.push(`R${i},test-plate,${40 + i},${10 + (i % 5)}`);
    const input = writeOrders('restart.csv', rows);
    const out = path.join(dir, 'out-restart');
    const w = await worker(2);
    const batch = runCli(['batch', input, '--out-dir', out, '--queue', redis.url], { env });
    await until('the first orders', () => w.built().length >= 2);
    await redis.stop();
    await new Promise((r) => setTimeout(r, 1000));
    redis = await startRedis(redis.port);
    const r = await batch;
    expect(r.code, r.stderr).toBe(0);
    const report = readReport(out);
    expect(report.done + report.skipped).toBe(16);
    expect(readdirSync(out).filter((f) => f.endsWith('.3mf'))).toHaveLength(16);
    expect(w.child.exitCode).toBeNull(); // the worker waited and reconnected
  });

  it('reuses finished jobs when a batch is resubmitted, and remakes only a missing file', async () => {
    const rows = ['order,model,width,depth'];
    for (let i = 0; i < 6; i++) rows.push(`S${i},test-plate,${50 + i},20`);
    const input = writeOrders('resubmit.csv', rows);
    const out = path.join(dir, 'out-resubmit');
    const w = await worker();
    expect((await runCli(['batch', input, '--out-dir', out, '--queue', redis.url], { env })).code).toBe(0);
    const again = await runCli(['batch', input, '--out-dir', out, '--queue', redis.url], { env });
    expect(again.stdout).toMatch(/Batch: 0 built, 6 already done, 0 failed of 6 orders/);
    expect(readReport(out).skipped).toBe(6);
    const q = new Queue(QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null } });
    try {
      const ours = (await q.getJobs(['completed', 'waiting', 'active', 'failed'])).filter((j) => String(j.id).startsWith('S'));
      expect(ours).toHaveLength(6);
    } finally {
      await q.close();
    }
    const gone = readReport(out).orders[2]!.file!;
    rmSync(path.join(out, gone));
    const third = await runCli(['batch', input, '--out-dir', out, '--queue', redis.url], { env });
    expect(third.stdout).toMatch(/Batch: 1 built, 5 already done/);
    expect(readdirSync(out)).toContain(gone);
    expect(w.built().filter((o) => o.startsWith('S'))).toHaveLength(7);
  });

  it('stops an order that keeps failing after a bounded number of tries, with its error in the report', async () => {
    const input = writeOrders('failing.csv', ['order,model,width,depth', 'F1,test-plate,60,20', 'F2,test-plate,70,20']);
    const out = path.join(dir, 'out-failing');
    mkdirSync(path.join(out, 'F1-test-plate.3mf'), { recursive: true }); // a folder where the file should go
    const w = await worker();
    const r = await runCli(['batch', input, '--out-dir', out, '--queue', redis.url], { env });
    expect(r.code).toBe(1);
    const f1 = readReport(out).orders.find((o) => o.order === 'F1')!;
    expect(f1.status).toBe('failed');
    expect(f1.error).toMatch(/F1-test-plate\.3mf is a folder.*\(after 3 tries\)/);
    expect(readReport(out).orders.find((o) => o.order === 'F2')!.status).toBe('done');
    expect(w.lines.filter((l) => /order F1 .*failed/.test(l))).toHaveLength(3);
  });

  it('fails a bad order at once, without retries, and refuses job data that is not an order', async () => {
    const out = path.join(dir, 'out-direct');
    mkdirSync(out, { recursive: true });
    await worker();
    const q = new Queue(QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null } });
    try {
      const file = path.join(out, 'D1.3mf');
      const bad = await q.add('order', { order: 'D1', row: 1, model: 'test-plate', params: { width: 30 }, materials: {}, file, tempDir: path.join(out, '.atelier-tmp'), format: '3mf' }, { jobId: 'D1@1', attempts: 3 });
      const junk = await q.add('order', { order: 'D2', row: 1, model: 'test-plate', params: {}, materials: {}, file: '/etc/passwd', tempDir: '/etc', format: '3mf' }, { jobId: 'D2@1', attempts: 3 });
      for (const job of [bad, junk]) {
        const t0 = Date.now();
        while ((await job.getState()) !== 'failed' && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 100));
      }
      const b = (await q.getJob('D1@1'))!;
      expect(await b.getState()).toBe('failed');
      expect(b.attemptsMade).toBe(1);
      expect(b.failedReason).toMatch(/twice as wide.*try --set/);
      const j = (await q.getJob('D2@1'))!;
      expect(j.attemptsMade).toBe(1);
      expect(j.failedReason).toMatch(/not an Atelier order/);
    } finally {
      await q.close();
    }
  });

  it('lays files out for --printer and reports --slice figures from the worker, as the one-machine batch does', async () => {
    const input = path.join(dir, 'slice.json');
    writeFileSync(input, JSON.stringify([{ order: 'S1', model: 'keychain', params: { name: 'MAX' } }]));
    const out = path.join(dir, 'out-slice');
    await worker();
    const r = await runCli(['batch', input, '--out-dir', out, '--queue', redis.url, '--printer', 'bambu-x1', '--slice'], { env, timeoutMs: 180_000 });
    expect(r.code, r.stderr).toBe(0);
    const e = readReport(out).orders[0]! as Report['orders'][number] & { slice?: { source: string; estimate: boolean; printSeconds: number; toolChanges: number } };
    expect(e.status).toBe('done');
    expect(e.slice).toMatchObject({ source: 'prusa-slicer', estimate: false });
    expect(e.slice!.printSeconds).toBeGreaterThan(60);
    expect(e.slice!.toolChanges, 'a two-colour keychain changes filament').toBeGreaterThan(0);
    const files = unzipSync(new Uint8Array(readFileSync(path.join(out, e.file!))));
    expect(Object.keys(files), 'laid out for Bambu Studio / OrcaSlicer').toContain('Metadata/model_settings.config');
    // the same order for another printer is another job with its own file, not the Bambu one reused
    const prusa = path.join(dir, 'out-slice-prusa');
    const again = await runCli(['batch', input, '--out-dir', prusa, '--queue', redis.url, '--printer', 'prusa-mk4'], { env });
    expect(again.code, again.stderr).toBe(0);
    const p = readReport(prusa).orders[0]! as Report['orders'][number] & { slice?: unknown };
    expect(p.slice, 'no --slice, no figures').toBeUndefined();
    expect(readReport(prusa).skipped).toBe(0);
    const bad = await runCli(['batch', input, '--out-dir', prusa, '--queue', redis.url, '--printer', 'hal-9000'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown printer "hal-9000"/);
  }, 240_000);
});

describe('queue commands refuse bad arguments', () => {
  it.each([
    [['worker'], /needs --queue/],
    [['worker', '--queue', 'redis://127.0.0.1:6379', '--jobs', '0'], /--jobs must be a whole number/],
    [['worker', '--queue', 'localhost:6379'], /must start with redis:\/\//],
    [['batch', 'x.csv', '--out-dir', 'o', '--queue', 'redis://h:1', '--jobs', '2'], /--jobs does not go with --queue/],
    [['batch', 'x.csv', '--out-dir', 'o', '--queue', 'redis://host:99999'], /--queue "redis:\/\/host:99999" is not a Redis address/],
    [['orders', 'list'], /needs a subcommand: serve/],
  ])('atelier %j', async (args, msg) => {
    const r = await runCli(args, { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('says how to start a Redis when none answers', async () => {
    const dead = await startRedis();
    await dead.stop();
    const input = writeOrders('dead.csv', ['order,model', 'A,test-plate']);
    for (const args of [['worker', '--queue', dead.url], ['batch', input, '--out-dir', path.join(dir, 'out-dead'), '--queue', dead.url]]) {
      const r = await runCli(args, { env: { ...env, ATELIER_REDIS_WAIT_MS: '500' } });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`No Redis answered at 127.0.0.1:${dead.port}.*redis-server --port ${dead.port}`));
    }
  });
});
