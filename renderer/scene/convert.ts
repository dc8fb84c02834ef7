// MeshData (millimetres, Z up, right-handed, CCW outward) → Babylon meshes (metres, Y up, right-handed scene).
// Every Babylon object in the scene is in metres, so WebXR AR can use it at true size; the mapping itself is
// core/units.ts (shared with the AR file writers). (x, y, z) mm → (x, z, −y) · 0.001 m keeps the winding outward.
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { VertexData } from '@babylonjs/core/Meshes/mesh.vertexData';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Scene } from '@babylonjs/core/scene';
import type { BBox } from '../../core/geometry/mesh-data';
import { writeYUpMetres } from '../../core/units';
/** Faces meeting at less than this angle share a smooth normal; sharper edges stay crisp (degrees). */
export const SMOOTHING_ANGLE_DEG = 35;

/** A core point (mm) as a scene point (m). */
export function toScene(x: number, y: number, z: number): Vector3 {
  const p = [0, 0, 0];
  writeYUpMetres(p, 0, x, y, z);
  return new Vector3(p[0], p[1], p[2]);
}

/** Bounding box in scene coordinates (m): min/max corners. */
export function bboxToScene(b: BBox): { min: Vector3; max: Vector3 } {
  const a = toScene(b.min[0], b.min[1], b.min[2]);
  const c = toScene(b.max[0], b.max[1], b.max[2]);
  return { min: Vector3.Minimize(a, c), max: Vector3.Maximize(a, c) };
}

/** Outward unit normal (area-weighted before normalising) of every triangle, in core coordinates. */
function faceNormals(p: Float32Array, idx: Uint32Array): Float32Array {
  const n = new Float32Array(idx.length);
  for (let t = 0; t < idx.length; t += 3) {
    const a = idx[t]! * 3, b = idx[t + 1]! * 3, c = idx[t + 2]! * 3;
    const ux = p[b]! - p[a]!, uy = p[b + 1]! - p[a + 1]!, uz = p[b + 2]! - p[a + 2]!;
    const vx = p[c]! - p[a]!, vy = p[c + 1]! - p[a + 1]!, vz = p[c + 2]! - p[a + 2]!;
    const nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
    const len = Math.hypot(nx, ny, nz) || 1;
    n[t] = nx / len;
    n[t + 1] = ny / len;
    n[t + 2] = nz / len;
  }
  return n;
}

/**
 * Builds the preview mesh: every triangle gets its own three vertices so a corner's normal can differ per face;
 * a corner's normal averages the faces around its vertex that lie within SMOOTHING_ANGLE_DEG of the triangle,
 * so curved surfaces look smooth at preview resolution while box edges and engravings stay sharp.
 */
export function meshFromData(name: string, positionsMm: Float32Array, indices: Uint32Array, scene: Scene): Mesh {
  const n = indices.length;
  const nVerts = positionsMm.length / 3;
  const fn = faceNormals(positionsMm, indices);
  // faces around each vertex (CSR layout)
  const count = new Uint32Array(nVerts + 1);
  for (let i = 0; i < n; i++) count[indices[i]! + 1]!++;
  for (let v = 0; v < nVerts; v++) count[v + 1]! += count[v]!;
  const fill = count.slice(0, nVerts);
  const around = new Uint32Array(n);
  for (let i = 0; i < n; i++) around[fill[indices[i]!]!++] = i - (i % 3);
  const cosLimit = Math.cos((SMOOTHING_ANGLE_DEG * Math.PI) / 180);

  const pos = new Float32Array(n * 3);
  const nor = new Float32Array(n * 3);
  // Babylon culls counter-clockwise faces as back faces, also with useRightHandedSystem: emit v0, v2, v1.
  const order = [0, 2, 1];
  for (let i = 0; i < n; i++) {
    const t = i - (i % 3);
    const v = indices[t + order[i % 3]!]!;
    const o = v * 3;
    writeYUpMetres(pos, i * 3, positionsMm[o]!, positionsMm[o + 1]!, positionsMm[o + 2]!);
    const fx = fn[t]!, fy = fn[t + 1]!, fz = fn[t + 2]!;
    let sx = 0, sy = 0, sz = 0;
    for (let k = count[v]!; k < count[v + 1]!; k++) {
      const f = around[k]!;
      const gx = fn[f]!, gy = fn[f + 1]!, gz = fn[f + 2]!;
      if (fx * gx + fy * gy + fz * gz >= cosLimit) {
        sx += gx;
        sy += gy;
        sz += gz;
      }
    }
    const len = Math.hypot(sx, sy, sz) || 1;
    nor[i * 3] = sx / len;
    nor[i * 3 + 1] = sz / len;
    nor[i * 3 + 2] = -sy / len;
  }
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const vd = new VertexData();
  vd.positions = pos;
  vd.indices = idx;
  vd.normals = nor;
  const mesh = new Mesh(name, scene);
  vd.applyToMesh(mesh, false);
  return mesh;
}
