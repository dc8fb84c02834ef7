// The order queue's consumer in `atelier worker`: a BullMQ Worker with concurrency N whose jobs are built on N
// builder threads (builders.ts), so its lock renewals never wait for a build. A bad order fails at once
// (UnrecoverableError); an internal error is retried up to the job's attempts; a job whose worker died is taken back
// after its lock runs out (stalled-job recovery). A Redis that goes away is a log line, then a reconnect.
// Node only; imports bullmq, cli/ and core/.
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { OrderDone } from '../batch/protocol';
import { BuilderThreads } from './builders';
import { queueConnection, type RedisAddress } from './connection';
import { QUEUE_NAME, jobDataProblem, type QueueJobData } from './jobs';

export interface ConsumerConfig {
  address: RedisAddress;
  /** Orders built at once (one thread each). */
  jobs: number;
  /** How long a job's lock lasts without renewal, ms: a killed worker's order is taken back after about this. */
  lockMs: number;
  /** Names this worker in log lines ("host:pid"). */
  name: string;
  log(line: string): void;
  /** Builders cannot start (a broken install): the worker must stop. */
  fatal(why: string): void;
}

/** Copies a record from job data into a prototype-free one; a key naming an Object member is refused. */
function ownCopy<T>(r: Record<string, T>): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [k, v] of Object.entries(r)) {
    if (k in Object.prototype || k === 'prototype') throw new UnrecoverableError(`unknown parameter or part "${k}": that name is reserved`);
    out[k] = v;
  }
  return out;
}

/** An order id on one log line: a newline in it must not fake another line. */
const oneLine = (s: string): string => s.replace(/[\r\n\u2028\u2029]+/g, ' ');

export interface Consumer {
  ready: Promise<void>;
  /** Waits for the orders being built, then disconnects. */
  close(): Promise<void>;
}

export function startConsumer(cfg: ConsumerConfig): Consumer {
  const builders = new BuilderThreads(cfg.jobs, cfg.fatal);
  const processor = async (job: Job<QueueJobData, OrderDone>): Promise<OrderDone> => {
    const problem = jobDataProblem(job.data);
    if (problem) throw new UnrecoverableError(`not an Atelier order: ${problem}`);
    const d = job.data;
    const t0 = Date.now();
    const out = await builders.build({ ...d, params: ownCopy(d.params), materials: ownCopy(d.materials) });
    if (out.status === 'done') {
      cfg.log(`built order ${oneLine(d.order)} (row ${d.row}) → ${oneLine(d.file)} in ${Date.now() - t0} ms`);
      return out;
    }
    if (out.kind === 'order') throw new UnrecoverableError(out.error);
    throw new Error(out.error);
  };
  const worker = new Worker<QueueJobData, OrderDone>(QUEUE_NAME, processor, {
    connection: queueConnection(cfg.address),
    concurrency: cfg.jobs,
    lockDuration: cfg.lockMs,
    stalledInterval: cfg.lockMs,
    maxStalledCount: 2,
    autorun: false,
  });
  // one line per distinct trouble, at most every 10 s: a Redis restart must not flood the log
  let lastError = '';
  let lastErrorAt = 0;
  worker.on('error', (e: Error) => {
    const msg = e.message.split('\n')[0]!;
    if (msg === lastError && Date.now() - lastErrorAt < 10_000) return;
    lastError = msg;
    lastErrorAt = Date.now();
    cfg.log(`queue trouble, retrying: ${msg}`);
  });
  worker.on('failed', (job, e) => {
    if (!job) return;
    const tries = job.opts.attempts ?? 1;
    const final = e instanceof UnrecoverableError || job.attemptsMade >= tries;
    cfg.log(`order ${oneLine(String(job.data.order))} (row ${job.data.row}) ${final ? 'failed' : `failed, will retry (try ${job.attemptsMade} of ${tries})`}: ${oneLine(e.message)}`);
  });
  // take jobs only once the builders are warm: a job's lock starts when it is taken
  const ready = builders.ready().then(async () => {
    void worker.run().catch((e: unknown) => cfg.log(`queue worker stopped: ${(e as Error).message.split('\n')[0]}`));
    await worker.waitUntilReady();
  });
  return {
    ready,
    async close() {
      await worker.close();
      await builders.close();
    },
  };
}
