// `atelier batch` through the real CLI: a few hundred mixed orders (bad rows, unicode names, duplicate order ids),
// a SIGKILL in the middle, a re-run that finishes only the rest, and every 3MF read strictly by lib3mf.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { read3mf } from '../../core/import';
import { CLI, STACK_RE, lib3mfRead, runCli, tempDir } from '../manufacturing/tools';
import { catalogMaterialIds, makeCatalog } from './fixtures';

const NAMES = ['Jürgen', 'François', 'Łukasz', 'Ωmega', 'Zoë', 'Ana', 'Gonçalo', 'Søren', 'Ärla', 'Chloé'];
let dir: string;
let env: Record<string, string>;
let textModel: { id: string; text: string };

interface Report {
  interrupted: boolean;
  total: number;
  done: number;
  skipped: number;
  failed: number;
  orders: { row: number; order: string; status: string; file?: string; error?: string; triangles?: number; volume?: number; mass?: number; cost?: number; note?: string }[];
}

beforeAll(async () => {
  dir = tempDir('cli-batch');
  env = { ATELIER_ASSETS: makeCatalog(dir) };
  const list = JSON.parse((await runCli(['list', '--json'], { env })).stdout) as { id: string }[];
  const candidates = [...list.filter((m) => /nameplate/.test(m.id)), ...list]; // long names fit a nameplate
  for (const m of candidates) {
    const info = JSON.parse((await runCli(['info', m.id, '--json'], { env })).stdout) as { parameters: { id: string; type: string; maxLength?: number }[] };
    const t = info.parameters.find((p) => p.type === 'text' && (p.maxLength ?? 0) >= 8);
    if (t) {
      textModel = { id: m.id, text: t.id };
      break;
    }
  }
  expect(textModel, 'the catalog has a model with a text parameter').toBeDefined();
});

/** 240 orders: text-model orders with unicode names, plate orders, duplicates and 6 kinds of bad row. */
function ordersCsv(): { csv: string; bad: string[]; good: number } {
  const t = textModel.text;
  const mat = catalogMaterialIds()[0]!;
  const rows = [`order,model,quantity,${t},width,depth,colour,material:plate`];
  let good = 0;
  for (let i = 0; i < 232; i++) {
    if (i % 2 === 0) rows.push(`A${i},${textModel.id},1,"${NAMES[i % NAMES.length]} ${i}",,,,`);
    else rows.push(`A${i},test-plate,${1 + (i % 3)},,${40 + (i % 50)},${10 + (i % 10)},,${i % 4 === 1 ? mat : ''}`);
    good++;
  }
  rows.push(`A2,${textModel.id},1,"Duplicate, Ltd.",,,,`); // duplicate id of a good order: its own file
  rows.push(`A3,test-plate,1,,60,20,,`);
  good += 2;
  const bad = ['B1', 'B2', 'B3', 'B4', 'B5', 'B6'];
  rows.push('B1,no-such-model,1,,,,,');
  rows.push('B2,test-plate,1,,900,20,,');
  rows.push('B3,test-plate,1,,60,20,red,');
  rows.push('B4,test-plate,two,,60,20,,');
  rows.push('B5,test-plate,1,,60,20,,unobtainium');
  rows.push('B6,test-plate,1,,30,20,,'); // breaks the plate's constraint
  return { csv: '\uFEFF' + rows.join('\r\n') + '\r\n', bad, good };
}

describe('atelier batch', () => {
  it('survives a SIGKILL and a re-run finishes exactly the rest', async () => {
    const { csv, bad, good } = ordersCsv();
    const input = path.join(dir, 'orders.csv');
    writeFileSync(input, csv);
    const out = path.join(dir, 'out');
    const files = (): string[] => (existsSync(out) ? readdirSync(out).filter((f) => f.endsWith('.3mf')) : []);

    // first run: killed once a good part of the orders is written
    const child = spawn(process.execPath, [CLI, 'batch', input, '--out-dir', out, '--jobs', '2'], { env: { ...process.env, ...env }, stdio: 'ignore' });
    const exited = new Promise<void>((r) => child.on('exit', () => r()));
    const t0 = Date.now();
    while (files().length < 40 && Date.now() - t0 < 240_000) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGKILL');
    await exited;
    const before = files();
    expect(before.length).toBeGreaterThanOrEqual(40);
    expect(before.length).toBeLessThan(good);
    for (const f of readdirSync(out)) expect(f.startsWith('.') || f.endsWith('.3mf'), `only complete files and hidden state: ${f}`).toBe(true);
    for (const f of before) expect((await lib3mfRead(readFileSync(path.join(out, f)))).warnings).toEqual([]);

    // second run: skips what is done, builds the rest, reports the bad rows
    const r = await runCli(['batch', input, '--out-dir', out, '--jobs', '2'], { env });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(STACK_RE);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as Report;
    expect(report.interrupted).toBe(false);
    expect(report.total).toBe(good + bad.length);
    expect(report.failed).toBe(bad.length);
    expect(report.skipped).toBeGreaterThanOrEqual(before.length - 2); // at most one order per worker was written but not yet journaled
    expect(report.done + report.skipped).toBe(good);
    const failed = report.orders.filter((o) => o.status === 'failed');
    expect(failed.map((o) => o.order).sort()).toEqual(bad);
    const err = (id: string): string => failed.find((o) => o.order === id)!.error!;
    expect(err('B1')).toMatch(/no-such-model/);
    expect(err('B2')).toMatch(/width/);
    expect(err('B3')).toMatch(/colour/);
    expect(err('B4')).toMatch(/quantity "two"/);
    expect(err('B5')).toMatch(/unobtainium/);
    expect(err('B6')).toMatch(/twice as wide/);
    for (const o of failed) expect(o.file).toBeUndefined();

    // one complete, strictly valid file per good order; duplicates got their own file
    const ok = report.orders.filter((o) => o.status !== 'failed');
    const names = ok.map((o) => o.file!);
    expect(new Set(names).size).toBe(good);
    expect(files().sort()).toEqual([...names].sort());
    expect(names).toContain('A2-' + textModel.id + '-2.3mf');
    expect(report.orders.find((o) => o.file === 'A2-' + textModel.id + '-2.3mf')!.note).toMatch(/also appears on row/);
    for (const o of ok) {
      expect(o.triangles).toBeGreaterThan(0);
      expect(o.mass).toBeGreaterThan(0);
      const bytes = readFileSync(path.join(out, o.file!));
      const l = await lib3mfRead(bytes);
      expect(l.warnings, o.file).toEqual([]);
      expect(l.hasThumbnail).toBe(true);
      for (const m of l.objects) expect(m.manifoldAndOriented, `${o.file} ${m.name}`).toBe(true);
    }
    // unicode survives into the file name and the embedded design
    const lukasz = report.orders.find((o) => o.order === 'A2')!;
    expect(lukasz.file).toBe(`A2-${textModel.id}.3mf`);
    const design = JSON.parse(read3mf(readFileSync(path.join(out, lukasz.file!))).designJson!) as { values: Record<string, unknown> };
    expect(design.values[textModel.text]).toBe(`${NAMES[2]} 2`);

    // a third run has nothing left to build
    const again = await runCli(['batch', input, '--out-dir', out], { env });
    expect(again.stdout).toMatch(new RegExp(`Batch: 0 built, ${good} already done, ${bad.length} failed`));
  });

  it('Ctrl-C stops cleanly: exit 130, only complete files, an interrupted report', async () => {
    const rows = ['order,model,width,depth'];
    for (let i = 0; i < 150; i++) rows.push(`C${i},test-plate,${40 + (i % 60)},15`);
    const input = path.join(dir, 'ctrl-c.csv');
    writeFileSync(input, rows.join('\n'));
    const out = path.join(dir, 'out-c');
    const child = spawn(process.execPath, [CLI, 'batch', input, '--out-dir', out], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const code = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    const t0 = Date.now();
    while ((!existsSync(out) || readdirSync(out).filter((f) => f.endsWith('.3mf')).length < 10) && Date.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    expect(await code).toBe(130);
    expect(stderr).toMatch(/interrupted by SIGINT/);
    expect(readdirSync(out).filter((f) => !f.endsWith('.3mf')).sort()).toEqual(['.atelier-batch.jsonl', 'report.json']);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as Report;
    expect(report.interrupted).toBe(true);
    for (const f of readdirSync(out).filter((x) => x.endsWith('.3mf'))) expect((await lib3mfRead(readFileSync(path.join(out, f)))).warnings).toEqual([]);
  });

  it('JSON orders and STL output', async () => {
    const input = path.join(dir, 'orders.json');
    writeFileSync(input, JSON.stringify([
      { order: 'J1', model: 'test-plate', quantity: 2, params: { width: 80, depth: 20, stand: false } },
      { order: 'J2', model: textModel.id, params: { [textModel.text]: 'Çağrı' } },
      { order: 'J3', model: 'test-plate', params: { width: 'wide' } },
    ]));
    const out = path.join(dir, 'out-json');
    const r = await runCli(['batch', input, '--out-dir', out, '--format', 'stl', '--name', '{model}_{order}'], { env });
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as Report & { orders: { bbox?: { x: number } }[] };
    expect(report.orders.map((o) => [o.order, o.status, o.file])).toEqual([
      ['J1', 'done', 'test-plate_J1.stl'],
      ['J2', 'done', `${textModel.id}_J2.stl`],
      ['J3', 'failed', undefined],
    ]);
    expect(report.orders[0]!.bbox!.x).toBeCloseTo(80, 2);
    const bad = await runCli(['batch', path.join(dir, 'orders.csv'), '--out-dir', out, '--jobs', 'many'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--jobs must be a whole number/);
  });
});
