// A tiny zip writer for the fuzz suite that can lie: any entry name, declared sizes and CRCs that differ from the
// data, pre-compressed payloads reused many times. fflate's zipSync cannot build such hostile packages.
import { crc32 } from '../../core/formats/crc32';
import { deflateSync } from 'fflate';

export interface ForgedEntry {
  name: string;
  /** The bytes the entry really holds once inflated (used for the CRC unless `crc` is given). */
  data?: Uint8Array;
  /** Already-deflated payload (skips compressing `data`). */
  deflated?: Uint8Array;
  /** 0 = stored, 8 = deflate (default). */
  method?: 0 | 8;
  /** Declared uncompressed size (defaults to the real one). */
  size?: number;
  crc?: number;
}


/** Builds a zip; entries may share one payload object, so a 1000-entry bomb costs one payload of memory. */
export function forgeZip(entries: ForgedEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const prepared = entries.map((e) => {
    const method = e.method ?? 8;
    const payload = e.deflated ?? (method === 8 ? deflateSync(e.data ?? new Uint8Array(0)) : (e.data ?? new Uint8Array(0)));
    return { name: enc.encode(e.name), method, payload, size: e.size ?? e.data?.length ?? 0, crc: e.crc ?? (e.data ? crc32(e.data) : 0) };
  });
  const local = prepared.reduce((s, p) => s + 30 + p.name.length + p.payload.length, 0);
  const central = prepared.reduce((s, p) => s + 46 + p.name.length, 0);
  const out = new Uint8Array(local + central + 22);
  const dv = new DataView(out.buffer);
  const offsets: number[] = [];
  let o = 0;
  for (const p of prepared) {
    offsets.push(o);
    dv.setUint32(o, 0x04034b50, true);
    dv.setUint16(o + 4, 20, true);
    dv.setUint16(o + 6, 0x800, true); // UTF-8 names
    dv.setUint16(o + 8, p.method, true);
    dv.setUint32(o + 14, p.crc, true);
    dv.setUint32(o + 18, p.payload.length, true);
    dv.setUint32(o + 22, p.size >>> 0, true);
    dv.setUint16(o + 26, p.name.length, true);
    out.set(p.name, o + 30);
    out.set(p.payload, o + 30 + p.name.length);
    o += 30 + p.name.length + p.payload.length;
  }
  const cdStart = o;
  prepared.forEach((p, i) => {
    dv.setUint32(o, 0x02014b50, true);
    dv.setUint16(o + 4, 20, true);
    dv.setUint16(o + 6, 20, true);
    dv.setUint16(o + 8, 0x800, true);
    dv.setUint16(o + 10, p.method, true);
    dv.setUint32(o + 16, p.crc, true);
    dv.setUint32(o + 20, p.payload.length, true);
    dv.setUint32(o + 24, p.size >>> 0, true);
    dv.setUint16(o + 28, p.name.length, true);
    dv.setUint32(o + 42, offsets[i]!, true);
    out.set(p.name, o + 46);
    o += 46 + p.name.length;
  });
  dv.setUint32(o, 0x06054b50, true);
  dv.setUint16(o + 8, Math.min(prepared.length, 0xffff), true);
  dv.setUint16(o + 10, Math.min(prepared.length, 0xffff), true);
  dv.setUint32(o + 12, o - cdStart, true);
  dv.setUint32(o + 16, cdStart, true);
  return out;
}

export const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="model" ContentType="application/vnd.ms-package.3dmanufacturing-3dmodel+xml"/></Types>';
export const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rel0" Target="/3D/3dmodel.model" Type="http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel"/></Relationships>';

/** A minimal 3MF package around a model part (and any extra entries). */
export function forge3mf(modelXml: string | Uint8Array, extra: ForgedEntry[] = []): Uint8Array {
  const enc = new TextEncoder();
  return forgeZip([
    { name: '[Content_Types].xml', data: enc.encode(CONTENT_TYPES) },
    { name: '_rels/.rels', data: enc.encode(ROOT_RELS) },
    { name: '3D/3dmodel.model', data: typeof modelXml === 'string' ? enc.encode(modelXml) : modelXml },
    ...extra,
  ]);
}

/** A model part with the given objects and build items (XML fragments). */
export function modelXml(resources: string, build: string, head = ''): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `${head}<model unit="millimeter" xml:lang="en-US" xmlns="http://schemas.microsoft.com/3dmanufacturing/core/2015/02">` +
    `<resources>${resources}</resources><build>${build}</build></model>`
  );
}

export const TETRA_OBJECT = (id: number, name = 'Tetra') =>
  `<object id="${id}" type="model" name="${name}"><mesh><vertices>` +
  '<vertex x="0" y="0" z="0"/><vertex x="10" y="0" z="0"/><vertex x="0" y="10" z="0"/><vertex x="0" y="0" z="10"/>' +
  '</vertices><triangles><triangle v1="0" v2="2" v3="1"/><triangle v1="0" v2="1" v3="3"/><triangle v1="1" v2="2" v3="3"/><triangle v1="0" v2="3" v3="2"/>' +
  '</triangles></mesh></object>';
