// Where the catalog's product models are, what their ids are and how big their files may be: the one layout rule
// read by `atelier list` (cli/catalog.ts), the app's catalog (main/catalog.ts), the web build's catalog-index.json
// (renderer/vite.config.ts) and the cross-layer tests, so a model cannot show in one and not in another.
// Node only (sync fs, jsonc-parser); reads a model's id and thumbnail and nothing more: core validates models.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { isSafeRelativePath, meshPaths } from '../core/model/paths';

/**
 * Layout: assets/models/<name>.model.json and assets/models/<folder>/<name>.model.json (one level down; a linked
 * folder counts as a folder). Names starting with a dot are ignored.
 */
export const MODEL_SUFFIX = '.model.json';
/** Largest model file read (bytes): a model is text, far below this; a runaway file is refused, not loaded. */
export const MAX_MODEL_BYTES = 4 * 1024 * 1024;
/** Largest mesh, font or other asset file read (bytes). */
export const MAX_ASSET_BYTES = 128 * 1024 * 1024;
/** A catalog id: lower-case letters, digits and dashes, at most 64 characters (it appears in URLs and file names). */
export const CATALOG_ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;

// the path rules are core's, shared with the web host
export { isSafeRelativePath, meshPaths };

/** JSON with comments and trailing commas, as model files allow; undefined where it does not parse. */
export function parseJsoncOrUndefined(text: string): unknown {
  const t = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(t) as unknown; // plain JSON (every shipped model): the native parser, ~10× faster
  } catch {
    const errors: ParseError[] = [];
    const v: unknown = parseJsonc(t, errors, { allowTrailingComma: true, disallowComments: false });
    return errors.length ? undefined : v;
  }
}

/** Model files under `modelsDir`, '/'-separated and relative to it, sorted (so the scan order is the same everywhere). */
export function modelFiles(modelsDir: string): string[] {
  let top: string[];
  try {
    top = readdirSync(modelsDir).filter((n) => !n.startsWith('.'));
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of top) {
    const st = statSync(path.join(modelsDir, name), { throwIfNoEntry: false });
    if (st?.isFile() && name.endsWith(MODEL_SUFFIX)) out.push(name);
    else if (st?.isDirectory()) {
      let inner: string[] = [];
      try {
        inner = readdirSync(path.join(modelsDir, name));
      } catch {
        // an unreadable folder holds no models
      }
      for (const f of inner) if (f.endsWith(MODEL_SUFFIX) && !f.startsWith('.')) out.push(`${name}/${f}`);
    }
  }
  return out.sort();
}

export interface ScannedModel {
  id: string;
  /** Absolute path of the model file. */
  file: string;
  /** The file relative to the models folder, '/'-separated. */
  rel: string;
  /** The parsed file; undefined when it is over MAX_MODEL_BYTES, unreadable or not JSON (then `id` comes from the file name). */
  json: Record<string, unknown> | undefined;
  /** The thumbnail relative to the models folder ('/'-separated), when the model names a safe one. */
  thumbnail?: string;
}

function idFromName(rel: string): string {
  return path.posix.basename(rel, MODEL_SUFFIX);
}

/**
 * The catalog's models in `<assets>/models`, sorted by id: the model's own `id` (else its file name), kept when it is
 * a valid catalog id, the first file (in path order) winning a repeated id. A file that cannot be parsed is still
 * listed (json undefined) so the CLI can say why; the gallery and the web index leave it out.
 */
export function scanModels(assetsDir: string): ScannedModel[] {
  const modelsDir = path.join(assetsDir, 'models');
  const out: ScannedModel[] = [];
  const seen = new Set<string>();
  for (const rel of modelFiles(modelsDir)) {
    const file = path.join(modelsDir, ...rel.split('/'));
    let json: Record<string, unknown> | undefined;
    try {
      if (statSync(file).size <= MAX_MODEL_BYTES) {
        const v = parseJsoncOrUndefined(readFileSync(file, 'utf8'));
        if (typeof v === 'object' && v !== null && !Array.isArray(v)) json = v as Record<string, unknown>;
      }
    } catch {
      json = undefined; // unreadable: listed by its file name, the reader says why
    }
    const id = typeof json?.id === 'string' ? json.id : idFromName(rel);
    if (!CATALOG_ID_RE.test(id) || seen.has(id)) continue;
    seen.add(id);
    const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/') + 1) : '';
    const thumb = json?.thumbnail;
    out.push({ id, file, rel, json, ...(typeof thumb === 'string' && isSafeRelativePath(thumb) ? { thumbnail: `${dir}${thumb}` } : {}) });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Printer profile files in `<assets>/printers` (names, sorted): the same list for the CLI, the app and the web index. */
export function printerFiles(assetsDir: string): string[] {
  try {
    return readdirSync(path.join(assetsDir, 'printers'))
      .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
      .sort();
  } catch {
    return [];
  }
}
