#!/usr/bin/env node
// Launcher for the `atelier` command. Runs the JavaScript bundle dist/cli/main.mjs (built on `npm install` by
// scripts/build-cli.mjs): no TypeScript is compiled at run time. In a checkout where a source the bundle was built
// from (dist/cli/inputs.json) is newer than it, it rebuilds first (esbuild, ~0.3 s), so an edit is never run stale;
// that check is a few dozen stats made here, so a call that finds nothing stale never loads the build script.
// Last line of defence against stack traces: anything escaping main() becomes one line and exit 70.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const die = (e) => {
  process.stderr.write(`atelier: internal error: ${String(e?.message ?? e).split('\n')[0]}\n`);
  if (process.env.ATELIER_DEBUG) process.stderr.write(`${e?.stack ?? ''}\n`);
  process.exit(70);
};
process.on('uncaughtException', die);
process.on('unhandledRejection', die);
process.stdout.on('error', (e) => (e.code === 'EPIPE' ? process.exit(0) : die(e)));

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bundle = path.join(root, 'dist/cli/main.mjs');
const builder = path.join(root, 'scripts/build-cli.mjs');

/** Same rule as scripts/build-cli.mjs cliBuildIsStale(): a bundle or the input list missing, or an input newer. */
function stale() {
  const built = ['main.mjs', 'worker-entry.mjs', 'inputs.json'].map((f) => statSync(path.join(root, 'dist/cli', f), { throwIfNoEntry: false })?.mtimeMs);
  if (built.some((t) => t === undefined)) return true;
  const t = Math.min(...built);
  try {
    const inputs = JSON.parse(readFileSync(path.join(root, 'dist/cli/inputs.json'), 'utf8'));
    return !Array.isArray(inputs) || inputs.some((f) => (statSync(path.join(root, f), { throwIfNoEntry: false })?.mtimeMs ?? Infinity) > t);
  } catch {
    return true;
  }
}

try {
  if (existsSync(builder) && existsSync(path.join(root, 'cli/main.ts')) && stale()) {
    const { buildCli } = await import(pathToFileURL(builder).href);
    try {
      await buildCli();
    } catch (e) {
      process.stderr.write(`atelier: could not build the command from its sources (${String(e?.message ?? e).split('\n')[0]}); run npm install\n`);
      process.exit(70);
    }
  }
  if (!existsSync(bundle)) {
    process.stderr.write('atelier: the command is not built yet: run npm install (or node scripts/build-cli.mjs) in the Atelier folder\n');
    process.exit(70);
  }
  const { main } = await import(pathToFileURL(bundle).href);
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  die(e);
}
