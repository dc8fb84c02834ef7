// Designer mesh parts that are not closed solids: a missing triangle (open edges) and a flipped face are refused
// in one line naming the file and the counts (exit 2 from `atelier export`, no "internal error"); a consistently
// inside-out cube is turned the right way out (positive volume) and says so; duplicate 3MF-style vertices merge.
import { copyFileSync, cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMeshChecked } from '../../core/import/read-mesh';
import { createGeometryKernel } from '../../core/geometry';
import { UserError } from '../../core/errors';
import { defaultValues, evaluateScope } from '../../core/model';
import { valueContextFor } from '../../core/pipeline';
import { ASSETS, loadCatalog } from '../catalog/catalog-support';
import { STACK_RE, runCli, tempDir } from '../manufacturing/tools';

type Tri = [number[], number[], number[]];
const C = [[0, 0, 0], [10, 0, 0], [10, 10, 0], [0, 10, 0], [0, 0, 10], [10, 0, 10], [10, 10, 10], [0, 10, 10]];
// outward-facing (counter-clockwise seen from outside) cube, 12 triangles
const FACES = [[0, 2, 1], [0, 3, 2], [4, 5, 6], [4, 6, 7], [0, 1, 5], [0, 5, 4], [1, 2, 6], [1, 6, 5], [2, 3, 7], [2, 7, 6], [3, 0, 4], [3, 4, 7]];
const cube = (): Tri[] => FACES.map((f) => f.map((i) => C[i]!) as Tri);

function binaryStl(tris: Tri[]): Uint8Array {
  const buf = Buffer.alloc(84 + 50 * tris.length);
  buf.writeUInt32LE(tris.length, 80);
  tris.forEach((t, i) => t.forEach((v, k) => v.forEach((c, j) => buf.writeFloatLE(c, 84 + i * 50 + 12 + k * 12 + j * 4))));
  return new Uint8Array(buf);
}

function volume(positions: Float32Array, indices: Uint32Array): number {
  let v = 0;
  for (let t = 0; t < indices.length; t += 3) {
    const [a, b, c] = [0, 1, 2].map((k) => [0, 1, 2].map((j) => positions[indices[t + k]! * 3 + j]!)) as [number[], number[], number[]];
    v += (a[0]! * (b[1]! * c[2]! - b[2]! * c[1]!) - a[1]! * (b[0]! * c[2]! - b[2]! * c[0]!) + a[2]! * (b[0]! * c[1]! - b[1]! * c[0]!)) / 6;
  }
  return v;
}

describe('broken and inside-out mesh parts', () => {
  it('names the open edges of a cube with a missing triangle', () => {
    expect(() => readMeshChecked(binaryStl(cube().slice(1)), 'hook.stl')).toThrow(/^hook\.stl: .*not a closed solid: 3 open edges/);
  });
  it('names the edges around a flipped face', () => {
    const t = cube();
    t[0] = [t[0]![0], t[0]![2], t[0]![1]];
    expect(() => readMeshChecked(binaryStl(t), 'hook.stl')).toThrow(/hook\.stl: .*3 edges between flipped faces/);
  });
  it('turns a consistently inside-out cube the right way out and says so', () => {
    const inside = cube().map((t) => [t[0], t[2], t[1]] as Tri);
    const r = readMeshChecked(binaryStl(inside), 'hook.stl');
    expect(volume(r.mesh.positions, r.mesh.indices)).toBeCloseTo(1000, 3);
    expect(r.repairs.join(' ')).toMatch(/hook\.stl: turned an inside-out shell the right way out/);
    expect(r.mesh.positions.length / 3).toBe(8); // duplicate vertices merged
    expect(readMeshChecked(binaryStl(cube()), 'ok.stl').repairs).toEqual([]);
  });

  it('atelier export refuses a broken mesh part with exit 2 and a one-line message', async () => {
    const dir = tempDir('broken-mesh');
    const model = path.join(dir, 'wall-hook');
    cpSync(path.join(ASSETS, 'models', 'wall-hook'), model, { recursive: true });
    writeFileSync(path.join(model, 'hook.stl'), binaryStl(cube().slice(1)));
    const r = await runCli(['export', path.join(model, 'wall-hook.model.json'), '--out', path.join(dir, 'x.stl')]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/hook\.stl: the mesh is not a closed solid: 3 open edges/);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).not.toMatch(STACK_RE);
    copyFileSync(path.join(ASSETS, 'models', 'wall-hook', 'hook.stl'), path.join(model, 'hook.stl'));
    const ok = await runCli(['export', path.join(model, 'wall-hook.model.json'), '--out', path.join(dir, 'x.stl')]);
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('atelier info says when it turned an inside-out mesh part the right way out, and refuses a broken one', async () => {
    const dir = tempDir('inside-out-mesh');
    const model = path.join(dir, 'wall-hook');
    cpSync(path.join(ASSETS, 'models', 'wall-hook'), model, { recursive: true });
    const file = path.join(model, 'wall-hook.model.json');
    writeFileSync(path.join(model, 'hook.stl'), binaryStl(cube().map((t) => [t[0], t[2], t[1]] as Tri)));
    const r = await runCli(['info', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Repaired: hook\.stl: turned an inside-out shell the right way out/);
    const j = await runCli(['info', file, '--json']);
    expect((JSON.parse(j.stdout) as { meshRepairs: string[] }).meshRepairs).toHaveLength(1);
    writeFileSync(path.join(model, 'hook.stl'), binaryStl(cube().slice(2)));
    const bad = await runCli(['info', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/hook\.stl: the mesh is not a closed solid: \d+ open edges/);
  });

  it('the geometry kernel (the app path) locates a broken part at its mesh node and reports repairs on every rebuild', async () => {
    const cat = loadCatalog();
    const hook = cat.models.find((m) => m.model.id === 'wall-hook')!;
    const model = hook.model;
    const scope = evaluateScope(model, defaultValues(model), valueContextFor(cat.materials, cat.fonts));
    const k = await createGeometryKernel();
    try {
      const withMesh = (bytes: Uint8Array) => (rel: string) => (rel === 'hook.stl' ? bytes : undefined);
      const build = (bytes: Uint8Array) => k.build({ model, scope, quality: 'preview', materials: cat.materials }, { fonts: cat.fonts, asset: withMesh(bytes) });
      let err: unknown;
      try {
        build(binaryStl(cube().slice(1)));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(UserError);
      const p = (err as UserError).problems[0]!;
      expect(p.message).toMatch(/^hook\.stl: .*not a closed solid: 3 open edges/);
      expect(p.path).toMatch(/^parts\[\d+\]\.solid/);
      const inside = binaryStl(cube().map((t) => [t[0], t[2], t[1]] as Tri));
      const first = build(inside);
      expect(first.repairs).toEqual(['hook.stl: turned an inside-out shell the right way out']);
      expect(first.volume).toBeGreaterThan(0);
      expect(build(inside).repairs, 'a rebuild from the part cache still says the file was repaired').toEqual(first.repairs);
      expect(build(binaryStl(cube())).repairs).toEqual([]);
    } finally {
      k.dispose();
    }
  });
});
