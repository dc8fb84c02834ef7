// `atelier batch <orders.csv | orders.json> --out-dir DIR [--format 3mf|stl] [--jobs N] [--name TEMPLATE] [--fix]`:
// one file per order built on every core, report.json, a progress line on a terminal. Interrupted runs leave only
// complete files; a re-run skips orders whose file a journal (.atelier-batch.jsonl) records as done. Node only.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { UserError } from '../../core/errors';
import { parseArgs } from '../args';
import { catalogData, readText } from '../catalog';
import type { OutFormat } from '../encode';
import { atelierVersion } from '../version';
import { sweepTempFiles, writeFileAtomicSync } from '../fs-atomic';
import { printError, printLine } from '../output';
import { DEFAULT_NAME_TEMPLATE, assignFileNames, checkTemplate, ordersFromCsv, ordersFromJson, type Order } from './orders';
import { WorkerPool } from './pool';
import type { OrderJob, OrderResult } from './protocol';

export const JOURNAL = '.atelier-batch.jsonl';
export const REPORT = 'report.json';
/** Where workers write before renaming into the output folder: a kill leaves partial files only here. */
export const TEMP_DIR = '.atelier-tmp';

interface ReportEntry {
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
}

function readOrders(file: string): Order[] {
  const lower = file.toLowerCase();
  if (!lower.endsWith('.csv') && !lower.endsWith('.json')) throw new UserError(`${file}: orders must be a .csv or a .json file.`);
  if (!existsSync(file)) throw new UserError(`Order file ${file} does not exist.`);
  const text = readText(file, 'Order file');
  return lower.endsWith('.csv') ? ordersFromCsv(text, file) : ordersFromJson(text, file);
}

/** What an order's file depends on: a re-run rebuilds it when any of this changes (--fix may change the design). */
function orderKey(o: Order, format: OutFormat, fix: boolean): string {
  const sorted = (r: Record<string, unknown>): [string, unknown][] => Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(JSON.stringify([atelierVersion(), format, o.model, sorted(o.params), sorted(o.materials), ...(fix ? ['fix'] : [])]))
    .digest('hex')
    .slice(0, 32);
}

function readJournal(dir: string): Map<string, { key: string; result: OrderResult }> {
  const m = new Map<string, { key: string; result: OrderResult }>();
  const f = path.join(dir, JOURNAL);
  if (!existsSync(f)) return m;
  for (const line of readFileSync(f, 'utf8').split('\n')) {
    try {
      const e = JSON.parse(line) as { file?: unknown; key?: unknown; result?: OrderResult };
      if (typeof e.file === 'string' && typeof e.key === 'string' && e.result?.status === 'done') m.set(e.file, { key: e.key, result: e.result });
    } catch {
      // a line torn by a kill: that order is simply built again
    }
  }
  return m;
}

function removeEmptyDir(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // not empty (a write raced the stop) or already gone: swept on the next run
  }
}

export async function runBatch(argv: string[]): Promise<number> {
  const a = parseArgs(argv, {
    command: 'batch',
    positionals: ['orders.csv | orders.json'],
    options: { 'out-dir': { kind: 'value', meta: 'DIR' }, format: { kind: 'value', choices: ['3mf', 'stl'] }, jobs: { kind: 'value', meta: 'N' }, name: { kind: 'value', meta: 'TEMPLATE' }, fix: { kind: 'flag' } },
  });
  const outDir = a.values.get('out-dir');
  if (!outDir) throw new UserError('"atelier batch" needs --out-dir DIR (the folder the order files are written to).');
  const format = (a.values.get('format') ?? '3mf') as OutFormat;
  const jobsArg = a.values.get('jobs');
  const cores = availableParallelism();
  if (jobsArg !== undefined && (!/^\d+$/.test(jobsArg) || Number(jobsArg) < 1 || Number(jobsArg) > 256))
    throw new UserError(`--jobs must be a whole number from 1 to 256 (this machine has ${cores} cores); got "${jobsArg}".`);
  const jobs = jobsArg !== undefined ? Number(jobsArg) : cores;
  const template = a.values.get('name') ?? DEFAULT_NAME_TEMPLATE;
  checkTemplate(template);
  const input = a.positionals[0]!;
  const orders = readOrders(input);
  catalogData(); // a broken catalog is bad input for the whole batch (exit 2), not a failure of every order
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
  sweepTempFiles(outDir);
  sweepTempFiles(tempDir);
  const journal = readJournal(outDir);
  const names = assignFileNames(orders, template, format);
  const firstRow = new Map<string, number>();
  const entries: ReportEntry[] = orders.map((o, i) => {
    const e: ReportEntry = { row: o.row, order: o.order, model: o.model, quantity: o.quantity, status: 'interrupted', file: names[i]! };
    if (o.order !== '') {
      const first = firstRow.get(o.order);
      if (first !== undefined) e.note = `order id "${o.order}" also appears on row ${first}; written to its own file`;
      else firstRow.set(o.order, o.row);
    }
    return e;
  });
  const todo: OrderJob[] = [];
  const fix = a.flags.has('fix');
  const keys: string[] = orders.map((o) => orderKey(o, format, fix));
  orders.forEach((o, i) => {
    const e = entries[i]!;
    if (o.error) return Object.assign(e, { status: 'failed', error: `row ${o.row}: ${o.error}`, file: undefined });
    const prev = journal.get(e.file!);
    if (prev && prev.key === keys[i] && existsSync(path.join(outDir, e.file!))) return Object.assign(e, prev.result, { status: 'skipped' });
    todo.push({ type: 'job', id: i, order: o.order, model: o.model, params: o.params, materials: o.materials, file: path.resolve(outDir, e.file!), tempDir: path.resolve(tempDir), format, fix });
  });

  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  let finished = 0;
  let failedCount = entries.filter((e) => e.status === 'failed').length;
  let lastDraw = 0;
  const draw = (force = false): void => {
    if (!tty || (!force && Date.now() - lastDraw < 200)) return;
    lastDraw = Date.now();
    const secs = (Date.now() - started) / 1000;
    const rate = finished / Math.max(secs, 0.001);
    const eta = rate > 0 ? Math.round((todo.length - finished) / rate) : 0;
    process.stderr.write(`\r\x1b[2K  ${finished}/${todo.length} orders built, ${rate.toFixed(1)}/s, ${failedCount} failed${finished < todo.length ? `, about ${eta} s left` : ''}`);
  };
  const writeReport = (interrupted: boolean): void => {
    const count = (s: string): number => entries.filter((e) => e.status === s).length;
    const report = {
      input: path.resolve(input),
      outDir: path.resolve(outDir),
      format,
      application: `Atelier ${atelierVersion()}`,
      finishedAt: new Date().toISOString(),
      interrupted,
      total: entries.length,
      done: count('done'),
      skipped: count('skipped'),
      failed: count('failed'),
      orders: entries,
    };
    writeFileAtomicSync(path.join(outDir, REPORT), JSON.stringify(report, null, 2) + '\n');
  };

  const pool = new WorkerPool(todo, Math.max(1, Math.min(jobs, todo.length)), {
    onResult(job, result) {
      const e = entries[job.id]!;
      finished++;
      if (result.status === 'done') {
        Object.assign(e, result);
        try {
          appendFileSync(path.join(outDir, JOURNAL), JSON.stringify({ file: e.file, key: keys[job.id], result }) + '\n');
        } catch {
          // without the journal the order is rebuilt on a re-run: slower, never wrong
        }
      } else {
        failedCount++;
        Object.assign(e, { status: 'failed', error: result.error, file: undefined });
      }
      draw();
    },
  });
  let stopping = false;
  const onSignal = (sig: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      await pool.stop();
      sweepTempFiles(tempDir);
      removeEmptyDir(tempDir);
      try {
        writeReport(true);
      } catch {
        // the report is a convenience; the files and the journal are what matter
      }
      if (tty) process.stderr.write('\n');
      process.stderr.write(`atelier: batch interrupted by ${sig}; ${finished} of ${todo.length} orders were built. Run the same command again to finish the rest.\n`);
      process.exit(sig === 'SIGINT' ? 130 : 143);
    })();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  await pool.done;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  removeEmptyDir(tempDir);
  draw(true);
  if (tty && todo.length > 0) process.stderr.write('\n');
  writeReport(false);
  const secs = (Date.now() - started) / 1000;
  const done = entries.filter((e) => e.status === 'done').length;
  const skipped = entries.filter((e) => e.status === 'skipped').length;
  const failed = entries.filter((e) => e.status === 'failed').length;
  printLine(
    `Batch: ${done} built, ${skipped} already done, ${failed} failed of ${entries.length} orders in ${secs.toFixed(1)} s ` +
      `(${(done / Math.max(secs, 0.001)).toFixed(1)} orders/s, ${Math.min(jobs, Math.max(1, todo.length))} workers). Report: ${path.join(outDir, REPORT)}`,
  );
  for (const e of entries.filter((x) => x.status === 'failed').slice(0, 20)) printError(`  order ${e.order || '?'} (row ${e.row}): ${e.error}`);
  if (failed > 20) process.stderr.write(`  … and ${failed - 20} more in ${REPORT}\n`);
  return failed > 0 ? 1 : 0;
}
