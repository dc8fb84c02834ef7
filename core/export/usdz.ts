// USDZ writer for AR Quick Look: a USDA layer (metres, Y up, standing on the floor, UsdPreviewSurface materials)
// packaged as USDZ requires: an uncompressed zip whose first file is the layer and whose every file's data starts
// on a 64-byte boundary (padding goes in the local header's extra field). Pure TypeScript.

import { strToU8 } from 'fflate';
import type { PartMesh } from '../geometry/mesh-data';
import type { MaterialCatalog } from '../model/types';
import { minMax3, round6, srgbHexToLinear, toArSpace } from './ar-space';
import { crc32 } from './png';

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
    const { min, max } = minMax3(pos);
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

// ---- zip, stored, 64-byte aligned ----------------------------------------------------------------------------

const PAD_HEADER_ID = 0x1986; // an unregistered extra-field id used for alignment padding

export function zipStoredAligned(files: { name: string; data: Uint8Array }[], align = 64): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  // 1980-01-01 00:00: a fixed date keeps the package reproducible.
  const dosTime = 0;
  const dosDate = (0 << 9) | (1 << 5) | 1;
  for (const f of files) {
    const name = strToU8(f.name);
    const crc = crc32(f.data);
    const fixed = 30 + name.length;
    let pad = (align - ((offset + fixed) % align)) % align;
    if (pad > 0 && pad < 4) pad += align; // an extra-field record needs at least its 4-byte header
    const h = new Uint8Array(fixed + pad);
    const dv = new DataView(h.buffer);
    dv.setUint32(0, 0x04034b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, 0x0800, true); // UTF-8 names
    dv.setUint16(8, 0, true); // stored
    dv.setUint16(10, dosTime, true);
    dv.setUint16(12, dosDate, true);
    dv.setUint32(14, crc, true);
    dv.setUint32(18, f.data.length, true);
    dv.setUint32(22, f.data.length, true);
    dv.setUint16(26, name.length, true);
    dv.setUint16(28, pad, true);
    h.set(name, 30);
    if (pad) {
      dv.setUint16(fixed, PAD_HEADER_ID, true);
      dv.setUint16(fixed + 2, pad - 4, true);
    }
    const c = new Uint8Array(46 + name.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, 0, true);
    cv.setUint16(12, dosTime, true);
    cv.setUint16(14, dosDate, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, f.data.length, true);
    cv.setUint32(24, f.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    c.set(name, 46);
    locals.push(h, f.data);
    centrals.push(c);
    offset += h.length + f.data.length;
  }
  const cdSize = centrals.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, files.length, true);
  ev.setUint16(10, files.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let o = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, o);
    o += part.length;
  }
  return out;
}
