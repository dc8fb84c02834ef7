// The bundled catalog on disk (assets/): product models with their mesh files, fonts, materials, printers.
// Node only. Layout, limits and ids: node/catalog-scan.ts (shared with the CLI and the web build); a model's
// mesh files are paths relative to it. Files are read, not interpreted: the renderer validates models with core.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { UserError } from '../core/errors';
import { resolveInsideFolder } from '../node/safe-path';
import { isSafeRelativePath, MAX_ASSET_BYTES, MAX_MODEL_BYTES, meshPaths, printerFiles } from '../node/catalog-scan';
import { catalogCard, galleryModels } from '../node/catalog-index';
import type { CatalogEntry, FontEntry, HostCatalogData, ModelSource } from '../core/host';

export { isSafeRelativePath, meshPaths, MAX_ASSET_BYTES, MAX_MODEL_BYTES };

function readJsonc(text: string, file: string): unknown {
  const errors: ParseError[] = [];
  const v: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) throw new UserError([{ file, message: `${path.basename(file)} is not valid JSON (at character ${errors[0]!.offset}).` }]);
  return v;
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

/**
 * The gallery's models (node/catalog-scan.ts: the layout, id rule and order `atelier list` and the web index share),
 * without those whose file does not parse (designer mode shows their errors); `assetsUrl` is the URL prefix the
 * renderer loads thumbnails from (atelier://app/assets in Electron).
 */
export function scanCatalog(assetsDir: string, assetsUrl: string): Promise<FoundModel[]> {
  const found: FoundModel[] = galleryModels(assetsDir).map((m) => ({
    file: m.file,
    entry: { ...catalogCard(m), thumbnailUrl: m.thumbnail ? `${assetsUrl}/models/${m.thumbnail.split('/').map(encodeURIComponent).join('/')}` : '' },
  }));
  return Promise.resolve(found); // a promise for its callers; the scan itself reads a handful of small files
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
  const printersJson = await Promise.all(printerFiles(assetsDir).map((f) => readFile(path.join(printersDir, f), 'utf8')));
  return { fonts, materialsJson, printersJson };
}
