// The on-screen keyboard's layout and editing, for kiosks without a keyboard: QWERTY letters (with ç on the
// pt-BR layout, as on ABNT2), a row of accented letters for the language, digits, a little punctuation, shift,
// space, backspace. Pure: the component only draws these keys and applies them. No DOM, no Svelte.

export type KeyboardLocale = 'en' | 'pt-BR';

export type Key =
  | { kind: 'char'; value: string }
  | { kind: 'shift' }
  | { kind: 'backspace' }
  | { kind: 'space' }
  | { kind: 'done' };

const DIGITS = '1234567890';
const LETTERS: Record<KeyboardLocale, string[]> = {
  en: ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
  'pt-BR': ['qwertyuiop', 'asdfghjklç', 'zxcvbnm'],
};
/** Accented letters people write in names and greetings in each language. */
const ACCENTS: Record<KeyboardLocale, string> = {
  en: 'éèêëáàäöüñçå',
  'pt-BR': 'áàâãéêíóôõúü',
};
const PUNCTUATION = "-.,'&!";

const chars = (s: string, shifted: boolean): Key[] => [...s].map((c) => ({ kind: 'char', value: shifted ? c.toLocaleUpperCase() : c }));

/** Rows of keys, top to bottom. */
export function keyboardRows(locale: KeyboardLocale, shifted: boolean): Key[][] {
  const [r1, r2, r3] = LETTERS[locale] as [string, string, string];
  return [
    chars(DIGITS, false),
    chars(r1, shifted),
    chars(r2, shifted),
    [{ kind: 'shift' }, ...chars(r3, shifted), { kind: 'backspace' }],
    chars(ACCENTS[locale], shifted),
    [...chars(PUNCTUATION.slice(0, 3), false), { kind: 'space' }, ...chars(PUNCTUATION.slice(3), false), { kind: 'done' }],
  ];
}

/** Characters a number field accepts: digits and either decimal mark (the field shows the locale's: "9,84"). */
export const NUMBER_CHARS = '0123456789.,';

/** The decimal mark numbers are written with in a UI locale: ',' in Portuguese, '.' in English. */
export function decimalMark(uiLocale: string): string {
  return (1.5).toLocaleString(uiLocale).replace(/\d/g, '') || '.';
}

/** A phone-style number pad for number parameters: 7-8-9 on top, the locale's decimal mark beside 0. */
export function numberRows(decimal = '.'): Key[][] {
  return [chars('789', false), chars('456', false), chars('123', false), [...chars(decimal + '0', false), { kind: 'backspace' }], [{ kind: 'done' }]];
}

export interface TextLimits {
  maxLength?: number;
  /** Only these characters may be typed (the parameter's allowedCharacters). */
  allowed?: string;
}

/** Whether a character key can be typed into a text with these limits. */
export function canType(value: string, limits: TextLimits): boolean {
  return limits.allowed === undefined || limits.allowed.includes(value);
}

/** The text after pressing `key`. Length is counted in characters (code points), like a person counts. */
export function applyKey(text: string, key: Key, limits: TextLimits = {}): string {
  const cps = [...text];
  switch (key.kind) {
    case 'backspace':
      return cps.slice(0, -1).join('');
    case 'space':
    case 'char': {
      const v = key.kind === 'space' ? ' ' : key.value;
      if (!canType(v, limits)) return text;
      if (limits.maxLength !== undefined && cps.length + [...v].length > limits.maxLength) return text;
      return text + v;
    }
    default:
      return text;
  }
}

/** Shift is one-shot, as on a phone: it releases after one letter; pressing it toggles. */
export function shiftAfter(key: Key, shifted: boolean): boolean {
  if (key.kind === 'shift') return !shifted;
  if (key.kind === 'char' && /\p{L}/u.test(key.value)) return false;
  return shifted;
}

/** The locale's keyboard for a UI locale. */
export function keyboardLocale(uiLocale: string): KeyboardLocale {
  return uiLocale.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
}
