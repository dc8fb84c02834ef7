// The two per-object settings files slicers read from any 3MF, so a product opens as one object whose parts print on
// their own filaments. Only object/part names and extruders: never print settings, which would override the user's
// printer profile. Pure TypeScript; imports nothing outside core/.
//
// - Metadata/Slic3r_PE_model.config (PrusaSlicer): <object id> is a mesh object's id; each <volume firstid lastid> is a
//   run of that mesh's triangles and becomes one part; metadata type="object" | "volume", key, value.
// - Metadata/model_settings.config (Bambu Studio, OrcaSlicer and their forks): <object id> is a build item's object;
//   each <part id> names a mesh object inside it (itself, or one of its components), which becomes one part; a part
//   made of a triangle range is ignored by them, so they need one mesh object per part to see parts at all.
import { escapeXml } from '../formats/xml';

export interface PrusaVolume {
  name: string;
  extruder: number;
  /** First and last triangle (inclusive, 0-based) of the object's mesh. */
  first: number;
  last: number;
}
export interface PrusaObject {
  id: number;
  name: string;
  extruder: number;
  volumes: PrusaVolume[];
}

export interface BambuPart {
  /** Id of a mesh object: the build item's object itself or one of its components. */
  id: number;
  name: string;
  extruder: number;
}
export interface BambuObject {
  /** Id of the object a build item places. */
  id: number;
  name: string;
  extruder: number;
  parts: BambuPart[];
}

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<config>\n';
const attr = (v: string | number) => escapeXml(String(v));

export function prusaModelConfig(objects: readonly PrusaObject[]): string {
  let s = HEAD;
  for (const o of objects) {
    s += ` <object id="${o.id}" instances_count="1">\n`;
    s += `  <metadata type="object" key="name" value="${attr(o.name)}"/>\n`;
    s += `  <metadata type="object" key="extruder" value="${o.extruder}"/>\n`;
    for (const v of o.volumes) {
      s += `  <volume firstid="${v.first}" lastid="${v.last}">\n`;
      s += `   <metadata type="volume" key="name" value="${attr(v.name)}"/>\n`;
      s += `   <metadata type="volume" key="volume_type" value="ModelPart"/>\n`;
      s += `   <metadata type="volume" key="extruder" value="${v.extruder}"/>\n`;
      s += '  </volume>\n';
    }
    s += ' </object>\n';
  }
  return s + '</config>\n';
}

export function bambuModelSettings(objects: readonly BambuObject[]): string {
  let s = HEAD;
  for (const o of objects) {
    s += `  <object id="${o.id}">\n`;
    s += `    <metadata key="name" value="${attr(o.name)}"/>\n`;
    s += `    <metadata key="extruder" value="${o.extruder}"/>\n`;
    for (const p of o.parts) {
      s += `    <part id="${p.id}" subtype="normal_part">\n`;
      s += `      <metadata key="name" value="${attr(p.name)}"/>\n`;
      s += `      <metadata key="extruder" value="${p.extruder}"/>\n`;
      s += '    </part>\n';
    }
    s += '  </object>\n';
  }
  return s + '</config>\n';
}
