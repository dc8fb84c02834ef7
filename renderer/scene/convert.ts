// MeshData (millimetres, Z up, right-handed, CCW outward) → Babylon meshes (metres, Y up, right-handed scene).
// Every Babylon object in the scene is in metres, so WebXR AR can use it at true size; the mapping itself is
// core/units.ts (shared with the AR file writers). (x, y, z) mm → (x, z, −y) · 0.001 m keeps the winding outward.
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { VertexData } from '@babylonjs/core/Meshes/mesh.vertexData';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Scene } from '@babylonjs/core/scene';
import type { BBox } from '../../core/geometry/mesh-data';
import { shadeMesh, type ShadedMesh } from '../../core/geometry/shading';
import { writeYUpMetres } from '../../core/units';

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

/** The preview mesh of a part shaded in the geometry worker (core/geometry/shading.ts): the arrays as they are. */
export function meshFromShaded(name: string, shaded: ShadedMesh, scene: Scene): Mesh {
  const n = shaded.positions.length / 3;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const vd = new VertexData();
  vd.positions = shaded.positions;
  vd.indices = idx;
  vd.normals = shaded.normals;
  const mesh = new Mesh(name, scene);
  vd.applyToMesh(mesh, false);
  return mesh;
}

/** The preview mesh of a part mesh (millimetres, Z up), shaded here (shadeMesh: smooth where faces meet shallowly). */
export function meshFromData(name: string, positionsMm: Float32Array, indices: Uint32Array, scene: Scene): Mesh {
  return meshFromShaded(name, shadeMesh(positionsMm, indices), scene);
}
