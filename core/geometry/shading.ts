// The preview's form of a part mesh: every triangle with three corners of its own, in the preview's space (metres,
// Y up: core/units.ts), each corner with a normal smoothed over the faces around it that meet at a shallow angle.
// Made in the geometry worker, so the UI thread only hands the arrays to the GPU. Pure TypeScript.
import { writeYUpMetres } from '../units';

/** Faces meeting at less than this angle share a smooth normal; sharper edges stay crisp (degrees). */
export const SMOOTHING_ANGLE_DEG = 35;

/**
 * Three corners per triangle (x, y, z … in metres, Y up), wound clockwise as seen from outside: the front face of
 * Babylon's scenes, also right-handed ones. `normals` are unit vectors, one per corner, pointing outward.
 */
export interface ShadedMesh {
  positions: Float32Array;
  normals: Float32Array;
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
 * Shades a part mesh (millimetres, Z up, counter-clockwise outward): a corner's normal averages the faces around
 * its vertex that lie within SMOOTHING_ANGLE_DEG of its triangle, so curved surfaces look smooth at preview
 * resolution while box edges and engravings stay sharp.
 */
export function shadeMesh(positionsMm: Float32Array, indices: Uint32Array): ShadedMesh {
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

  const positions = new Float32Array(n * 3);
  const normals = new Float32Array(n * 3);
  // counter-clockwise v0, v1, v2 becomes v0, v2, v1
  const order = [0, 2, 1];
  for (let i = 0; i < n; i++) {
    const t = i - (i % 3);
    const v = indices[t + order[i % 3]!]!;
    const o = v * 3;
    writeYUpMetres(positions, i * 3, positionsMm[o]!, positionsMm[o + 1]!, positionsMm[o + 2]!);
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
    // a direction, so the same axis change as a point, without the scale
    normals[i * 3] = sx / len;
    normals[i * 3 + 1] = sz / len;
    normals[i * 3 + 2] = -sy / len;
  }
  return { positions, normals };
}
