// Pure formatting of core's coded messages (core/errors.ts) and quantities for one language: numbers in the
// locale's format, millimetres in the chosen length unit, model text in the language. ./content.ts binds it to
// the current language; tests call it directly. No DOM, no runes.
import type { Coded, MessageParam, QuantityParam } from '../../../core/errors';
import { localize } from '../../../core/model/localize';
import type { LocalizedText } from '../../../core/model/types';
import { toDisplay, type LengthUnit } from '../lib/units';

export interface Words {
  locale: string;
  /** The sentence for `key` with `{name}` filled from vars, or null when the catalogs have no such key. */
  say(key: string, vars?: Record<string, string>): string | null;
}

const formats = new Map<string, Intl.NumberFormat>();

/**
 * A number in the locale with `min`…`max` decimals. The formatter is made once per locale and style: making one
 * (what toLocaleString does on every call) costs tens of microseconds, and a product view writes hundreds of numbers.
 */
export function localeNumber(n: number, locale: string, max: number, min = 0, grouping = true): string {
  const key = `${locale}|${max}|${min}|${grouping ? 1 : 0}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: max, minimumFractionDigits: min, useGrouping: grouping });
    formats.set(key, f);
  }
  return f.format(n);
}

/** A number in the locale with at most `digits` decimals. */
export function formatNumber(n: number, locale: string, digits = 2, grouping = true): string {
  return localeNumber(n, locale, digits, 0, grouping);
}

/** 'in' and 'mm' as the language writes them ('pol' in Portuguese); other units as given. */
export function unitWord(u: string, w: Words): string {
  return u === 'in' || u === 'mm' ? (w.say(`units.${u}`) ?? u) : u;
}

const SYMBOL: Record<string, string> = { deg: '°', '%': '%', cm3: ' cm³', g: ' g', s: ' s', count: '' };

/** A measured value; millimetres follow the chosen length unit ("9,84 pol" in Portuguese, "9.84 in" in English). */
export function formatQuantity(q: QuantityParam, unit: LengthUnit, w: Words): string {
  if (q.unit === 'mm') return `${formatNumber(toDisplay(q.value, unit, 'mm'), w.locale, 2, false)} ${unitWord(unit, w)}`;
  return `${formatNumber(q.value, w.locale, 2, false)}${SYMBOL[q.unit] ?? ` ${q.unit}`}`;
}

function param(v: MessageParam, unit: LengthUnit, w: Words): string {
  if (typeof v === 'string') return v;
  // a message's numbers carry the locale's decimal mark; no thousands separators, as core writes them
  if (typeof v === 'number') return formatNumber(v, w.locale, 6, false);
  if ('value' in v && typeof v.value === 'number') return formatQuantity(v as QuantityParam, unit, w);
  if ('word' in v && typeof v.word === 'string') return w.say(`word.${v.word}`) ?? v.word;
  return localize(v as LocalizedText, w.locale);
}

const OVER = ['wide', 'deep', 'tall'] as const;

/** A core message in the language: by its code when the catalogs have it, else its English message. */
export function formatMessage(p: Coded & { message: string }, unit: LengthUnit, w: Words): string {
  if (!p.code) return p.message;
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(p.params ?? {})) vars[k] = param(v, unit, w);
  if (p.code.startsWith('check.tooBig.')) {
    // the axes along which the design is too large, each its own phrase
    vars.over = OVER.flatMap((axis) => {
      const q = p.params?.[axis] as QuantityParam | undefined;
      const said = q && q.value > 0 ? w.say(`check.over.${axis}`, { amount: formatQuantity(q, unit, w) }) : null;
      return said ? [said] : [];
    }).join(', ');
  }
  return w.say(p.code, vars) ?? p.message;
}
