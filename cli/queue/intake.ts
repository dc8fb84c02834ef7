// `atelier orders serve --queue redis://HOST:PORT --out-dir DIR [--token-file FILE] [--mapping FILE] [--port N]
// [--host 127.0.0.1] [--format 3mf|stl] [--fix]`: the order intake for a web shop. POST /orders queues orders
// (intake-orders.ts) and answers each one's id and status; GET /orders/ID says how it stands, GET /orders/ID/file
// sends the file once made. Every request needs `Authorization: Bearer TOKEN` (the token from a file or
// ATELIER_ORDERS_TOKEN, compared in constant time); bodies, request rate and connections are bounded; every answer is
// JSON with a one-line message. Node only.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { Queue, type Job } from 'bullmq';
import { UserError, formatProblem, isUserError } from '../../core/errors';
import { parseArgs } from '../args';
import { OrderBuilder } from '../batch/build-order';
import type { OrderDone } from '../batch/protocol';
import { prepareOutDir } from '../batch/report';
import { readText } from '../catalog';
import type { OutFormat } from '../encode';
import { TEMP_SUFFIX } from '../fs-atomic';
import { printError, printLine } from '../output';
import { Redis } from 'ioredis';
import { queueConnection, reachRedis, redisOptions } from './connection';
import { checkMapping, jobsFromBody, type IntakeSettings } from './intake-orders';
import { QUEUE_NAME, type QueueJobData } from './jobs';
import { JOB_OPTIONS } from './submit';
import { parseMapping, type Mapping } from './mapping';
import { RateLimit } from './rate-limit';
import { FILES_KEY, pruneFileRecords } from './file-records';

/** Largest request body, bytes: hundreds of orders fit; a flood does not. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Longest wait for the queue before answering 503, ms. */
const ANSWER_WITHIN_MS = 10_000;
/** Redis hash: output file → the job that makes it, so one file never gets two different orders. */

function readToken(file: string | undefined): string {
  const t = (file !== undefined ? readText(file, 'Token file') : (process.env.ATELIER_ORDERS_TOKEN ?? '')).trim();
  if (t === '') throw new UserError('"atelier orders serve" needs a token: --token-file FILE or the ATELIER_ORDERS_TOKEN environment variable (a long random text the shop sends as "Authorization: Bearer TOKEN").');
  if (t.length < 16) throw new UserError(`The order intake token must be at least 16 characters (it has ${t.length}); make a random one, e.g. with "openssl rand -hex 24".`);
  return t;
}

/** Removes temp files older than an hour from the temp folder: what workers killed mid-write left behind. */
function sweepStaleTemps(dir: string): void {
  try {
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      if (f.endsWith(TEMP_SUFFIX) && Date.now() - statSync(p).mtimeMs > 3_600_000) unlinkSync(p);
    }
  } catch {
    // the folder is gone or shared with a slow filesystem: try again later
  }
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

function send(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(JSON.stringify(body) + '\n');
}

const fail = (res: ServerResponse, status: number, error: string, extra: object = {}, headers?: Record<string, string>): void => send(res, status, { error, ...extra }, headers);

/** Reads a body up to MAX_BODY_BYTES; undefined if it is larger (the answer is then already sent). */
function readBody(req: IncomingMessage, res: ServerResponse): Promise<string | undefined> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      fail(res, 413, `The body is larger than ${MAX_BODY_BYTES} bytes; send fewer orders at a time.`, {}, { Connection: 'close' });
      req.resume();
      return resolve(undefined);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        fail(res, 413, `The body is larger than ${MAX_BODY_BYTES} bytes; send fewer orders at a time.`, {}, { Connection: 'close' });
        req.destroy();
        resolve(undefined);
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(undefined));
  });
}

/** A job's state as the shop sees it. */
function statusOf(state: string): string {
  if (state === 'completed') return 'done';
  if (state === 'failed') return 'failed';
  if (state === 'active') return 'building';
  return 'queued';
}

export async function runIntake(argv: string[]): Promise<number> {
  const a = parseArgs(argv, {
    command: 'orders serve',
    positionals: [],
    options: {
      queue: { kind: 'value', meta: 'redis://HOST:PORT' },
      'out-dir': { kind: 'value', meta: 'DIR' },
      'token-file': { kind: 'value', meta: 'FILE' },
      mapping: { kind: 'value', meta: 'FILE' },
      port: { kind: 'value', meta: 'N' },
      host: { kind: 'value', meta: 'HOST' },
      format: { kind: 'value', choices: ['3mf', 'stl'] },
      fix: { kind: 'flag' },
    },
  });
  const url = a.values.get('queue');
  if (!url) throw new UserError('"atelier orders serve" needs --queue redis://HOST:PORT (the Redis the workers take orders from).');
  const outDir = a.values.get('out-dir');
  if (!outDir) throw new UserError('"atelier orders serve" needs --out-dir DIR (the shared folder the workers write the files to).');
  const portText = a.values.get('port') ?? '8790';
  if (!/^\d+$/.test(portText) || Number(portText) > 65535) throw new UserError(`--port must be a number from 0 to 65535; got "${portText}".`);
  const host = a.values.get('host') ?? '127.0.0.1';
  const token = digest(readToken(a.values.get('token-file')));
  const builder = new OrderBuilder();
  const mappingFile = a.values.get('mapping');
  const mapping: Mapping = mappingFile ? parseMapping(readText(mappingFile, 'Mapping file'), mappingFile) : { options: Object.create(null), models: Object.create(null) };
  if (mappingFile) checkMapping(mapping, builder, mappingFile);
  const settings: IntakeSettings = { outDir: path.resolve(outDir), tempDir: '', format: (a.values.get('format') ?? '3mf') as OutFormat, fix: a.flags.has('fix'), mapping };
  settings.tempDir = path.resolve(prepareOutDir(outDir));
  const address = await reachRedis(url);
  sweepStaleTemps(settings.tempDir);
  const sweeper = setInterval(() => sweepStaleTemps(settings.tempDir), 600_000);
  sweeper.unref();
  const queue = new Queue<QueueJobData, OrderDone, 'order'>(QUEUE_NAME, { connection: queueConnection(address) });
  const client = new Redis(redisOptions(address));
  let lastTrouble = 0;
  const trouble = (e: Error): void => {
    if (Date.now() - lastTrouble < 10_000) return;
    lastTrouble = Date.now();
    printError(`atelier orders: waiting for the Redis at ${address.host}:${address.port} (${e.message.split('\n')[0]})`);
  };
  queue.on('error', trouble);
  client.on('error', trouble);
  const prune = (): void =>
    void pruneFileRecords(client, async (id) => (await queue.getJob(id)) !== undefined, existsSync).catch(trouble);
  prune();
  const pruner = setInterval(prune, 6 * 3_600_000);
  pruner.unref();
  const limit = new RateLimit(Number(process.env.ATELIER_ORDERS_RATE ?? 20));

  const describe = async (job: Job<QueueJobData, OrderDone, 'order'>): Promise<object> => {
    const status = statusOf(await job.getState());
    const id = String(job.id);
    const done = status === 'done' && job.returnvalue?.status === 'done' ? job.returnvalue : undefined;
    return {
      id,
      order: job.data.order,
      model: job.data.model,
      status,
      url: `/orders/${encodeURIComponent(id)}`,
      ...(done ? { file: path.basename(job.data.file), download: `/orders/${encodeURIComponent(id)}/file`, triangles: done.triangles, mass: done.mass, cost: done.cost, currency: done.currency } : {}),
      ...(status === 'failed' ? { error: job.failedReason } : {}),
    };
  };

  const post = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return fail(res, 415, 'Send the orders as JSON with "Content-Type: application/json".');
    const text = await readBody(req, res);
    if (text === undefined) return;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (e) {
      return fail(res, 400, `The body is not valid JSON: ${(e as Error).message.split('\n')[0]}.`);
    }
    let jobs;
    try {
      jobs = jobsFromBody(body, settings, builder);
    } catch (e) {
      if (!isUserError(e)) throw e;
      const problems = e.problems.map(formatProblem);
      return fail(res, 400, problems[0]!, { problems });
    }
    for (const j of jobs) {
      const owner = (await client.hsetnx(FILES_KEY, j.data.file, j.id)) === 1 ? j.id : await client.hget(FILES_KEY, j.data.file);
      if (owner !== j.id) return fail(res, 409, `order ${JSON.stringify(j.data.order)} was already accepted with other contents (job ${owner}); give a changed order a new order id.`);
    }
    await queue.addBulk(jobs.map((j) => ({ name: 'order' as const, data: j.data, opts: { ...JOB_OPTIONS, jobId: j.id } })));
    const orders = await Promise.all(
      jobs.map(async (j) => {
        const job = await queue.getJob(j.id);
        return job ? describe(job) : { id: j.id, order: j.data.order, status: 'queued' };
      }),
    );
    send(res, 202, { orders });
  };

  const get = async (res: ServerResponse, id: string, wantsFile: boolean): Promise<void> => {
    const job = await queue.getJob(id);
    if (!job || path.dirname(job.data.file) !== settings.outDir) return fail(res, 404, `No order ${JSON.stringify(id)} here; POST /orders answers each order's id.`);
    const info = (await describe(job)) as { status: string };
    if (!wantsFile) return send(res, 200, info);
    if (info.status !== 'done' || !existsSync(job.data.file)) return fail(res, 409, `Order ${JSON.stringify(job.data.order)} is ${info.status}, not done yet.`, info);
    const type = job.data.format === '3mf' ? 'model/3mf' : 'model/stl';
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': String(statSync(job.data.file).size), 'Content-Disposition': `attachment; filename="${path.basename(job.data.file).replace(/[^\w.-]/g, '_')}"`, 'X-Content-Type-Options': 'nosniff' });
    createReadStream(job.data.file).pipe(res);
  };

  const server = createServer((req, res) => {
    // a Redis that is away makes queue calls wait for it; the shop gets a 503 to retry (resubmits are idempotent)
    const slow = setTimeout(() => fail(res, 503, 'The order queue is not answering right now; send again shortly.', {}, { 'Retry-After': '5' }), ANSWER_WITHIN_MS);
    res.once('close', () => clearTimeout(slow));
    void (async () => {
      if (!limit.take(req.socket.remoteAddress ?? '?')) return fail(res, 429, 'Too many requests; wait a second and send again.', {}, { 'Retry-After': '1' });
      const auth = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim() ?? '';
      if (!timingSafeEqual(digest(auth), token)) return fail(res, 401, 'Missing or wrong token: send "Authorization: Bearer TOKEN".', {}, { 'WWW-Authenticate': 'Bearer' });
      const u = new URL(req.url ?? '/', 'http://intake');
      const m = /^\/orders(?:\/([^/]+)(\/file)?)?\/?$/.exec(u.pathname);
      if (!m) return fail(res, 404, 'Not found: use POST /orders, GET /orders/ID or GET /orders/ID/file.');
      if (m[1] === undefined) return req.method === 'POST' ? post(req, res) : fail(res, 405, 'Use POST /orders to send orders.', {}, { Allow: 'POST' });
      if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'Use GET for an order.', {}, { Allow: 'GET' });
      let id: string;
      try {
        id = decodeURIComponent(m[1]);
      } catch {
        return fail(res, 404, 'That order id is malformed.');
      }
      return get(res, id, m[2] !== undefined);
    })().catch((e: unknown) => fail(res, 503, `The order queue cannot be reached right now (${(e as Error).message.split('\n')[0]}); try again shortly.`, {}, { 'Retry-After': '5' }));
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  server.maxConnections = 256;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(new UserError(e.code === 'EADDRINUSE' ? `Port ${portText} on ${host} is in use; choose another with --port.` : `Cannot listen on ${host}:${portText} (${e.code ?? e.message}).`)),
    );
    server.listen(Number(portText), host, () => resolve());
  });
  const bound = (server.address() as { port: number }).port;
  printLine(`Order intake listening on http://${host.includes(':') ? `[${host}]` : host}:${bound}/orders (queue ${address.host}:${address.port}, files in ${settings.outDir}); Ctrl-C to stop`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  server.close();
  server.closeAllConnections();
  await Promise.allSettled([queue.close(), client.quit()]);
  return 0;
}
