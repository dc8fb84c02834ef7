// GLB writer (glTF 2.0 binary) for AR: one node and mesh per part, a PBR metallic-roughness material per
// material and colour, metres, Y up, standing on the floor at the origin — true size in Scene Viewer and any viewer.
// No normals are written: glTF viewers then compute flat normals, which is exact for our faceted solids.
// Pure TypeScript.

import { strToU8 } from 'fflate';
import { bboxOf, type PartMesh } from '../geometry/mesh-data';
import type { MaterialCatalog } from '../model/types';
import { srgbHexToLinear, toArSpace } from './ar-space';

const ARRAY_BUFFER = 34962;
const ELEMENT_ARRAY_BUFFER = 34963;
const FLOAT = 5126;
const UNSIGNED_SHORT = 5123;
const UNSIGNED_INT = 5125;

const pad4 = (n: number) => (n + 3) & ~3;

export interface GlbOptions {
  /** asset.generator, e.g. "Atelier 0.1.0". */
  generator?: string;
}

export function writeGlb(parts: PartMesh[], materials: MaterialCatalog, options: GlbOptions = {}): Uint8Array {
  const positions = toArSpace(parts);
  const chunks: Uint8Array[] = [];
  let byteLength = 0;
  const bufferViews: object[] = [];
  const accessors: object[] = [];
  const push = (bytes: Uint8Array, target: number): number => {
    bufferViews.push({ buffer: 0, byteOffset: byteLength, byteLength: bytes.byteLength, target });
    chunks.push(bytes);
    byteLength += bytes.byteLength;
    const pad = pad4(byteLength) - byteLength;
    if (pad) {
      chunks.push(new Uint8Array(pad));
      byteLength += pad;
    }
    return bufferViews.length - 1;
  };

  const gltfMaterials: object[] = [];
  const materialKeys: string[] = [];
  const materialFor = (p: PartMesh): number => {
    const key = `${p.material}|${p.color}`;
    let i = materialKeys.indexOf(key);
    if (i !== -1) return i;
    const m = materials.materials.find((x) => x.id === p.material);
    const alpha = m?.alpha ?? 1;
    gltfMaterials.push({
      name: m?.name ?? p.material,
      pbrMetallicRoughness: {
        baseColorFactor: [...srgbHexToLinear(p.color), alpha],
        metallicFactor: m?.metallic ?? 0,
        roughnessFactor: m?.roughness ?? 0.5,
      },
      ...(alpha < 1 ? { alphaMode: 'BLEND' } : {}),
    });
    materialKeys.push(key);
    return gltfMaterials.length - 1;
  };

  const meshes: object[] = [];
  const nodes: object[] = [];
  parts.forEach((part, i) => {
    const pos = positions[i]!;
    const vertexCount = pos.length / 3;
    const idx = part.mesh.indices;
    if (vertexCount === 0 || idx.length === 0) return;
    const { min, max } = bboxOf([{ positions: pos, indices: idx }]);
    const posView = push(new Uint8Array(pos.buffer, pos.byteOffset, pos.byteLength), ARRAY_BUFFER);
    accessors.push({ bufferView: posView, componentType: FLOAT, count: vertexCount, type: 'VEC3', min, max });
    const posAccessor = accessors.length - 1;
    const small = vertexCount <= 0xffff;
    const indexArray = small ? Uint16Array.from(idx) : Uint32Array.from(idx);
    const idxView = push(new Uint8Array(indexArray.buffer, indexArray.byteOffset, indexArray.byteLength), ELEMENT_ARRAY_BUFFER);
    accessors.push({ bufferView: idxView, componentType: small ? UNSIGNED_SHORT : UNSIGNED_INT, count: idx.length, type: 'SCALAR' });
    meshes.push({ name: part.name, primitives: [{ attributes: { POSITION: posAccessor }, indices: accessors.length - 1, material: materialFor(part), mode: 4 }] });
    nodes.push({ name: part.name, mesh: meshes.length - 1 });
  });

  const gltf = {
    asset: { version: '2.0', generator: options.generator ?? 'Atelier' },
    scene: 0,
    scenes: [{ name: 'Product', nodes: nodes.map((_, i) => i) }],
    nodes,
    meshes,
    materials: gltfMaterials,
    accessors,
    bufferViews,
    buffers: [{ byteLength }],
  };
  if (nodes.length === 0) {
    // glTF forbids empty arrays; a product with no geometry is refused before it gets here, but stay valid anyway.
    return assemble(strToU8(JSON.stringify({ asset: gltf.asset })), new Uint8Array(0));
  }
  const bin = new Uint8Array(byteLength);
  let o = 0;
  for (const c of chunks) {
    bin.set(c, o);
    o += c.byteLength;
  }
  return assemble(strToU8(JSON.stringify(gltf)), bin);
}

function assemble(jsonBytes: Uint8Array, bin: Uint8Array): Uint8Array {
  const jsonLen = pad4(jsonBytes.byteLength);
  const binLen = pad4(bin.byteLength);
  const total = 12 + 8 + jsonLen + (binLen ? 8 + binLen : 0);
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, 0x46546c67, true); // "glTF"
  dv.setUint32(4, 2, true);
  dv.setUint32(8, total, true);
  dv.setUint32(12, jsonLen, true);
  dv.setUint32(16, 0x4e4f534a, true); // "JSON"
  out.set(jsonBytes, 20);
  out.fill(0x20, 20 + jsonBytes.byteLength, 20 + jsonLen); // JSON chunk is padded with spaces
  if (binLen) {
    const b = 20 + jsonLen;
    dv.setUint32(b, binLen, true);
    dv.setUint32(b + 4, 0x004e4942, true); // "BIN\0"
    out.set(bin, b + 8);
  }
  return out;
}
