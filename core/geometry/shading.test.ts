// The preview's shading of a part mesh, on real manifold solids: corners in metres, Y up, wound as Babylon's front
// faces; sharp edges keep the face's normal, a cylinder's side is smooth (radial normals).
import Module from 'manifold-3d';
import { beforeAll, describe, expect, it } from 'vitest';
import { shadeMesh, type ShadedMesh } from './shading';

type Wasm = Awaited<ReturnType<typeof Module>>;
let wasm: Wasm;
beforeAll(async () => {
  wasm = await Module();
  wasm.setup();
});

/** A manifold solid's mesh as the kernel hands it on: positions (mm, Z up) and counter-clockwise triangles. */
function meshOf(make: (w: Wasm) => InstanceType<Wasm['Manifold']>): { positions: Float32Array; indices: Uint32Array } {
  const m = make(wasm);
  const mesh = m.getMesh();
  const out = { positions: Float32Array.from(mesh.vertProperties), indices: Uint32Array.from(mesh.triVerts) };
  m.delete();
  return out;
}

const corner = (s: ShadedMesh, i: number) => ({
  p: [s.positions[i * 3]!, s.positions[i * 3 + 1]!, s.positions[i * 3 + 2]!],
  n: [s.normals[i * 3]!, s.normals[i * 3 + 1]!, s.normals[i * 3 + 2]!],
});

/** (v1 − v0) × (v2 − v0) of triangle t, normalised. */
function windingNormal(s: ShadedMesh, t: number): number[] {
  const [a, b, c] = [corner(s, t * 3).p, corner(s, t * 3 + 1).p, corner(s, t * 3 + 2).p];
  const u = [b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!], v = [c[0]! - a[0]!, c[1]! - a[1]!, c[2]! - a[2]!];
  const n = [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
  const len = Math.hypot(n[0]!, n[1]!, n[2]!);
  return n.map((x) => x / len);
}
const dot = (a: number[], b: number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;

describe('shadeMesh', () => {
  it('gives a box three corners per triangle in metres, Y up, with each face’s own normal, wound clockwise from outside', () => {
    const box = meshOf((w) => w.Manifold.cube([40, 20, 10]));
    const s = shadeMesh(box.positions, box.indices);
    expect(s.positions.length).toBe(box.indices.length * 3);
    expect(s.normals.length).toBe(s.positions.length);
    const ys = Array.from({ length: s.positions.length / 3 }, (_, i) => corner(s, i).p);
    // 40 mm wide (x), 10 mm high (y up), 20 mm deep (z = −y mm)
    expect(Math.max(...ys.map((p) => p[0]!))).toBeCloseTo(0.04, 6);
    expect(Math.max(...ys.map((p) => p[1]!))).toBeCloseTo(0.01, 6);
    expect(Math.min(...ys.map((p) => p[2]!))).toBeCloseTo(-0.02, 6);
    for (let t = 0; t < box.indices.length / 3; t++) {
      const w = windingNormal(s, t);
      for (let k = 0; k < 3; k++) {
        const { n } = corner(s, t * 3 + k);
        expect(Math.hypot(n[0]!, n[1]!, n[2]!)).toBeCloseTo(1, 5);
        // a box's edges are 90°: no corner is smoothed, every normal is its face's, which the winding opposes
        expect(dot(n, w)).toBeCloseTo(-1, 5);
      }
    }
  });

  it('smooths a cylinder’s side (radial normals) and keeps its caps flat', () => {
    const cyl = meshOf((w) => w.Manifold.cylinder(30, 10, 10, 64));
    const s = shadeMesh(cyl.positions, cyl.indices);
    let side = 0, cap = 0;
    for (let i = 0; i < s.positions.length / 3; i++) {
      const { p, n } = corner(s, i);
      const t = Math.floor(i / 3);
      const w = windingNormal(s, t);
      if (Math.abs(w[1]!) > 0.99) {
        // a cap: the face's normal, up or down
        expect(Math.abs(n[1]!)).toBeCloseTo(1, 5);
        cap++;
      } else {
        // the side: the corner's normal points away from the axis through its own point, not its face's middle
        const r = Math.hypot(p[0]!, p[2]!);
        expect(n[1]!).toBeCloseTo(0, 5);
        expect(dot(n, [p[0]! / r, 0, p[2]! / r])).toBeGreaterThan(Math.cos((1 * Math.PI) / 180));
        side++;
      }
    }
    expect(side).toBeGreaterThan(0);
    expect(cap).toBeGreaterThan(0);
  });
});
