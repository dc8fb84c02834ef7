// The bundled catalog on disk (assets/): product models with their mesh files, fonts, materials, printers.
// Node only. Layout: assets/models/<dir>/<name>.model.json (or assets/models/<name>.model.json); a model's
// mesh files are paths relative to it. Files are read, not interpreted: the renderer validates models with core.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { UserError } from '../core/errors';
import { catalogTranslations, englishOf, englishTags } from '../core/model/localize';
import { resolveInsideFolder } from '../node/safe-path';
import type { CatalogEntry, FontEntry, HostCatalogData, ModelSource } from '../core/host';

/** Largest model file and mesh asset read (bytes): refuses to load a runaway file into memory. */
export const MAX_MODEL_BYTES = 4 * 1024 * 1024;
export const MAX_ASSET_BYTES = 128 * 1024 * 1024;
const MODEL_SUFFIX = '.model.json';

function readJsonc(text: string, file: string): unknown {
  const errors: ParseError[] = [];
  const v: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) throw new UserError([{ file, message: `${path.basename(file)} is not valid JSON (at character ${errors[0]!.offset}).` }]);
  return v;
}

/** A mesh path in a model file is safe if it stays inside the model's folder. */
export function isSafeRelativePath(p: string): boolean {
  if (p.length === 0 || p.length > 1024 || p.includes('\\') || p.includes('\0') || p.startsWith('/') || /^[a-zA-Z]:/.test(p)) return false;
  return p.split('/').every((s) => s.length > 0 && s !== '.' && s !== '..');
}

/** Every `{ "type": "mesh", "file": ... }` in a parsed model, wherever it is nested. */
export function meshPaths(model: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, depth: number): void => {
    if (depth > 200 || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, depth + 1));
    const o = v as Record<string, unknown>;
    if (o.type === 'mesh' && typeof o.file === 'string') out.add(o.file);
    for (const x of Object.values(o)) walk(x, depth + 1);
  };
  walk(model, 0);
  return [...out];
}

async function readLimited(file: string, max: number, what: string): Promise<Uint8Array> {
  const st = await stat(file);
  if (!st.isFile()) throw new UserError([{ file, message: `${what} ${path.basename(file)} is not a file.` }]);
  if (st.size > max) throw new UserError([{ file, message: `${what} ${path.basename(file)} is ${st.size} bytes; at most ${max} are allowed.` }]);
  return new Uint8Array(await readFile(file));
}

/** A model file and the mesh files it references, as text and bytes. Unreadable references are left for core to report. */
export async function readModelSource(modelFile: string, origin: string = modelFile): Promise<ModelSource> {
  const text = new TextDecoder().decode(await readLimited(modelFile, MAX_MODEL_BYTES, 'Model file'));
  const assets: Record<string, Uint8Array> = {};
  let parsed: unknown;
  try {
    parsed = readJsonc(text, modelFile);
  } catch {
    return { origin, text, assets }; // core's parser reports the syntax error with line and column
  }
  const dir = path.dirname(modelFile);
  for (const rel of meshPaths(parsed)) {
    if (!isSafeRelativePath(rel)) continue; // core reports the unsafe path
    const file = resolveInsideFolder(dir, rel, 'Mesh file'); // refuses a link out of the model's folder
    if (file === undefined) continue; // missing file: core reports it as a missing asset of that node
    try {
      assets[rel] = await readLimited(file, MAX_ASSET_BYTES, 'Mesh file');
    } catch (e) {
      if (e instanceof UserError) throw e;
      // missing file: core reports it as a missing asset of that node
    }
  }
  return { origin, text, assets };
}

interface FoundModel {
  file: string;
  entry: CatalogEntry;
}

/** Scans assets/models; `assetsUrl` is the URL prefix the renderer loads thumbnails from (atelier://app/assets in Electron). */
export async function scanCatalog(assetsDir: string, assetsUrl: string): Promise<FoundModel[]> {
  const modelsDir = path.join(assetsDir, 'models');
  const files: string[] = [];
  const top = await readdir(modelsDir, { withFileTypes: true }).catch(() => []);
  for (const d of top) {
    if (d.name.startsWith('.')) continue;
    if (d.isFile() && d.name.endsWith(MODEL_SUFFIX)) files.push(path.join(modelsDir, d.name));
    else if (d.isDirectory()) {
      for (const f of await readdir(path.join(modelsDir, d.name)).catch(() => [] as string[]))
        if (f.endsWith(MODEL_SUFFIX) && !f.startsWith('.')) files.push(path.join(modelsDir, d.name, f));
    }
  }
  const found: FoundModel[] = [];
  for (const file of files.sort()) {
    let m: Record<string, unknown>;
    try {
      const v = readJsonc(await readFile(file, 'utf8'), file);
      if (typeof v !== 'object' || v === null) continue;
      m = v as Record<string, unknown>;
    } catch {
      continue; // a broken catalog model is skipped in the gallery; designer mode shows its errors
    }
    const id = typeof m.id === 'string' ? m.id : path.basename(file, MODEL_SUFFIX);
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id) || found.some((f) => f.entry.id === id)) continue;
    const relDir = path.relative(assetsDir, path.dirname(file)).split(path.sep).join('/');
    const thumb = typeof m.thumbnail === 'string' && isSafeRelativePath(m.thumbnail) ? `${assetsUrl}/${relDir}/${m.thumbnail.split('/').map(encodeURIComponent).join('/')}` : '';
    found.push({
      file,
      entry: {
        id,
        name: englishOf(m.name) ?? id,
        description: englishOf(m.description) ?? '',
        ...catalogTranslations(m),
        tags: englishTags(m.tags),
        thumbnailUrl: thumb,
      },
    });
  }
  return found;
}

export async function loadCatalogModel(assetsDir: string, assetsUrl: string, id: string): Promise<ModelSource> {
  const hit = (await scanCatalog(assetsDir, assetsUrl)).find((f) => f.entry.id === id);
  if (!hit) throw new UserError(`There is no product "${id}" in the catalog.`);
  return readModelSource(hit.file, `catalog:${id}`);
}

/** Fonts (assets/fonts/fonts.json), the material catalog and every printer profile, read once by the renderer. */
export async function readCatalogData(assetsDir: string): Promise<HostCatalogData> {
  const fontsDir = path.join(assetsDir, 'fonts');
  const list = readJsonc(await readFile(path.join(fontsDir, 'fonts.json'), 'utf8'), 'fonts.json');
  const fonts: FontEntry[] = [];
  for (const f of Array.isArray(list) ? list : []) {
    const o = f as Record<string, unknown>;
    if (typeof o?.id !== 'string' || typeof o.file !== 'string' || !isSafeRelativePath(o.file)) continue;
    fonts.push({
      id: o.id,
      name: typeof o.name === 'string' ? o.name : o.id,
      license: typeof o.license === 'string' ? o.license : '',
      bytes: await readLimited(resolveInsideFolder(fontsDir, o.file, 'Font file') ?? path.join(fontsDir, o.file), MAX_ASSET_BYTES, 'Font file'),
    });
  }
  const materialsJson = await readFile(path.join(assetsDir, 'materials', 'materials.json'), 'utf8');
  const printersDir = path.join(assetsDir, 'printers');
  const printerFiles = (await readdir(printersDir).catch(() => [] as string[])).filter((f) => f.endsWith('.json') && !f.startsWith('.')).sort();
  const printersJson = await Promise.all(printerFiles.map((f) => readFile(path.join(printersDir, f), 'utf8')));
  return { fonts, materialsJson, printersJson };
}
