// 1,000 personalised orders of the nameplate and keychain models to 3MF through the real CLI (`atelier batch`,
// worker threads on every core), printing orders per second (target: ≤ 60 s on this 2-core machine).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogData, listCatalog, loadModelFile } from '../cli/catalog';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NAMES = ['Ana', 'Zoë', 'François', 'Łucja', 'Björn', 'Ömer', 'Chloé', 'Jürgen', 'Noah', 'Mia', 'Søren', 'Inês', 'Gonçalo', 'Ωmega', 'Kai', 'Lea'];

export async function run(): Promise<void> {
  const data = catalogData();
  const models = listCatalog().filter((i) => /nameplate|keychain|key-chain|name-plate/.test(i.id));
  if (models.length === 0) {
    console.log('no nameplate or keychain model in the catalog: nothing to measure');
    return;
  }
  const rows: string[] = [];
  const textParams = models.map((m) => ({ id: m.id, text: loadModelFile(m.file, data).model.parameters.find((p) => p.type === 'text')?.id }));
  const cols = [...new Set(textParams.map((t) => t.text).filter((t): t is string => !!t))];
  rows.push(['order', 'model', ...cols].join(','));
  for (let i = 0; i < 1000; i++) {
    const m = textParams[i % textParams.length]!;
    // a keychain tag holds a first name; a nameplate also takes a number
    const plate = /plate/.test(m.id);
    const names = plate ? NAMES : NAMES.filter((n) => n.length <= 6);
    const name = `${names[i % names.length]}${i % 7 === 0 && plate ? ' ' + (i % 100) : ''}`;
    rows.push([`B${1000 + i}`, m.id, ...cols.map((c) => (c === m.text ? `"${name}"` : ''))].join(','));
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'atelier-batch-bench-'));
  try {
    const csv = path.join(dir, 'orders.csv');
    writeFileSync(csv, rows.join('\n') + '\n');
    const out = path.join(dir, 'out');
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [path.join(ROOT, 'cli/bin/atelier.mjs'), 'batch', csv, '--out-dir', out, '--format', '3mf'], { encoding: 'utf8' });
    const secs = (Date.now() - t0) / 1000;
    const files = readdirSync(out).filter((f) => f.endsWith('.3mf')).length;
    console.log(r.stdout.trim());
    if (r.status !== 0) console.log(`exit ${r.status}: ${r.stderr.trim().split('\n').slice(0, 5).join('\n')}`);
    console.log(`models: ${models.map((m) => m.id).join(', ')}; cores: ${availableParallelism()}`);
    console.log(`1000 orders → ${files} 3MF files in ${secs.toFixed(1)} s (process start to exit) = ${(1000 / secs).toFixed(1)} orders/s; target ≤ 60 s: ${secs <= 60 ? 'ok' : 'OVER'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
