// The builder threads of `atelier worker`: N batch worker threads (cli/batch/worker.ts), each building one order at
// a time, so the thread that talks to the queue (and renews job locks) is never blocked by a build. A thread that
// dies fails only its order (as an internal error: the queue tries it again) and is replaced. Node only.
import { Worker } from 'node:worker_threads';
import { ENTRY } from '../batch/pool';
import type { OrderJob, OrderResult, OrderSpec, WorkerMessage } from '../batch/protocol';

interface Slot {
  thread: Worker;
  ready: Promise<void>;
  job?: { id: number; resolve(r: OrderResult): void };
}

export class BuilderThreads {
  private readonly slots: Slot[] = [];
  private readonly idle: Slot[] = [];
  private readonly waiting: ((s: Slot) => void)[] = [];
  private nextId = 1;
  private startFailures = 0;
  private closed = false;

  constructor(size: number, private readonly onFatal: (why: string) => void) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  /** Resolves when every thread has loaded the geometry kernel. */
  ready(): Promise<void> {
    return Promise.all(this.slots.map((s) => s.ready)).then(() => {});
  }

  private spawn(): void {
    const thread = new Worker(ENTRY, { stdout: false, stderr: false });
    let started = false;
    let markReady: () => void = () => {};
    const slot: Slot = { thread, ready: new Promise((r) => (markReady = r)) };
    this.slots.push(slot);
    thread.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') {
        started = true;
        markReady();
        this.release(slot);
      } else if (m.type === 'result' && slot.job?.id === m.id) {
        const j = slot.job;
        slot.job = undefined;
        j.resolve(m.result);
        this.release(slot);
      }
    });
    const lost = (why: string): void => {
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      this.slots.splice(i, 1);
      const k = this.idle.indexOf(slot);
      if (k >= 0) this.idle.splice(k, 1);
      slot.job?.resolve({ status: 'failed', kind: 'internal', error: `internal error while building this order: ${why.split('\n')[0]}` });
      slot.job = undefined;
      if (this.closed) return;
      if (!started && ++this.startFailures >= 3) return this.onFatal(`a builder thread could not start: ${why.split('\n')[0]}`);
      this.spawn();
    };
    thread.on('error', (e) => lost(e instanceof Error ? e.message : String(e)));
    thread.on('exit', (code) => lost(`builder stopped (exit code ${code})`));
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.idle.push(slot);
  }

  /** Builds one order on the next free thread. */
  async build(spec: OrderSpec): Promise<OrderResult> {
    const slot = this.idle.shift() ?? (await new Promise<Slot>((r) => this.waiting.push(r)));
    const id = this.nextId++;
    return new Promise<OrderResult>((resolve) => {
      slot.job = { id, resolve };
      const job: OrderJob = { type: 'job', id, ...spec };
      slot.thread.postMessage(job);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.splice(0).map((s) => s.thread.terminate()));
  }
}
