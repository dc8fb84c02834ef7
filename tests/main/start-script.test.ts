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

describe('what npm start says when Electron cannot run', async () => {
  const { desktopNodeProblem, electronFailure } = (await import('../../scripts/start-diagnosis.mjs')) as {
    desktopNodeProblem(v: string, range: string): string;
    electronFailure(tail: string): string;
  };
  const engines = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: Record<string, string> }).engines;

  it('package.json names the Node for the CLI and tests and the Node for the desktop app', () => {
    expect(engines.node).toBe('>=20.19');
    expect(engines['node-desktop']).toBe('>=22.12');
    expect(desktopNodeProblem('20.20.2', engines['node-desktop']!)).toContain('needs Node 22.12 or newer, and this is Node 20.20.2');
    expect(desktopNodeProblem('22.12.0', engines['node-desktop']!)).toBe('');
    expect(desktopNodeProblem('24.1.0', engines['node-desktop']!)).toBe('');
  });

  it('on this Node, a first start that would download Electron says which Node it needs (or goes on to look for it)', () => {
    const r = start({});
    const tooOld = desktopNodeProblem(process.versions.node, engines['node-desktop']!) !== '';
    const installed = existsSync(path.join(root, 'node_modules/electron/dist/version'));
    if (tooOld && !installed) expect(r.out).toContain('needs Node 22.12 or newer');
    else expect(r.out).not.toContain('needs Node 22.12 or newer');
    expect(r.status).not.toBe(0); // no display in the test either way
  });

  it('recognises the SUID sandbox abort (Ubuntu 23.10+) and prints the fix, never --no-sandbox', () => {
    const tail =
      '[12345:FATAL:setuid_sandbox_host.cc(163)] The SUID sandbox helper binary was found, but is not configured correctly. ' +
      "Rather than run without sandboxing I'm aborting now. You need to make sure that /home/ana/atelier/node_modules/electron/dist/chrome-sandbox is owned by root and has mode 4755.";
    const m = electronFailure(tail);
    expect(m).toContain('sudo chown root:root /home/ana/atelier/node_modules/electron/dist/chrome-sandbox && sudo chmod 4755 /home/ana/atelier/node_modules/electron/dist/chrome-sandbox');
    expect(m).toContain('AppArmor');
    expect(m).not.toContain('--no-sandbox');
    expect(electronFailure('No usable sandbox! If you are running on Ubuntu 23.10+ ...')).toContain("Electron's sandbox could not start");
    expect(electronFailure('something else')).toBe('');
  });

  it('prints the sandbox fix when a real child prints the message (end to end through start.mjs)', () => {
    const pathTxt = path.join(root, 'node_modules/electron/path.txt');
    const sdir = path.join(dir, 'sandbox');
    const bin = path.join(sdir, existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8') : 'electron');
    mkdirSync(path.dirname(bin), { recursive: true });
    writeFileSync(bin, "#!/bin/sh\necho \"The SUID sandbox helper binary was found, but is not configured correctly. Rather than run without sandboxing I'm aborting now. You need to make sure that /x/chrome-sandbox is owned by root and has mode 4755.\" >&2\nexit 133\n");
    chmodSync(bin, 0o755);
    const r = start({ ELECTRON_OVERRIDE_DIST_PATH: sdir, DISPLAY: ':99' });
    expect(r.status).toBe(1);
    expect(r.out).toContain('sudo chown root:root /x/chrome-sandbox');
    expect(r.out).not.toContain('Electron stopped right after starting');
  });
});
