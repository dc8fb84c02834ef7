// USDZ writer for AR Quick Look: a USDA layer (metres, Y up, standing on the floor, UsdPreviewSurface materials)
// packaged as USDZ requires: an uncompressed zip whose first file is the layer and whose every file's data starts
// on a 64-byte boundary (padding goes in the local header's extra field). Pure TypeScript.

import { strToU8 } from 'fflate';
import { bboxOf, type PartMesh } from '../geometry/mesh-data';
import type { MaterialCatalog } from '../model/types';
import { round6, srgbHexToLinear, toArSpace } from './ar-space';
import { writeZip } from './zip';

export const USDZ_LAYER = 'product.usda';

/** A USD prim name: letters, digits, underscore, not starting with a digit; unique among `taken`. */
function primName(raw: string, taken: Set<string>): string {
  let base = raw.normalize('NFKD').replace(/[^A-Za-z0-9_]/g, '_').replace(/_+/g, '_') || 'Part';
  if (/^[0-9]/.test(base)) base = `_${base}`;
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  taken.add(name);
  return name;
}

const usdString = (s: string) => JSON.stringify(s); // USD strings accept the same escapes for what we write

export function writeUsda(parts: PartMesh[], materials: MaterialCatalog): string {
  const positions = toArSpace(parts);
  const out: string[] = [];
  out.push('#usda 1.0\n(\n    defaultPrim = "Product"\n    metersPerUnit = 1\n    upAxis = "Y"\n    doc = "Written by Atelier"\n)\n\n');
  out.push('def Xform "Product" (\n    kind = "component"\n)\n{\n');
  const matNames = new Set<string>();
  const matKeys = new Map<string, string>();
  const matDefs: string[] = [];
  const materialFor = (p: PartMesh): string => {
    const key = `${p.material}|${p.color}`;
    const known = matKeys.get(key);
    if (known) return known;
    const m = materials.materials.find((x) => x.id === p.material);
    const name = primName(m?.name ?? p.material, matNames);
    const [r, g, b] = srgbHexToLinear(p.color).map(round6) as [number, number, number];
    matDefs.push(
      `        def Material "${name}"\n        {\n` +
        `            token outputs:surface.connect = </Product/Materials/${name}/Surface.outputs:surface>\n\n` +
        `            def Shader "Surface"\n            {\n` +
        `                uniform token info:id = "UsdPreviewSurface"\n` +
        `                color3f inputs:diffuseColor = (${r}, ${g}, ${b})\n` +
        `                float inputs:metallic = ${round6(m?.metallic ?? 0)}\n` +
        `                float inputs:roughness = ${round6(m?.roughness ?? 0.5)}\n` +
        `                float inputs:opacity = ${round6(m?.alpha ?? 1)}\n` +
        `                token outputs:surface\n            }\n        }\n`,
    );
    matKeys.set(key, name);
    return name;
  };
  const meshNames = new Set<string>(['Materials']);
  parts.forEach((part, i) => {
    const pos = positions[i]!;
    const idx = part.mesh.indices;
    if (idx.length === 0) return;
    const mat = materialFor(part);
    const name = primName(part.name, meshNames);
    const { min, max } = bboxOf([{ positions: pos, indices: idx }]);
    out.push(`    def Mesh "${name}" (\n        prepend apiSchemas = ["MaterialBindingAPI"]\n    )\n    {\n`);
    out.push(`        string userProperties:atelierPart = ${usdString(part.name)}\n`);
    out.push(`        float3[] extent = [(${min.map(round6).join(', ')}), (${max.map(round6).join(', ')})]\n`);
    const counts: string[] = [];
    for (let t = 0; t < idx.length; t += 3) counts.push('3');
    out.push(`        int[] faceVertexCounts = [${counts.join(', ')}]\n`);
    out.push(`        int[] faceVertexIndices = [${Array.from(idx).join(', ')}]\n`);
    const pts: string[] = [];
    for (let v = 0; v < pos.length; v += 3) pts.push(`(${round6(pos[v]!)}, ${round6(pos[v + 1]!)}, ${round6(pos[v + 2]!)})`);
    out.push(`        point3f[] points = [${pts.join(', ')}]\n`);
    out.push(`        uniform token orientation = "rightHanded"\n        uniform token subdivisionScheme = "none"\n`);
    out.push(`        rel material:binding = </Product/Materials/${mat}>\n    }\n\n`);
  });
  out.push('    def Scope "Materials"\n    {\n', ...matDefs, '    }\n}\n');
  return out.join('');
}

export function writeUsdz(parts: PartMesh[], materials: MaterialCatalog): Uint8Array {
  return zipStoredAligned([{ name: USDZ_LAYER, data: strToU8(writeUsda(parts, materials)) }]);
}

/** A USDZ-style package: every entry stored (uncompressed) with its data on a multiple of `align` bytes. */
export function zipStoredAligned(files: { name: string; data: Uint8Array }[], align = 64): Uint8Array {
  return writeZip(files.map((f) => ({ ...f, level: 0 })), { align });
}
