// What the one-machine batch and the queued batch share: reading the order file, preparing the output folder, each
// order's content key, report.json (one shape for both) and the closing summary. Node only; no workers, no queue.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../core/errors';
import { readText } from '../catalog';
import type { OutFormat } from '../encode';
import { writeFileAtomicSync } from '../fs-atomic';
import { printError, printLine } from '../output';
import { atelierVersion } from '../version';
import { ordersFromCsv, ordersFromJson, type Order } from './orders';
import type { OrderResult } from './protocol';

export const REPORT = 'report.json';
/** Where workers write before renaming into the output folder: a kill leaves partial files only here. */
export const TEMP_DIR = '.atelier-tmp';

export interface ReportEntry {
  row: number;
  order: string;
  model: string;
  quantity: number;
  status: 'done' | 'skipped' | 'failed' | 'interrupted';
  file?: string;
  triangles?: number;
  bbox?: { x: number; y: number; z: number };
  volume?: number;
  mass?: number;
  cost?: number;
  currency?: string;
  error?: string;
  /** Set when the same order id appears on an earlier row. */
  note?: string;
  fixed?: unknown;
}

export function readOrders(file: string): Order[] {
  const lower = file.toLowerCase();
  if (!lower.endsWith('.csv') && !lower.endsWith('.json')) throw new UserError(`${file}: orders must be a .csv or a .json file.`);
  if (!existsSync(file)) throw new UserError(`Order file ${file} does not exist.`);
  const text = readText(file, 'Order file');
  return lower.endsWith('.csv') ? ordersFromCsv(text, file) : ordersFromJson(text, file);
}

/** What an order's file depends on: a re-run rebuilds it when any of this changes (--fix may change the design). */
export function orderKey(o: Pick<Order, 'model' | 'params' | 'materials'>, format: OutFormat, fix: boolean, more: { printer?: string; slice?: boolean } = {}): string {
  const sorted = (r: Record<string, unknown>): [string, unknown][] => Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(JSON.stringify([atelierVersion(), format, o.model, sorted(o.params), sorted(o.materials), ...(fix ? ['fix'] : []), ...(more.printer ? [`printer:${more.printer}`] : []), ...(more.slice ? ['slice'] : [])]))
    .digest('hex')
    .slice(0, 32);
}

/** Creates the output folder and its temp folder; a UserError (exit 2) if either cannot be. Returns the temp folder. */
export function prepareOutDir(outDir: string): string {
  try {
    mkdirSync(outDir, { recursive: true });
    if (!statSync(outDir).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new UserError(`Cannot use ${outDir} as the output folder: it cannot be created or is not a folder.`);
  }
  const tempDir = path.join(outDir, TEMP_DIR);
  try {
    mkdirSync(tempDir, { recursive: true });
  } catch {
    throw new UserError(`Cannot write in the output folder ${outDir}.`);
  }
  return tempDir;
}

export function removeEmptyDir(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // not empty (a write raced the stop) or already gone: swept on the next run
  }
}

/** One entry per order, every one "interrupted" until it is settled; a repeated order id gets a note. */
export function initialEntries(orders: readonly Order[], names: readonly string[]): ReportEntry[] {
  const firstRow = new Map<string, number>();
  return orders.map((o, i) => {
    const e: ReportEntry = { row: o.row, order: o.order, model: o.model, quantity: o.quantity, status: 'interrupted', file: names[i]! };
    if (o.order !== '') {
      const first = firstRow.get(o.order);
      if (first !== undefined) e.note = `order id "${o.order}" also appears on row ${first}; written to its own file`;
      else firstRow.set(o.order, o.row);
    }
    return e;
  });
}

/** Records an order's outcome in its report entry. */
export function settle(e: ReportEntry, result: OrderResult, status: 'done' | 'skipped' = 'done'): void {
  if (result.status === 'done') Object.assign(e, result, { status });
  else Object.assign(e, { status: 'failed', error: result.error, file: undefined });
}

export function writeReport(o: { input: string; outDir: string; format: OutFormat; entries: ReportEntry[]; interrupted: boolean; queue?: string }): void {
  const count = (s: string): number => o.entries.filter((e) => e.status === s).length;
  const report = {
    input: path.resolve(o.input),
    outDir: path.resolve(o.outDir),
    format: o.format,
    application: `Atelier ${atelierVersion()}`,
    ...(o.queue ? { queue: o.queue } : {}),
    finishedAt: new Date().toISOString(),
    interrupted: o.interrupted,
    total: o.entries.length,
    done: count('done'),
    skipped: count('skipped'),
    failed: count('failed'),
    orders: o.entries,
  };
  writeFileAtomicSync(path.join(o.outDir, REPORT), JSON.stringify(report, null, 2) + '\n');
}

/** The closing lines: counts, speed, where the report is, and the first failed orders. Returns the exit code. */
export function printSummary(entries: readonly ReportEntry[], outDir: string, secs: number, workers: string): number {
  const count = (s: string): number => entries.filter((e) => e.status === s).length;
  const done = count('done');
  const failed = count('failed');
  printLine(
    `Batch: ${done} built, ${count('skipped')} already done, ${failed} failed of ${entries.length} orders in ${secs.toFixed(1)} s ` +
      `(${(done / Math.max(secs, 0.001)).toFixed(1)} orders/s, ${workers}). Report: ${path.join(outDir, REPORT)}`,
  );
  for (const e of entries.filter((x) => x.status === 'failed').slice(0, 20)) printError(`  order ${e.order || '?'} (row ${e.row}): ${e.error}`);
  if (failed > 20) process.stderr.write(`  … and ${failed - 20} more in ${REPORT}\n`);
  return failed > 0 ? 1 : 0;
}

/** A progress line on a terminal (stderr), redrawn at most every 200 ms. */
export function progress(total: () => number): { tick(finished: number, failed: number, force?: boolean): void; end(): void } {
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  let lastDraw = 0;
  let drawn = false;
  return {
    tick(finished, failed, force = false) {
      if (!tty || (!force && Date.now() - lastDraw < 200)) return;
      lastDraw = Date.now();
      drawn = true;
      const secs = (Date.now() - started) / 1000;
      const rate = finished / Math.max(secs, 0.001);
      const n = total();
      const eta = rate > 0 ? Math.round((n - finished) / rate) : 0;
      process.stderr.write(`\r\x1b[2K  ${finished}/${n} orders built, ${rate.toFixed(1)}/s, ${failed} failed${finished < n ? `, about ${eta} s left` : ''}`);
    },
    end() {
      if (tty && drawn) process.stderr.write('\n');
    },
  };
}
