// 3MF writer: an OPC package with one named object per part, a base-material colour per material, metadata,
// an optional thumbnail and the design embedded so Atelier can re-open the file. Units: millimetre.
// Pure TypeScript; fflate for the zip. Strings are built in chunks so a million triangles stay fast.

import { strToU8, zipSync, type Zippable } from 'fflate';
import type { PartMesh } from '../geometry/mesh-data';
import type { Design, MaterialCatalog } from '../model/types';
import { escapeXml } from './xml';

export const DESIGN_PART = 'Metadata/atelier-design.json';
const DESIGN_REL = 'https://atelier.example/3mf/2026/design';
const THUMB_REL = 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail';
const MODEL_REL = 'http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel';

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
}

/** Coordinates written with 4 decimals (0.1 µm): exact enough for any printer, compact, never exponent notation. */
function fmt(v: number): string {
  const r = Math.round(v * 10000) / 10000;
  return (Object.is(r, -0) ? 0 : r).toString();
}

export function write3mf(parts: PartMesh[], materials: MaterialCatalog, meta: ExportMetadata): Uint8Array {
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
  const chunks: string[] = [];
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
  parts.forEach((p, i) => {
    chunks.push(`  <object id="${i + 2}" type="model" name="${escapeXml(p.name)}" pid="1" pindex="${pindex[i]}">\n   <mesh>\n    <vertices>\n`);
    const pos = p.mesh.positions;
    let buf = '';
    for (let v = 0; v < pos.length; v += 3) {
      buf += `<vertex x="${fmt(pos[v]!)}" y="${fmt(pos[v + 1]!)}" z="${fmt(pos[v + 2]!)}"/>\n`;
      if (buf.length > 1 << 16) {
        chunks.push(buf);
        buf = '';
      }
    }
    chunks.push(buf, '    </vertices>\n    <triangles>\n');
    buf = '';
    const idx = p.mesh.indices;
    for (let t = 0; t < idx.length; t += 3) {
      buf += `<triangle v1="${idx[t]}" v2="${idx[t + 1]}" v3="${idx[t + 2]}"/>\n`;
      if (buf.length > 1 << 16) {
        chunks.push(buf);
        buf = '';
      }
    }
    chunks.push(buf, '    </triangles>\n   </mesh>\n  </object>\n');
  });
  chunks.push(' </resources>\n <build>\n');
  parts.forEach((_p, i) => chunks.push(`  <item objectid="${i + 2}"/>\n`));
  chunks.push(' </build>\n</model>\n');

  const rels = [`<Relationship Id="rel0" Target="/3D/3dmodel.model" Type="${MODEL_REL}"/>`];
  if (meta.thumbnailPng) rels.push(`<Relationship Id="rel1" Target="/Metadata/thumbnail.png" Type="${THUMB_REL}"/>`);
  if (meta.design) rels.push(`<Relationship Id="rel2" Target="/${DESIGN_PART}" Type="${DESIGN_REL}"/>`);
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="model" ContentType="application/vnd.ms-package.3dmanufacturing-3dmodel+xml"/>' +
        '<Default Extension="png" ContentType="image/png"/>' +
        '<Default Extension="json" ContentType="application/json"/>' +
        '</Types>\n',
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>\n`,
    ),
    '3D/3dmodel.model': [strToU8(chunks.join('')), { level: 1 }],
  };
  if (meta.thumbnailPng) files['Metadata/thumbnail.png'] = [meta.thumbnailPng, { level: 0 }];
  if (meta.design) files[DESIGN_PART] = strToU8(JSON.stringify(meta.design, null, 2));
  const mtime = new Date(meta.creationDate);
  return zipSync(files, { level: 6, mtime: Number.isNaN(+mtime) || mtime.getUTCFullYear() < 1980 ? new Date('2000-01-01T00:00:00Z') : mtime });
}
