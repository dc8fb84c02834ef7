// The geometry kernel: model + scope → BuildResult (MeshData per part, in mm), with manifold-3d.
// Runs the same in Node, a Web Worker and the CLI; the caller passes the .wasm URL where it is not found by itself.
// Frees every WASM object of a build; caches finished parts by their evaluated inputs. Pure TypeScript.

import Module, { type Manifold, type ManifoldToplevel } from 'manifold-3d';
import { BudgetError, UserError } from '../errors';
import type { Scope } from '../expr';
import { readMeshChecked } from '../import/read-mesh';
import type { MeshRepair } from './mesh-repair';
import type { MaterialCatalog, ProductModel, Quality } from '../model/types';
import type { FontLibrary } from '../text';
import { Arena, construct } from './construct';
import { facetEstimate } from './facets';
import { bboxOf, type BBox, type BuildResult, type MeshData, type PartMesh } from './mesh-data';
import { resolveSolid, type Budget } from './resolve';
import { evalBoolean } from '../expr';

export interface BuildInputs {
  model: ProductModel;
  scope: Scope;
  quality: Quality;
  materials: MaterialCatalog;
}

export interface GeometryEnv {
  fonts: FontLibrary;
  asset: (relPath: string) => Uint8Array | undefined;
  budget?: Partial<Budget>;
}

export interface GeometryKernel {
  build(inputs: BuildInputs, env: GeometryEnv): BuildResult;
  /**
   * The parts as one closed solid (their boolean union), for single-body formats such as STL: parts that touch or
   * overlap (raised letters on a plate) become one manifold shell instead of solids sharing faces.
   */
  solid(parts: PartMesh[]): MeshData;
  /** WASM objects currently alive that this kernel allocated (0 between builds). */
  liveObjects(): number;
  /** Bytes of WASM heap (grows, never shrinks; stable across rebuilds when nothing leaks). */
  heapBytes(): number;
  dispose(): void;
}

export const DEFAULT_BUDGET: Budget = { maxNodes: 5000, maxTriangles: 2_000_000 };

/** Circle and text resolution per quality: preview is for dragging sliders, final for the printer. */
const QUALITY = {
  preview: { minAngle: 10, minEdge: 1.2, textTolerance: 0.06, wrapEdge: 3, simplify: false },
  // final: no facet more than 0.01 mm inside the true surface (a tenth of a fine layer), up to 120 segments a circle
  final: { minAngle: 3, minEdge: 0.3, chordTolerance: 0.01, textTolerance: 0.01, wrapEdge: 3, simplify: true },
} as const;

/** Largest distance (mm) a surface may move when slivers are removed from a finished solid. */
const SIMPLIFY_MM = 0.001;

/** Imported mesh solids kept between builds. */
const MESH_SOLID_LIMIT = 8;

/** Finished parts kept for reuse across rebuilds (slider drags touch one part at a time). */
const PART_CACHE_LIMIT = 64;

interface CachedPart {
  mesh: MeshData;
  volume: number;
  surfaceArea: number;
  genus: number;
  bbox: BBox;
  /** Repairs made to mesh files this part imports. */
  repairs: string[];
}

const fmtCount = (n: number) => Math.round(n).toLocaleString('en-US');

/** Copies a manifold's triangles out of WASM memory as positions (xyz) and indices. */
function meshOf(m: Manifold): MeshData {
  const mesh = m.getMesh();
  const np = mesh.numProp;
  const vp = mesh.vertProperties;
  const nv = vp.length / np;
  const positions = new Float32Array(nv * 3);
  for (let i = 0; i < nv; i++) {
    positions[i * 3] = vp[i * np]!;
    positions[i * 3 + 1] = vp[i * np + 1]!;
    positions[i * 3 + 2] = vp[i * np + 2]!;
  }
  return { positions, indices: new Uint32Array(mesh.triVerts) };
}

/**
 * Whether a mesh, as a file stores it (float32), has a degenerate facet: two corners at one point or all three on one
 * line, which STL tools (admesh, slicers) count and repair. One pass over the facets (about 1 ms for 30,000), so the
 * costly simplification runs only on a solid that needs it.
 */
export function hasSlivers(mesh: MeshData): boolean {
  const p = mesh.positions;
  const ix = mesh.indices;
  for (let t = 0; t < ix.length; t += 3) {
    const a = ix[t]! * 3;
    const b = ix[t + 1]! * 3;
    const c = ix[t + 2]! * 3;
    const ux = p[b]! - p[a]!, uy = p[b + 1]! - p[a + 1]!, uz = p[b + 2]! - p[a + 2]!;
    const vx = p[c]! - p[a]!, vy = p[c + 1]! - p[a + 1]!, vz = p[c + 2]! - p[a + 2]!;
    // coinciding corners give a zero edge, hence a zero cross product too
    if (uy * vz - uz * vy === 0 && uz * vx - ux * vz === 0 && ux * vy - uy * vx === 0) return true;
  }
  return false;
}

/**
 * The finished solid's mesh, free of slivers. Booleans can leave slivers a fraction of a micron wide; in float32
 * files their corners can coincide. Simplifying within SIMPLIFY_MM removes them and moves no surface further, but
 * costs more than the rest of a build (300 ms of the mug's 550), so it runs only when the mesh has one.
 */
function cleanMeshOf(m: Manifold, arena: Arena): { m: Manifold; mesh: MeshData } {
  const mesh = meshOf(m);
  if (!hasSlivers(mesh)) return { m, mesh };
  const simple = arena.own(m.simplify(SIMPLIFY_MM));
  return { m: simple, mesh: meshOf(simple) };
}

export async function createGeometryKernel(opts: { wasmUrl?: string } = {}): Promise<GeometryKernel> {
  const wasm: ManifoldToplevel = await Module(opts.wasmUrl ? { locateFile: () => opts.wasmUrl! } : undefined);
  wasm.setup();
  const cache = new Map<string, CachedPart>();
  // Mesh files parsed (checked, safely repaired) once per file content (the same bytes object comes back on every
  // rebuild). A broken file is a problem located at the mesh node that names it, shown beside it in designer mode.
  const meshFiles = new WeakMap<Uint8Array, MeshRepair>();
  let buildRepairs: Set<string> | null = null;
  const readMeshCached = (bytes: Uint8Array, file: string, path: string): MeshData => {
    let m = meshFiles.get(bytes);
    if (!m) {
      try {
        m = readMeshChecked(bytes, file);
      } catch (e) {
        if (e instanceof UserError) throw new UserError(e.problems.map((p) => ({ ...p, path: p.path ?? path })));
        throw e;
      }
      meshFiles.set(bytes, m);
    }
    for (const r of m.repairs) buildRepairs?.add(r);
    return m.mesh;
  };
  // Their solids too: turning 8,000 triangles into a manifold costs 10-30 ms, on every slider step otherwise.
  // Kept outside the build arenas (and out of liveObjects()), a few at most, freed on eviction and dispose().
  const meshSolids = new Map<Uint8Array, Manifold>();
  const importMesh = (bytes: Uint8Array, file: string, path: string): Manifold => {
    const hit = meshSolids.get(bytes);
    if (hit) {
      for (const r of meshFiles.get(bytes)?.repairs ?? []) buildRepairs?.add(r);
      meshSolids.delete(bytes);
      meshSolids.set(bytes, hit);
      return hit;
    }
    const md = readMeshCached(bytes, file, path);
    const mesh = new wasm.Mesh({ numProp: 3, vertProperties: md.positions, triVerts: md.indices });
    mesh.merge();
    const m = new wasm.Manifold(mesh);
    const status = m.status();
    if (status !== 'NoError' || m.isEmpty()) {
      m.delete();
      throw new UserError([{ path, message: `${path}: mesh file '${file}' is not a closed, manifold solid (${status === 'NoError' ? 'empty' : status})` }]);
    }
    if (meshSolids.size >= MESH_SOLID_LIMIT) {
      const [oldKey, old] = meshSolids.entries().next().value as [Uint8Array, Manifold];
      old.delete();
      meshSolids.delete(oldKey);
    }
    meshSolids.set(bytes, m);
    return m;
  };
  // Identity of an asset's bytes (the host hands back the same object until the file changes).
  const contentIds = new WeakMap<Uint8Array, number>();
  let nextContentId = 1;
  const contentId = (bytes: Uint8Array | undefined): number => {
    if (!bytes) return 0;
    let id = contentIds.get(bytes);
    if (id === undefined) contentIds.set(bytes, (id = nextContentId++));
    return id;
  };
  let disposed = false;

  function buildPart(key: string, node: Parameters<typeof construct>[0], env: GeometryEnv, q: (typeof QUALITY)[Quality], budget: Budget, path: string, name: string): CachedPart {
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const arena = new Arena();
    const repairs = new Set<string>();
    buildRepairs = repairs;
    try {
      const built: Manifold = construct(node, { wasm, arena, fonts: env.fonts, asset: env.asset, importMesh, circle: q, textTolerance: q.textTolerance, wrapEdge: q.wrapEdge }, `${path}.solid`);
      // Slivers are removed only at final quality (what is made): a preview rebuild during a slider drag skips even the check.
      const { m, mesh } = q.simplify ? cleanMeshOf(built, arena) : { m: built, mesh: undefined };
      const status = m.status();
      if (status !== 'NoError') throw new UserError([{ path, message: `part '${name}' could not be built (${status})` }]);
      if (m.isEmpty()) throw new UserError([{ path, message: `part '${name}' is empty: its solids do not overlap or cancel out` }]);
      const tris = m.numTri();
      if (tris > budget.maxTriangles) throw new BudgetError(`part '${name}' has ${tris} triangles, more than the ${budget.maxTriangles} allowed; lower the detail`);
      const bb = m.boundingBox();
      const out: CachedPart = {
        mesh: mesh ?? meshOf(m),
        volume: m.volume(),
        surfaceArea: m.surfaceArea(),
        genus: m.genus(),
        bbox: { min: [bb.min[0], bb.min[1], bb.min[2]], max: [bb.max[0], bb.max[1], bb.max[2]] },
        repairs: [...repairs],
      };
      if (cache.size >= PART_CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      cache.set(key, out);
      return out;
    } finally {
      buildRepairs = null;
      arena.free();
    }
  }

  return {
    build(inputs, env) {
      if (disposed) throw new Error('geometry kernel used after dispose()');
      const { model, scope, quality, materials } = inputs;
      const q = QUALITY[quality];
      const budget: Budget = { ...DEFAULT_BUDGET, ...env.budget };
      const textFonts = new Map<string, string>();
      for (const p of model.parameters) if (p.type === 'text') textFonts.set(p.id, p.font);
      const ctx = { scope, budget, nodes: 0, textFonts };
      const parts: PartMesh[] = [];
      let triangles = 0;
      let askedTotal = 0;
      const repairs = new Set<string>();
      // construct gives every circle its segment count (circleSegments), so no manifold-wide setting is changed
      model.parts.forEach((part, i) => {
        const path = `parts[${i}]`;
        if (part.when !== undefined && !evalBoolean(part.when, scope, `part '${part.name}' when`)) return;
        const node = resolveSolid(part.solid, `${path}.solid`, ctx);
        if (!node) return;
        // refuse a runaway before any WASM work (the built triangles are checked again below)
        const asked = facetEstimate(node, q);
        askedTotal += asked;
        if (askedTotal > budget.maxTriangles) {
          const what = asked > budget.maxTriangles ? `part '${part.name}' asks for about ${fmtCount(asked)}` : `the product asks for about ${fmtCount(askedTotal)}`;
          throw new BudgetError(`${what} triangles, more than the ${fmtCount(budget.maxTriangles)} allowed; use fewer copies in its repeats, fewer segments or smaller details`);
        }
        // The key names the content of the mesh files a part imports too: a designer's fixed file is rebuilt.
        const key = `${quality}|${JSON.stringify(node, (_k, v: unknown) => {
          const m = v as { type?: unknown; file?: unknown };
          if (m && m.type === 'mesh' && typeof m.file === 'string') return { ...m, content: contentId(env.asset(m.file)) };
          return v;
        })}`;
        const built = buildPart(key, node, env, q, budget, path, part.name);
        triangles += built.mesh.indices.length / 3;
        if (triangles > budget.maxTriangles) throw new BudgetError(`the product has more than ${budget.maxTriangles} triangles; lower the detail`);
        const material = resolveMaterial(part.material, scope);
        const { repairs: partRepairs, ...mesh } = built;
        for (const r of partRepairs) repairs.add(r);
        parts.push({ name: part.name, material, color: resolveColor(part.color, scope, material, materials), ...mesh });
      });
      if (parts.length === 0) throw new UserError(`${model.name} has no parts with these settings`);
      return { parts, bbox: mergeBoxes(parts.map((p) => p.bbox)), volume: parts.reduce((s, p) => s + p.volume, 0), triangles, repairs: [...repairs] };
    },
    solid(parts) {
      if (disposed) throw new Error('geometry kernel used after dispose()');
      if (parts.length === 1) return parts[0]!.mesh;
      const arena = new Arena();
      try {
        const solids = parts.map((p) =>
          arena.own(new wasm.Manifold(new wasm.Mesh({ numProp: 3, vertProperties: p.mesh.positions, triVerts: p.mesh.indices }))),
        );
        const joined = arena.own(wasm.Manifold.union(solids));
        const status = joined.status();
        if (status !== 'NoError') throw new UserError(`the parts could not be joined into one solid (${status})`);
        return cleanMeshOf(joined, arena).mesh;
      } finally {
        arena.free();
      }
    },
    liveObjects: () => Arena.live,
    heapBytes: () => (wasm as unknown as { HEAPU8?: Uint8Array }).HEAPU8?.length ?? 0,
    dispose() {
      cache.clear();
      for (const m of meshSolids.values()) m.delete();
      meshSolids.clear();
      disposed = true;
    },
  };
}

function resolveMaterial(ref: string, scope: Scope): string {
  const v = scope.get(ref);
  return typeof v === 'string' ? v : ref;
}

function resolveColor(ref: string | undefined, scope: Scope, material: string, materials: MaterialCatalog): string {
  if (ref) {
    if (/^#[0-9a-fA-F]{6}$/.test(ref)) return ref.toLowerCase();
    const v = scope.get(ref);
    if (typeof v === 'string' && /^#[0-9a-fA-F]{6}$/.test(v)) return v.toLowerCase();
  }
  return materials.materials.find((m) => m.id === material)?.color ?? '#cccccc';
}

function mergeBoxes(boxes: BBox[]): BBox {
  if (boxes.length === 0) return bboxOf([]);
  const min: [number, number, number] = [...boxes[0]!.min];
  const max: [number, number, number] = [...boxes[0]!.max];
  for (const b of boxes)
    for (let k = 0; k < 3; k++) {
      min[k] = Math.min(min[k]!, b.min[k]!);
      max[k] = Math.max(max[k]!, b.max[k]!);
    }
  return { min, max };
}
