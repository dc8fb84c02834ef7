// Every text a customer reads in the bundled catalog exists in every language the app offers: model names and
// descriptions, parameter labels, help and groups, option labels, preset names, rule messages, feature labels
// and part names (printability findings) and material names. Fails naming the model, the field and the missing language.
import { describe, expect, it } from 'vitest';
import { TEXT_LOCALES, type HasTranslations } from '../../core/model';
import { loadCatalog } from './catalog-support';

function missing(where: string, of: object, field: string): string[] {
  const owner = of as HasTranslations<string> & Record<string, unknown>;
  if (typeof owner[field] !== 'string') return [];
  const tr = owner.translations?.[field];
  return TEXT_LOCALES.filter((l) => l !== 'en' && !(tr?.[l]?.trim())).map((l) => `${where}.${field} has no ${l}`);
}

describe('catalog translations', () => {
  const { models, materials } = loadCatalog();

  it.each(models.map((m) => [m.model.id, m.model] as const))('%s has every customer-visible text in every language', (_id, model) => {
    const out: string[] = [];
    out.push(...missing(model.id, model, 'name'), ...missing(model.id, model, 'description'));
    (model.tags ?? []).forEach((tag, i) => {
      const tr = model.translations?.tags?.[i];
      for (const l of TEXT_LOCALES) if (l !== 'en' && !tr?.[l]?.trim()) out.push(`${model.id}.tags[${i}] (${tag}) has no ${l}`);
    });
    (model.tags ?? []).forEach((tag, i) => {
      const tr = model.translations?.tags?.[i];
      for (const l of TEXT_LOCALES) if (l !== 'en' && !tr?.[l]?.trim()) out.push(`${model.id}.tags[${i}] (${tag}) has no ${l}`);
    });
    for (const p of model.parameters) {
      const at = `${model.id}.parameters.${p.id}`;
      for (const f of ['label', 'help', 'group']) out.push(...missing(at, p, f));
      if (p.type === 'choice') for (const o of p.options) out.push(...missing(`${at}.options.${o.value}`, o, 'label'));
    }
    (model.constraints ?? []).forEach((c, i) => out.push(...missing(`${model.id}.constraints[${i}]`, c, 'message')));
    for (const f of model.features ?? []) out.push(...missing(`${model.id}.features.${f.id}`, f, 'label'));
    for (const p of model.presets ?? []) out.push(...missing(`${model.id}.presets.${p.id}`, p, 'name'));
    for (const p of model.parts) out.push(...missing(`${model.id}.parts.${p.name}`, p, 'name'));
    expect(out).toEqual([]);
  });

  it('every material name is translated', () => {
    expect(materials.materials.flatMap((m) => missing(`materials.${m.id}`, m, 'name'))).toEqual([]);
  });

  it('the test sees a missing translation', () => {
    expect(missing('x', { label: 'Width' }, 'label')).toEqual(['x.label has no pt-BR']);
    expect(missing('x', { label: 'Width', translations: { label: { en: 'Width', 'pt-BR': ' ' } } }, 'label')).toEqual(['x.label has no pt-BR']);
  });
});
