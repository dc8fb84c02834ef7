// The bundled catalog on disk for the CLI: product models (assets/models), materials, fonts and printer profiles.
// Layout: assets/models/catalog.json (optional list of ids/files), else assets/models/<dir>/<name>.model.json
// (or model.json) and assets/models/<name>.model.json. Node only; interprets files with core/ parsers.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors';
import { resolveInsideFolder } from '../node/safe-path';
import type { MaterialCatalog, ProductModel } from '../core/model/types';
// deep imports, not the barrels: `list` and `info` then load neither the geometry kernel (manifold) nor the checks
import { parseMaterialCatalog, parseModel } from '../core/model/parse';
import { collectAssetPaths } from '../core/geometry/assets';
import type { FontSource } from '../core/text/font-library';
import { parsePrinterProfile } from '../core/check/printer-profile';
import type { PrinterProfile } from '../core/check/printability';
import { assetsDir } from './assets-dir';

export { assetsDir };

/** Largest model or mesh file read (bytes), so a runaway file is refused instead of filling memory. */
export const MAX_FILE_BYTES = 128 * 1024 * 1024;
const ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;


/** Refuses a missing file, a folder or a file over MAX_FILE_BYTES, with a message naming it. */
function checkReadable(file: string, what: string): void {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new UserError(`${what} ${file} is not a file.`);
    size = st.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${what} ${file} does not exist or cannot be read.`);
  }
  if (size > MAX_FILE_BYTES) throw new UserError(`${what} ${file} is ${size} bytes; at most ${MAX_FILE_BYTES} are allowed.`);
}

export function readLimited(file: string, what: string): Uint8Array {
  checkReadable(file, what);
  return new Uint8Array(readFileSync(file));
}

export function readText(file: string, what: string): string {
  return new TextDecoder('utf-8').decode(readLimited(file, what));
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

function idOf(file: string): string {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as { id?: unknown };
    if (typeof v.id === 'string') return v.id;
  } catch {
    // not plain JSON: fall back to the name
  }
  const base = path.basename(file).replace(/\.model\.json$|\.json$/, '');
  return base === 'model' ? path.basename(path.dirname(file)) : base;
}

function modelFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.') && (f.endsWith('.model.json') || f === 'model.json'))
    .sort()
    .map((f) => path.join(dir, f));
}

function fromCatalogJson(modelsDir: string, list: unknown): string[] {
  const entries = Array.isArray(list) ? list : Array.isArray((list as { models?: unknown })?.models) ? (list as { models: unknown[] }).models : [];
  const files: string[] = [];
  for (const e of entries) {
    const o = (typeof e === 'string' ? { id: e } : e) as Record<string, unknown>;
    const rel = [o.file, o.path, o.model].find((x): x is string => typeof x === 'string');
    if (rel && !rel.split(/[\\/]/).includes('..')) files.push(path.join(modelsDir, rel));
    else if (typeof o.id === 'string' && ID_RE.test(o.id)) {
      const dir = path.join(modelsDir, o.id);
      const cand = [path.join(dir, `${o.id}.model.json`), path.join(dir, 'model.json'), path.join(modelsDir, `${o.id}.model.json`)];
      const hit = cand.find((c) => existsSync(c)) ?? modelFilesIn(dir)[0];
      if (hit) files.push(hit);
    }
  }
  return files;
}

/** Every catalog model: id and file, sorted by id; the first file with an id wins. */
export function listCatalog(assets = assetsDir()): CatalogItem[] {
  const modelsDir = path.join(assets, 'models');
  let files: string[] = [];
  const catalogJson = path.join(modelsDir, 'catalog.json');
  if (existsSync(catalogJson)) files = fromCatalogJson(modelsDir, parseJsonFile(catalogJson, 'The catalog list'));
  if (files.length === 0) {
    files = modelFilesIn(modelsDir);
    if (existsSync(modelsDir))
      for (const d of readdirSync(modelsDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)))
        // a linked folder counts as a folder (statSync follows the link)
        if (!d.name.startsWith('.') && statSync(path.join(modelsDir, d.name), { throwIfNoEntry: false })?.isDirectory())
          files.push(...modelFilesIn(path.join(modelsDir, d.name)));
  }
  const out: CatalogItem[] = [];
  for (const file of files) {
    const id = idOf(file);
    if (ID_RE.test(id) && !out.some((o) => o.id === id)) out.push({ id, file });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
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
  const data: CatalogData = { materials, fonts, fontIds: fonts.map((f) => f.id), printers: readPrinters(path.join(assets, 'printers')) };
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

function readPrinters(dir: string): PrinterProfile[] {
  if (!existsSync(dir)) return [];
  // one set of rules with the app (core/check/printer-profile.ts); the CLI refuses a broken profile rather than skip it
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
    .sort()
    .map((f) => parsePrinterProfile(readText(path.join(dir, f), `Printer profile ${f}`), path.join(dir, f)));
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
  const text = readText(file, 'Model file');
  const model = parseModel(text, { file, materials: data.materials, fontIds: data.fontIds });
  const assets = new Map<string, Uint8Array>();
  const dir = path.dirname(file);
  for (const rel of collectAssetPaths(model)) {
    if (rel.split(/[\\/]/).includes('..') || path.isAbsolute(rel)) continue; // the kernel reports the unsafe path
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
