// `atelier batch <orders.csv | orders.json> --out-dir DIR [--format 3mf|stl] [--jobs N] [--name TEMPLATE] [--fix]`:
// one file per order built on every core, report.json, a progress line on a terminal. Interrupted runs leave only
// complete files; a re-run skips orders whose file a journal (.atelier-batch.jsonl) records as done. With
// --queue redis://HOST:PORT the orders go to the order queue instead (cli/queue/submit.ts). Node only.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { UserError } from '../../core/errors';
import { parseArgs } from '../args';
import { catalogData, findPrinter } from '../catalog';
import type { OutFormat } from '../encode';
import { sweepTempFiles } from '../fs-atomic';
import { DEFAULT_NAME_TEMPLATE, assignFileNames, checkTemplate } from './orders';
import { WorkerPool } from './pool';
import type { OrderJob, OrderResult } from './protocol';
import { initialEntries, orderKey, prepareOutDir, printSummary, progress, readOrders, removeEmptyDir, settle, writeReport } from './report';

export const JOURNAL = '.atelier-batch.jsonl';
export { REPORT, TEMP_DIR } from './report';

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

export async function runBatch(argv: string[]): Promise<number> {
  const a = parseArgs(argv, {
    command: 'batch',
    positionals: ['orders.csv | orders.json'],
    options: {
      'out-dir': { kind: 'value', meta: 'DIR' },
      format: { kind: 'value', choices: ['3mf', 'stl'] },
      jobs: { kind: 'value', meta: 'N' },
      name: { kind: 'value', meta: 'TEMPLATE' },
      fix: { kind: 'flag' },
      queue: { kind: 'value', meta: 'redis://HOST:PORT' },
      printer: { kind: 'value', meta: 'ID' },
      slice: { kind: 'flag' },
    },
  });
  const outDir = a.values.get('out-dir');
  if (!outDir) throw new UserError('"atelier batch" needs --out-dir DIR (the folder the order files are written to).');
  const format = (a.values.get('format') ?? '3mf') as OutFormat;
  const jobsArg = a.values.get('jobs');
  const queue = a.values.get('queue');
  if (queue !== undefined && jobsArg !== undefined)
    throw new UserError('--jobs does not go with --queue: each machine chooses its own with "atelier worker --queue ... --jobs N".');
  const cores = availableParallelism();
  if (jobsArg !== undefined && (!/^\d+$/.test(jobsArg) || Number(jobsArg) < 1 || Number(jobsArg) > 256))
    throw new UserError(`--jobs must be a whole number from 1 to 256 (this machine has ${cores} cores); got "${jobsArg}".`);
  const jobs = jobsArg !== undefined ? Number(jobsArg) : cores;
  const template = a.values.get('name') ?? DEFAULT_NAME_TEMPLATE;
  checkTemplate(template);
  const input = a.positionals[0]!;
  const fix = a.flags.has('fix');
  const printer = a.values.get('printer');
  const slice = a.flags.has('slice');
  if (printer !== undefined) findPrinter(catalogData(), printer); // an unknown printer is bad input before any work
  if (queue !== undefined)
    return (await import('../queue/submit')).submitBatch({ input, outDir, format, template, fix, queue, ...(printer !== undefined ? { printer } : {}), ...(slice ? { slice } : {}) });
  const orders = readOrders(input);
  catalogData(); // a broken catalog is bad input for the whole batch (exit 2), not a failure of every order
  const tempDir = prepareOutDir(outDir);
  sweepTempFiles(outDir);
  sweepTempFiles(tempDir);
  const journal = readJournal(outDir);
  const names = assignFileNames(orders, template, format);
  const entries = initialEntries(orders, names);
  const todo: OrderJob[] = [];
  const more = { ...(printer !== undefined ? { printer } : {}), ...(slice ? { slice } : {}) };
  const keys: string[] = orders.map((o) => orderKey(o, format, fix, more));
  orders.forEach((o, i) => {
    const e = entries[i]!;
    if (o.error) return Object.assign(e, { status: 'failed', error: `row ${o.row}: ${o.error}`, file: undefined });
    const prev = journal.get(e.file!);
    if (prev && prev.key === keys[i] && existsSync(path.join(outDir, e.file!))) return settle(e, prev.result, 'skipped');
    todo.push({ type: 'job', id: i, order: o.order, model: o.model, params: o.params, materials: o.materials, file: path.resolve(outDir, e.file!), tempDir: path.resolve(tempDir), format, fix, ...more });
  });

  const started = Date.now();
  let finished = 0;
  let failedCount = entries.filter((e) => e.status === 'failed').length;
  const bar = progress(() => todo.length);
  const report = (interrupted: boolean): void => writeReport({ input, outDir, format, entries, interrupted });

  const pool = new WorkerPool(todo, Math.max(1, Math.min(jobs, todo.length)), {
    onResult(job, result) {
      const e = entries[job.id]!;
      finished++;
      settle(e, result);
      if (result.status === 'done') {
        try {
          appendFileSync(path.join(outDir, JOURNAL), JSON.stringify({ file: e.file, key: keys[job.id], result }) + '\n');
        } catch {
          // without the journal the order is rebuilt on a re-run: slower, never wrong
        }
      } else failedCount++;
      bar.tick(finished, failedCount);
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
        report(true);
      } catch {
        // the report is a convenience; the files and the journal are what matter
      }
      bar.end();
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
  bar.tick(finished, failedCount, true);
  bar.end();
  report(false);
  const secs = (Date.now() - started) / 1000;
  return printSummary(entries, outDir, secs, `${Math.min(jobs, Math.max(1, todo.length))} workers`);
}
