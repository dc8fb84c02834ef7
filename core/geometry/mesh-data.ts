// Plain triangle-mesh data in millimetres: what geometry produces and what exporters, checks and the preview consume.
// No WASM objects here: MeshData is copied out of manifold so it can cross worker boundaries and outlive the kernel.
// Pure TypeScript; imports nothing outside core/.

/** An indexed triangle mesh in millimetres, counter-clockwise (outward) winding, Z up. */
export interface MeshData {
  /** xyz per vertex, mm. */
  positions: Float32Array;
  /** Three vertex indices per triangle. */
  indices: Uint32Array;
}

export interface BBox {
  min: [number, number, number];
  max: [number, number, number];
}

/** One part of a built product: a named solid with a resolved material and colour. */
export interface PartMesh {
  name: string;
  /** Material id from the catalog. */
  material: string;
  /** `#rrggbb` display colour (the part's colour override, or the material's colour). */
  color: string;
  mesh: MeshData;
  /** mm³ */
  volume: number;
  /** mm² */
  surfaceArea: number;
  bbox: BBox;
  /** Topological genus per manifold (0 for a ball, 1 for a mug with a handle). */
  genus: number;
}

export interface BuildResult {
  parts: PartMesh[];
  bbox: BBox;
  /** Sum of part volumes, mm³. */
  volume: number;
  triangles: number;
  /** Safe repairs made to the designer's mesh parts ("hook.stl: merged 12 duplicate vertices"), to say they were made. */
  repairs?: string[];
}

export function triangleCount(m: MeshData): number {
  return m.indices.length / 3;
}

export function bboxOf(meshes: MeshData[]): BBox {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (const m of meshes) {
    const p = m.positions;
    for (let i = 0; i < p.length; i += 3) {
      for (let k = 0; k < 3; k++) {
        const v = p[i + k]!;
        if (v < min[k]!) min[k] = v;
        if (v > max[k]!) max[k] = v;
      }
    }
  }
  if (min[0] === Infinity) return { min: [0, 0, 0], max: [0, 0, 0] };
  return { min, max };
}

export function bboxSize(b: BBox): [number, number, number] {
  return [b.max[0] - b.min[0], b.max[1] - b.min[1], b.max[2] - b.min[2]];
}

/** Concatenates meshes into one (for a single-solid STL). */
export function mergeMeshes(meshes: MeshData[]): MeshData {
  let nv = 0;
  let ni = 0;
  for (const m of meshes) {
    nv += m.positions.length;
    ni += m.indices.length;
  }
  const positions = new Float32Array(nv);
  const indices = new Uint32Array(ni);
  let vo = 0;
  let io = 0;
  for (const m of meshes) {
    positions.set(m.positions, vo);
    const base = vo / 3;
    for (let i = 0; i < m.indices.length; i++) indices[io + i] = m.indices[i]! + base;
    vo += m.positions.length;
    io += m.indices.length;
  }
  return { positions, indices };
}

/** True when no two parts' footprints overlap (a pot and its saucer side by side): separate prints, not one object. */
export function partsStandApart(parts: readonly { bbox: BBox }[]): boolean {
  if (parts.length < 2) return false;
  const apart = (a: BBox, b: BBox) => a.max[0] < b.min[0] || b.max[0] < a.min[0] || a.max[1] < b.min[1] || b.max[1] < a.min[1];
  for (let i = 0; i < parts.length; i++) for (let j = i + 1; j < parts.length; j++) if (!apart(parts[i]!.bbox, parts[j]!.bbox)) return false;
  return true;
}
