// Independent checkers for exported files (tools we did not write) and a runner for the real CLI, shared by
// tests/cli and tests/manufacturing: admesh, prusa-slicer (--info and a real slice, with a temp HOME) and
// @3mfconsortium/lib3mf in strict mode. Node only; test code.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = path.join(ROOT, 'cli', 'bin', 'atelier.mjs');
/** A Node stack frame: what must never reach a user. */
export const STACK_RE = /at .*\(.*:\d+:\d+\)/;

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `atelier-${prefix}-`));
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `node cli/bin/atelier.mjs ...args` to completion. */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, ATELIER_DEBUG: '', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 300_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export interface AdmeshStats {
  facets: number;
  disconnected: number;
  /** Every repair counter admesh reports; all must be 0 for a clean file. */
  repairs: Record<string, number>;
  raw: string;
}

export function admesh(file: string): AdmeshStats {
  const r = spawnSync('admesh', [file], { encoding: 'utf8', timeout: 120_000 });
  const raw = `${r.stdout}${r.stderr}`;
  const num = (label: string): number => {
    const m = new RegExp(`^${label}\\s*:\\s*(\\d+)`, 'm').exec(raw);
    if (!m) throw new Error(`admesh printed no "${label}" for ${file}:\n${raw.slice(0, 2000)}`);
    return Number(m[1]);
  };
  const repairs: Record<string, number> = {};
  for (const k of ['Degenerate facets', 'Edges fixed', 'Facets removed', 'Facets added', 'Facets reversed', 'Backwards edges', 'Normals fixed'])
    repairs[k] = num(k);
  return { facets: num('Number of facets'), disconnected: num('Total disconnected facets'), repairs, raw };
}

export interface PrusaInfo {
  manifold: boolean;
  /** Lines reporting a repair (open edges, reversed facets…): must be empty. */
  repairs: string[];
  size: { x: number; y: number; z: number };
  raw: string;
}

const prusaHome = tempDir('prusa-home');

export function prusaInfo(file: string): PrusaInfo {
  const r = spawnSync('prusa-slicer', ['--info', file], { encoding: 'utf8', timeout: 300_000, env: { ...process.env, HOME: prusaHome } });
  const raw = `${r.stdout}${r.stderr}`.split('\n').filter((l) => !l.includes('[trace]')).join('\n');
  // PrusaSlicer prints one block per object (a 3MF part); the product's size is the union of their boxes.
  const all = (k: string): number[] => [...raw.matchAll(new RegExp(`^${k} = ([-0-9.eE+]+)`, 'gm'))].map((m) => Number(m[1]));
  const span = (axis: 'x' | 'y' | 'z'): number => {
    const lo = all(`min_${axis}`);
    const hi = all(`max_${axis}`);
    if (lo.length === 0 || lo.length !== hi.length) throw new Error(`prusa-slicer --info printed no min_${axis}/max_${axis} for ${file}:\n${raw.slice(0, 2000)}`);
    return Math.max(...hi) - Math.min(...lo);
  };
  const repairs = raw.split('\n').filter((l) => /^(open_edges|degenerate_facets|edges_fixed|facets_removed|facets_added|facets_reversed|backwards_edges) =/.test(l));
  return { manifold: /^manifold = /m.test(raw) && !/^manifold = no/m.test(raw), repairs, size: { x: span('x'), y: span('y'), z: span('z') }, raw };
}

/** Slices to G-code with PrusaSlicer's defaults; returns the G-code text (throws with the log on failure). */
export function prusaSlice(file: string, outDir: string): string {
  const out = path.join(outDir, `${path.basename(file)}.gcode`);
  const r = spawnSync('prusa-slicer', ['--export-gcode', '--output', out, file], { encoding: 'utf8', timeout: 600_000, env: { ...process.env, HOME: prusaHome } });
  let g = '';
  try {
    g = readFileSync(out, 'utf8');
  } catch {
    throw new Error(`prusa-slicer did not slice ${file} (exit ${r.status}):\n${`${r.stdout}${r.stderr}`.slice(-2000)}`);
  }
  return g;
}

export interface Lib3mfReport {
  warnings: string[];
  millimetres: boolean;
  objects: { name: string; triangles: number; vertices: number; manifoldAndOriented: boolean }[];
  hasThumbnail: boolean;
}

// lib3mf ships no types: its embind API is used as documented, through `any`.
let lib: Promise<any> | undefined;
const LIB3MF = '@3mfconsortium/lib3mf';

/** Reads a 3MF with lib3mf in strict mode (throws on a read error), listing warnings and each mesh's topology. */
export async function lib3mfRead(bytes: Uint8Array): Promise<Lib3mfReport> {
  lib ??= import(LIB3MF).then((m: { default: () => Promise<any> }) => m.default());
  const M = await lib;
  const w = new M.CWrapper();
  const model = w.CreateModel();
  const reader = model.QueryReader('3mf');
  reader.SetStrictModeActive(true);
  const name = `/in-${Math.random().toString(36).slice(2)}.3mf`;
  M.FS.writeFile(name, bytes);
  try {
    reader.ReadFromFile(name);
  } finally {
    M.FS.unlink(name);
  }
  const warnings: string[] = [];
  for (let i = 0; i < reader.GetWarningCount(); i++) warnings.push(JSON.stringify(reader.GetWarning(i)));
  const objects: Lib3mfReport['objects'] = [];
  const it = model.GetMeshObjects();
  while (it.MoveNext()) {
    const m = it.GetCurrentMeshObject();
    objects.push({ name: m.GetName(), triangles: m.GetTriangleCount(), vertices: m.GetVertexCount(), manifoldAndOriented: m.IsManifoldAndOriented() });
  }
  return { warnings, millimetres: model.GetUnit() === M.eModelUnit.MilliMeter, objects, hasThumbnail: model.HasPackageThumbnailAttachment() };
}
