// `--fix`: a broken rule is refused with its fix to type (exit 2), and --fix applies the nearest valid design,
// builds it and says what changed, in words and in --json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../manufacturing/tools';

describe('atelier --fix', () => {
  const dir = tempDir('cli-fix');
  it('export refuses a broken rule with the fix to type, and --fix applies it', async () => {
    const out = path.join(dir, 'mug.stl');
    const r = await runCli(['export', 'mug', '--set', 'wall=1.5', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/make the wall at least 2 mm\. — try --set wall=2 \(or --fix\)/);
    expect(existsSync(out)).toBe(false);
    const f = await runCli(['export', 'mug', '--set', 'wall=1.5', '--fix', '--out', out, '--json']);
    expect(f.code, f.stderr).toBe(0);
    const j = JSON.parse(f.stdout) as { fixed: { rule: string; changes: { parameter: string; from: number; to: number }[] }[] };
    expect(j.fixed[0]!.changes[0]).toEqual({ parameter: 'wall', from: 1.5, to: 2 });
    expect(existsSync(out)).toBe(true);
  });
  it('check offers the fix of a rule over two parameters, and --fix makes the design printable', async () => {
    const r = await runCli(['check', 'vase', '--set', 'height=200', '--set', 'base_r=25', '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { fixes: { changes: { parameter: string }[] }[] };
    expect(['base_r', 'height']).toContain(j.fixes[0]!.changes[0]!.parameter);
    const f = await runCli(['check', 'vase', '--set', 'height=200', '--set', 'base_r=25', '--fix']);
    expect(f.code, f.stdout).toBe(0);
    expect(f.stdout).toMatch(/Fixed: base_r 25 → 32/);
  });
});

describe('atelier batch --fix', () => {
  const dir = tempDir('cli-batch-fix');
  it('fails a broken order with the fix to type, and with --fix makes it and records the change in report.json', async () => {
    const orders = path.join(dir, 'orders.csv');
    writeFileSync(orders, 'order,model,wall,name\nA1,mug,1.5,Ana\nA2,mug,3,Bea\n');
    const plain = path.join(dir, 'plain');
    const r = await runCli(['batch', orders, '--out-dir', plain, '--format', 'stl', '--jobs', '1']);
    expect(r.code).toBe(1);
    const rep = JSON.parse(readFileSync(path.join(plain, 'report.json'), 'utf8')) as { orders: { order: string; status: string; error?: string }[] };
    expect(rep.orders.map((o) => o.status)).toEqual(['failed', 'done']);
    expect(rep.orders[0]!.error).toContain('try --set wall=2');
    const fixedDir = path.join(dir, 'fixed');
    const f = await runCli(['batch', orders, '--out-dir', fixedDir, '--format', 'stl', '--jobs', '1', '--fix']);
    expect(f.code, f.stderr).toBe(0);
    const rf = JSON.parse(readFileSync(path.join(fixedDir, 'report.json'), 'utf8')) as { orders: { status: string; file: string; fixed?: { changes: unknown[] }[] }[] };
    expect(rf.orders.map((o) => o.status)).toEqual(['done', 'done']);
    expect(rf.orders[0]!.fixed![0]!.changes).toEqual([{ parameter: 'wall', from: 1.5, to: 2 }]);
    expect(rf.orders[1]!.fixed).toBeUndefined();
    expect(existsSync(path.join(fixedDir, rf.orders[0]!.file))).toBe(true);
  });
});
