// What an order is on the queue: the queue's name, the job data a worker needs, and the job id made from the order id
// and its row (plus a short hash of where it goes), so a resubmitted batch finds its jobs instead of adding twins.
// Node-free apart from node:crypto and node:path; must not import bullmq (workers and the coordinator share it).
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { OrderSpec } from '../batch/protocol';

export const QUEUE_NAME = 'atelier-orders';

/** An order on the queue: what a build needs (the batch's OrderSpec) and the row it came from. */
export interface QueueJobData extends OrderSpec {
  row: number;
}

/**
 * `ORDER@ROW~HASH`: the order id percent-encoded (BullMQ ids must not contain ':' nor be integers), its row, and a
 * hash of the target file and the order's contents, so the same order id in another batch or folder is its own job.
 */
export function jobIdFor(d: Pick<QueueJobData, 'order' | 'row' | 'file'>, contentKey: string): string {
  const hash = createHash('sha256').update(JSON.stringify([d.file, contentKey])).digest('hex').slice(0, 12);
  return `${encodeURIComponent(d.order)}@${d.row}~${hash}`;
}

/** Most tries of an order that fails with an internal error (a crash, a folder out of reach); a bad order gets one. */
export const MAX_ATTEMPTS = 3;

/**
 * Checks job data read from Redis before a worker acts on it (anyone who can reach the Redis can add jobs): the
 * fields a build needs, absolute paths, the temp folder beside the file, the extension of the format.
 * Returns the problem, or null.
 */
export function jobDataProblem(x: unknown): string | null {
  if (typeof x !== 'object' || x === null) return 'job data is not an object';
  const d = x as Record<string, unknown>;
  const isRecord = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (typeof d.order !== 'string' || typeof d.model !== 'string' || typeof d.row !== 'number') return 'job data lacks order, model or row';
  if (!isRecord(d.params) || !isRecord(d.materials)) return 'job data lacks params or materials';
  if (d.format !== '3mf' && d.format !== 'stl') return `job data has an unknown format ${JSON.stringify(d.format)}`;
  if (typeof d.file !== 'string' || !path.isAbsolute(d.file) || d.file.split(/[\\/]/).includes('..')) return 'job data has no absolute file path';
  if (!d.file.toLowerCase().endsWith(`.${d.format}`)) return `job file ${d.file} does not end in .${d.format}`;
  if (typeof d.tempDir !== 'string' || d.tempDir !== path.join(path.dirname(d.file), '.atelier-tmp')) return 'job temp folder is not beside its file';
  if (d.fix !== undefined && typeof d.fix !== 'boolean') return 'job data has a fix that is not true or false';
  if (d.printer !== undefined && (typeof d.printer !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(d.printer))) return 'job data has a printer that is not a profile id';
  if (d.slice !== undefined && typeof d.slice !== 'boolean') return 'job data has a slice that is not true or false';
  return null;
}
