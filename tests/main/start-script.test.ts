// `npm start` where Electron cannot run: a clear message pointing to the web app, a non-zero exit, no stack.
// ELECTRON_OVERRIDE_DIST_PATH (honoured by the electron package) points at a folder we control, so the test
// never downloads anything.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'atelier-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(env: Record<string, string>) {
  const { DISPLAY: _d, WAYLAND_DISPLAY: _w, ...rest } = process.env;
  const r = spawnSync(process.execPath, ['scripts/start.mjs', '--no-build'], { cwd: root, encoding: 'utf8', env: { ...rest, ...env }, timeout: 60_000 });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('npm start without a usable Electron', () => {
  it('says the binary is missing and how to use the web app', () => {
    const r = start({ ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'empty') });
    expect(r.status).toBe(1);
    expect(r.out).toContain("Atelier could not open its desktop window: Electron's binary is missing");
    expect(r.out).toContain('npx atelier serve');
    expect(r.out).not.toMatch(/\n\s+at /);
  });

  it('says there is no display (Linux)', () => {
    // where the electron package looks for its binary inside ELECTRON_OVERRIDE_DIST_PATH
    const pathTxt = path.join(root, 'node_modules/electron/path.txt');
    const bin = path.join(dir, existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8') : 'electron');
    mkdirSync(path.dirname(bin), { recursive: true });
    writeFileSync(bin, '#!/bin/sh\nexit 3\n');
    chmodSync(bin, 0o755);
    const r = start({ ELECTRON_OVERRIDE_DIST_PATH: dir });
    expect(r.status).toBe(1);
    if (process.platform === 'linux') expect(r.out).toContain('there is no graphical display here');
    expect(r.out).toContain('npx atelier serve');
    expect(r.out).not.toMatch(/\n\s+at /);
  });

  it('reports an Electron that dies at once', () => {
    const r = start({ ELECTRON_OVERRIDE_DIST_PATH: dir, DISPLAY: ':99' });
    expect(r.status).toBe(1);
    expect(r.out).toContain('Electron stopped right after starting (exit code 3)');
  });
});
