// MeshData (millimetres, Z up, right-handed, CCW outward) → Babylon meshes (metres, Y up, right-handed scene).
// THE one place the renderer converts units: every Babylon object in the scene is in metres, so WebXR AR can use
// it at true size. (x, y, z) mm → (x, z, −y) · 0.001 m is a rotation, so the winding stays outward.
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { VertexData } from '@babylonjs/core/Meshes/mesh.vertexData';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Scene } from '@babylonjs/core/scene';
import type { BBox } from '../../core/geometry/mesh-data';

/** Metres per millimetre. */
export const METRES_PER_MM = 0.001;

/** A core point (mm) as a scene point (m). */
export function toScene(x: number, y: number, z: number): Vector3 {
  return new Vector3(x * METRES_PER_MM, z * METRES_PER_MM, -y * METRES_PER_MM);
}

/** Bounding box in scene coordinates (m): min/max corners. */
export function bboxToScene(b: BBox): { min: Vector3; max: Vector3 } {
  const a = toScene(b.min[0], b.min[1], b.min[2]);
  const c = toScene(b.max[0], b.max[1], b.max[2]);
  return { min: Vector3.Minimize(a, c), max: Vector3.Maximize(a, c) };
}

/**
 * Builds a flat-shaded mesh: triangles are unwelded so creases stay sharp (CAD-like look), and
 * smooth-ish curved surfaces still look right at preview resolution.
 */
export function meshFromData(name: string, positionsMm: Float32Array, indices: Uint32Array, scene: Scene): Mesh {
  const n = indices.length;
  const pos = new Float32Array(n * 3);
  // Babylon culls counter-clockwise faces as back faces, also with useRightHandedSystem: emit v0, v2, v1.
  const order = [0, 2, 1];
  for (let i = 0; i < n; i++) {
    const v = indices[i - (i % 3) + order[i % 3]!]! * 3;
    pos[i * 3] = positionsMm[v]! * METRES_PER_MM;
    pos[i * 3 + 1] = positionsMm[v + 2]! * METRES_PER_MM;
    pos[i * 3 + 2] = -positionsMm[v + 1]! * METRES_PER_MM;
  }
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const normals = new Float32Array(n * 3);
  for (let t = 0; t < n; t += 3) {
    const o = t * 3;
    const ux = pos[o + 3]! - pos[o]!, uy = pos[o + 4]! - pos[o + 1]!, uz = pos[o + 5]! - pos[o + 2]!;
    const vx = pos[o + 6]! - pos[o]!, vy = pos[o + 7]! - pos[o + 1]!, vz = pos[o + 8]! - pos[o + 2]!;
    // emitted order is reversed, so the outward normal is v × u
    let nx = vy * uz - vz * uy, ny = vz * ux - vx * uz, nz = vx * uy - vy * ux;
    const len = Math.hypot(nx, ny, nz) || 1;
    nx /= len; ny /= len; nz /= len;
    for (let k = 0; k < 3; k++) {
      normals[o + k * 3] = nx;
      normals[o + k * 3 + 1] = ny;
      normals[o + k * 3 + 2] = nz;
    }
  }
  const vd = new VertexData();
  vd.positions = pos;
  vd.indices = idx;
  vd.normals = normals;
  const mesh = new Mesh(name, scene);
  vd.applyToMesh(mesh, false);
  return mesh;
}
