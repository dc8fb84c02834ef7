// A fixed pool of batch worker threads fed one order at a time. A worker that dies fails only the order it
// was building and is replaced. Node only.
import { Worker } from 'node:worker_threads';
import type { OrderJob, OrderResult, WorkerMessage } from './protocol';

/** The worker thread's entry, beside this module both in the sources and in the bundle (dist/cli/). */
export const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

export interface PoolEvents {
  onResult(job: OrderJob, result: OrderResult): void;
}

export class WorkerPool {
  private readonly queue: OrderJob[];
  private readonly workers = new Set<Worker>();
  private readonly busy = new Map<Worker, OrderJob>();
  private readonly ready = new Set<Worker>();
  private startFailures = 0;
  private stopped = false;
  private pending: number;
  private resolveDone: () => void = () => {};
  readonly done: Promise<void>;

  constructor(jobs: OrderJob[], private readonly size: number, private readonly events: PoolEvents) {
    this.queue = [...jobs];
    this.pending = jobs.length;
    this.done = new Promise((r) => (this.resolveDone = r));
    if (this.pending === 0) this.resolveDone();
    for (let i = 0; i < Math.min(size, jobs.length); i++) this.spawn();
  }

  private spawn(): void {
    const w = new Worker(ENTRY, { stdout: false, stderr: false });
    this.workers.add(w);
    w.on('message', (m: WorkerMessage) => {
      this.ready.add(w);
      if (m.type === 'result') {
        const job = this.busy.get(w);
        this.busy.delete(w);
        if (job) this.finish(job, m.result);
      }
      this.feed(w);
    });
    w.on('error', (e) => this.lost(w, e instanceof Error ? e.message : String(e)));
    w.on('exit', (code) => this.lost(w, `worker stopped (exit code ${code})`));
  }

  private feed(w: Worker): void {
    const job = this.stopped ? undefined : this.queue.shift();
    if (!job) {
      this.workers.delete(w);
      void w.terminate();
      return;
    }
    this.busy.set(w, job);
    w.postMessage(job);
  }

  private lost(w: Worker, why: string): void {
    if (!this.workers.has(w)) return;
    this.workers.delete(w);
    const job = this.busy.get(w);
    this.busy.delete(w);
    if (this.stopped) return;
    if (job) this.finish(job, { status: 'failed', error: `internal error while building this order: ${why.split('\n')[0]}` });
    if (!this.ready.has(w) && ++this.startFailures >= 3) {
      // workers cannot even start (broken install): fail what is left instead of respawning forever
      for (const j of this.queue.splice(0)) this.finish(j, { status: 'failed', error: `internal error: a batch worker could not start: ${why.split('\n')[0]}` });
      return;
    }
    if (this.queue.length > 0 && this.workers.size < this.size) this.spawn();
  }

  private finish(job: OrderJob, r: OrderResult): void {
    this.events.onResult(job, r);
    if (--this.pending === 0) this.resolveDone();
  }

  /** Stops every worker now (Ctrl-C); orders being built are abandoned (their temp files are swept by the caller). */
  async stop(): Promise<void> {
    this.stopped = true;
    const ws = [...this.workers];
    this.workers.clear();
    await Promise.all(ws.map((w) => w.terminate()));
  }
}
