// Reading and writing designs: `.atelier.json` text, or the design embedded in a 3MF written by Atelier.
// Plain TypeScript over core/model and core/export.
import { parseDesign, serializeDesign } from '../../../core/model/index';
import { read3mf } from '../../../core/import/index';
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

/**
 * The text of a product model file (`*.model.json`, or JSON whose format is atelier-model/1) picked with Open…, or
 * null for anything else: such a file is opened in designer mode instead of being read as a design.
 */
export function modelFileText(name: string, bytes: Uint8Array): string | null {
  if (/\.3mf$/i.test(name)) return null;
  const text = new TextDecoder().decode(bytes);
  if (/\.model\.json$/i.test(name)) return text;
  return /^\s*\{[\s\S]{0,400}?"format"\s*:\s*"atelier-model\//.test(text) ? text : null;
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
