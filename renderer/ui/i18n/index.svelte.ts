// The current language and t(): English or Brazilian Portuguese, chosen from the browser and switchable.
// Runes live here (a .svelte.ts file) so components re-render when the language changes.
import { en, type MessageKey, type Messages } from './en';
import { ptBR } from './pt-BR';
import { localeNumber } from './format-message';

export type Locale = 'en' | 'pt-BR';
export const LOCALES: { id: Locale; name: string }[] = [
  { id: 'en', name: 'English' },
  { id: 'pt-BR', name: 'Português (Brasil)' },
];
const CATALOGS: Record<Locale, Messages> = { en, 'pt-BR': ptBR };

function initial(): Locale {
  try {
    const saved = localStorage.getItem('atelier.locale');
    if (saved === 'en' || saved === 'pt-BR') return saved;
  } catch {
    // no storage: fall back to the browser language
  }
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
}

export const i18n = $state<{ locale: Locale }>({ locale: initial() });

export function setLocale(l: Locale): void {
  i18n.locale = l;
  document.documentElement.lang = l;
  try {
    localStorage.setItem('atelier.locale', l);
  } catch {
    // ignore
  }
}

export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const s = CATALOGS[i18n.locale][key] ?? en[key];
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
}

/** Whether `key` is a message of the catalogs (e.g. a message code from core). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** Locale-aware number formatting for figures. */
export function fmt(n: number, digits = 1): string {
  return localeNumber(n, i18n.locale, digits, digits);
}
