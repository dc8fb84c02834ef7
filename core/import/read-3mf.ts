// Hardened 3MF reader: an Atelier 3MF (with its embedded design) or any 3MF as plain geometry in mm.
// Zip size/ratio/entry limits, no path traversal, no DTD, strict numbers, index bounds, transforms applied.
// Pure TypeScript; fflate for the zip.

import { Inflate, strFromU8, unzipSync } from 'fflate';
import { UserError } from '../errors';
import type { MeshData } from '../geometry/mesh-data';
import { strictNumber, tokenizeXml } from '../formats/xml';
import { DESIGN_PART } from '../formats/3mf-parts';
import { crc32 } from '../formats/crc32';

export const LIMITS_3MF = {
  /** Compressed file size accepted (bytes). */
  fileBytes: 300 * 1024 * 1024,
  /** Uncompressed bytes of all entries together. */
  totalBytes: 1024 * 1024 * 1024,
  /** Largest compression ratio of one entry (zip bombs reach thousands). */
  ratio: 200,
  entries: 2000,
  vertices: 20_000_000,
  triangles: 20_000_000,
  objects: 10_000,
  componentDepth: 16,
  /** Objects and components the build places, counting every copy (shared components multiply). */
  instances: 100_000,
};

/** 3MF extensions whose content this reader understands or may safely ignore for geometry. */
const SUPPORTED_EXTENSIONS = new Set([
  'http://schemas.microsoft.com/3dmanufacturing/core/2015/02',
  'http://schemas.microsoft.com/3dmanufacturing/material/2015/02',
]);

const UNIT_TO_MM: Record<string, number> = { micron: 0.001, millimeter: 1, centimeter: 10, inch: 25.4, foot: 304.8, meter: 1000 };

export interface Read3mfResult {
  objects: { name: string; mesh: MeshData }[];
  designJson?: string;
  metadata: Record<string, string>;
  unit: string;
}

interface ObjDef {
  name: string;
  mesh?: { pos: number[]; idx: number[] };
  components: { id: string; m: number[] }[];
}

export function read3mf(bytes: Uint8Array, file = '3MF file'): Read3mfResult {
  if (bytes.length > LIMITS_3MF.fileBytes) throw new UserError(`${file} is larger than ${LIMITS_3MF.fileBytes / 1024 / 1024} MB`);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new UserError(`${file} is not a 3MF file (not a zip package)`);
  let count = 0;
  let total = 0;
  let packed = 0;
  let unpacked = 0;
  // fflate checks the directory and calls the filter in directory order; the wanted entries are then inflated here,
  // never past their declared size (fflate would keep inflating a lying entry, however long its stream runs).
  const wantedAt = new Map<number, { name: string; size: number; originalSize: number }>();
  let entries: Record<string, Uint8Array>;
  try {
    unzipSync(bytes, {
      filter(f) {
        if (++count > LIMITS_3MF.entries) throw new UserError(`${file} has more than ${LIMITS_3MF.entries} entries`);
        const name = f.name;
        if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..') || /^[a-zA-Z]:/.test(name) || name.includes('\0'))
          throw new UserError(`${file} contains an entry with an unsafe path: ${JSON.stringify(name.slice(0, 80))}`);
        total += f.originalSize;
        if (total > LIMITS_3MF.totalBytes) throw new UserError(`${file} unpacks to more than ${LIMITS_3MF.totalBytes / 1024 / 1024} MB`);
        if (f.originalSize > 1024 * 1024 && f.originalSize / Math.max(1, f.size) > LIMITS_3MF.ratio)
          throw new UserError(`${file}: entry ${name} is compressed ${Math.round(f.originalSize / Math.max(1, f.size))}:1, which looks like a zip bomb`);
        const wanted = name.endsWith('.model') || name.endsWith('.rels') || name === DESIGN_PART || name === '[Content_Types].xml';
        // Many small entries can make a bomb too: the entries that are unpacked must compress plausibly together.
        if (wanted) {
          wantedAt.set(count - 1, { name, size: f.size, originalSize: f.originalSize });
          packed += f.size;
          // Compressed sizes beyond the file are lies (or entries overlapping each other): refuse before allocating.
          if (packed > bytes.length) throw new UserError(`${file} is damaged: its entries claim more compressed bytes than the file holds`);
          unpacked += f.originalSize;
          if (unpacked > 1024 * 1024 && unpacked / Math.max(1, packed) > LIMITS_3MF.ratio)
            throw new UserError(`${file}: its parts are compressed ${Math.round(unpacked / Math.max(1, packed))}:1 together, which looks like a zip bomb (at most ${LIMITS_3MF.ratio}:1 is accepted)`);
        }
        return false;
      },
    });
    entries = inflateEntries(bytes, wantedAt, file);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${file} is not a readable zip package (${e instanceof Error ? e.message : 'corrupt'})`);
  }
  const crcs = centralCrcs(bytes);
  for (const [name, data] of Object.entries(entries)) {
    const want = crcs.get(name);
    if (want !== undefined && crc32(data) !== want) throw new UserError(`${file} is damaged: entry ${name} fails its checksum (CRC)`);
  }
  for (const name of Object.keys(entries)) if (name.endsWith('.rels')) checkRelationships(entries[name]!, `${file} (${name})`);
  const got = Object.values(entries).reduce((s, b) => s + b.length, 0);
  if (got > LIMITS_3MF.totalBytes) throw new UserError(`${file} unpacks to more than allowed`);
  if (!entries['[Content_Types].xml']) throw new UserError(`${file} has no [Content_Types].xml: not a valid 3MF package`);
  const modelPath = startPart(entries, file);
  const modelBytes = entries[modelPath];
  if (!modelBytes) throw new UserError(`${file} has no 3D model part (${modelPath})`);
  const xml = utf8(modelBytes, `${file}: the 3D model part`);
  const out = parseModelXml(xml, `${file} (${modelPath})`);
  const design = entries[DESIGN_PART];
  if (design) {
    out.designJson = utf8(design, `${file}: the embedded design`);
  }
  return out;
}

function startPart(entries: Record<string, Uint8Array>, file: string): string {
  const rels = entries['_rels/.rels'];
  if (!rels) throw new UserError(`${file} has no _rels/.rels: not a valid 3MF package`);
  for (const ev of tokenizeXml(utf8(rels, `${file}: _rels/.rels`), `${file} (_rels/.rels)`)) {
    if (ev.t === 'open' && ev.name === 'Relationship' && /\/3dmodel$/.test(ev.attrs.get('Type') ?? '')) {
      const target = (ev.attrs.get('Target') ?? '').replace(/^\//, '');
      if (!target || target.split('/').includes('..')) throw new UserError(`${file}: the model relationship points outside the package`);
      return target;
    }
  }
  throw new UserError(`${file} declares no 3D model part`);
}

/** Inflates the wanted entries (by directory index), each into exactly its declared size and no further. */
function inflateEntries(zip: Uint8Array, wanted: Map<number, { name: string; size: number; originalSize: number }>, file: string): Record<string, Uint8Array> {
  const out = Object.create(null) as Record<string, Uint8Array>;
  if (wanted.size === 0) return out;
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const u16 = (o: number) => dv.getUint16(o, true);
  const u32 = (o: number) => dv.getUint32(o, true);
  let eocd = zip.length - 22;
  while (eocd > 0 && u32(eocd) !== 0x06054b50) eocd--;
  let count = u16(eocd + 10);
  let o = u32(eocd + 16);
  if (eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const z = Number(dv.getBigUint64(eocd - 12, true));
    if (z + 56 <= zip.length && u32(z) === 0x06064b50) {
      count = Number(dv.getBigUint64(z + 32, true));
      o = Number(dv.getBigUint64(z + 48, true));
    }
  }
  for (let k = 0; k < count && o + 46 <= zip.length; k++) {
    const nameLen = u16(o + 28);
    const extraLen = u16(o + 30);
    const w = wanted.get(k);
    if (w) {
      let local = u32(o + 42);
      if (local === 0xffffffff) {
        // zip64: the 64-bit values in extra field 1 are those whose 32-bit fields are all ones, in this order.
        for (let e = o + 46 + nameLen; e + 4 <= o + 46 + nameLen + extraLen; e += 4 + u16(e + 2)) {
          if (u16(e) !== 1) continue;
          const skip = (u32(o + 24) === 0xffffffff ? 8 : 0) + (u32(o + 20) === 0xffffffff ? 8 : 0);
          local = Number(dv.getBigUint64(e + 4 + skip, true));
        }
      }
      if (local + 30 > zip.length || u32(local) !== 0x04034b50) throw new UserError(`${file} is damaged: entry ${w.name} has no local header`);
      const start = local + 30 + u16(local + 26) + u16(local + 28);
      const data = zip.subarray(start, start + w.size);
      const method = u16(o + 10);
      if (method === 0) out[w.name] = data.slice(0, w.originalSize);
      else if (method === 8) out[w.name] = inflateBounded(data, w.originalSize, `${file}: entry ${w.name}`);
      else throw new UserError(`${file}: entry ${w.name} uses compression method ${method}; 3MF packages use deflate or none`);
    }
    o += 46 + nameLen + extraLen + u16(o + 32);
  }
  return out;
}

function inflateBounded(data: Uint8Array, size: number, what: string): Uint8Array {
  const out = new Uint8Array(size);
  let got = 0;
  const inf = new Inflate((chunk) => {
    if (got + chunk.length > size)
      throw new UserError(`${what} unpacks to more than the ${size} bytes the package declares for it: the file is damaged or a zip bomb`);
    out.set(chunk, got);
    got += chunk.length;
  });
  // Small steps: one step of deflate can unpack to at most about 1000 times its size before the check above runs.
  const STEP = 16 * 1024;
  if (data.length === 0) inf.push(data, true);
  for (let i = 0; i < data.length; i += STEP) inf.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  return got === size ? out : out.subarray(0, got);
}

/** The CRC-32 of each entry, from the zip's central directory (fflate does not check them). */
function centralCrcs(zip: Uint8Array): Map<string, number> {
  const out = new Map<string, number>();
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return out;
  const n = dv.getUint16(eocd + 10, true);
  let o = dv.getUint32(eocd + 16, true);
  for (let k = 0; k < n && o + 46 <= zip.length && dv.getUint32(o, true) === 0x02014b50; k++) {
    const crc = dv.getUint32(o + 16, true);
    const nameLen = dv.getUint16(o + 28, true);
    const skip = nameLen + dv.getUint16(o + 30, true) + dv.getUint16(o + 32, true);
    out.set(strFromU8(zip.subarray(o + 46, o + 46 + nameLen)), crc);
    o += 46 + skip;
  }
  return out;
}

/** Relationships must stay inside the package: no external targets, no drive letters or URLs. */
function checkRelationships(rels: Uint8Array, where: string): void {
  for (const ev of tokenizeXml(utf8(rels, where), where)) {
    if (ev.t !== 'open' || ev.name !== 'Relationship') continue;
    const target = ev.attrs.get('Target') ?? '';
    if (ev.attrs.get('TargetMode') === 'External' || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(target) || target.startsWith('//') || target.includes('\\'))
      throw new UserError(`${where}: a relationship points outside the package (${JSON.stringify(target.slice(0, 80))}); a 3MF must be self-contained`);
    if (target.split('/').includes('..')) throw new UserError(`${where}: a relationship points outside the package`);
  }
}

function parseModelXml(xml: string, where: string): Read3mfResult {
  let unit = 'millimeter';
  const objects = new Map<string, ObjDef>();
  const items: { id: string; m: number[] }[] = [];
  const metadata = new Map<string, string>(); // names are data: "__proto__" or "constructor" are ordinary keys
  let cur: ObjDef | undefined;
  let metaName: string | undefined;
  let sawModel = false;
  let sawBuild = false;
  let depth = 0;
  let resourcesDepth = -1;
  const resourceIds = new Set<string>();
  const objectTypes = new Map<string, string>();
  let objectPid: string | undefined;
  let verts = 0;
  let tris = 0;
  for (const ev of tokenizeXml(xml, where)) {
    if (ev.t === 'open') {
      const a = ev.attrs;
      // Every resource (object, base materials, colour group, texture…) has an id unique among all resources.
      if (depth === resourcesDepth + 1 && resourcesDepth >= 0) {
        const rid = a.get('id');
        if (rid !== undefined) {
          if (resourceIds.has(rid)) throw new UserError(`${where}: resource id ${rid} is used twice; every resource needs its own id`);
          resourceIds.add(rid);
        }
      }
      depth++; // the tokenizer closes self-closing tags too
      switch (ev.name) {
        case 'model': {
          sawModel = true;
          unit = a.get('unit') ?? 'millimeter';
          if (!(unit in UNIT_TO_MM)) throw new UserError(`${where}: unit "${unit}" is not a 3MF unit (${Object.keys(UNIT_TO_MM).join(', ')})`);
          const required = (a.get('requiredextensions') ?? '').split(/\s+/).filter(Boolean);
          for (const prefix of required) {
            const ns = a.get(`xmlns:${prefix}`);
            if (!ns || !SUPPORTED_EXTENSIONS.has(ns))
              throw new UserError(`${where}: the file requires the 3MF extension ${ns ?? `"${prefix}"`}, which Atelier cannot read (it reads core and materials)`);
          }
          break;
        }
        case 'resources':
          resourcesDepth = depth - 1;
          break;
        case 'build':
          sawBuild = true;
          break;
        case 'object': {
          const id = a.get('id');
          if (!id || !/^\d+$/.test(id)) throw new UserError(`${where}: an object needs a numeric id`);
          if (objects.has(id)) throw new UserError(`${where}: object id ${id} is used twice`);
          objectTypes.set(id, a.get('type') ?? 'model');
          objectPid = a.get('pid');
          if (a.get('pindex') !== undefined && objectPid === undefined) throw new UserError(`${where}: object ${id} has a pindex but no pid (property group)`);
          if (objects.size >= LIMITS_3MF.objects) throw new UserError(`${where}: more than ${LIMITS_3MF.objects} objects`);
          cur = { name: a.get('name') ?? `Object ${id}`, components: [] };
          objects.set(id, cur);
          break;
        }
        case 'mesh':
          if (!cur) throw new UserError(`${where}: <mesh> outside an <object>`);
          cur.mesh = { pos: [], idx: [] };
          break;
        case 'vertex': {
          if (!cur?.mesh) throw new UserError(`${where}: <vertex> outside a <mesh>`);
          if (++verts > LIMITS_3MF.vertices) throw new UserError(`${where}: more than ${LIMITS_3MF.vertices} vertices`);
          cur.mesh.pos.push(strictNumber(a.get('x'), `${where}: vertex x`), strictNumber(a.get('y'), `${where}: vertex y`), strictNumber(a.get('z'), `${where}: vertex z`));
          break;
        }
        case 'triangle': {
          if (!cur?.mesh) throw new UserError(`${where}: <triangle> outside a <mesh>`);
          if (++tris > LIMITS_3MF.triangles) throw new UserError(`${where}: more than ${LIMITS_3MF.triangles} triangles`);
          const nv = cur.mesh.pos.length / 3;
          for (const k of ['v1', 'v2', 'v3']) {
            const s = a.get(k);
            if (!s || !/^\d+$/.test(s)) throw new UserError(`${where}: triangle ${k} must be a vertex index`);
            const v = Number(s);
            if (v >= nv) throw new UserError(`${where}: triangle refers to vertex ${v}, but the mesh has ${nv}`);
            cur.mesh.idx.push(v);
          }
          if ((a.get('p1') !== undefined || a.get('p2') !== undefined || a.get('p3') !== undefined) && a.get('pid') === undefined && objectPid === undefined)
            throw new UserError(`${where}: a triangle has properties (p1) but neither it nor its object names a property group (pid)`);
          const t = cur.mesh.idx.length;
          const [i0, i1, i2] = cur.mesh.idx.slice(t - 3);
          if (i0 === i1 || i1 === i2 || i0 === i2) throw new UserError(`${where}: a triangle uses the same vertex twice`);
          break;
        }
        case 'component': {
          if (!cur) throw new UserError(`${where}: <component> outside an <object>`);
          cur.components.push({ id: a.get('objectid') ?? '', m: transform(a.get('transform'), where) });
          break;
        }
        case 'item':
          items.push({ id: a.get('objectid') ?? '', m: transform(a.get('transform'), where) });
          break;
        case 'metadata':
          // the model's own metadata (an object's metadata group is not the file's title or design)
          metaName = cur ? undefined : a.get('name');
          if (metaName !== undefined) {
            if (metadata.has(metaName)) throw new UserError(`${where}: metadata "${metaName}" is given twice`);
            metadata.set(metaName, '');
          }
          break;
      }
    } else if (ev.t === 'text' && metaName) {
      metadata.set(metaName, (metadata.get(metaName) ?? '') + ev.text);
    } else if (ev.t === 'close') {
      depth--;
      if (ev.name === 'resources') resourcesDepth = -1;
      if (ev.name === 'object') {
        cur = undefined;
        objectPid = undefined;
      }
      if (ev.name === 'metadata') metaName = undefined;
    }
  }
  if (!sawModel) throw new UserError(`${where}: no <model> element`);
  if (!sawBuild) throw new UserError(`${where}: no <build> element: the file does not say which objects to print`);
  for (const it of items) {
    const type = objectTypes.get(it.id);
    if (type === undefined) throw new UserError(`${where}: the build refers to object ${it.id}, which does not exist`);
    if (type === 'other') throw new UserError(`${where}: the build refers to object ${it.id} of type "other", which is not printable`);
  }
  const scale = UNIT_TO_MM[unit]!;
  const result: { name: string; mesh: MeshData }[] = [];
  // Components shared at every level multiply (10 × 10 × … copies): count what the build really places.
  let instances = 0;
  let placedVerts = 0;
  let placedTris = 0;
  const flatten = (id: string, m: number[], depth: number, name: string, pos: number[], idx: number[]) => {
    if (depth > LIMITS_3MF.componentDepth) throw new UserError(`${where}: components nested more than ${LIMITS_3MF.componentDepth} deep (or in a cycle)`);
    if (++instances > LIMITS_3MF.instances)
      throw new UserError(`${where}: the build places more than ${LIMITS_3MF.instances} objects and components (counting every copy of a shared component)`);
    const o = objects.get(id);
    if (!o) throw new UserError(`${where}: reference to object ${id}, which does not exist`);
    if (o.mesh) {
      placedVerts += o.mesh.pos.length / 3;
      placedTris += o.mesh.idx.length / 3;
      if (placedVerts > LIMITS_3MF.vertices || placedTris > LIMITS_3MF.triangles)
        throw new UserError(`${where}: with its components placed, the build has more than ${LIMITS_3MF.triangles} triangles or ${LIMITS_3MF.vertices} vertices`);
      const base = pos.length / 3;
      const p = o.mesh.pos;
      for (let i = 0; i < p.length; i += 3) {
        const [x, y, z] = [p[i]!, p[i + 1]!, p[i + 2]!];
        pos.push((m[0]! * x + m[3]! * y + m[6]! * z + m[9]!) * scale, (m[1]! * x + m[4]! * y + m[7]! * z + m[10]!) * scale, (m[2]! * x + m[5]! * y + m[8]! * z + m[11]!) * scale);
      }
      for (const v of o.mesh.idx) idx.push(v + base);
    }
    for (const c of o.components) flatten(c.id, compose(m, c.m), depth + 1, name, pos, idx);
  };
  for (const it of items) {
    const o = objects.get(it.id);
    const pos: number[] = [];
    const idx: number[] = [];
    flatten(it.id, it.m, 0, o?.name ?? it.id, pos, idx);
    if (idx.length) result.push({ name: o?.name ?? it.id, mesh: { positions: new Float32Array(pos), indices: new Uint32Array(idx) } });
  }
  return { objects: result, metadata: Object.fromEntries(metadata), unit };
}

const IDENTITY = [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0];

function transform(s: string | undefined, where: string): number[] {
  if (s === undefined) return IDENTITY;
  const parts = s.trim().split(/\s+/);
  if (parts.length !== 12) throw new UserError(`${where}: a transform needs 12 numbers`);
  return parts.map((p) => strictNumber(p, `${where}: transform`));
}

/** 3MF 3×4 row-major-by-columns matrices: apply `inner` first, then `outer`. */
function compose(outer: number[], inner: number[]): number[] {
  const r = new Array<number>(12);
  for (let c = 0; c < 3; c++)
    for (let k = 0; k < 3; k++) r[c * 3 + k] = inner[c * 3]! * outer[k]! + inner[c * 3 + 1]! * outer[3 + k]! + inner[c * 3 + 2]! * outer[6 + k]!;
  for (let k = 0; k < 3; k++) r[9 + k] = inner[9]! * outer[k]! + inner[10]! * outer[3 + k]! + inner[11]! * outer[6 + k]! + outer[9 + k]!;
  return r;
}

function utf8(b: Uint8Array, what: string): string {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0x3c && b[1] === 0x00) || (b[0] === 0x00 && b[1] === 0x3c))
    throw new UserError(`${what} is UTF-16 text; 3MF requires UTF-8`);
  let text: string;
  try {
    text = strFromU8(b);
  } catch {
    throw new UserError(`${what} is not UTF-8 text`);
  }
  // An XML declaration naming another encoding breaks the same rule (3MF core 2.3.2), even in ASCII bytes.
  const declared = /^\uFEFF?<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) throw new UserError(`${what} declares the ${declared.slice(0, 40)} encoding; 3MF requires UTF-8`);
  return text;
}
