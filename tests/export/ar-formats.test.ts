// GLB and USDZ for AR, checked with tools we did not write where they exist: Khronos' gltf-validator for GLB; for
// USDZ the zip layout rules (stored, 64-byte aligned data, layer first) read back byte by byte, and true size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { writeGlb, writeUsdz, USDZ_LAYER } from '../../core/export';
import { createGeometryKernel, type GeometryKernel } from '../../core/geometry';
import type { BuildResult } from '../../core/geometry/mesh-data';
import { prepareDesign, valueContextFor } from '../../core/pipeline';
import { assetReader, loadCatalog } from '../catalog/catalog-support';

// gltf-validator ships no types.
type Report = { issues: { numErrors: number; numWarnings: number; messages: { code: string; message: string; severity: number; pointer?: string }[] } };
const GLTF_VALIDATOR = 'gltf-validator';
const validator = (await import(GLTF_VALIDATOR)) as { validateBytes(b: Uint8Array, o?: object): Promise<Report> };

const catalog = loadCatalog();
let kernel: GeometryKernel;
beforeAll(async () => {
  kernel = await createGeometryKernel();
});
afterAll(() => kernel.dispose());

function build(id: string, values: Record<string, unknown> = {}): BuildResult {
  const entry = catalog.models.find((m) => m.model.id === id);
  if (!entry) throw new Error(`no catalog model ${id}`);
  const prepared = prepareDesign(entry.model, values, valueContextFor(catalog.materials, catalog.fonts));
  expect(prepared.problems).toEqual([]);
  return kernel.build(
    { model: entry.model, scope: prepared.scope, quality: 'final', materials: catalog.materials },
    { fonts: catalog.fonts, asset: assetReader(entry.dir) },
  );
}

const sizeMm = (b: BuildResult) => b.bbox.max.map((v, i) => v - b.bbox.min[i]!) as [number, number, number];

interface GltfJson {
  asset: { version: string };
  accessors: { min?: number[]; max?: number[]; type: string }[];
  meshes: { primitives: { attributes: { POSITION: number }; material: number }[] }[];
  materials: { pbrMetallicRoughness: { baseColorFactor: number[]; metallicFactor: number; roughnessFactor: number } }[];
  nodes: { name: string }[];
}

function glbJson(glb: Uint8Array): GltfJson {
  const dv = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  expect(dv.getUint32(0, true)).toBe(0x46546c67);
  expect(dv.getUint32(8, true)).toBe(glb.byteLength);
  const len = dv.getUint32(12, true);
  return JSON.parse(strFromU8(glb.subarray(20, 20 + len))) as GltfJson;
}

describe('GLB', () => {
  it.each(['nameplate', 'mug', 'phone-stand', 'lamp-shade'])('%s passes gltf-validator with no errors and is true size in metres, Y up', async (id) => {
    const b = build(id);
    const glb = writeGlb(b.parts, catalog.materials);
    const report = await validator.validateBytes(glb, { maxIssues: 50 });
    const errors = report.issues.messages.filter((m) => m.severity === 0);
    expect(errors).toEqual([]);
    expect(report.issues.numErrors).toBe(0);
    const json = glbJson(glb);
    const min = [Infinity, Infinity, Infinity];
    const max = [-Infinity, -Infinity, -Infinity];
    for (const mesh of json.meshes)
      for (const prim of mesh.primitives) {
        const acc = json.accessors[prim.attributes.POSITION]!;
        acc.min!.forEach((v, k) => (min[k] = Math.min(min[k]!, v)));
        acc.max!.forEach((v, k) => (max[k] = Math.max(max[k]!, v)));
      }
    const [w, d, h] = sizeMm(b);
    // glTF x = our x, glTF y (up) = our z, glTF z = our −y; mm → m.
    expect((max[0]! - min[0]!) * 1000).toBeCloseTo(w, 1);
    expect((max[1]! - min[1]!) * 1000).toBeCloseTo(h, 1);
    expect((max[2]! - min[2]!) * 1000).toBeCloseTo(d, 1);
    expect(min[1]).toBeCloseTo(0, 6); // standing on the floor
    expect(json.nodes.map((n) => n.name)).toEqual(b.parts.map((p) => p.name));
  });

  it('gives each material its own PBR values and linear colour', () => {
    const b = build('nameplate');
    expect(new Set(b.parts.map((p) => p.color)).size).toBeGreaterThan(1);
    const json = glbJson(writeGlb(b.parts, catalog.materials));
    expect(json.materials.length).toBe(new Set(b.parts.map((p) => `${p.material}|${p.color}`)).size);
    b.parts.forEach((p, i) => {
      const m = json.materials[json.meshes[i]!.primitives[0]!.material]!;
      const cat = catalog.materials.materials.find((x) => x.id === p.material)!;
      expect(m.pbrMetallicRoughness.metallicFactor).toBe(cat.metallic);
      expect(m.pbrMetallicRoughness.roughnessFactor).toBe(cat.roughness);
      const srgb = parseInt(p.color.slice(1, 3), 16) / 255;
      const lin = srgb <= 0.04045 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4;
      expect(m.pbrMetallicRoughness.baseColorFactor[0]).toBeCloseTo(lin, 6);
    });
  });
});

interface ZipEntry {
  name: string;
  method: number;
  dataOffset: number;
  size: number;
}

/** Walks the local file headers, as AR Quick Look does, without trusting a zip library to hide misalignment. */
function localEntries(zip: Uint8Array): ZipEntry[] {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out: ZipEntry[] = [];
  let o = 0;
  while (dv.getUint32(o, true) === 0x04034b50) {
    const method = dv.getUint16(o + 8, true);
    const size = dv.getUint32(o + 18, true);
    const nameLen = dv.getUint16(o + 26, true);
    const extraLen = dv.getUint16(o + 28, true);
    const name = strFromU8(zip.subarray(o + 30, o + 30 + nameLen));
    const dataOffset = o + 30 + nameLen + extraLen;
    out.push({ name, method, dataOffset, size });
    o = dataOffset + size;
  }
  return out;
}

describe('USDZ', () => {
  it.each(['nameplate', 'vase', 'wall-hook'])('%s follows the USDZ zip rules and is true size in metres', (id) => {
    const b = build(id);
    const usdz = writeUsdz(b.parts, catalog.materials);
    const entries = localEntries(usdz);
    expect(entries.length).toBe(1);
    expect(entries[0]!.name).toBe(USDZ_LAYER);
    for (const e of entries) {
      expect(e.method).toBe(0); // stored
      expect(e.dataOffset % 64).toBe(0);
    }
    // A standard zip reader (CRC checked) agrees on the content.
    const files = unzipSync(usdz);
    const usda = strFromU8(files[USDZ_LAYER]!);
    expect(usda.startsWith('#usda 1.0')).toBe(true);
    expect(usda).toMatch(/metersPerUnit = 1\b/);
    expect(usda).toMatch(/upAxis = "Y"/);
    const extents = [...usda.matchAll(/float3\[\] extent = \[\(([^)]*)\), \(([^)]*)\)\]/g)].map((m) => [m[1]!.split(', ').map(Number), m[2]!.split(', ').map(Number)] as const);
    expect(extents.length).toBe(b.parts.length);
    const min = [0, 1, 2].map((k) => Math.min(...extents.map((e) => e[0][k]!)));
    const max = [0, 1, 2].map((k) => Math.max(...extents.map((e) => e[1][k]!)));
    const [w, d, h] = sizeMm(b);
    expect((max[0]! - min[0]!) * 1000).toBeCloseTo(w, 1);
    expect((max[1]! - min[1]!) * 1000).toBeCloseTo(h, 1);
    expect((max[2]! - min[2]!) * 1000).toBeCloseTo(d, 1);
    // every mesh binds a material that is defined
    for (const m of usda.matchAll(/rel material:binding = <([^>]+)>/g)) {
      const name = m[1]!.split('/').pop()!;
      expect(usda).toContain(`def Material "${name}"`);
    }
    // point and index counts agree with the mesh
    const pointCount = [...usda.matchAll(/point3f\[\] points = \[([^\]]*)\]/g)].reduce((s, m) => s + (m[1]!.match(/\(/g)?.length ?? 0), 0);
    expect(pointCount).toBe(b.parts.reduce((s, p) => s + p.mesh.positions.length / 3, 0));
  });

  it('aligns every file of a multi-file package, whatever the name lengths', async () => {
    const { zipStoredAligned } = await import('../../core/export');
    const files = ['a.usda', 'textures/long-name-to-shift-the-offset.png', 'x'].map((name, i) => ({ name, data: new Uint8Array(37 * (i + 1)).fill(i + 1) }));
    const zip = zipStoredAligned(files);
    const entries = localEntries(zip);
    expect(entries.map((e) => e.name)).toEqual(files.map((f) => f.name));
    for (const e of entries) expect(e.dataOffset % 64).toBe(0);
    const back = unzipSync(zip);
    files.forEach((f) => expect(back[f.name]).toEqual(f.data));
  });
});
