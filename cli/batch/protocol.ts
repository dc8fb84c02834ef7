// Messages between `atelier batch` and its worker threads. Plain data (structured clone). Node-free.
import type { OutFormat } from '../encode';

export interface OrderJob {
  type: 'job';
  id: number;
  order: string;
  model: string;
  params: Record<string, unknown>;
  materials: Record<string, string>;
  /** Absolute output path. */
  file: string;
  /** Folder for temp files (inside the output folder, so renames stay on one filesystem). */
  tempDir: string;
  format: OutFormat;
}

export interface OrderDone {
  status: 'done';
  triangles: number;
  bbox: { x: number; y: number; z: number };
  /** mm³ */
  volume: number;
  /** grams */
  mass: number;
  cost: number;
  currency: string;
}

export interface OrderFailed {
  status: 'failed';
  error: string;
}

export type OrderResult = OrderDone | OrderFailed;

export type WorkerMessage = { type: 'ready' } | { type: 'result'; id: number; result: OrderResult };
