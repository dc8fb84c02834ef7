// Core's coded messages said in each language: numbers in the locale's format, lengths in the chosen unit,
// model text in the language, and the English message when a code is unknown.
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ptBR } from './pt-BR';
import { formatMessage, formatQuantity, localeNumber, type Words } from './format-message';

const words = (locale: 'en' | 'pt-BR'): Words => {
  const cat: Record<string, string> = locale === 'en' ? en : ptBR;
  return { locale, say: (k, vars = {}) => (k in cat ? cat[k]!.replace(/\{(\w+)\}/g, (m, v: string) => vars[v] ?? m) : null) };
};

const thin = {
  message: 'Letter stroke is 0.3 mm thick; the Prusa MINI+ needs at least 0.45 mm.',
  code: 'check.featureThin',
  params: { feature: { en: 'Letter stroke', 'pt-BR': 'Traço das letras' }, thickness: { value: 0.3, unit: 'mm' }, printer: 'Prusa MINI+', min: { value: 0.45, unit: 'mm' } },
};

describe('formatMessage', () => {
  it('says a printability finding in Portuguese with decimal commas, and in English as core wrote it', () => {
    expect(formatMessage(thin, 'mm', words('pt-BR'))).toBe('Traço das letras tem 0,3 mm de espessura; a Prusa MINI+ precisa de pelo menos 0,45 mm.');
    expect(formatMessage(thin, 'mm', words('en'))).toBe(thin.message);
  });

  it('converts lengths to inches ("pol" in Portuguese, "in" in English)', () => {
    expect(formatQuantity({ value: 250, unit: 'mm' }, 'in', words('pt-BR'))).toBe('9,84 pol');
    expect(formatQuantity({ value: 250, unit: 'mm' }, 'in', words('en'))).toBe('9.84 in');
    expect(formatQuantity({ value: 12.5, unit: 'deg' }, 'in', words('pt-BR'))).toBe('12,5°');
  });

  it('lists only the axes along which a design is too big', () => {
    const p = { message: 'Too big…', code: 'check.tooBig.none', params: { printer: 'Prusa MK4', wide: { value: 12.5, unit: 'mm' }, deep: { value: 0, unit: 'mm' }, tall: { value: 3, unit: 'mm' } } };
    expect(formatMessage(p, 'mm', words('pt-BR'))).toBe(
      'Grande demais para a Prusa MK4: 12,5 mm a mais na largura, 3 mm a mais na altura. Não cabe em nenhuma posição: escolha uma impressora maior ou um tamanho menor.',
    );
    expect(formatMessage(p, 'mm', words('en'))).toBe('Too big for the Prusa MK4: 12.5 mm too wide, 3 mm too tall. It does not fit in any orientation: choose a larger printer or a smaller size.');
  });

  it('a rule message comes from the model in the language; an unknown code falls back to the English message', () => {
    expect(formatMessage({ message: 'Too narrow.', code: 'rule.broken', params: { rule: { en: 'Too narrow.', 'pt-BR': 'Estreito demais.' } } }, 'mm', words('pt-BR'))).toBe('Estreito demais.');
    expect(formatMessage({ message: 'Something new.', code: 'check.somethingNew' }, 'mm', words('pt-BR'))).toBe('Something new.');
    expect(formatMessage({ message: 'No code.' }, 'mm', words('pt-BR'))).toBe('No code.');
  });
});

describe('localeNumber (one formatter per locale and style)', () => {
  it('writes what toLocaleString writes, whichever style was asked for before', () => {
    const cases: [number, string, number, number, boolean][] = [
      [1234.5678, 'en', 2, 0, true], [1234.5678, 'pt-BR', 2, 0, true], [1234.5678, 'pt-BR', 2, 0, false],
      [9.8, 'pt-BR', 2, 2, true], [9.8, 'en', 1, 1, true], [0.05, 'en', 0, 0, true], [120, 'pt-BR', 1, 1, false],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [n, locale, max, min, grouping] of cases) {
        expect(localeNumber(n, locale, max, min, grouping)).toBe(n.toLocaleString(locale, { maximumFractionDigits: max, minimumFractionDigits: min, useGrouping: grouping }));
      }
    }
    expect(localeNumber(1234.5, 'pt-BR', 2, 2)).toBe('1.234,50');
    expect(localeNumber(1234.5, 'en', 2, 0, false)).toBe('1234.5');
  });
});
