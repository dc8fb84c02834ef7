// Reading and writing designs: `.atelier.json` text, or the design embedded in a 3MF written by Atelier.
// Plain TypeScript over core/model and core/export.
import { parseDesign, serializeDesign } from '../../../core/model/index';
import { read3mf } from '../../../core/export/index';
import { UserError } from '../../../core/errors';
import type { Design } from '../../../core/model/types';

export function designFromBytes(name: string, bytes: Uint8Array): Design {
  if (/\.3mf$/i.test(name)) {
    const r = read3mf(bytes);
    if (!r.designJson) throw new UserError([{ file: name, message: 'This 3MF file was not made by Atelier: it holds no design to edit.' }]);
    return parseDesign(r.designJson, name);
  }
  return parseDesign(new TextDecoder().decode(bytes), name);
}

export function designToBytes(d: Design): Uint8Array {
  return new TextEncoder().encode(serializeDesign(d));
}

/** A safe file name from a product or design name: `Name tag` → `name-tag`. */
export function slug(s: string): string {
  const v = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return v.slice(0, 60) || 'design';
}

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
