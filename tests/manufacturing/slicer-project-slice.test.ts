// The two-colour nameplate and keychain as slicer-ready 3MF in the real PrusaSlicer: one object of the product's size,
// and a two-extruder slice (a config written here) that changes tools, prints the letter layers on the second tool
// and reaches the full height; a product in one material slices with no tool change. Small designs, 0.3 mm layers.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGeometryKernel, type GeometryKernel } from '../../core/geometry';
import { slicerProject } from '../export/slicer-fixtures';
import { prusaInfo, tempDir } from './tools';

const LAYER = 0.3;
const TWO_EXTRUDERS = [
  'bed_shape = 0x0,250x0,250x210,0x210',
  'max_print_height = 210',
  'nozzle_diameter = 0.4,0.4',
  'filament_diameter = 1.75,1.75',
  `layer_height = ${LAYER}`,
  `first_layer_height = ${LAYER}`,
  'gcode_flavor = marlin2',
].join('\n');

let kernel: GeometryKernel;
let dir: string;
beforeAll(async () => {
  kernel = await createGeometryKernel();
  dir = tempDir('slicer-slice');
  writeFileSync(path.join(dir, 'two.ini'), TWO_EXTRUDERS + '\n');
});
afterAll(() => kernel.dispose());

/** Slices with the two-extruder config; per layer height, the tools that extrude on it. */
function sliceTwo(file: string): { layers: { z: number; tools: Set<number> }[]; changes: number } {
  const out = `${file}.gcode`;
  const r = spawnSync('prusa-slicer', ['--datadir', path.join(dir, 'datadir'), '--load', path.join(dir, 'two.ini'), '--export-gcode', '--output', out, file], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, HOME: dir },
  });
  expect(r.status, `${r.stdout}${r.stderr}`.slice(-1500)).toBe(0);
  const layers: { z: number; tools: Set<number> }[] = [];
  let tool = 0;
  let changes = 0;
  let extruded = false;
  for (const line of readFileSync(out, 'utf8').split('\n')) {
    const t = /^T(\d)\s*$/.exec(line);
    if (t) {
      if (Number(t[1]) !== tool && extruded) changes++;
      tool = Number(t[1]);
      continue;
    }
    const z = /^;Z:([\d.]+)/.exec(line);
    if (z) layers.push({ z: Number(z[1]), tools: new Set() });
    else if (/^G1 .*[XY].* E[\d.]+/.test(line) && layers.length) {
      extruded = true;
      layers[layers.length - 1]!.tools.add(tool);
    }
  }
  return { layers, changes };
}

describe.each(['nameplate', 'keychain'])('%s in PrusaSlicer', (id) => {
  it('opens as one object of the product’s size', () => {
    const { b, bytes } = slicerProject(kernel, id, 'one-object');
    const f = path.join(dir, `${id}.3mf`);
    writeFileSync(f, bytes);
    const info = prusaInfo(f);
    expect(info.raw.match(/^\[.*\.3mf\]$/gm), info.raw).toHaveLength(1);
    expect(info.manifold).toBe(true);
    const size = b.bbox.max.map((v, k) => v - b.bbox.min[k]!);
    expect(info.size.x).toBeCloseTo(size[0]!, 2);
    expect(info.size.y).toBeCloseTo(size[1]!, 2);
    expect(info.size.z).toBeCloseTo(size[2]!, 2);
  });

  it('a two-extruder slice changes tools, prints the letters on the second tool and reaches the full height', () => {
    const { b, bytes } = slicerProject(kernel, id, 'one-object');
    const f = path.join(dir, `${id}-two.3mf`);
    writeFileSync(f, bytes);
    const { layers, changes } = sliceTwo(f);
    const letters = b.parts.find((p) => p.name === 'Letters')!;
    const top = b.bbox.max[2];
    expect(changes).toBeGreaterThan(0);
    // layers below the letters use the first tool only; every layer within the letters uses the second one
    for (const l of layers) {
      if (l.z < letters.bbox.min[2] - 1e-6) expect([...l.tools], `layer ${l.z}`).toEqual([0]);
      else if (l.z > letters.bbox.min[2] + LAYER / 2 && l.z <= letters.bbox.max[2]) expect(l.tools.has(1), `layer ${l.z}`).toBe(true);
    }
    expect(Math.max(...layers.map((l) => l.z))).toBeGreaterThan(top - LAYER);
  });

  it('in one material it slices with no tool change', () => {
    const same = id === 'nameplate' ? { letter_material: 'pla-white' } : { text_material: 'pla-blue' };
    const { bytes } = slicerProject(kernel, id, 'one-object', { ...(id === 'nameplate' ? { name: 'Ada', width: 80, height: 28 } : { name: 'MAX' }), ...same });
    const f = path.join(dir, `${id}-one.3mf`);
    writeFileSync(f, bytes);
    const { layers, changes } = sliceTwo(f);
    expect(changes).toBe(0);
    expect(layers.every((l) => !l.tools.has(1))).toBe(true);
  });
});
