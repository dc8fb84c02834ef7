#!/usr/bin/env node
// Bundles the Electron main process and preload with esbuild: main/main.ts → dist/main/main.cjs,
// main/preload.ts → dist/main/preload.cjs. `electron` stays external; everything else (core/, qrcode,
// jsonc-parser) is inlined, so the packaged app needs no node_modules. `--check` only reports staleness.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Electron 45 ships Node 22 and Chromium 140. */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  // Prefer packages' ESM entry: jsonc-parser's `main` is a UMD build whose factory require()s './impl/*'
  // at run time, which esbuild cannot see, so the bundle threw "Cannot find module './impl/format'".
  mainFields: ['module', 'main'],
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
  define: { 'process.env.NODE_ENV': '"production"' },
};

/** Writes main.cjs and preload.cjs into `outDir` (relative to the repository, or absolute). */
export async function buildMain(outDir = 'dist/main') {
  await Promise.all([
    build({ ...common, entryPoints: ['main/main.ts'], outfile: path.join(outDir, 'main.cjs') }),
    // The sandboxed preload may require only `electron`: everything else must be inlined.
    build({ ...common, entryPoints: ['main/preload.ts'], outfile: path.join(outDir, 'preload.cjs'), sourcemap: false }),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await buildMain();
    console.log('built dist/main/main.cjs and dist/main/preload.cjs');
  } catch (e) {
    console.error(`build-main failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
