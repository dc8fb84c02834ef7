// The `atelier` command runs as JavaScript built by scripts/build-cli.mjs: no TypeScript is compiled when it runs.
// Proven by running it from a copy of the package that has no TypeScript sources at all (an install), and by the
// runtime dependencies, which hold neither tsx nor a link to the package itself.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'atelier-cli-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const { buildCli } = (await import(pathToFileURL(path.join(ROOT, 'scripts/build-cli.mjs')).href)) as { buildCli(): Promise<void> };
  await buildCli();
  // an installed copy: package.json, the launcher, the bundles and the catalog, nothing in TypeScript
  cpSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  mkdirSync(path.join(dir, 'cli/bin'), { recursive: true });
  cpSync(path.join(ROOT, 'cli/bin/atelier.mjs'), path.join(dir, 'cli/bin/atelier.mjs'));
  cpSync(path.join(ROOT, 'dist/cli'), path.join(dir, 'dist/cli'), { recursive: true });
  cpSync(path.join(ROOT, 'assets'), path.join(dir, 'assets'), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
}, 120_000);

const atelier = (...args: string[]) => spawnSync(process.execPath, [path.join(dir, 'cli/bin/atelier.mjs'), ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });

describe('the built atelier command', () => {
  it('runs without any TypeScript source: version, list, export', () => {
    expect(atelier('--version').stdout.trim()).toBe((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    const list = atelier('list', '--json');
    expect(list.status, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBeGreaterThan(3);
    const out = path.join(dir, 'mug.stl');
    const ex = atelier('export', 'mug', '--out', out);
    expect(ex.status, ex.stderr).toBe(0);
    expect(readFileSync(out).length).toBeGreaterThan(84);
  });

  it('needs neither tsx nor a self-link at run time', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
    expect(Object.keys(pkg.dependencies)).not.toContain('atelier');
    expect(pkg.scripts.prepare).toContain('build-cli');
  });

  it('says how to build it when the bundle is missing, without a stack trace', () => {
    const bare = path.join(dir, 'bare');
    mkdirSync(path.join(bare, 'cli/bin'), { recursive: true });
    cpSync(path.join(ROOT, 'package.json'), path.join(bare, 'package.json'));
    cpSync(path.join(ROOT, 'cli/bin/atelier.mjs'), path.join(bare, 'cli/bin/atelier.mjs'));
    const r = spawnSync(process.execPath, [path.join(bare, 'cli/bin/atelier.mjs'), '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(70);
    expect(r.stderr).toContain('run npm install');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
