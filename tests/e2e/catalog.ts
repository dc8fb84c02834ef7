// Which catalog products the end-to-end tests use, found from the served catalog itself (so the tests follow the
// catalog): a product with a millimetre slider, one with a text parameter, one with a material choice.
import { parse as parseJsonc } from 'jsonc-parser';

interface Param { id: string; type: string; unit?: string; min?: number; max?: number; step?: number; default?: unknown; options?: string[]; font?: string; maxLength?: number; visibleWhen?: string }
export interface CatalogModel { id: string; name: string; names: Record<string, string>; parameters: Param[] }

export async function catalogModels(base: string): Promise<CatalogModel[]> {
  const index = (await (await fetch(`${base}/catalog-index.json`)).json()) as { models: { id: string; file: string }[] };
  return Promise.all(
    index.models.map(async (m) => {
      const json = parseJsonc(await (await fetch(`${base}/assets/models/${m.file}`)).text()) as { name: string | Record<string, string>; parameters: Param[] };
      // a model's texts may be given per language ({ "en": …, "pt-BR": … }); the tests run the app in English
      return { id: m.id, name: typeof json.name === 'string' ? json.name : (json.name.en ?? ''), names: typeof json.name === 'string' ? { en: json.name } : json.name, parameters: json.parameters ?? [] };
    }),
  );
}

export function pickProducts(models: CatalogModel[]) {
  const visible = (p: Param) => !p.visibleWhen;
  const slider = models
    // an overall size (not, say, a letter size that leaves the outline unchanged), so the dimensions must follow
    .map((m) => ({ m, p: m.parameters.find((p) => visible(p) && p.type === 'number' && p.unit === 'mm' && /width|length|height|diameter/.test(p.id) && (p.max ?? 0) - (p.min ?? 0) >= 10) }))
    .find((x) => x.p);
  const text = models.map((m) => ({ m, p: m.parameters.find((p) => visible(p) && p.type === 'text') })).find((x) => x.p);
  const material = models.map((m) => ({ m, p: m.parameters.find((p) => visible(p) && p.type === 'material' && (p.options?.length ?? 2) > 1) })).find((x) => x.p);
  return { slider, text, material };
}
