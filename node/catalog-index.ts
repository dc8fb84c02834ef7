// What the gallery shows of each catalog model (name, description, translations, tags, thumbnail) and the web
// build's catalog-index.json, both from node/catalog-scan.ts: the app (main/catalog.ts) and the web host list the
// same models as `atelier list`, with the same ids in the same order. Node only; core's localize reads the texts.
import { catalogTranslations, englishOf, englishTags } from '../core/model/localize';
import type { CatalogEntry } from '../core/host';
import { printerFiles, scanModels, type ScannedModel } from './catalog-scan';

/** A model's gallery card without its thumbnail URL (each host makes that from `thumbnail`). */
export function catalogCard(m: ScannedModel & { json: Record<string, unknown> }): Omit<CatalogEntry, 'thumbnailUrl'> {
  const j = m.json;
  return { id: m.id, name: englishOf(j.name) ?? m.id, description: englishOf(j.description) ?? '', ...catalogTranslations(j), tags: englishTags(j.tags) };
}

/** The models the gallery shows: the scan without files that do not parse (designer mode shows their errors). */
export function galleryModels(assetsDir: string): (ScannedModel & { json: Record<string, unknown> })[] {
  return scanModels(assetsDir).filter((m): m is ScannedModel & { json: Record<string, unknown> } => m.json !== undefined);
}

/** dist/web/catalog-index.json: a static server cannot list folders, so the build writes the catalog's index. */
export interface CatalogIndex {
  models: (Omit<CatalogEntry, 'thumbnailUrl'> & { file: string; thumbnail?: string })[];
  printers: string[];
}

export function buildCatalogIndex(assetsDir: string): CatalogIndex {
  const models = galleryModels(assetsDir).map((m) => ({ ...catalogCard(m), file: m.rel, ...(m.thumbnail ? { thumbnail: m.thumbnail } : {}) }));
  return { models, printers: printerFiles(assetsDir) };
}
