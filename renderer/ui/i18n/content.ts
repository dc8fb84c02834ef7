// Words that come from outside the UI catalogs, in the customer's language: a model's own text (label, help,
// group, option, preset, description, material name; see core/model/localize.ts) and core's coded messages
// (printability, values, rules; core/errors.ts), whose numbers and lengths follow the locale and unit.
// Reads i18n.locale, so components re-render when the language changes. No DOM.
import type { Coded, MessageParam, QuantityParam } from '../../../core/errors';
import { localize, textOf, type HasTranslations } from '../../../core/model/localize';
import type { LocalizedText } from '../../../core/model/types';
import { hasMessage, i18n, t } from './index.svelte';
import { toDisplay, type LengthUnit } from '../lib/units';

/** Field `field` of a model object (parameter, option, preset, constraint, model, material) in the current language. */
export function tx<K extends string>(owner: HasTranslations<K> & Partial<Record<K, string>>, field: K): string {
  return textOf(owner, field, i18n.locale);
}

/** A LocalizedText (e.g. a catalog entry's translated name) in the current language. */
export function txt(text: LocalizedText | undefined): string {
  return localize(text, i18n.locale);
}

/** A number in the current locale with at most `digits` decimals and no grouping surprises in inputs. */
export function num(n: number, digits = 2, grouping = true): string {
  return n.toLocaleString(i18n.locale, { maximumFractionDigits: digits, useGrouping: grouping });
}

/** A display unit from lib/units.ts displayUnit() as the customer's language writes it ('in' is 'pol' in Portuguese). */
export function unitLabel(u: string): string {
  return u === 'in' ? t('units.in') : u === 'mm' ? t('units.mm') : u;
}

const SYMBOL: Record<string, string> = { deg: '°', '%': '%', cm3: ' cm³', g: ' g', s: ' s', count: '' };

/** A measured value in the current locale; millimetres follow the chosen length unit ("9,84 pol", "9.84 in"). */
export function quantity(q: QuantityParam, unit: LengthUnit): string {
  if (q.unit === 'mm') {
    const v = toDisplay(q.value, unit, 'mm');
    return `${num(v, 2)} ${unitLabel(unit)}`;
  }
  return `${num(q.value)}${SYMBOL[q.unit] ?? ` ${q.unit}`}`;
}

function param(v: MessageParam, unit: LengthUnit): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return num(v);
  if ('value' in v && typeof v.value === 'number') return quantity(v as QuantityParam, unit);
  return localize(v as LocalizedText, i18n.locale);
}

const OVER = ['wide', 'deep', 'tall'] as const;

/** A core message in the current language: by its code when the catalogs have it, else its English message. */
export function message(p: Coded & { message: string }, unit: LengthUnit): string {
  if (!p.code || !hasMessage(p.code)) return p.message;
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(p.params ?? {})) vars[k] = param(v, unit);
  if (p.code.startsWith('check.tooBig.')) {
    // the axes along which the design is too large, each as its own phrase
    vars.over = OVER.flatMap((w) => {
      const q = p.params?.[w] as QuantityParam | undefined;
      return q && q.value > 0 ? [t(`check.over.${w}`, { amount: quantity(q, unit) })] : [];
    }).join(', ');
  }
  return t(p.code, vars);
}
