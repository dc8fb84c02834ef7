// In a checkout the launcher rebuilds the bundle when a source it was built from is newer, and only then: the build
// lists what it read (dist/cli/inputs.json, node/ included), so the check is a few stats and no folder walk.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'atelier-cli-stale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const version = () => spawnSync(process.execPath, [path.join(dir, 'cli/bin/atelier.mjs'), '--version'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
const builtAt = () => statSync(path.join(dir, 'dist/cli/main.mjs')).mtimeMs;

describe('the launcher in a checkout', () => {
  it('builds when there is no bundle, keeps a fresh one, rebuilds after an edit in node/', () => {
    for (const d of ['cli', 'core', 'node', 'scripts/build-cli.mjs', 'package.json']) cpSync(path.join(ROOT, d), path.join(dir, d), { recursive: true, filter: (f) => !f.endsWith('.test.ts') });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const first = version();
    expect(first.status, first.stderr).toBe(0);
    const inputs = JSON.parse(readFileSync(path.join(dir, 'dist/cli/inputs.json'), 'utf8')) as string[];
    expect(inputs).toContain('cli/main.ts');
    expect(inputs).toContain('node/catalog-scan.ts');
    expect(inputs.some((f) => f.startsWith('node_modules/'))).toBe(false);

    const t0 = builtAt();
    expect(version().status).toBe(0);
    expect(builtAt()).toBe(t0); // nothing changed: no rebuild

    const future = new Date(Date.now() + 60_000);
    utimesSync(path.join(dir, 'node/catalog-scan.ts'), future, future);
    const again = version();
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout.trim()).toBe(first.stdout.trim());
    expect(builtAt()).toBeGreaterThan(t0);
  }, 120_000);
});
