// What an order is on the queue: the queue's name, the job data a worker needs, and the job id made from the order id
// and its row (plus a short hash of where it goes), so a resubmitted batch finds its jobs instead of adding twins.
// Node-free apart from node:crypto; must not import bullmq (workers and the coordinator share it).
import { createHash } from 'node:crypto';
import type { OutFormat } from '../encode';

export const QUEUE_NAME = 'atelier-orders';

export interface QueueJobData {
  order: string;
  row: number;
  model: string;
  params: Record<string, unknown>;
  materials: Record<string, string>;
  /** Absolute path of the finished file in the shared output folder. */
  file: string;
  /** Temp folder on the same filesystem as `file`. */
  tempDir: string;
  format: OutFormat;
}

/**
 * `ORDER@ROW~HASH`: the order id percent-encoded (BullMQ ids must not contain ':' nor be integers), its row, and a
 * hash of the target file and the order's contents, so the same order id in another batch or folder is its own job.
 */
export function jobIdFor(d: Pick<QueueJobData, 'order' | 'row' | 'file'>, contentKey: string): string {
  const hash = createHash('sha256').update(JSON.stringify([d.file, contentKey])).digest('hex').slice(0, 12);
  return `${encodeURIComponent(d.order)}@${d.row}~${hash}`;
}
