#!/usr/bin/env node
// Bundles the `atelier` command with esbuild so no TypeScript is compiled when it runs: cli/main.ts →
// dist/cli/main.mjs and the batch worker thread cli/batch/worker.ts → dist/cli/worker-entry.mjs (the name
// cli/batch/pool.ts asks for beside itself). npm packages stay external (node_modules is there at run time).
// Runs on `npm install` (prepare) and, from a checkout, whenever cli/bin/atelier.mjs finds the bundle stale.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(root, 'dist/cli');
const ENTRIES = { 'main.mjs': 'cli/main.ts', 'worker-entry.mjs': 'cli/batch/worker.ts' };

/** The sources the last build read (repo-relative), written beside the bundle by buildCli(). */
export const INPUTS_FILE = path.join(OUT, 'inputs.json');

/**
 * True if a bundle is missing or older than one of the repo's own sources it was built from (only meaningful in a
 * checkout, where they exist). Only the files the last build read are looked at (a new file matters only once an
 * import names it, and that edit is seen): a few dozen stats, no folder walk. The launcher inlines the same check
 * so a call that finds nothing stale never loads this module.
 */
export function cliBuildIsStale() {
  const files = [...Object.keys(ENTRIES).map((f) => path.join(OUT, f)), INPUTS_FILE];
  if (!files.every((f) => existsSync(f))) return true;
  const built = Math.min(...files.map((f) => statSync(f).mtimeMs));
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(INPUTS_FILE, 'utf8'));
  } catch {
    return true;
  }
  return !Array.isArray(inputs) || inputs.some((f) => (statSync(path.join(root, f), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) > built);
}

/**
 * Builds into a fresh folder, then moves the files in: chunks first (content-hashed names), entries last, each
 * by rename, so a CLI starting meanwhile never reads half a file. Code splitting keeps each command's npm
 * packages (manifold, fonts, zip, queue) out of the start of `atelier --version`.
 */
export async function buildCli() {
  const { build } = await import('esbuild'); // only when building: the CLI's start stays light
  const tmp = path.join(OUT, `.build-${process.pid}-${Date.now()}`);
  try {
    const r = await build({
      entryPoints: Object.entries(ENTRIES).map(([out, entry]) => ({ in: path.join(root, entry), out: out.replace(/\.mjs$/, '') })),
      outdir: tmp,
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunk-[hash]',
      splitting: true,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      absWorkingDir: root,
      // npm packages are bundled too: Node then loads one .mjs instead of a package's UMD/CJS build, which it would
      // first try to compile one way and then the other (opentype.js alone costs ~60 ms that way). Left outside:
      // manifold-3d (finds its .wasm beside itself) and the queue's client (bullmq, ioredis: big, and only `worker`,
      // `orders` and `batch --queue` load them).
      external: ['manifold-3d', 'bullmq', 'ioredis'],
      // jsonc-parser's `main` is a UMD build whose inner requires esbuild cannot follow: take its ES build
      alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
      logLevel: 'error',
      legalComments: 'none',
      metafile: true,
    });
    const built = Object.keys(r.metafile.outputs).map((f) => path.basename(f));
    const inputs = Object.keys(r.metafile.inputs).filter((f) => !f.startsWith('node_modules/') && !f.includes(':')).sort();
    writeFileSync(path.join(tmp, 'inputs.json'), JSON.stringify(inputs));
    const entries = Object.keys(ENTRIES);
    for (const f of [...built.filter((f) => !entries.includes(f)), ...entries, 'inputs.json']) renameSync(path.join(tmp, f), path.join(OUT, f));
    // chunks of earlier builds that no process has needed for an hour
    for (const f of readdirSync(OUT)) {
      const p = path.join(OUT, f);
      if (/^chunk-.*\.mjs$/.test(f) && !built.includes(f) && Date.now() - statSync(p).mtimeMs > 3_600_000) rmSync(p, { force: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await buildCli();
    console.log('built dist/cli/main.mjs and dist/cli/worker-entry.mjs');
  } catch (e) {
    console.error(`build-cli failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
