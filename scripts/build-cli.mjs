#!/usr/bin/env node
// Bundles the `atelier` command with esbuild so no TypeScript is compiled when it runs: cli/main.ts →
// dist/cli/main.mjs and the batch worker thread cli/batch/worker.ts → dist/cli/worker-entry.mjs (the name
// cli/batch/pool.ts asks for beside itself). npm packages stay external (node_modules is there at run time).
// Runs on `npm install` (prepare) and, from a checkout, whenever cli/bin/atelier.mjs finds the bundle stale.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(root, 'dist/cli');
const ENTRIES = { 'main.mjs': 'cli/main.ts', 'worker-entry.mjs': 'cli/batch/worker.ts' };

/** Newest source file under cli/ and core/ (tests excluded), in ms. */
function newestSource() {
  let t = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) t = Math.max(t, statSync(p).mtimeMs);
    }
  };
  walk(path.join(root, 'cli'));
  walk(path.join(root, 'core'));
  return t;
}

/** True if a bundle is missing or older than the sources (only meaningful in a checkout, where they exist). */
export function cliBuildIsStale() {
  const files = Object.keys(ENTRIES).map((f) => path.join(OUT, f));
  if (!files.every((f) => existsSync(f))) return true;
  const built = Math.min(...files.map((f) => statSync(f).mtimeMs));
  return newestSource() > built;
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
      packages: 'external',
      logLevel: 'error',
      legalComments: 'none',
      metafile: true,
    });
    const built = Object.keys(r.metafile.outputs).map((f) => path.basename(f));
    const entries = Object.keys(ENTRIES);
    for (const f of [...built.filter((f) => !entries.includes(f)), ...entries]) renameSync(path.join(tmp, f), path.join(OUT, f));
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
