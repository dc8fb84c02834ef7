// Whole-process times of the `atelier` command as a user runs it (the bundled JavaScript from dist/cli), beside
// `node -e 0` in the same run. Targets on this 2-core machine: --version ≤ 100 ms, list ≤ 150 ms, export mug
// preview ≤ 250 ms, final ≤ 450 ms (issue 10). Median of several runs after one warm-up.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'cli/bin/atelier.mjs');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(args: string[], runs = 7): number {
  spawnSync(process.execPath, args, { cwd: ROOT }); // warm-up (and rebuild, if the bundle is stale)
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    t.push(performance.now() - t0);
    if (r.status !== 0 && args[0] !== '-e') throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  }
  return median(t);
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'atelier-cli-bench-'));
  try {
    const rows: [string, number, number][] = [
      ['node -e 0', time(['-e', '0']), NaN],
      ['atelier --version', time([BIN, '--version']), 100],
      ['atelier list', time([BIN, 'list']), 150],
      // export's default quality is final: the preview row names its quality
      ['atelier export mug --quality preview', time([BIN, 'export', 'mug', '--quality', 'preview', '--out', path.join(dir, 'm.stl')], 5), 250],
      ['atelier export mug --quality final', time([BIN, 'export', 'mug', '--quality', 'final', '--out', path.join(dir, 'f.stl')], 5), 450],
    ];
    for (const [what, ms, target] of rows) console.log(`${what.padEnd(40)} ${ms.toFixed(0).padStart(6)} ms${Number.isNaN(target) ? '' : `   (target ≤ ${target} ms)`}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
