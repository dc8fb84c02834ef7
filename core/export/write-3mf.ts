// 3MF writer: an OPC package with a base-material colour per material, metadata, an optional thumbnail and the design
// embedded so Atelier can re-open the file. Units: millimetre. Without `slicer`, one named object per part; with it, a
// slicer-ready project: the product is ONE object whose parts are on their own filament slots (slicer-config.ts says
// which layout each slicer family reads). Pure TypeScript; fflate for the zip. Mesh text is written as bytes, in
// chunks, so a million triangles stay fast.

import { strToU8 } from 'fflate';
import type { PartMesh } from '../geometry/mesh-data';
import type { Design, MaterialCatalog } from '../model/types';
import { filamentSlots } from './filament-slots';
import { bambuModelSettings, prusaModelConfig, type BambuObject, type PrusaObject } from './slicer-config';
import { escapeXml } from '../formats/xml';
import { writeZip, type ZipCodec, type ZipEntry } from './zip';

import { DESIGN_PART } from '../formats/3mf-parts';
export { DESIGN_PART };
const DESIGN_REL = 'https://atelier.example/3mf/2026/design';
const THUMB_REL = 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail';
const MODEL_REL = 'http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel';
export const PRUSA_CONFIG_PART = 'Metadata/Slic3r_PE_model.config';
export const BAMBU_CONFIG_PART = 'Metadata/model_settings.config';

/**
 * How the product becomes one object in a slicer:
 * - 'one-object' (default): one mesh object holding every part's triangles in turn. PrusaSlicer makes each run a
 *   part on its own extruder; Bambu Studio and OrcaSlicer open it as one object on one filament (they ignore runs).
 * - 'assembly': one mesh object per part, placed by one components object. Bambu Studio and OrcaSlicer make each a
 *   part on its own filament; PrusaSlicer opens each part as its own object (on its own extruder).
 */
export type SlicerLayout = 'one-object' | 'assembly';

export interface SlicerProjectOptions {
  layout?: SlicerLayout;
  /** The printer's filament count: parts on a slot above it print with slot 1. */
  filaments?: number;
}

export interface ExportMetadata {
  title: string;
  designer?: string;
  description?: string;
  /** e.g. "Atelier 0.1.0" */
  application: string;
  /** ISO 8601 */
  creationDate: string;
  design?: Design;
  thumbnailPng?: Uint8Array;
  /** Write a slicer-ready project (one object, a filament slot per part). */
  slicer?: SlicerProjectOptions;
  /** The product object's name in a slicer project (default: the title). */
  objectName?: string;
}

interface Project {
  layout: SlicerLayout;
  name: string;
  /** The object the build places. */
  item: number;
  prusa: PrusaObject[];
  bambu: BambuObject[];
}

function slicerProject(parts: PartMesh[], meta: ExportMetadata): Project {
  const layout = meta.slicer?.layout ?? 'one-object';
  const name = meta.objectName ?? (parts.length === 1 ? parts[0]!.name : meta.title);
  const slot = filamentSlots(parts, meta.slicer?.filaments).ofPart;
  const tris = parts.map((p) => p.mesh.indices.length / 3);
  if (layout === 'one-object') {
    let first = 0;
    const volumes = parts.map((p, i) => {
      const v = { name: p.name, extruder: slot[i]!, first, last: first + tris[i]! - 1 };
      first += tris[i]!;
      return v;
    });
    return {
      layout,
      name,
      item: 2,
      prusa: [{ id: 2, name, extruder: slot[0]!, volumes }],
      bambu: [{ id: 2, name, extruder: slot[0]!, parts: [{ id: 2, name, extruder: slot[0]! }] }],
    };
  }
  const item = parts.length + 2;
  return {
    layout,
    name,
    item,
    prusa: parts.map((p, i) => ({ id: i + 2, name: p.name, extruder: slot[i]!, volumes: [{ name: p.name, extruder: slot[i]!, first: 0, last: tris[i]! - 1 }] })),
    bambu: [{ id: item, name, extruder: slot[0]!, parts: parts.map((p, i) => ({ id: i + 2, name: p.name, extruder: slot[i]! })) }],
  };
}

/**
 * The <vertex> and <triangle> lines of one mesh made of `parts` in turn (their vertices, then their triangles with
 * indices shifted past the earlier parts' vertices). A triangle whose part has another colour than the object's says
 * so with pid/p1, so 3MF viewers still show each part's colour.
 */
function meshBytes(parts: PartMesh[], pindex: number[], own: number): Uint8Array {
  let size = 64;
  for (const p of parts) size += p.mesh.positions.length * 16 + p.mesh.indices.length * 16;
  const w = new AsciiWriter(size);
  for (const p of parts) {
    const pos = p.mesh.positions;
    for (let v = 0; v < pos.length; v += 3) {
      w.raw(VERTEX_X);
      w.fixed4(pos[v]!);
      w.raw(ATTR_Y);
      w.fixed4(pos[v + 1]!);
      w.raw(ATTR_Z);
      w.fixed4(pos[v + 2]!);
      w.raw(TAG_END);
    }
  }
  w.raw(VERTICES_END);
  let base = 0;
  parts.forEach((p, k) => {
    const idx = p.mesh.indices;
    const props = pindex[k] !== own ? ascii(`" pid="1" p1="${pindex[k]}`) : undefined;
    for (let t = 0; t < idx.length; t += 3) {
      w.raw(TRIANGLE_V1);
      w.uint(idx[t]! + base);
      w.raw(ATTR_V2);
      w.uint(idx[t + 1]! + base);
      w.raw(ATTR_V3);
      w.uint(idx[t + 2]! + base);
      if (props) w.raw(props);
      w.raw(TAG_END);
    }
    base += p.mesh.positions.length / 3;
  });
  return w.bytes();
}

export function write3mf(parts: PartMesh[], materials: MaterialCatalog, meta: ExportMetadata, codec?: ZipCodec): Uint8Array {
  const colors: { key: string; name: string; color: string }[] = [];
  const colorIndex = (p: PartMesh) => {
    const key = `${p.material}|${p.color}`;
    let i = colors.findIndex((c) => c.key === key);
    if (i === -1) {
      const name = materials.materials.find((m) => m.id === p.material)?.name ?? p.material;
      colors.push({ key, name: `${name}${colors.some((c) => c.name === name) ? ` (${p.color})` : ''}`, color: p.color });
      i = colors.length - 1;
    }
    return i;
  };
  const pindex = parts.map(colorIndex);
  const project = meta.slicer ? slicerProject(parts, meta) : undefined;
  // Text for the few structural lines; bytes written directly for the (millions of) vertices and triangles.
  const chunks: (string | Uint8Array)[] = [];
  chunks.push(
    '<?xml version="1.0" encoding="UTF-8"?>\n<model unit="millimeter" xml:lang="en-US" xmlns="http://schemas.microsoft.com/3dmanufacturing/core/2015/02">\n',
  );
  const md = (name: string, value: string | undefined) => {
    if (value) chunks.push(` <metadata name="${name}">${escapeXml(value)}</metadata>\n`);
  };
  md('Title', meta.title);
  md('Designer', meta.designer);
  md('Description', meta.description);
  md('Application', meta.application);
  md('CreationDate', meta.creationDate);
  chunks.push(' <resources>\n  <basematerials id="1">\n');
  for (const c of colors) chunks.push(`   <base name="${escapeXml(c.name)}" displaycolor="${c.color.toUpperCase()}FF"/>\n`);
  chunks.push('  </basematerials>\n');
  const meshObject = (id: number, name: string, group: number[]) => {
    const own = pindex[group[0]!]!;
    chunks.push(`  <object id="${id}" type="model" name="${escapeXml(name)}" pid="1" pindex="${own}">\n   <mesh>\n    <vertices>\n`);
    chunks.push(meshBytes(group.map((i) => parts[i]!), group.map((i) => pindex[i]!), own));
    chunks.push('    </triangles>\n   </mesh>\n  </object>\n');
  };
  if (project?.layout === 'one-object') meshObject(2, project.name, parts.map((_p, i) => i));
  else parts.forEach((p, i) => meshObject(i + 2, p.name, [i]));
  if (project?.layout === 'assembly') {
    chunks.push(`  <object id="${parts.length + 2}" type="model" name="${escapeXml(project.name)}">\n   <components>\n`);
    parts.forEach((_p, i) => chunks.push(`    <component objectid="${i + 2}"/>\n`));
    chunks.push('   </components>\n  </object>\n');
  }
  chunks.push(' </resources>\n <build>\n');
  if (project) chunks.push(`  <item objectid="${project.item}"/>\n`);
  else parts.forEach((_p, i) => chunks.push(`  <item objectid="${i + 2}"/>\n`));
  chunks.push(' </build>\n</model>\n');

  const rels = [`<Relationship Id="rel0" Target="/3D/3dmodel.model" Type="${MODEL_REL}"/>`];
  if (meta.thumbnailPng) rels.push(`<Relationship Id="rel1" Target="/Metadata/thumbnail.png" Type="${THUMB_REL}"/>`);
  if (meta.design) rels.push(`<Relationship Id="rel2" Target="/${DESIGN_PART}" Type="${DESIGN_REL}"/>`);
  const entries: ZipEntry[] = [
    {
      name: '[Content_Types].xml',
      level: 6,
      data: strToU8(
        '<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="model" ContentType="application/vnd.ms-package.3dmanufacturing-3dmodel+xml"/>' +
          '<Default Extension="png" ContentType="image/png"/>' +
          '<Default Extension="json" ContentType="application/json"/>' +
          (project ? '<Default Extension="config" ContentType="text/xml"/>' : '') +
          '</Types>\n',
      ),
    },
    {
      name: '_rels/.rels',
      level: 6,
      data: strToU8(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>\n`,
      ),
    },
    // level 1: the mesh text is most of a big file's time; it still shrinks about 4:1
    { name: '3D/3dmodel.model', level: 1, data: concatChunks(chunks) },
  ];
  if (meta.thumbnailPng) entries.push({ name: 'Metadata/thumbnail.png', level: 0, data: meta.thumbnailPng });
  // Bambu Studio and OrcaSlicer show a project's picture from its plate thumbnail
  if (meta.thumbnailPng && project) entries.push({ name: 'Metadata/plate_1.png', level: 0, data: meta.thumbnailPng });
  if (project) {
    entries.push({ name: PRUSA_CONFIG_PART, level: 6, data: strToU8(prusaModelConfig(project.prusa)) });
    entries.push({ name: BAMBU_CONFIG_PART, level: 6, data: strToU8(bambuModelSettings(project.bambu)) });
  }
  if (meta.design) entries.push({ name: DESIGN_PART, level: 6, data: strToU8(JSON.stringify(meta.design, null, 2)) });
  const mtime = new Date(meta.creationDate);
  return writeZip(entries, { ...(codec ? { codec } : {}), ...(Number.isNaN(+mtime) ? {} : { date: mtime }) });
}

const ascii = (t: string): Uint8Array => Uint8Array.from(t, (c) => c.charCodeAt(0));
const VERTEX_X = ascii('<vertex x="');
const ATTR_Y = ascii('" y="');
const ATTR_Z = ascii('" z="');
const TAG_END = ascii('"/>\n');
const VERTICES_END = ascii('    </vertices>\n    <triangles>\n');
const TRIANGLE_V1 = ascii('<triangle v1="');
const ATTR_V2 = ascii('" v2="');
const ATTR_V3 = ascii('" v3="');

/**
 * Writes ASCII straight into a growing byte buffer: a million triangles as text without building strings.
 * Coordinates get 4 decimals (0.1 µm: exact enough for any printer, compact, never exponent notation).
 */
export class AsciiWriter {
  private buf: Uint8Array;
  private n = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(64, capacity));
  }
  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
  }
  raw(b: Uint8Array): void {
    this.room(b.length);
    const buf = this.buf;
    let n = this.n;
    for (let i = 0; i < b.length; i++) buf[n++] = b[i]!;
    this.n = n;
  }
  /** A non-negative integer below 2^53. */
  uint(v: number): void {
    this.room(16);
    const buf = this.buf;
    if (v < 10) {
      buf[this.n++] = 48 + v;
      return;
    }
    let digits = 0;
    for (let x = v; x >= 1; x = Math.floor(x / 10)) digits++;
    let n = this.n + digits;
    this.n = n;
    for (let x = v; x >= 1; x = Math.floor(x / 10)) buf[--n] = 48 + (x % 10);
  }
  /** `v` rounded to 4 decimals, trailing zeros dropped: 12.5, -0.0001, 3. */
  fixed4(v: number): void {
    if (!Number.isFinite(v)) throw new Error(`cannot write ${v} as a 3MF coordinate`);
    let k = Math.round(v * 10000);
    this.room(24);
    if (k === 0) {
      this.buf[this.n++] = 48;
      return;
    }
    if (k < 0) {
      this.buf[this.n++] = 45;
      k = -k;
    }
    const ip = Math.floor(k / 10000);
    let fp = k - ip * 10000;
    this.uint(ip);
    if (fp === 0) return;
    const buf = this.buf;
    buf[this.n++] = 46;
    let div = 1000;
    while (fp > 0) {
      const d = Math.floor(fp / div);
      buf[this.n++] = 48 + d;
      fp -= d * div;
      div /= 10;
    }
  }
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.n);
  }
}

function concatChunks(chunks: (string | Uint8Array)[]): Uint8Array {
  const parts = chunks.map((c) => (typeof c === 'string' ? strToU8(c) : c));
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
