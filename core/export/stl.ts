// Binary STL writer: one merged solid, facet normals. Pure TypeScript: meshes in, bytes out. The reader is
// core/import/read-stl.ts.

import { mergeMeshes, type MeshData } from '../geometry/mesh-data';

export function writeStl(meshes: MeshData | MeshData[], header = 'Atelier binary STL (mm)'): Uint8Array {
  const m = Array.isArray(meshes) ? (meshes.length === 1 ? meshes[0]! : mergeMeshes(meshes)) : meshes;
  const n = m.indices.length / 3;
  const buf = new ArrayBuffer(84 + n * 50);
  const bytes = new Uint8Array(buf);
  for (let i = 0; i < Math.min(80, header.length); i++) bytes[i] = header.charCodeAt(i) & 0x7f;
  const dv = new DataView(buf);
  dv.setUint32(80, n, true);
  const p = m.positions;
  const idx = m.indices;
  // One flat loop of DataView stores (records are 50 bytes, so floats are unaligned; V8 inlines these stores,
  // faster than staging through typed arrays). Attribute counts stay 0.
  for (let t = 0, o = 84; t < n; t++, o += 50) {
    const a = idx[t * 3]! * 3, b = idx[t * 3 + 1]! * 3, c = idx[t * 3 + 2]! * 3;
    const ax = p[a]!, ay = p[a + 1]!, az = p[a + 2]!;
    const bx = p[b]!, by = p[b + 1]!, bz = p[b + 2]!;
    const cx = p[c]!, cy = p[c + 1]!, cz = p[c + 2]!;
    // The normal is computed the way admesh (and the slicers built on it) recompute it from the stored float32
    // vertices, float32 edges and products, so that even a sliver triangle's normal agrees with theirs.
    const ux = Math.fround(bx - ax), uy = Math.fround(by - ay), uz = Math.fround(bz - az);
    const vx = Math.fround(cx - ax), vy = Math.fround(cy - ay), vz = Math.fround(cz - az);
    const nx = Math.fround(Math.fround(uy * vz) - uz * vy), ny = Math.fround(Math.fround(uz * vx) - ux * vz), nz = Math.fround(Math.fround(ux * vy) - uy * vx);
    const len = Math.sqrt(nx * nx + ny * ny + nz * nz);
    const inv = len < 1e-12 ? 0 : 1 / len;
    dv.setFloat32(o, nx * inv, true);
    dv.setFloat32(o + 4, ny * inv, true);
    dv.setFloat32(o + 8, nz * inv, true);
    dv.setFloat32(o + 12, ax, true);
    dv.setFloat32(o + 16, ay, true);
    dv.setFloat32(o + 20, az, true);
    dv.setFloat32(o + 24, bx, true);
    dv.setFloat32(o + 28, by, true);
    dv.setFloat32(o + 32, bz, true);
    dv.setFloat32(o + 36, cx, true);
    dv.setFloat32(o + 40, cy, true);
    dv.setFloat32(o + 44, cz, true);
  }
  return bytes;
}
