// What a command argument names: a catalog model id, a model file, a design file (.atelier.json) or a 3MF
// (Atelier's own, re-opened from its embedded design; a foreign one is plain geometry). Node only.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors';
import { read3mf } from '../core/import';
import type { MeshData } from '../core/geometry/mesh-data';
import { parseDesign } from '../core/model';
import { DESIGN_FORMAT, type Design } from '../core/model/types';
import { type CatalogData, type LoadedModel, listCatalog, loadCatalogModel, loadModelFile, readLimited, readText } from './catalog';

export interface ModelSubject {
  kind: 'model';
  loaded: LoadedModel;
  /** What the user named, for messages. */
  source: string;
  /** Set when the argument was a design (.atelier.json or Atelier's 3MF). */
  design?: Design;
  sourceFormat: 'catalog' | 'model' | 'design' | '3mf';
}

export interface GeometrySubject {
  kind: 'geometry';
  source: string;
  objects: { name: string; mesh: MeshData }[];
  metadata: Record<string, string>;
}

export type Subject = ModelSubject | GeometrySubject;

function modelForDesign(design: Design, data: CatalogData, where: string): LoadedModel {
  const ids = listCatalog().map((i) => i.id);
  if (!ids.includes(design.model.id))
    throw new UserError(`${where} is a design of model "${design.model.id}", which is not in the catalog; the catalog has: ${ids.join(', ')}.`);
  return loadCatalogModel(design.model.id, data);
}

export function openSubject(arg: string, data: CatalogData): Subject {
  const lower = arg.toLowerCase();
  const looksLikeFile = lower.endsWith('.json') || lower.endsWith('.3mf') || arg.includes('/') || arg.includes(path.sep);
  if (!looksLikeFile) {
    if (existsSync(arg)) throw new UserError(`"${arg}" is neither a catalog model id nor a .json or .3mf file.`);
    return { kind: 'model', loaded: loadCatalogModel(arg, data), source: arg, sourceFormat: 'catalog' };
  }
  if (!existsSync(arg)) throw new UserError(`File ${arg} does not exist. Give a catalog model id, a model .json, a design .atelier.json or a .3mf.`);
  if (lower.endsWith('.3mf')) {
    const r = read3mf(readLimited(arg, '3MF file'));
    if (r.designJson === undefined) return { kind: 'geometry', source: arg, objects: r.objects, metadata: r.metadata };
    const design = parseDesign(r.designJson, `${arg} (embedded design)`);
    return { kind: 'model', loaded: modelForDesign(design, data, arg), source: arg, design, sourceFormat: '3mf' };
  }
  if (!lower.endsWith('.json')) throw new UserError(`${arg}: Atelier reads model files (.json), designs (.atelier.json) and 3MF files (.3mf).`);
  const text = readText(arg, 'File');
  let format: unknown;
  try {
    format = (JSON.parse(text.replace(/^\uFEFF/, '')) as { format?: unknown })?.format;
  } catch {
    format = undefined; // the model parser reports syntax errors with line and column
  }
  if (format === DESIGN_FORMAT || lower.endsWith('.atelier.json')) {
    const design = parseDesign(text, arg);
    return { kind: 'model', loaded: modelForDesign(design, data, arg), source: arg, design, sourceFormat: 'design' };
  }
  return { kind: 'model', loaded: loadModelFile(arg, data), source: arg, sourceFormat: 'model' };
}

export function requireModel(s: Subject, command: string): ModelSubject {
  if (s.kind === 'model') return s;
  throw new UserError(
    `${s.source} is a 3MF that Atelier did not write: it holds plain geometry and no design to ${command === 'check' ? 'check' : 'change'}. ` +
      'Use it as a mesh part in a model file, or give a catalog model id, a model file or a design.',
  );
}
