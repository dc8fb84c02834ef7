// Finding a fix: for every catalog rule, seeded random in-range designs that break it, and the time core/fix takes to
// find the nearest valid design (target: median ≤ 20 ms per violated rule, Node). Text measuring included.
import { performance } from 'node:perf_hooks';
import { catalogData, listCatalog, loadModelFile } from '../cli/catalog';
import { getFonts } from '../cli/runtime';
import { constraintStates, findFix } from '../core/fix';
import { defaultValues, type ParameterValue } from '../core/model';
import { valueContextFor } from '../core/pipeline';

const CASES_PER_RULE = 20;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export async function run(): Promise<void> {
  const data = catalogData();
  const ctx = valueContextFor(data.materials, getFonts(data));
  const all: number[] = [];
  console.log('model'.padEnd(14), 'rule'.padStart(5), 'cases'.padStart(6), 'median ms'.padStart(10), 'max ms'.padStart(8), 'found'.padStart(6));
  for (const item of listCatalog()) {
    const { model } = loadModelFile(item.file, data);
    const random = rng(7);
    (model.constraints ?? []).forEach((_, ci) => {
      const times: number[] = [];
      let found = 0;
      for (let tries = 0; tries < 400 && times.length < CASES_PER_RULE; tries++) {
        const v: Record<string, ParameterValue> = defaultValues(model);
        for (const p of model.parameters)
          if (p.type === 'number' || p.type === 'integer') {
            const st = p.step ?? (p.type === 'integer' ? 1 : (p.max - p.min) / 100);
            v[p.id] = Math.min(p.max, Math.round((p.min + random() * (p.max - p.min)) / st) * st);
          }
        const s = constraintStates(model, v, ctx);
        if (!s || s[ci]) continue;
        const t0 = performance.now();
        const f = findFix(model, v, ci, ctx);
        times.push(performance.now() - t0);
        if (f.changes.length) found++;
      }
      if (times.length === 0) return;
      times.sort((a, b) => a - b);
      all.push(...times);
      console.log(model.id.padEnd(14), String(ci + 1).padStart(5), String(times.length).padStart(6), times[times.length >> 1]!.toFixed(2).padStart(10), times[times.length - 1]!.toFixed(2).padStart(8), `${found}/${times.length}`.padStart(6));
    });
  }
  all.sort((a, b) => a - b);
  const med = all[all.length >> 1] ?? 0;
  console.log(`all rules: median ${med.toFixed(2)} ms over ${all.length} cases (target ≤ 20 ms) ${med <= 20 ? 'OK' : 'SLOW'}`);
}
