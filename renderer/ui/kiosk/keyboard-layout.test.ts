import { describe, expect, it } from 'vitest';
import { applyKey, canType, decimalMark, keyboardLocale, keyboardRows, NUMBER_CHARS, numberRows, shiftAfter, type Key } from './keyboard-layout';
import { countdownFor, kioskUrlOptions } from './kiosk-config';

const ch = (value: string): Key => ({ kind: 'char', value });
const values = (rows: Key[][]) => rows.flat().flatMap((k) => (k.kind === 'char' ? [k.value] : []));

describe('on-screen keyboard layout', () => {
  it('has every letter, digit, space, backspace, shift and done', () => {
    for (const loc of ['en', 'pt-BR'] as const) {
      const rows = keyboardRows(loc, false);
      const v = values(rows).join('');
      for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789') expect(v).toContain(c);
      const kinds = rows.flat().map((k) => k.kind);
      for (const k of ['space', 'backspace', 'shift', 'done']) expect(kinds).toContain(k);
    }
  });

  it('offers ç and the Portuguese accents on the pt-BR layout', () => {
    const v = values(keyboardRows('pt-BR', false));
    for (const c of 'çáàâãéêíóôõú') expect(v).toContain(c);
    const up = values(keyboardRows('pt-BR', true));
    for (const c of 'ÇÁÃÉÕ') expect(up).toContain(c);
    expect(up).toContain('1'); // digits do not shift
  });

  it('has no duplicate keys on a layout', () => {
    for (const loc of ['en', 'pt-BR'] as const) {
      const v = values(keyboardRows(loc, false));
      expect(new Set(v).size).toBe(v.length);
    }
  });

  it('types, spaces and deletes whole characters', () => {
    let s = '';
    for (const k of [ch('J'), ch('o'), ch('ã'), { kind: 'space' } as Key, ch('2')]) s = applyKey(s, k);
    expect(s).toBe('Joã 2');
    expect(applyKey(applyKey('Zoë', { kind: 'backspace' }), { kind: 'backspace' })).toBe('Z');
    expect(applyKey('', { kind: 'backspace' })).toBe('');
    expect(applyKey('😀', { kind: 'backspace' })).toBe('');
  });

  it('respects the parameter maximum length and allowed characters', () => {
    expect(applyKey('abc', ch('d'), { maxLength: 3 })).toBe('abc');
    expect(applyKey('ab', ch('c'), { maxLength: 3 })).toBe('abc');
    expect(applyKey('AB', ch('c'), { allowed: 'ABC' })).toBe('AB');
    expect(canType('C', { allowed: 'ABC' })).toBe(true);
    expect(applyKey('AB', { kind: 'space' }, { allowed: 'ABC' })).toBe('AB');
  });

  it('releases shift after one letter but not after a digit or punctuation', () => {
    expect(shiftAfter({ kind: 'shift' }, false)).toBe(true);
    expect(shiftAfter({ kind: 'shift' }, true)).toBe(false);
    expect(shiftAfter(ch('Ç'), true)).toBe(false);
    expect(shiftAfter(ch('1'), true)).toBe(true);
    expect(shiftAfter(ch('-'), true)).toBe(true);
  });

  it('has a number pad with every digit, the decimal mark, backspace and done', () => {
    const rows = numberRows();
    expect(values(rows).sort().join('')).toBe('.0123456789');
    expect(values(numberRows(',')).sort().join('')).toBe(',0123456789');
    for (const v of values(numberRows(','))) expect(canType(v, { allowed: NUMBER_CHARS })).toBe(true);
    expect(rows.flat().map((k) => k.kind)).toEqual(expect.arrayContaining(['backspace', 'done']));
    expect(applyKey('12', ch('x'), { allowed: NUMBER_CHARS })).toBe('12');
    expect(applyKey('12', ch('.'), { allowed: NUMBER_CHARS })).toBe('12.');
  });

  it('writes the decimal mark as the language does: a comma in Portuguese', () => {
    expect(decimalMark('pt-BR')).toBe(',');
    expect(decimalMark('en')).toBe('.');
  });

  it('picks the layout from the UI language', () => {
    expect(keyboardLocale('pt-BR')).toBe('pt-BR');
    expect(keyboardLocale('en')).toBe('en');
  });
});

describe('kiosk options from the URL', () => {
  it('reads ?kiosk=1 and the idle and countdown overrides', () => {
    expect(kioskUrlOptions('?kiosk=1&idle=3&countdown=2')).toEqual({ kiosk: true, idleSeconds: 3, countdownSeconds: 2 });
    expect(kioskUrlOptions('').kiosk).toBe(false);
    expect(kioskUrlOptions('?kiosk=0').kiosk).toBe(false);
    expect(kioskUrlOptions('?kiosk=1&idle=-5&countdown=abc')).toEqual({ kiosk: true, idleSeconds: null, countdownSeconds: null });
  });

  it('keeps the countdown shorter than the idle time', () => {
    expect(countdownFor(90, null)).toBe(20);
    expect(countdownFor(15, null)).toBe(5);
    expect(countdownFor(15, 3)).toBe(3);
  });
});
