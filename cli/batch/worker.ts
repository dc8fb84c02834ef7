// A batch worker thread: builds one order at a time (build-order.ts: atomic write, temp name + rename), so a killed
// batch leaves only complete files. Used by the one-machine pool (pool.ts) and by `atelier worker`'s builder threads
// (cli/queue/builders.ts), which keeps the queue's lock renewals off the thread that builds. Loaded through
// worker-entry.mjs (tsx) or the bundle dist/cli/worker-entry.mjs. Node only.
import { parentPort } from 'node:worker_threads';
import { getKernel } from '../runtime';
import { OrderBuilder } from './build-order';
import type { OrderJob, WorkerMessage } from './protocol';

const port = parentPort;
if (!port) throw new Error('cli/batch/worker.ts must run in a worker thread');
const builder = new OrderBuilder();
const post = (m: WorkerMessage): void => port.postMessage(m);
await getKernel();
port.on('message', (job: OrderJob) => {
  void builder.build(job).then((result) => post({ type: 'result', id: job.id, result }));
});
post({ type: 'ready' });
