// Messages between `atelier batch` and its worker threads. Plain data (structured clone). Node-free.
import type { OutFormat } from '../encode';
import type { SliceJson } from '../slice/design';

/** What one order needs to be built: the same fields for a batch worker thread's job and a queue job (cli/queue/jobs.ts). */
export interface OrderSpec {
  order: string;
  model: string;
  params: Record<string, unknown>;
  materials: Record<string, string>;
  /** Absolute output path. */
  file: string;
  /** Folder for temp files (inside the output folder, so renames stay on one filesystem). */
  tempDir: string;
  format: OutFormat;
  /** --fix: a design that breaks a rule is changed to the nearest valid one (core/fix) instead of failing. */
  fix?: boolean;
  /** --printer: the printer the files are for (the 3MF project's filaments and slicer layout, and --slice). */
  printer?: string;
  /** --slice: the print shop's figures (print time, filament per material, tool changes) in the report. */
  slice?: boolean;
}

/** An order sent to a batch worker thread. */
export interface OrderJob extends OrderSpec {
  type: 'job';
  id: number;
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
  /** With --fix: each broken rule and the parameters changed to satisfy it. */
  fixed?: { rule: string; changes: { parameter: string; from: unknown; to: unknown }[]; reason?: string }[];
  /** With --slice: sliced with PrusaSlicer for the printer, or an estimate that says it is one. */
  slice?: SliceJson;
}

export interface OrderFailed {
  status: 'failed';
  error: string;
  /** `order`: the order itself is wrong (no retry helps); `internal`: a crash or an unwritable folder (a retry may help). */
  kind?: 'order' | 'internal';
}

export type OrderResult = OrderDone | OrderFailed;

export type WorkerMessage = { type: 'ready' } | { type: 'result'; id: number; result: OrderResult };
