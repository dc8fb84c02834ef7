// `atelier batch ORDERS --out-dir DIR --queue redis://HOST:PORT`: checks every order (bad ones are reported at once,
// never queued), queues the rest with job ids from order id + row (a resubmitted batch finds its jobs: done ones
// are reused, failed ones tried again, none twice), waits for the workers with a progress line, and writes
// DIR/report.json in the one-machine batch's shape. Completion is heard from QueueEvents and re-checked every few
// seconds, so a Redis restart that loses events (or, without persistence, the jobs: they are queued again) cannot
// leave the batch waiting forever. Node only; imports bullmq, cli/ and core/.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Queue, QueueEvents, type JobsOptions } from 'bullmq';
import { OrderBuilder, classifyError } from '../batch/build-order';
import { assignFileNames } from '../batch/orders';
import type { OrderDone } from '../batch/protocol';
import { initialEntries, orderKey, prepareOutDir, printSummary, progress, readOrders, removeEmptyDir, settle, writeReport, type ReportEntry } from '../batch/report';
import type { OutFormat } from '../encode';
import { sweepTempFiles } from '../fs-atomic';
import { printError } from '../output';
import { parseRedisUrl, queueConnection, reachRedis } from './connection';
import { MAX_ATTEMPTS, QUEUE_NAME, jobIdFor, type QueueJobData } from './jobs';

export interface SubmitOptions {
  input: string;
  outDir: string;
  format: OutFormat;
  template: string;
  fix: boolean;
  queue: string;
  /** --printer: checked by the caller; every worker lays its files out for it (and slices for it with `slice`). */
  printer?: string;
  slice?: boolean;
}

/** How often pending jobs are re-read from Redis besides the events, ms. */
const RECHECK_MS = Number(process.env.ATELIER_QUEUE_RECHECK_MS ?? 2000);
const DAY_S = 86_400;

/** Options of every order job: bounded tries with back-off for internal errors; finished jobs kept a week for resubmits. */
export const JOB_OPTIONS: JobsOptions = {
  attempts: MAX_ATTEMPTS,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 7 * DAY_S },
  removeOnFail: { age: 7 * DAY_S },
};

interface Pending {
  index: number;
  data: QueueJobData;
}

/** Runs `fn` over `items` with at most `n` at a time (Redis round trips overlap on one connection). */
async function inChunks<T>(items: readonly T[], n: number, fn: (x: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += n) await Promise.all(items.slice(i, i + n).map(fn));
}

export async function submitBatch(o: SubmitOptions): Promise<number> {
  parseRedisUrl(o.queue); // a malformed address is named before anything else
  const orders = readOrders(o.input);
  const builder = new OrderBuilder(); // a broken catalog is bad input for the whole batch (exit 2)
  const address = await reachRedis(o.queue);
  const tempDir = path.resolve(prepareOutDir(o.outDir));
  sweepTempFiles(o.outDir);
  const names = assignFileNames(orders, o.template, o.format);
  const entries: ReportEntry[] = initialEntries(orders, names);
  const pending = new Map<string, Pending>();
  orders.forEach((ord, i) => {
    const e = entries[i]!;
    if (ord.error) return Object.assign(e, { status: 'failed', error: `row ${ord.row}: ${ord.error}`, file: undefined });
    try {
      builder.validate({ ...ord, fix: o.fix });
    } catch (err) {
      return Object.assign(e, { status: 'failed', error: classifyError(err).error, file: undefined });
    }
    const more = { ...(o.printer !== undefined ? { printer: o.printer } : {}), ...(o.slice ? { slice: true } : {}) };
    const data: QueueJobData = { order: ord.order, row: ord.row, model: ord.model, params: ord.params, materials: ord.materials, file: path.resolve(o.outDir, e.file!), tempDir, format: o.format, fix: o.fix, ...more };
    pending.set(jobIdFor(data, orderKey(ord, o.format, o.fix, more)), { index: i, data });
  });

  const connection = queueConnection(address);
  const queue = new Queue<QueueJobData, OrderDone, 'order'>(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  let lastTrouble = 0;
  const trouble = (e: Error): void => {
    if (Date.now() - lastTrouble < 10_000) return;
    lastTrouble = Date.now();
    printError(`atelier: waiting for the Redis at ${address.host}:${address.port} (${e.message.split('\n')[0]}); the batch goes on when it answers.`);
  };
  queue.on('error', trouble);
  events.on('error', trouble);

  const started = Date.now();
  const total = pending.size;
  let finished = 0;
  let failedCount = entries.filter((e) => e.status === 'failed').length;
  const bar = progress(() => total);
  const report = (interrupted: boolean): void => writeReport({ input: o.input, outDir: o.outDir, format: o.format, entries, interrupted, queue: `${address.host}:${address.port}` });

  let wake: () => void = () => {};
  let lastEvent = 0;
  /** Settles a job that has finished; one that is gone (a Redis restart without persistence) is queued again if `requeue`. */
  const look = async (id: string, requeue: boolean): Promise<void> => {
    const p = pending.get(id);
    if (!p) return;
    const state = await queue.getJobState(id);
    if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return;
    const job = state === 'unknown' ? undefined : await queue.getJob(id);
    if (!pending.has(id)) return; // settled meanwhile
    const e = entries[p.index]!;
    if (job && state === 'completed') {
      pending.delete(id);
      finished++;
      if (job.returnvalue?.status === 'done') settle(e, job.returnvalue);
      else {
        failedCount++;
        settle(e, { status: 'failed', error: 'internal error: the job finished without a result (another program on this queue?)' });
      }
    } else if (job && state === 'failed') {
      pending.delete(id);
      finished++;
      failedCount++;
      const tries = job.attemptsMade > 1 ? ` (after ${job.attemptsMade} tries)` : '';
      settle(e, { status: 'failed', error: `${job.failedReason || 'failed'}${tries}` });
    } else if (state === 'unknown' && requeue) await queue.add('order', p.data, { ...JOB_OPTIONS, jobId: id }); // lost with a Redis restart
    else return;
    bar.tick(finished, failedCount);
    if (pending.size === 0) wake();
  };

  let stopping = false;
  const onSignal = (sig: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    try {
      report(true);
    } catch {
      // the report is a convenience; the jobs stay queued
    }
    bar.end();
    process.stderr.write(`atelier: stopped waiting (${sig}); ${finished} of ${total} orders were made. The rest stay queued for the workers: run the same command again to collect them.\n`);
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await events.waitUntilReady(); // listen before queueing, so no completion is missed
    const finishedHere = (id: string): void => {
      lastEvent = Date.now();
      void look(id, false).catch(trouble);
    };
    events.on('completed', ({ jobId }) => finishedHere(jobId));
    events.on('failed', ({ jobId }) => finishedHere(jobId));

    // a resubmitted batch: done jobs whose file is there are reused, failed ones tried again, the rest left queued
    const fresh: string[] = [];
    await inChunks([...pending.keys()], 200, async (id) => {
      const p = pending.get(id)!;
      const job = await queue.getJob(id);
      if (!job) return void fresh.push(id);
      const state = await job.getState();
      if (state === 'completed' && job.returnvalue?.status === 'done' && existsSync(p.data.file)) {
        pending.delete(id);
        settle(entries[p.index]!, job.returnvalue, 'skipped');
      } else if (state === 'completed' || state === 'failed') {
        await job.remove();
        fresh.push(id);
      }
    });
    for (let i = 0; i < fresh.length; i += 500)
      await queue.addBulk(fresh.slice(i, i + 500).map((id) => ({ name: 'order', data: pending.get(id)!.data, opts: { ...JOB_OPTIONS, jobId: id } })));
    bar.tick(finished, failedCount, true);

    let lastSweep = Date.now();
    while (pending.size > 0) {
      await new Promise<void>((r) => {
        const t = setTimeout(() => (wake = () => {}, r()), RECHECK_MS);
        wake = () => (clearTimeout(t), (wake = () => {}), r());
      });
      // events are the fast path; re-read every open job when they have gone quiet (or at least every 15 s)
      if (pending.size === 0 || (Date.now() - lastEvent < RECHECK_MS && Date.now() - lastSweep < 15_000)) continue;
      lastSweep = Date.now();
      try {
        await inChunks([...pending.keys()], 200, (id) => look(id, true));
      } catch (e) {
        trouble(e as Error); // Redis away: try again at the next re-check
      }
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await Promise.allSettled([events.close(), queue.close()]);
  }
  bar.tick(finished, failedCount, true);
  bar.end();
  sweepTempFiles(tempDir);
  removeEmptyDir(tempDir);
  report(false);
  return printSummary(entries, o.outDir, (Date.now() - started) / 1000, `queue ${address.host}:${address.port}`);
}
