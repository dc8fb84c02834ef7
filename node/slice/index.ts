// Print-shop figures for a design on a printer profile: print time, filament length and mass per filament, tool
// changes. With PrusaSlicer installed (ATELIER_PRUSA_SLICER, or prusa-slicer on PATH) the slicer's own numbers, from a
// child process with a time limit in a temporary folder that is removed afterwards; otherwise an estimate, marked as
// one. Shared by `atelier check --slice`, batch, the app (main/) and `atelier serve`: the Node-only layer. Imports core/ only.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PrinterProfile } from '../../core/check';
import { estimateFigures } from './estimate';
import { gcodeStats } from './gcode-stats';
import { prusaConfig } from './prusa-config';
import type { SlotUse } from './slots';

export { slotUses } from './slots';
export type { SlotUse } from './slots';
export { gcodeStats, parseDuration } from './gcode-stats';
export type { GcodeStats } from './gcode-stats';
export { estimateFigures, estimateToolChanges } from './estimate';
export { prusaConfig } from './prusa-config';

export interface SliceFigures {
  source: 'prusa-slicer' | 'estimate';
  /** True unless a slicer made the numbers. */
  estimate: boolean;
  printer: string;
  /** "PrusaSlicer-2.5.0+linux-x64…", when a slicer ran. */
  slicer?: string;
  layerHeight: number;
  printSeconds: number;
  toolChanges: number;
  filaments: { slot: number; material: string; name: string; lengthMm: number; grams: number }[];
  /** Why the slicer's numbers are missing, when one was found but failed. */
  note?: string;
}

export interface SliceOptions {
  /** The design's filaments (slotUses): names, densities, and volumes for the estimate. */
  slots: readonly SlotUse[];
  /** PrusaSlicer's executable; null forces the estimate; default: ATELIER_PRUSA_SLICER or prusa-slicer on PATH. */
  slicer?: string | null;
  /** Give up on the slicer after this long (then estimate), ms. Default 120 000. */
  timeoutMs?: number;
  layerHeight?: number;
  /** Copy the G-code here (tests compare it with the figures). */
  keepGcode?: string;
}

const DEFAULT_TIMEOUT_MS = 120_000;

/** The PrusaSlicer executable to use, or undefined when there is none. */
export function findPrusaSlicer(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const named = env.ATELIER_PRUSA_SLICER;
  if (named !== undefined) return named === '' || named === 'none' ? undefined : runnable(named) ? named : undefined;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const f = path.join(dir, process.platform === 'win32' ? 'prusa-slicer.exe' : 'prusa-slicer');
    if (runnable(f)) return f;
  }
  return undefined;
}

function runnable(f: string): boolean {
  try {
    accessSync(f, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** What one PrusaSlicer run gave: its figures, or why there are none. */
export type SlicerRun =
  | { kind: 'sliced'; figures: SliceFigures }
  | { kind: 'timeout'; note: string }
  | { kind: 'failed'; note: string }
  | { kind: 'aborted' };

export interface RunOptions {
  slots: readonly SlotUse[];
  timeoutMs?: number;
  layerHeight?: number;
  keepGcode?: string;
  /** Kills the slicer (a newer request superseded this one). */
  signal?: AbortSignal;
}

/**
 * Runs PrusaSlicer `exe` once on a slicer-ready 3MF (write3mf with `slicer: { layout: 'one-object', filaments }`), in a
 * temporary folder of its own (removed afterwards, whatever happens) with its own HOME, XDG folders and --datadir, so
 * the user's PrusaSlicer settings are neither read nor written; killed after `timeoutMs` or when `signal` aborts.
 */
export async function runPrusaSlicer(exe: string, bytes: Uint8Array, printer: PrinterProfile, opts: RunOptions): Promise<SlicerRun> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (opts.signal?.aborted) return { kind: 'aborted' };
  // asynchronous file work: in the app this runs in Electron's main process, which must stay responsive
  const dir = await mkdtemp(path.join(tmpdir(), 'atelier-slice-'));
  try {
    const home = path.join(dir, 'home');
    await mkdir(home);
    await writeFile(path.join(dir, 'model.3mf'), bytes);
    await writeFile(path.join(dir, 'printer.ini'), prusaConfig(printer, opts.slots, opts.layerHeight));
    const args = ['--datadir', path.join(dir, 'datadir'), '--load', 'printer.ini', '--export-gcode', '--output', 'out.gcode', 'model.3mf'];
    // HOME and XDG folders of our own: the user's PrusaSlicer settings are neither read nor written
    const env = { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home, XDG_DATA_HOME: home, LC_ALL: 'C' };
    const run = await runChild(exe, args, dir, env, timeoutMs, opts.signal);
    if (run.aborted) return { kind: 'aborted' };
    if (run.timedOut) return { kind: 'timeout', note: `PrusaSlicer took longer than ${formatLimit(timeoutMs)}` };
    let gcode: string;
    try {
      gcode = await readFile(path.join(dir, 'out.gcode'), 'utf8');
    } catch {
      return { kind: 'failed', note: `PrusaSlicer could not slice it (${lastLine(run.output) || `exit ${run.code}`})` };
    }
    if (opts.keepGcode) await copyFile(path.join(dir, 'out.gcode'), opts.keepGcode);
    const g = gcodeStats(gcode);
    const slicer = /^; generated by (.+?)(?: on \d.*)?$/m.exec(gcode)?.[1];
    return {
      kind: 'sliced',
      figures: {
        source: 'prusa-slicer',
        estimate: false,
        printer: printer.id,
        ...(slicer ? { slicer } : {}),
        layerHeight: opts.layerHeight ?? printer.layerHeight ?? 0.2,
        printSeconds: g.printSeconds,
        toolChanges: g.toolChanges,
        filaments: opts.slots.map((s) => ({ slot: s.slot, material: s.material, name: s.name, lengthMm: g.lengthMm[s.slot - 1] ?? 0, grams: g.grams[s.slot - 1] ?? 0 })),
      },
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** 120 000 → "120 s", 250 → "0.25 s". */
const formatLimit = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms / 1000} s`);

/**
 * Slices a slicer-ready 3MF (write3mf with `slicer: { layout: 'one-object', filaments }`) on `printer`. SLA printers
 * and machines without PrusaSlicer get the estimate, and so does a slice that fails (with a note saying why).
 */
export async function sliceFigures(bytes: Uint8Array, printer: PrinterProfile, opts: SliceOptions): Promise<SliceFigures> {
  const exe = opts.slicer === null ? undefined : (opts.slicer ?? findPrusaSlicer());
  if (!exe || printer.process !== 'fdm') return estimateFigures(printer, opts.slots, opts.layerHeight);
  const run = await runPrusaSlicer(exe, bytes, printer, opts);
  if (run.kind === 'sliced') return run.figures;
  return { ...estimateFigures(printer, opts.slots, opts.layerHeight), ...(run.kind === 'aborted' ? {} : { note: run.note }) };
}

function lastLine(s: string): string {
  const lines = s.split('\n').map((l) => l.trim()).filter((l) => l && !l.includes('[trace]') && !/^\d+ => /.test(l));
  return (lines[lines.length - 1] ?? '').slice(0, 200);
}

function runChild(exe: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number, signal?: AbortSignal): Promise<{ code: number | null; timedOut: boolean; aborted: boolean; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    let aborted = false;
    const child = spawn(exe, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (d: Buffer) => {
      output = (output + d.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    const abort = () => {
      aborted = true;
      child.kill('SIGKILL');
    };
    signal?.addEventListener('abort', abort, { once: true });
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    };
    child.on('error', (e) => {
      done();
      resolve({ code: null, timedOut, aborted, output: `${output}\n${e.message}` });
    });
    child.on('close', (code) => {
      done();
      resolve({ code, timedOut, aborted, output });
    });
  });
}
