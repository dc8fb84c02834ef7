// Hardened STL reader (binary or ASCII) that welds vertices into an indexed mesh. Pure TypeScript: bytes in, mesh out.

import { strFromU8 } from 'fflate';
import { UserError } from '../errors';
import type { MeshData } from '../geometry/mesh-data';

/** Largest STL accepted when reading (bytes): 10 million triangles in binary. */
export const MAX_STL_BYTES = 500 * 1024 * 1024;

export function readStl(bytes: Uint8Array, file = 'STL file'): MeshData {
  if (bytes.length > MAX_STL_BYTES) throw new UserError(`${file} is larger than ${MAX_STL_BYTES / 1024 / 1024} MB`);
  if (bytes.length >= 84) {
    const n = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(80, true);
    if (84 + n * 50 === bytes.length) return readBinary(bytes, n, file);
  }
  const head = strFromU8(bytes.subarray(0, Math.min(bytes.length, 512)), true).trimStart();
  if (head.startsWith('solid')) return readAscii(strFromU8(bytes, true), file);
  throw new UserError(`${file} is not an STL file (its size does not match a binary STL and it does not start with "solid")`);
}

function readBinary(bytes: Uint8Array, n: number, file: string): MeshData {
  if (n === 0) throw new UserError(`${file} has no triangles`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const w = new Welder(n);
  for (let t = 0; t < n; t++) {
    const o = 84 + t * 50 + 12;
    for (let v = 0; v < 3; v++) {
      const x = dv.getFloat32(o + v * 12, true);
      const y = dv.getFloat32(o + v * 12 + 4, true);
      const z = dv.getFloat32(o + v * 12 + 8, true);
      if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) throw new UserError(`${file}: triangle ${t + 1} has a coordinate that is not a finite number`);
      w.add(x, y, z);
    }
  }
  return w.result();
}

function readAscii(text: string, file: string): MeshData {
  const re = /vertex\s+(\S+)\s+(\S+)\s+(\S+)/g;
  const coords: number[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    for (let k = 1; k <= 3; k++) {
      const s = m[k]!;
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) throw new UserError(`${file}: "${s.slice(0, 20)}" is not a number`);
      // Stored as 32-bit floats, as in a binary STL: anything beyond ±3.4e38 (1e999, 1e39) is not a coordinate.
      const v = Math.fround(Number(s));
      if (!Number.isFinite(v)) throw new UserError(`${file}: vertex coordinate ${s.slice(0, 20)} is out of range (at most ±3.4e38)`);
      coords.push(v);
    }
  }
  if (coords.length === 0 || coords.length % 9 !== 0) throw new UserError(`${file}: an ASCII STL needs three vertices per facet`);
  const w = new Welder(coords.length / 9);
  for (let i = 0; i < coords.length; i += 3) w.add(coords[i]!, coords[i + 1]!, coords[i + 2]!);
  return w.result();
}

/** Merges identical vertex positions so the mesh is indexed (as a solid kernel needs). */
class Welder {
  private map = new Map<string, number>();
  private pos: number[] = [];
  private idx: Uint32Array;
  private i = 0;
  constructor(tris: number) {
    this.idx = new Uint32Array(tris * 3);
  }
  add(x: number, y: number, z: number): void {
    const fx = Math.fround(x), fy = Math.fround(y), fz = Math.fround(z);
    const key = `${fx},${fy},${fz}`;
    let k = this.map.get(key);
    if (k === undefined) {
      k = this.pos.length / 3;
      this.map.set(key, k);
      this.pos.push(fx, fy, fz);
    }
    this.idx[this.i++] = k;
  }
  result(): MeshData {
    return { positions: new Float32Array(this.pos), indices: this.idx };
  }
}
