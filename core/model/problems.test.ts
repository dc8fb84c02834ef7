// Every problem a model file has, in file order, with the place a person looks at: the stages (JSON → schema →
// semantic checks) all report, syntax errors point at the end of the last good token, and each located problem
// carries a safe excerpt of its line.
import { describe, expect, it } from 'vitest';
import { UserError, type Problem } from '../errors';
import { formatExcerpt, sourceExcerpt } from './excerpt';
import { parseModel, type MaterialCatalog } from './index';

const materials: MaterialCatalog = {
  currency: 'EUR',
  materials: [{ id: 'pla-white', name: 'PLA white', process: 'fdm', color: '#f4f4f4', density: 1.24, pricePerKg: 25, metallic: 0, roughness: 0.6 }],
};

function problemsOf(text: string): Problem[] {
  try {
    parseModel(text, { file: 'x.model.json', materials, fontIds: ['sans'] });
  } catch (e) {
    if (e instanceof UserError) return e.problems;
    throw e;
  }
  throw new Error('expected the model to be refused');
}

const lines = (...l: string[]) => l.join('\n');

describe('every stage reports', () => {
  // line 5: schema (min is text); line 6: semantic (duplicate id); line 8: semantic (unknown name in an expression);
  // line 10: schema (size has 2 items); line 11: semantic (unknown material); line 12: schema (unknown key)
  const text = lines(
    '{',
    '  "format": "atelier-model/1", "id": "tag", "name": "Tag", "description": "A tag", "version": "1.0.0", "units": "mm",',
    '  "parameters": [',
    '    { "id": "width", "type": "number", "label": "Width", "default": 40, "min": 20, "max": 80 },',
    '    { "id": "depth", "type": "number", "label": "Depth", "default": 10, "min": "1", "max": 20 },',
    '    { "id": "width", "type": "boolean", "label": "Twice", "default": true }',
    '  ],',
    '  "derived": [{ "id": "half", "expr": "widht / 2" }],',
    '  "parts": [',
    '    { "name": "A", "material": "pla-white", "solid": { "type": "box", "size": ["width", 2] } },',
    '    { "name": "B", "material": "pla-gold", "solid": { "type": "box", "size": ["depth", "half", 3] } },',
    '    { "name": "C", "material": "pla-white", "colour": "#ff0000", "solid": { "type": "box", "size": [1, 1, 1] } }',
    '  ]',
    '}',
  );

  it('lists schema and semantic problems together, in the order of their lines', () => {
    const ps = problemsOf(text);
    expect(ps.map((p) => p.line)).toEqual([5, 6, 8, 10, 11, 12]);
    expect(ps.map((p) => p.code ?? 'expr')).toEqual(['model.notNumber', 'model.paramTwice', 'expr', 'model.exactItems', 'model.unknownMaterial', 'model.unknownKey']);
    expect(ps[2]!.message).toMatch(/'widht'.*did you mean 'width'/);
  });

  it('does not report what only follows from a refused part: a reference to a parameter the schema refused is not "unknown"', () => {
    const ps = problemsOf(text);
    // part B uses "depth" (its parameter has a bad min) and "half": neither is reported as an unknown name
    expect(ps.filter((p) => /'depth'|'half'/.test(p.message))).toEqual([]);
  });

  it('gives each located problem an excerpt of its line with the caret at its column', () => {
    const [first] = problemsOf(text);
    expect(first!.excerpt).toEqual({ line: 5, text: text.split('\n')[4], caret: first!.column });
    expect(text.split('\n')[4]!.slice(first!.column! - 1)).toMatch(/^"min"/);
  });

  it('a model with only semantic problems still reports them all', () => {
    const ps = problemsOf(text.replace('"min": "1"', '"min": 1').replace('["width", 2]', '["width", 2, 3]').replace('"colour"', '"color"'));
    expect(ps.map((p) => p.line)).toEqual([6, 8, 11]);
  });
});

describe('JSON syntax errors point where the mistake is', () => {
  const at = (text: string) => {
    const ps = problemsOf(text);
    expect(ps).toHaveLength(1);
    const p = ps[0]!;
    return { line: p.line, column: p.column, code: p.code, message: p.message };
  };
  // a valid file but for the mistake on line 3 (line 2 of the old reports was the next token's line)
  const obj = (l3: string, l4 = '  "b": 2') => lines('{', '  "x": 0,', l3, l4, '}');

  it('a missing comma: at the end of the line that lacks it', () => {
    expect(at(obj('  "a": 1'))).toEqual({ line: 3, column: 9, code: 'json.commaExpected', message: "not valid JSON: ',' is expected" });
  });

  it('a missing comma after a string and after a closing bracket', () => {
    expect(at(obj('  "a": "text"'))).toMatchObject({ line: 3, column: 14 });
    expect(at(obj('  "a": [1, 2]'))).toMatchObject({ line: 3, column: 14 });
  });

  it('a trailing comma: at the comma', () => {
    expect(at(lines('{', '  "a": [1, 2,', '  ]', '}'))).toEqual({ line: 2, column: 13, code: 'json.trailingComma', message: "not valid JSON: a ',' before ']' is not allowed (remove it)" });
    expect(at(lines('{', '  "a": 1,', '}'))).toMatchObject({ line: 2, column: 9, code: 'json.trailingComma' });
  });

  it('an unterminated string: at its opening quote', () => {
    expect(at(obj('  "a": "abc'))).toMatchObject({ line: 3, column: 8, code: 'json.unterminated' });
  });

  it('an unexpected end of file: at the end of the last line with text, however many blank lines follow', () => {
    expect(at(lines('{', '  "a": [1,', '    2', '', ''))).toMatchObject({ line: 3, column: 6, code: 'json.endOfFile' });
  });

  it('a bad escape: at its backslash, not at the string (an escaped backslash before it is fine)', () => {
    expect(at(obj('  "a": "x\\\\y\\qz",'))).toMatchObject({ line: 3, column: 13, code: 'json.badEscape' });
    expect(at(obj('  "a": "\\u12G4",'))).toMatchObject({ line: 3, column: 9, code: 'json.badUnicode' });
  });

  it('a missing colon and a missing value after a colon: at the end of the name or colon', () => {
    expect(at(obj('  "a" 1'))).toMatchObject({ line: 3, column: 6, code: 'json.colonExpected' });
    expect(at(lines('{', '  "a":', '}'))).toMatchObject({ line: 2, column: 7, code: 'json.valueExpected' });
  });

  it('a control character inside text: at the character', () => {
    expect(at(obj('  "a": "x\ty",'))).toMatchObject({ line: 3, column: 10, code: 'json.controlChar' });
  });

  it('syntax problems carry an excerpt too', () => {
    const [p] = problemsOf(obj('  "a": 1'));
    expect(formatExcerpt(p!.excerpt!)).toBe('  3 |   "a": 1\n    |         ^');
  });
});

describe('sourceExcerpt', () => {
  it('shows control and direction characters as visible symbols, one place each, so the caret stays under its column', () => {
    const e = sourceExcerpt('a\tb\u001b[31m\u202eX\u0085"', 1, 9)!;
    expect(e.text).toBe('a\u2409b\u241b[31m\ufffdX\ufffd"');
    expect(e.caret).toBe(9);
    expect([...e.text][e.caret - 1]).toBe('\ufffd');
  });

  it('clips a long line around the caret and keeps the caret on the same character', () => {
    const line = 'x'.repeat(500) + 'HERE' + 'y'.repeat(500);
    const e = sourceExcerpt(line, 1, 501)!;
    expect([...e.text].length).toBeLessThanOrEqual(102);
    expect(e.text.startsWith('…') && e.text.endsWith('…')).toBe(true);
    expect(e.text.slice(e.caret - 1, e.caret + 3)).toBe('HERE');
  });

  it('counts an emoji as one character for the caret; drops a CR of CRLF; nothing past the last line', () => {
    const e = sourceExcerpt('{"a": "😀", x}\r\n', 1, 13)!;
    expect(e.text).toBe('{"a": "😀", x}');
    expect([...e.text][e.caret - 1]).toBe('x');
    expect(sourceExcerpt('a\nb', 3, 1)).toBeUndefined();
  });
});
