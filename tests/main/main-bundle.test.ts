// The built main process and preload, loaded the way Electron loads them: `dist/main/main.cjs` built as
// `npm start` builds it, run in a child Node process with a recording stand-in for the `electron` module
// (the binary cannot be downloaded here; see electron-stand-in.cjs). `ready` is fired, and what the bundle
// registers, creates and serves is asserted: a bundle that throws on load, as it once did, fails here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild, ROOT } from '../e2e/build';

const dir = mkdtempSync(path.join(tmpdir(), 'atelier-main-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Served { url: string; status: number; type: string; csp: boolean; bytes: number; head: string }
interface Run {
  loadError: string | null;
  requires: string[];
  calls: [string, ...unknown[]][];
  ipc: string[];
  schemesBeforeReady: boolean | null;
  errorBoxes: unknown[];
  window: { options: Record<string, any>; loads: string[] } | null;
  protocolSchemes: string[];
  served: Served[];
  permission: Record<string, boolean>;
  displayMedia: { threw: boolean; answer?: unknown; message?: string };
  windowStateOnDiskAtClose: boolean;
  crash: { reloadsRightAway: number; pages: string[]; page: string };
  exposed?: { name: string; methods: string[] };
}

function run(bundle: string, scenario: 'main' | 'preload', env: Record<string, string> = {}): Run {
  const userData = mkdtempSync(path.join(dir, 'ud-'));
  const r = spawnSync(process.execPath, [path.join(__dirname, 'electron-stand-in.cjs'), path.join(ROOT, 'dist/main', bundle), userData, ROOT, scenario], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  if (!line.startsWith('{')) throw new Error(`stand-in printed nothing: ${r.stderr}`);
  return JSON.parse(line) as Run;
}

const NODE_BUILTINS = new Set(['fs', 'path', 'util', 'stream', 'zlib', 'assert', 'buffer', 'os', 'crypto', 'events', 'url', 'http', 'net', 'child_process']);

beforeAll(async () => {
  await ensureWebBuild();
  const { buildMain } = (await import(pathToFileURL(path.join(ROOT, 'scripts/build-main.mjs')).href)) as { buildMain(out?: string): Promise<void> };
  await buildMain(); // dist/main, exactly as npm start does
}, 300_000);

describe('dist/main/main.cjs under a stand-in Electron', () => {
  let r: Run;
  beforeAll(() => {
    r = run('main.cjs', 'main');
  });

  it('loads without an error and requires only electron and Node built-ins', () => {
    expect(r.loadError).toBeNull();
    expect(r.errorBoxes).toEqual([]);
    const foreign = r.requires.filter((m) => m !== 'electron' && !m.startsWith('node:') && !NODE_BUILTINS.has(m));
    expect(foreign).toEqual([]);
  });

  it('registers the atelier scheme before ready, then its handler, every IPC channel and one window', async () => {
    expect(r.schemesBeforeReady).toBe(true);
    expect(r.protocolSchemes).toEqual(['atelier']);
    const { HOST_CHANNELS } = await import('../../core/host');
    expect([...r.ipc].sort()).toEqual(Object.values(HOST_CHANNELS).sort());
    expect(r.window?.loads).toEqual(['atelier://app/index.html']);
    const wp = r.window!.options.webPreferences;
    expect([wp.preload, wp.contextIsolation, wp.sandbox, wp.nodeIntegration]).toEqual(['preload.cjs', true, true, false]);
  });

  it('serves the real web build: the page, a script chunk, the geometry worker and the wasm, with their types', () => {
    const [index, chunk, worker, wasm] = r.served;
    expect(index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', csp: true });
    expect(chunk).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(chunk!.bytes).toBeGreaterThan(10_000);
    expect(worker).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(worker!.url).toMatch(/worker/);
    expect(wasm).toMatchObject({ status: 200, type: 'application/wasm', head: '0061736d' });
  });

  it('grants allowed permissions to the origin as Electron passes it (atelier://app/), nothing else', () => {
    expect(r.permission).toEqual({ checkWithSlash: true, checkCamera: false, checkOther: false });
  });

  it('refuses screen capture with cb(null), not cb({}) (which throws inside Electron)', () => {
    expect(r.displayMedia).toEqual({ threw: false, answer: null });
  });

  it('has the window position on disk when the close event returns', () => {
    expect(r.windowStateOnDiskAtClose).toBe(true);
  });

  it('does not reload a renderer that keeps crashing in a loop: it pauses, then shows what happened', () => {
    expect(r.crash.reloadsRightAway).toBe(0);
    expect(r.crash.pages).toHaveLength(1);
    expect(r.crash.page).toContain('Atelier stopped');
    expect(r.crash.page).not.toMatch(/<script/i);
  });

  it('shows the crash page in Portuguese on a Portuguese system', () => {
    expect(run('main.cjs', 'main', { STAND_IN_LOCALE: 'pt-BR' }).crash.page).toContain('O Atelier parou');
  });
});

describe('dist/main/preload.cjs under a stand-in Electron', () => {
  it('requires only electron and exposes one method per host call', async () => {
    const r = run('preload.cjs', 'preload');
    expect(r.loadError).toBeNull();
    expect(r.requires).toEqual(['electron']);
    const { HOST_CHANNELS, HOST_EVENTS } = await import('../../core/host');
    expect(r.exposed?.name).toBe('atelierHost');
    expect(r.exposed?.methods).toHaveLength(Object.keys(HOST_CHANNELS).length + Object.keys(HOST_EVENTS).length);
    expect(r.exposed?.methods).toEqual(expect.arrayContaining(Object.keys(HOST_CHANNELS)));
  });
});
