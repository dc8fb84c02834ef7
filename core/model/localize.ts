// Text a person reads in a model file, in several languages: `"Width"` or `{ "en": "Width", "pt-BR": "Largura" }`.
// parseModel keeps English in each text field (what the CLI, 3MF object names and exports use) and the whole
// translation in the object's `translations`; the UI picks its language with localize()/textOf().
// Pure TypeScript: no imports from outside core/model.

import type { LocalizedText, Translations } from './types';

/** The languages a model's text may be given in: the ones the app offers. English is required, the rest optional. */
export const TEXT_LOCALES = ['en', 'pt-BR'] as const;
export type TextLocale = (typeof TEXT_LOCALES)[number];

/** `text` in `locale` (or its base language, `pt` for `pt-BR`), else English. */
export function localize(text: LocalizedText | undefined, locale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const base = locale.split('-')[0]!;
  return text[locale] ?? text[base] ?? text.en;
}

/** The English of a text as written in a file, or undefined when it is neither a string nor `{ "en": … }`. */
export function englishOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isTranslations(v)) return v.en;
  return undefined;
}

export function isTranslations(v: unknown): v is Translations {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { en?: unknown }).en === 'string' &&
    Object.values(v).every((s) => typeof s === 'string');
}

/** An object whose text fields may carry translations (set by parseModel from the file's `{ "en": … }` values). */
export interface HasTranslations<K extends string> {
  translations?: Partial<Record<K, Translations>>;
}

/** Field `field` of `owner` in `locale`: its translation if the file gave one, else the English in the field. */
export function textOf<K extends string>(owner: HasTranslations<K> & Partial<Record<K, string>>, field: K, locale: string): string {
  const tr = owner.translations?.[field];
  return tr ? localize(tr, locale) : (owner[field] ?? '');
}

/** Field `field` of `owner` as a LocalizedText (all its languages), e.g. for a message parameter the UI translates. */
export function textAll<K extends string>(owner: HasTranslations<K> & Partial<Record<K, string>>, field: K): LocalizedText {
  return owner.translations?.[field] ?? owner[field] ?? '';
}

/** Locales of `text` other than English that are missing: for tests and tools that insist on full translations. */
export function missingLocales(text: LocalizedText | undefined, locales: readonly string[] = TEXT_LOCALES): string[] {
  if (text === undefined) return [];
  return locales.filter((l) => l !== 'en' && (typeof text === 'string' || typeof text[l] !== 'string' || text[l].trim() === ''));
}

type Obj = Record<string, unknown>;

/** Copies `o`, moving each `{ "en": … }` value of `fields` to `translations` and its English to the field. */
function splitFields(o: unknown, fields: readonly string[]): unknown {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return o;
  const src = o as Obj;
  let out: Obj | null = null;
  for (const f of fields) {
    const v = src[f];
    if (!isTranslations(v)) continue;
    out ??= { ...src };
    out[f] = v.en;
    out.translations = { ...(out.translations as Obj | undefined), [f]: { ...v } };
  }
  return out ?? o;
}

const mapList = (v: unknown, f: (x: unknown) => unknown): unknown => (Array.isArray(v) ? v.map(f) : v);

/**
 * A structurally valid model file with its localized text split: English in each field, `translations` beside
 * (see types.ts). Returns a new object where anything changed; the input and its solids are not modified.
 */
export function splitModelTranslations(model: Obj): Obj {
  let top = splitFields(model, ['name', 'description']) as Obj;
  const tags = splitTags(top.tags);
  if (tags) top = { ...top, tags: tags.en, translations: { ...(top.translations as Obj | undefined), tags: tags.all } };
  const param = (p: unknown): unknown => {
    const q = splitFields(p, ['label', 'help', 'group']) as Obj;
    if (!Array.isArray(q.options)) return q;
    const options = q.options.map((o) => splitFields(o, ['label']));
    return options.some((o, i) => o !== (q.options as unknown[])[i]) ? { ...q, options } : q;
  };
  return {
    ...top,
    parameters: mapList(top.parameters, param),
    ...(top.constraints !== undefined ? { constraints: mapList(top.constraints, (c) => splitFields(c, ['message'])) } : {}),
    ...(top.features !== undefined ? { features: mapList(top.features, (f) => splitFields(f, ['label'])) } : {}),
    ...(top.presets !== undefined ? { presets: mapList(top.presets, (p) => splitFields(p, ['name'])) } : {}),
    parts: mapList(top.parts, (p) => splitFields(p, ['name'])),
  };
}

/** Tags with any translated: their English, and every tag in all its languages. Undefined when none is translated. */
function splitTags(v: unknown): { en: string[]; all: Translations[] } | undefined {
  if (!Array.isArray(v) || !v.some(isTranslations)) return undefined;
  const all = v.flatMap((t): Translations[] => (isTranslations(t) ? [{ ...t }] : typeof t === 'string' ? [{ en: t }] : []));
  return { en: all.map((t) => t.en), all };
}

/** English tags of a raw model file (translated ones by their "en"); others are dropped. */
export function englishTags(v: unknown): string[] {
  return Array.isArray(v) ? v.map(englishOf).filter((t): t is string => t !== undefined) : [];
}

/** The translations of a catalog entry's name, description and tags, read from a raw model file (gallery index). */
export function catalogTranslations(m: Record<string, unknown>): { translations?: { name?: Translations; description?: Translations; tags?: Translations[] } } {
  const t: { name?: Translations; description?: Translations; tags?: Translations[] } = {};
  if (isTranslations(m.name)) t.name = { ...m.name };
  if (isTranslations(m.description)) t.description = { ...m.description };
  const tags = splitTags(m.tags);
  if (tags) t.tags = tags.all;
  return Object.keys(t).length ? { translations: t } : {};
}
