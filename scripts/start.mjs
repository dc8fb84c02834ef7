#!/usr/bin/env node
// `npm start`: builds the web renderer and the main process if their sources changed, then opens the
// desktop app through electron/cli.js (which downloads Electron's binary on first run; Electron 45's
// download tooling needs Node 22.12+). If Electron cannot start (no binary, no display), it says so plainly,
// points to the web app, and exits non-zero without a stack trace. `--no-build` skips the build step;
// every other argument (e.g. `--kiosk`, a design file) goes to the app.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { desktopNodeProblem, electronFailure } from './start-diagnosis.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const appArgs = args.filter((a) => a !== '--no-build');

function fail(reason, code = 1) {
  console.error(`\nAtelier could not open its desktop window: ${reason}\n`);
  console.error('You can use Atelier in a web browser instead:');
  console.error('  npm run build:web && npx atelier serve    (then open the address it prints)\n');
  process.exit(code);
}

/** Newest modification time of any file under `dirs` (skipping tests, node_modules, dotfiles). */
function newest(dirs) {
  let t = 0;
  const walk = (d) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/\.test\.ts$/.test(e.name)) t = Math.max(t, statSync(p).mtimeMs);
    }
  };
  dirs.forEach((d) => walk(path.join(root, d)));
  return t;
}
const mtime = (f) => (existsSync(path.join(root, f)) ? statSync(path.join(root, f)).mtimeMs : 0);

if (!skipBuild) {
  const web = mtime('dist/web/index.html');
  if (web === 0 || newest(['renderer', 'core']) > web) {
    console.log('Building the web renderer…');
    const r = spawnSync('npm', ['run', '--silent', 'build:web'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (r.status !== 0) fail('the web renderer did not build (see the messages above).');
  }
  const main = Math.min(mtime('dist/main/main.cjs'), mtime('dist/main/preload.cjs'));
  if (main === 0 || newest(['main', 'core']) > main) {
    console.log('Building the main process…');
    try {
      const { buildMain } = await import('./build-main.mjs');
      await buildMain();
    } catch (e) {
      fail(`the main process did not build: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }
}

// Where is Electron's binary? Requiring `electron` downloads it on first run, which needs the Node version
// package.json names in engines["node-desktop"] (the CLI, tests and web build need only engines.node).
if (!existsSync(path.join(root, 'node_modules/electron/dist/version')) && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  const { engines } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const problem = desktopNodeProblem(process.versions.node, engines?.['node-desktop']);
  if (problem) fail(problem);
  console.log('Getting Electron (first run only; needs the internet)…');
}
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write('\\n' + require('electron'))"], { cwd: root, encoding: 'utf8' });
const binary = probe.status === 0 ? probe.stdout.trim().split('\n').at(-1) : '';
if (!binary) {
  const why = (probe.stderr || '').split('\n').find((l) => /Error|failed/i.test(l) && !/^\s+at /.test(l)) ?? 'unknown error';
  fail(`Electron's binary is not installed and could not be downloaded (${why.trim()}).`);
}
if (!existsSync(binary)) fail(`Electron's binary is missing (${binary}).`);
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
  fail('there is no graphical display here (neither DISPLAY nor WAYLAND_DISPLAY is set).');

const started = Date.now();
const child = spawn(process.execPath, [path.join(root, 'node_modules/electron/cli.js'), root, ...appArgs], { cwd: root, stdio: ['inherit', 'inherit', 'pipe'] });
let tail = '';
child.stderr.on('data', (d) => {
  process.stderr.write(d);
  tail = (tail + d.toString()).slice(-4000);
});
child.on('error', (e) => fail(`Electron could not be started (${e.message}).`));
child.on('exit', (code, signal) => {
  if (code === 0) process.exit(0);
  const early = Date.now() - started < 15_000;
  const why = electronFailure(tail);
  if (why) fail(why);
  if (early) fail(`Electron stopped right after starting (${signal ? `signal ${signal}` : `exit code ${code}`}).`);
  process.exit(code ?? 1);
});
for (const s of ['SIGINT', 'SIGTERM']) process.on(s, () => child.kill(s));
