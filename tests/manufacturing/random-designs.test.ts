// Random in-range values for every catalog model (issue 11), through the real CLI: each design either builds as it
// is or `--fix` changes it to the nearest valid design, and the file made passes tools we did not write: admesh (no
// repairs, no disconnected facets), prusa-slicer --info (manifold, no repairs) and lib3mf strict (no warnings, every
// mesh manifold and oriented). The values come from a seeded generator, so a failure names a design to reproduce.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogData, listCatalog, loadModelFile } from '../../cli/catalog';
import type { Parameter } from '../../core/model/types';
import { admesh, lib3mfRead, prusaInfo, runCli, tempDir } from './tools';

/** mulberry32: a small seeded generator (the seed is printed with any failure). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A `--set` value for a parameter, anywhere its own limits allow (rules may refuse it: that is what --fix is for). */
function randomValue(p: Parameter, r: () => number): string | undefined {
  switch (p.type) {
    case 'number':
    case 'integer': {
      const step = p.step ?? (p.type === 'integer' ? 1 : (p.max - p.min) / 100);
      const n = Math.floor(r() * (Math.round((p.max - p.min) / step) + 1));
      return String(Math.min(p.max, Number((p.min + n * step).toFixed(6))));
    }
    case 'boolean':
      return r() < 0.5 ? 'true' : 'false';
    case 'choice':
      return String(p.options[Math.floor(r() * p.options.length)]!.value);
    default:
      return undefined; // text, colour and material keep their defaults: other tests cover them
  }
}

const SEED = Number(process.env.ATELIER_RANDOM_SEED ?? 20261202);
const data = catalogData();

describe('random in-range designs of every catalog model', () => {
  for (const [i, item] of listCatalog().entries()) {
    it(`${item.id}: builds, or --fix builds, a file the manufacturing tools accept (seed ${SEED + i})`, async () => {
      const { model } = loadModelFile(item.file, data);
      const r = rng(SEED + i);
      const sets = model.parameters.flatMap((p) => {
        const v = randomValue(p, r);
        return v === undefined ? [] : ['--set', `${p.id}=${v}`];
      });
      const dir = tempDir(`random-${item.id}`);
      for (const fmt of ['stl', '3mf'] as const) {
        const out = path.join(dir, `${item.id}.${fmt}`);
        // --force: a design too big for the default printer is still a file to judge; --fix: the nearest valid one
        const run = await runCli(['export', item.id, ...sets, '--fix', '--force', '--out', out], { timeoutMs: 120_000 });
        const what = `${item.id} ${sets.join(' ')}`;
        expect(run.code, `${what}: ${run.stderr}`).toBe(0);
        if (fmt === 'stl') {
          const a = admesh(out);
          expect(a.repairs, `${what}: admesh repairs`).toEqual(Object.fromEntries(Object.keys(a.repairs).map((k) => [k, 0])));
          expect(a.disconnected, `${what}: admesh disconnected facets`).toBe(0);
        } else {
          const info = prusaInfo(out);
          expect(info.manifold, `${what}: PrusaSlicer says manifold`).toBe(true);
          expect(info.repairs, `${what}: PrusaSlicer repairs`).toEqual([]);
          const l = await lib3mfRead(new Uint8Array(readFileSync(out)));
          expect(l.warnings, `${what}: lib3mf warnings`).toEqual([]);
          for (const o of l.objects) expect(o.manifoldAndOriented, `${what}: ${o.name}`).toBe(true);
        }
      }
    }, 240_000);
  }
});
