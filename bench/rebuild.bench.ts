// Warm rebuild at preview quality for every catalog model, in Node: median and p95 per model (target: median
// ≤ 30 ms, p95 ≤ 50 ms). Each rebuild changes one number parameter, as a slider drag does, so nothing is cached.
import { performance } from 'node:perf_hooks';
import { catalogData, listCatalog, loadModelFile } from '../cli/catalog';
import { getFonts, getKernel } from '../cli/runtime';
import type { NumberParameter } from '../core/model/types';
import { prepareDesign, valueContextFor } from '../core/pipeline';

const ROUNDS = 40;

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export async function run(): Promise<void> {
  const data = catalogData();
  const fonts = getFonts(data);
  const kernel = await getKernel();
  const ctx = valueContextFor(data.materials, fonts);
  console.log('model'.padEnd(22), 'median ms'.padStart(10), 'p95 ms'.padStart(8), 'triangles'.padStart(10), ' verdict');
  for (const item of listCatalog()) {
    const { model, assets } = loadModelFile(item.file, data);
    const slider = model.parameters.find((p): p is NumberParameter => (p.type === 'number' || p.type === 'integer') && p.max > p.min);
    const times: number[] = [];
    let triangles = 0;
    for (let i = -3; i < ROUNDS; i++) {
      const input: Record<string, unknown> = {};
      if (slider) {
        const span = slider.max - slider.min;
        const t = 0.5 + 0.3 * Math.sin(i);
        const v = slider.min + span * t;
        input[slider.id] = slider.type === 'integer' ? Math.round(v) : v;
      }
      const t0 = performance.now();
      const prep = prepareDesign(model, input, ctx);
      if (prep.problems.length > 0) {
        // this value breaks a constraint of the model: use the defaults for this round
        const d = prepareDesign(model, {}, ctx);
        triangles = kernel.build({ model, scope: d.scope, quality: 'preview', materials: data.materials }, { fonts, asset: (r) => assets.get(r) }).triangles;
      } else {
        triangles = kernel.build({ model, scope: prep.scope, quality: 'preview', materials: data.materials }, { fonts, asset: (r) => assets.get(r) }).triangles;
      }
      const dt = performance.now() - t0;
      if (i >= 0) times.push(dt); // the first rounds warm the JIT and the WASM heap
    }
    times.sort((a, b) => a - b);
    const med = pct(times, 0.5);
    const p95 = pct(times, 0.95);
    const ok = med <= 30 && p95 <= 50;
    console.log(item.id.padEnd(22), med.toFixed(1).padStart(10), p95.toFixed(1).padStart(8), String(triangles).padStart(10), ok ? ' ok' : ' OVER TARGET (median ≤ 30, p95 ≤ 50)');
  }
  console.log(`live WASM objects after the run: ${kernel.liveObjects()}`);
}
