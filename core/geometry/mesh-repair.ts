// Checks a designer's mesh part before it becomes a solid, and makes the safe repairs: merges duplicate vertices,
// drops the degenerate triangles that leaves, and turns a closed, consistently inside-out shell the right way out.
// What it cannot repair safely (open edges, flipped faces, edges shared by more than two faces) is a UserError in
// one line naming the file and the counts. Pure TypeScript: no manifold, no DOM, no Node.
import { UserError } from '../errors';
import type { MeshData } from './mesh-data';

export interface MeshRepair {
  mesh: MeshData;
  /** What was repaired, in words for the designer; empty when the file was fine as it was. */
  repairs: string[];
}

function mergeVertices(m: MeshData): { positions: Float32Array; indices: Uint32Array; merged: number } {
  const map = new Map<string, number>();
  const remap = new Uint32Array(m.positions.length / 3);
  const out: number[] = [];
  for (let i = 0; i < remap.length; i++) {
    const x = m.positions[i * 3]!, y = m.positions[i * 3 + 1]!, z = m.positions[i * 3 + 2]!;
    const key = `${x},${y},${z}`;
    let j = map.get(key);
    if (j === undefined) {
      j = out.length / 3;
      map.set(key, j);
      out.push(x, y, z);
    }
    remap[i] = j;
  }
  const tri: number[] = [];
  for (let t = 0; t < m.indices.length; t += 3) {
    const a = remap[m.indices[t]!]!, b = remap[m.indices[t + 1]!]!, c = remap[m.indices[t + 2]!]!;
    if (a !== b && b !== c && a !== c) tri.push(a, b, c);
  }
  return { positions: new Float32Array(out), indices: new Uint32Array(tri), merged: remap.length - out.length / 3 };
}

/** Shell (connected component over shared vertices) of every triangle. */
function shells(indices: Uint32Array, vertexCount: number): Int32Array {
  const parent = Int32Array.from({ length: vertexCount }, (_, i) => i);
  const find = (v: number): number => {
    while (parent[v] !== v) v = parent[v] = parent[parent[v]!]!;
    return v;
  };
  for (let t = 0; t < indices.length; t += 3) {
    const a = find(indices[t]!);
    parent[find(indices[t + 1]!)] = a;
    parent[find(indices[t + 2]!)] = a;
  }
  const out = new Int32Array(indices.length / 3);
  for (let t = 0; t < out.length; t++) out[t] = find(indices[t * 3]!);
  return out;
}

/** Checks and repairs a mesh read from `file`; throws a UserError for what cannot be repaired safely. */
export function checkAndRepairMesh(input: MeshData, file: string): MeshRepair {
  const { positions, indices, merged } = mergeVertices(input);
  const repairs: string[] = [];
  const n = positions.length / 3;
  if (indices.length === 0) throw new UserError(`${file}: the mesh has no triangles with area; a mesh part must be a closed solid.`);
  // directed edge a→b counted per use; a closed, consistently oriented surface uses each edge once each way
  const directed = new Map<number, number>();
  for (let t = 0; t < indices.length; t += 3)
    for (let k = 0; k < 3; k++) {
      const key = indices[t + k]! * n + indices[t + ((k + 1) % 3)]!;
      directed.set(key, (directed.get(key) ?? 0) + 1);
    }
  let open = 0, flipped = 0, crowded = 0;
  for (const [key, count] of directed) {
    const a = Math.floor(key / n), b = key % n;
    const back = directed.get(b * n + a) ?? 0;
    if (a > b && back > 0) continue; // counted from the other side
    if (count + back > 2) crowded++;
    else if (back === 0 && count === 1) open++;
    else if (count === 2 || back === 2) flipped++;
  }
  if (open || flipped || crowded) {
    const what = [
      open ? `${open} open edge${open === 1 ? '' : 's'} (missing triangles)` : '',
      flipped ? `${flipped} edge${flipped === 1 ? '' : 's'} between flipped faces` : '',
      crowded ? `${crowded} edge${crowded === 1 ? '' : 's'} shared by more than two faces` : '',
    ].filter(Boolean);
    throw new UserError(`${file}: the mesh is not a closed solid: ${what.join(', ')}. Repair it in a modelling tool and export it again.`);
  }
  // every shell is closed and consistent: turn an inside-out one (negative volume) the right way out
  const shell = shells(indices, n);
  const volume = new Map<number, number>();
  for (let t = 0; t < shell.length; t++) {
    const p = (i: number) => [positions[indices[t * 3 + i]! * 3]!, positions[indices[t * 3 + i]! * 3 + 1]!, positions[indices[t * 3 + i]! * 3 + 2]!] as const;
    const [a, b, c] = [p(0), p(1), p(2)];
    const v = a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0]) + a[2] * (b[0] * c[1] - b[1] * c[0]);
    volume.set(shell[t]!, (volume.get(shell[t]!) ?? 0) + v / 6);
  }
  const inverted = new Set([...volume].filter(([, v]) => v < 0).map(([s]) => s));
  if (inverted.size > 0) {
    for (let t = 0; t < shell.length; t++)
      if (inverted.has(shell[t]!)) [indices[t * 3 + 1], indices[t * 3 + 2]] = [indices[t * 3 + 2]!, indices[t * 3 + 1]!];
    repairs.push(`${file}: turned ${inverted.size === 1 ? 'an inside-out shell' : `${inverted.size} inside-out shells`} the right way out`);
  }
  if (merged > 0 && input.positions.length / 3 !== input.indices.length) repairs.push(`${file}: merged ${merged} duplicate vertices`);
  return { mesh: { positions, indices }, repairs };
}
