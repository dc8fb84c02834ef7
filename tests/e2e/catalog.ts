// Which catalog products the end-to-end tests use, found from the catalog itself (so the tests follow the catalog):
// a product with a millimetre slider, one with a text parameter, one with a material choice.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { ROOT } from './build';

interface Param { id: string; type: string; unit?: string; min?: number; max?: number; default?: unknown; options?: string[]; font?: string; maxLength?: number; visibleWhen?: string }
export interface CatalogModel { id: string; name: string; file: string; parameters: Param[] }

export function catalogModels(): CatalogModel[] {
  const index = JSON.parse(readFileSync(path.join(ROOT, 'dist/web/catalog-index.json'), 'utf8')) as { models: { id: string; file: string }[] };
  return index.models.map((m) => {
    const file = path.join(ROOT, 'assets/models', m.file);
    const json = parseJsonc(readFileSync(file, 'utf8')) as { name: string; parameters: Param[] };
    return { id: m.id, name: json.name, file, parameters: json.parameters ?? [] };
  });
}

export function pickProducts(models: CatalogModel[]) {
  const visible = (p: Param) => !p.visibleWhen;
  const slider = models
    .map((m) => ({ m, p: m.parameters.find((p) => visible(p) && p.type === 'number' && p.unit === 'mm' && (p.max ?? 0) - (p.min ?? 0) >= 10) }))
    .find((x) => x.p);
  const text = models.map((m) => ({ m, p: m.parameters.find((p) => visible(p) && p.type === 'text') })).find((x) => x.p);
  const material = models.map((m) => ({ m, p: m.parameters.find((p) => visible(p) && p.type === 'material') })).find((x) => x.p);
  return { slider, text, material };
}
