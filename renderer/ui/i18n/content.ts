// Words that come from outside the UI catalogs, in the customer's language: a model's own text (label, help,
// group, option, preset, description, material and part names; see core/model/localize.ts) and core's coded
// messages (printability, values, rules; core/errors.ts), whose numbers and lengths follow the locale and unit.
// Reads i18n.locale, so components re-render when the language changes. No DOM.
import type { Coded, QuantityParam } from '../../../core/errors';
import { localize, textOf, type HasTranslations } from '../../../core/model/localize';
import type { LocalizedText } from '../../../core/model/types';
import { hasMessage, i18n, t } from './index.svelte';
import { toDisplay, type LengthUnit } from '../lib/units';
import { formatMessage, formatNumber, formatQuantity, localeNumber, unitWord, type Words } from './format-message';

const words = (): Words => ({ locale: i18n.locale, say: (key, vars) => (hasMessage(key) ? t(key, vars) : null) });

/** Field `field` of a model object (parameter, option, preset, constraint, model, material) in the current language. */
export function tx<K extends string>(owner: HasTranslations<K> & Partial<Record<K, string>>, field: K): string {
  return textOf(owner, field, i18n.locale);
}

/** A LocalizedText (e.g. a catalog entry's translated name) in the current language. */
export function txt(text: LocalizedText | undefined): string {
  return localize(text, i18n.locale);
}

/** A number in the current locale with at most `digits` decimals (no grouping for an input's text). */
export function num(n: number, digits = 2, grouping = true): string {
  return formatNumber(n, i18n.locale, digits, grouping);
}

/** A display unit from lib/units.ts displayUnit() as the customer's language writes it ('in' is 'pol' in Portuguese). */
export function unitLabel(u: string): string {
  return unitWord(u, words());
}

/** A measured value in the current locale; millimetres follow the chosen length unit. */
export function quantity(q: QuantityParam, unit: LengthUnit): string {
  return formatQuantity(q, unit, words());
}

/**
 * How the preview's dimension labels write a length now ("9,84 pol" in Portuguese): the language and unit are
 * read here, so an $effect calling preview.setUnit(app.unit, lengthFormatter(app.unit)) re-runs when either changes.
 */
export function lengthFormatter(unit: LengthUnit): (mm: number) => string {
  const w = words();
  const word = unitWord(unit, w);
  // as many decimals as the scene's own labels: 40.6 mm, 120 mm, 9.84 in
  return (mm) => {
    const digits = unit === 'in' ? 2 : mm < 100 ? 1 : 0;
    return `${localeNumber(toDisplay(mm, unit, 'mm'), w.locale, digits, digits)} ${word}`;
  };
}

/** A core message in the current language: by its code when the catalogs have it, else its English message. */
export function message(p: Coded & { message: string }, unit: LengthUnit): string {
  return formatMessage(p, unit, words());
}
