// Loads the bundled catalog from disk for cross-layer tests: models, materials, fonts, mesh assets.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseMaterialCatalog, parseModel, type MaterialCatalog, type ProductModel } from '../../core/model';
import { FontLibrary } from '../../core/text';
import { scanModels } from '../../node/catalog-scan';

export const ASSETS = path.resolve(import.meta.dirname, '../../assets');

export function loadCatalog(): { materials: MaterialCatalog; fonts: FontLibrary; models: { model: ProductModel; dir: string }[] } {
  const materials = parseMaterialCatalog(readFileSync(path.join(ASSETS, 'materials/materials.json'), 'utf8'));
  const list = JSON.parse(readFileSync(path.join(ASSETS, 'fonts/fonts.json'), 'utf8')) as { id: string; name: string; file: string }[];
  const fonts = new FontLibrary(list.map((f) => ({ id: f.id, name: f.name, bytes: readFileSync(path.join(ASSETS, 'fonts', f.file)) })));
  // the catalog `atelier list`, the app and the web index show (node/catalog-scan.ts)
  const models = scanModels(ASSETS).map(({ file }) => ({ model: parseModel(readFileSync(file, 'utf8'), { file, materials, fontIds: fonts.ids() }), dir: path.dirname(file) }));
  return { materials, fonts, models };
}

export function assetReader(dir: string): (rel: string) => Uint8Array | undefined {
  return (rel) => {
    const f = path.join(dir, rel);
    return existsSync(f) ? new Uint8Array(readFileSync(f)) : undefined;
  };
}
