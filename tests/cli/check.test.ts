// `atelier check` and export's printability gate through the real CLI: a design that fits (exit 0), one too big for
// a printer (exit 1, says so, and export refuses it unless --force), one that breaks a constraint (exit 1), bad input (2).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, STACK_RE, runCli, tempDir } from '../manufacturing/tools';
import { plateModel, writeJson } from './fixtures';

let dir: string;
let model: string;
let small: { id: string; buildVolume: { x: number; y: number; z: number } };

beforeAll(() => {
  dir = tempDir('cli-check');
  model = writeJson(dir, 'plate.model.json', plateModel());
  const pdir = path.join(ROOT, 'assets/printers');
  const printers = readdirSync(pdir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(path.join(pdir, f), 'utf8')) as typeof small);
  small = printers.sort((a, b) => a.buildVolume.x * a.buildVolume.y * a.buildVolume.z - b.buildVolume.x * b.buildVolume.y * b.buildVolume.z)[0]!;
});

const big = ['--set', 'width=300', '--set', 'depth=150', '--set', 'height=250'];

describe('atelier check', () => {
  it('a design that fits is printable (exit 0) with volume, mass and cost', async () => {
    const r = await runCli(['check', model, '--json', '--printer', small.id], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(j).toMatchObject({ model: 'test-plate', printer: small.id, printable: true, problems: [] });
    expect(j.volume as number).toBeGreaterThan(0);
    expect(j.mass as number).toBeGreaterThan(0);
    expect(j.cost as number).toBeGreaterThan(0);
    const t = await runCli(['check', model, '--printer', small.id], { cwd: dir });
    expect(t.stdout).toMatch(/printable/);
    expect(t.stdout).toMatch(/g, material/);
  });

  it('a design larger than the printer is not printable (exit 1) and says so', async () => {
    const r = await runCli(['check', model, ...big, '--printer', small.id], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/NOT printable/);
    expect(r.stdout).toMatch(/build volume|does not fit|too (big|large|tall)/i);
    expect(r.stdout + r.stderr).not.toMatch(STACK_RE);
  });

  it('export refuses an unprintable design unless --force', async () => {
    const out = path.join(dir, 'big.stl');
    const r = await runCli(['export', model, ...big, '--printer', small.id, '--out', out], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not printable.*--force/s);
    expect(existsSync(out)).toBe(false);
    const f = await runCli(['export', model, ...big, '--printer', small.id, '--force', '--out', out], { cwd: dir });
    expect(f.code, f.stderr).toBe(0);
    expect(f.stdout).toMatch(/NOT printable .*--force/);
    expect(existsSync(out)).toBe(true);
  });

  it('a design that breaks the model’s constraint is not printable (exit 1), in the model’s words', async () => {
    const r = await runCli(['check', model, '--set', 'width=30', '--set', 'depth=20', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(1);
    const j = JSON.parse(r.stdout) as { printable: boolean; problems: string[] };
    expect(j.printable).toBe(false);
    expect(j.problems).toContain('The plate must be at least twice as wide as it is deep.');
  });

  it('bad input is exit 2', async () => {
    const r = await runCli(['check', model, '--set', 'width=1e9'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/width/);
    expect(r.stderr).not.toMatch(STACK_RE);
  });
});
