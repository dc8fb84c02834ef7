// Fuzzing of the strict XML tokenizer and number parser behind the 3MF reader (core/formats/xml.ts), and of readMesh's
// dispatch: any text ends in events or a UserError, fast; entities never expand beyond the five predefined ones and
// character references; strictNumber returns finite numbers only.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeEntities, escapeXml, strictNumber, tokenizeXml, type XmlEvent } from '../../core/formats/xml';
import { readMesh } from '../../core/import/read-mesh';
import { outcome, seed } from './fuzz-support';

const tokens = (xml: string, maxMs?: number) => outcome(() => [...tokenizeXml(xml, 'fuzz.xml')], `xml ${JSON.stringify(xml.slice(0, 120))}`, maxMs);

describe('XML tokenizer fuzz', () => {
  const piece = fc.constantFrom(
    '<', '>', '/>', '</', '<a', '<m:vertex', ' x="1"', " y='2'", ' x="1" x="2"', '="', '"', "'", '=', ' ', '\n', 'text', '&amp;', '&lt;', '&#65;', '&#x1F600;',
    '&#x110000;', '&#-1;', '&#;', '&unknown;', '&', ';', '<!--', '-->', '<![CDATA[', ']]>', '<?xml version="1.0"?>', '<?', '?>', '<!DOCTYPE x>', '<!ENTITY e "x">',
    '<!', '\u0000', '\uFEFF', '😀', 'é', '<a:b:c>', '<1bad>', '</a>', '<a/>',
  );

  it('token soup ends in events or a UserError, quickly', () => {
    let parsed = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (xml) => {
        const r = tokens(xml);
        if (!r.ok) return;
        parsed++;
        const evs = r.value;
        evs.forEach((ev, i) => {
          if (ev.t === 'open') {
            expect(ev.name).toMatch(/^[\w.:-]*$/); // the first namespace prefix is removed
            // A self-closing tag is followed by its own close.
            if (ev.selfClosing) expect(evs[i + 1]).toEqual({ t: 'close', name: ev.name });
          } else if (ev.t === 'text') expect(typeof ev.text).toBe('string');
        });
      }),
      { ...seed(51), numRuns: 2000 },
    );
    expect(parsed).toBeGreaterThan(100);
  });

  it('arbitrary strings end in events or a UserError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })), (xml) => {
        tokens(xml);
      }),
      { ...seed(52), numRuns: 600 },
    );
  });

  it('escapeXml and decodeEntities round-trip any text without control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => {
        const clean = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
        expect(decodeEntities(escapeXml(s), 'fuzz')).toBe(clean);
        const r = tokens(`<metadata name="${escapeXml(s)}">${escapeXml(s)}</metadata>`);
        expect(r.ok).toBe(true);
        if (r.ok) expect((r.value[0] as Extract<XmlEvent, { t: 'open' }>).attrs.get('name')).toBe(clean);
      }),
      { ...seed(53), numRuns: 800 },
    );
  });

  it('pathological inputs stay linear: long attributes, unclosed quotes, many tags', () => {
    const big = 2_000_000;
    for (const [label, xml] of [
      ['unclosed quote', `<a b="${'x'.repeat(big)}`],
      ['long attribute', `<a b="${'x'.repeat(big)}"/>`],
      ['many attributes', `<a ${Array.from({ length: 50_000 }, (_, i) => `a${i}="1"`).join(' ')}/>`],
      ['many tags', '<a/>'.repeat(200_000)],
      ['many ampersands', `<a>${'&amp;'.repeat(200_000)}</a>`],
      ['lt soup', '<'.repeat(big)],
      ['unterminated comment', `<!--${'-'.repeat(big)}`],
      ['spaces in a tag', `<a${' '.repeat(big)}`],
    ] as const)
      expect(tokens(xml, 2000).ms, label).toBeLessThan(2000);
  });
});

describe('strictNumber fuzz', () => {
  it('returns a finite number equal to Number(s), or refuses', () => {
    const num = fc.oneof(
      fc.double().map(String),
      fc.integer().map(String),
      fc.string({ maxLength: 12 }),
      fc.constantFrom('1e999', '-1e999', 'NaN', 'Infinity', '0x10', '0b1', '1_0', ' 1 ', '+.5', '-.5e-3', '1.', '.', '', '\u00a01', '١'),
    );
    fc.assert(
      fc.property(num, (s) => {
        const r = outcome(() => strictNumber(s, 'value'), `strictNumber ${JSON.stringify(s)}`);
        if (r.ok) {
          expect(Number.isFinite(r.value)).toBe(true);
          expect(r.value).toBe(Number(s));
        } else expect(r.error.message).toMatch(/not a number|out of range/);
      }),
      { ...seed(54), numRuns: 2000 },
    );
  });
});

describe('readMesh dispatch fuzz', () => {
  it('any bytes under any file name end in a UserError or a mesh', () => {
    fc.assert(
      fc.property(fc.constantFrom('a.stl', 'A.STL', 'b.3mf', 'c.obj', '', '.stl', 'x.3mf.stl', '__proto__.3mf'), fc.uint8Array({ maxLength: 300 }), (name, bytes) => {
        const r = outcome(() => readMesh(bytes, name), `readMesh ${name}`);
        if (r.ok) for (const v of r.value.positions) expect(Number.isFinite(v)).toBe(true);
      }),
      { ...seed(55), numRuns: 1000 },
    );
  });
});
