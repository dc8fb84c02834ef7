// Unit tests for the order CSV reader: quotes, escapes, line breaks in fields, CRLF, BOM, errors with lines.
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads plain and quoted fields with CRLF and a BOM', () => {
    const r = parseCsv('\uFEFForder,model,name\r\n1,nameplate,"Łukasz, Jr."\r\n2,keychain,"say ""hi"""\r\n');
    expect(r).toEqual([
      { line: 1, fields: ['order', 'model', 'name'] },
      { line: 2, fields: ['1', 'nameplate', 'Łukasz, Jr.'] },
      { line: 3, fields: ['2', 'keychain', 'say "hi"'] },
    ]);
  });
  it('keeps line breaks inside quotes and counts lines across them', () => {
    const r = parseCsv('a,b\n"x\ny",z\n\nlast,one');
    expect(r).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ny', 'z'] },
      { line: 5, fields: ['last', 'one'] },
    ]);
  });
  it('keeps empty fields and unicode', () => {
    expect(parseCsv('Ωmega,,ç\n')).toEqual([{ line: 1, fields: ['Ωmega', '', 'ç'] }]);
  });
  it('reports an unclosed quote with its line', () => {
    expect(() => parseCsv('a\n"open,b\nc')).toThrow(UserError);
    try {
      parseCsv('a\n"open,b\nc');
    } catch (e) {
      expect((e as UserError).problems[0]).toMatchObject({ line: 2 });
      expect((e as UserError).message).toMatch(/never closed/);
    }
  });
  it('refuses a stray quote and text after a closing quote', () => {
    expect(() => parseCsv('a,b"c\n')).toThrow(/inside an unquoted field/);
    expect(() => parseCsv('"a"b,c\n')).toThrow(/after a closing quote/);
  });
});
