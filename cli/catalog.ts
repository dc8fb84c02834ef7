// The bundled catalog on disk for the CLI: product models (assets/models), materials, fonts and printer profiles.
// Layout, id rule, order and size limits: node/catalog-scan.ts, shared with the app and the web build's index.
// Node only; interprets files with core/ parsers.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors';
import { resolveInsideFolder } from '../node/safe-path';
import { MAX_ASSET_BYTES, MAX_MODEL_BYTES, printerFiles, scanModels } from '../node/catalog-scan';
import type { MaterialCatalog, ProductModel } from '../core/model/types';
// deep imports, not the barrels: `list` and `info` then load neither the geometry kernel (manifold) nor the checks
import { parseMaterialCatalog, parseModel } from '../core/model/parse';
import { isSafeRelativePath, meshPaths } from '../core/model/paths';
import type { FontSource } from '../core/text/font-library';
import { parsePrinterProfile } from '../core/check/printer-profile';
import type { PrinterProfile } from '../core/check/printability';
import { assetsDir } from './assets-dir';

export { assetsDir };

/** Largest file read (bytes): a mesh, font, 3MF or design; model files have their own, smaller limit (MAX_MODEL_BYTES). */
export const MAX_FILE_BYTES = MAX_ASSET_BYTES;

/** Refuses a missing file, a folder or a file over MAX_FILE_BYTES, with a message naming it. */
function checkReadable(file: string, what: string, max = MAX_FILE_BYTES): void {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new UserError(`${what} ${file} is not a file.`);
    size = st.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${what} ${file} does not exist or cannot be read.`);
  }
  if (size > max) throw new UserError(`${what} ${file} is ${size} bytes; at most ${max} are allowed.`);
}

export function readLimited(file: string, what: string, max = MAX_FILE_BYTES): Uint8Array {
  checkReadable(file, what, max);
  return new Uint8Array(readFileSync(file));
}

export function readText(file: string, what: string, max = MAX_FILE_BYTES): string {
  return new TextDecoder('utf-8').decode(readLimited(file, what, max));
}

function parseJsonFile(file: string, what: string): unknown {
  const text = readText(file, what);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (e) {
    throw new UserError([{ file, message: `${what} is not valid JSON: ${(e as Error).message}.` }]);
  }
}

export interface CatalogItem {
  id: string;
  file: string;
}

/** Every catalog model: id and file, sorted by id (node/catalog-scan.ts: the same list the app and the web index show). */
export function listCatalog(assets = assetsDir()): CatalogItem[] {
  return scanModels(assets).map((m) => ({ id: m.id, file: m.file }));
}

export interface CatalogData {
  materials: MaterialCatalog;
  fonts: FontSource[];
  fontIds: string[];
  printers: PrinterProfile[];
}

let cached: { dir: string; data: CatalogData } | undefined;

/** Materials, fonts and printers of the catalog, read once per process. */
export function catalogData(assets = assetsDir()): CatalogData {
  if (cached?.dir === assets) return cached.data;
  const matFile = path.join(assets, 'materials', 'materials.json');
  const materials = parseMaterialCatalog(readText(matFile, 'The material catalog'));
  const fontsDir = path.join(assets, 'fonts');
  const list = parseJsonFile(path.join(fontsDir, 'fonts.json'), 'The font list');
  const fonts: FontSource[] = [];
  for (const f of Array.isArray(list) ? (list as Record<string, unknown>[]) : []) {
    if (typeof f?.id !== 'string' || typeof f.file !== 'string' || f.file.split(/[\\/]/).includes('..')) continue;
    const file = resolveInsideFolder(fontsDir, f.file.split('\\').join('/'), 'Font file') ?? path.join(fontsDir, f.file);
    fonts.push(lazyFont(f.id, typeof f.name === 'string' ? f.name : f.id, file));
  }
  const data: CatalogData = { materials, fonts, fontIds: fonts.map((f) => f.id), printers: readPrinters(assets) };
  cached = { dir: assets, data };
  return data;
}

/**
 * A font whose file is checked now (exists, is a file, within the size limit: the same refusal as before) and read
 * when a text first needs it: `list` and a design without text never read the ~3 MB of fonts.
 */
function lazyFont(id: string, name: string, file: string): FontSource {
  checkReadable(file, 'Font file');
  let bytes: Uint8Array | undefined;
  return {
    id,
    name,
    get bytes() {
      return (bytes ??= readLimited(file, 'Font file'));
    },
  };
}

function readPrinters(assets: string): PrinterProfile[] {
  const dir = path.join(assets, 'printers');
  // one set of rules with the app (core/check/printer-profile.ts); the CLI refuses a broken profile rather than skip it
  return printerFiles(assets).map((f) => parsePrinterProfile(readText(path.join(dir, f), `Printer profile ${f}`), path.join(dir, f)));
}

/**
 * The printer named by --printer or, when none is named, the default for the design's materials: a resin printer
 * when every part is a resin (SLA) material, otherwise the Prusa MK4.
 */
export function findPrinter(data: CatalogData, id: string | undefined, partMaterials: readonly string[] = []): PrinterProfile {
  const list = data.printers;
  if (list.length === 0) throw new UserError('No printer profiles are installed (assets/printers is empty).');
  if (id === undefined) {
    const processes = partMaterials.map((m) => data.materials.materials.find((x) => x.id === m)?.process);
    const allResin = processes.length > 0 && processes.every((p) => p === 'sla');
    return (allResin ? list.find((p) => p.process === 'sla') : undefined) ?? list.find((p) => p.id === 'prusa-mk4') ?? list[0]!;
  }
  const hit = list.find((p) => p.id === id);
  if (!hit) throw new UserError(`Unknown printer "${id}"; known printers: ${list.map((p) => p.id).join(', ')}.`);
  return hit;
}

export interface LoadedModel {
  model: ProductModel;
  file: string;
  /** Mesh files the model references, relative path → bytes. */
  assets: Map<string, Uint8Array>;
}

/** Parses a model file (every problem reported with its location) and reads the mesh files it references. */
export function loadModelFile(file: string, data: CatalogData): LoadedModel {
  const text = readText(file, 'Model file', MAX_MODEL_BYTES);
  const model = parseModel(text, { file, materials: data.materials, fontIds: data.fontIds });
  const assets = new Map<string, Uint8Array>();
  const dir = path.dirname(file);
  for (const rel of meshPaths(model)) {
    if (!isSafeRelativePath(rel)) continue; // validation reported the unsafe path
    const p = resolveInsideFolder(dir, rel, 'Mesh file'); // refuses a link out of the model's folder
    if (p !== undefined) assets.set(rel, readLimited(p, 'Mesh file'));
  }
  return { model, file, assets };
}

export function loadCatalogModel(id: string, data: CatalogData, assets = assetsDir()): LoadedModel {
  const items = listCatalog(assets);
  const hit = items.find((i) => i.id === id);
  if (!hit) throw new UserError(`Unknown model "${id}"; the catalog has: ${items.map((i) => i.id).join(', ') || '(nothing)'}.`);
  return loadModelFile(hit.file, data);
}
