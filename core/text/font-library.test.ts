/// <reference path="./opentype.d.ts" />
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import opentype from 'opentype.js';
import { FontLibrary } from './index';
import { withoutSubstitutions } from './font-library';

const fonts = JSON.parse(readFileSync(new URL('../../assets/fonts/fonts.json', import.meta.url), 'utf8')) as { id: string; name: string; file: string }[];
const lib = new FontLibrary(fonts.map((f) => ({ id: f.id, name: f.name, bytes: readFileSync(new URL(`../../assets/fonts/${f.file}`, import.meta.url)) })));

function bbox(polys: [number, number][][]) {
  const xs = polys.flat().map((p) => p[0]);
  const ys = polys.flat().map((p) => p[1]);
  return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
}

describe('FontLibrary', () => {
  it('ships at least two fonts', () => {
    expect(fonts.length).toBeGreaterThanOrEqual(2);
  });
  it('lays out text at the requested cap height', () => {
    for (const id of lib.ids()) {
      const b = bbox(lib.outline(id, 'H', { size: 10, tolerance: 0.01 }));
      expect(b.maxY - b.minY).toBeCloseTo(10, 1);
      expect(b.minY).toBeCloseTo(0, 1);
    }
  });
  it('aligns: centred text is centred, width grows with the text', () => {
    const b = bbox(lib.outline('sans', 'Ada Lovelace', { size: 8, halign: 'center', valign: 'center', tolerance: 0.02 }));
    expect(b.minX + b.maxX).toBeCloseTo(0, 0);
    expect(b.minY + b.maxY).toBeCloseTo(0, 1);
    expect(lib.advance('sans', 'Ada Lovelace', 8)).toBeGreaterThan(lib.advance('sans', 'Ada', 8) * 2);
  });
  it('covers Latin-1 and Latin Extended-A letters', () => {
    const latin = 'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿĀāĂăĄąĆćČčĎďĘęĚěĞğŁłŃńŇňŐőŒœŘřŚśŞşŠšŢţŤťŮůŰűŸŹźŻżŽž';
    for (const id of lib.ids()) expect(lib.missingChars(id, latin)).toEqual([]);
  });
  it('names a character that neither the font nor its fallbacks have', () => {
    // U+1D11E musical G clef and U+0F00 Tibetan om: in no shipped font
    expect(lib.missingChars('sans', 'Ada \u{1D11E} ༀ ♥ 中')).toEqual(['\u{1D11E}', 'ༀ']);
    expect(() => lib.outline('sans', 'Aༀ', { size: 5, tolerance: 0.05 })).toThrow(
      /the font 'Noto Sans Bold' has no glyph for 'ༀ', nor do its fallbacks \(Noto Serif Bold, .*Noto Sans CJK JP Bold\); use other characters/,
    );
    expect(() => lib.outline('nope', 'A', { size: 5, tolerance: 0.05 })).toThrow(/font 'nope' is not installed; available: sans, serif/);
  });
  it('keeps the old message when a font has no fallbacks', () => {
    const only = new FontLibrary([{ id: 'sans', name: 'Noto Sans Bold', bytes: readFileSync(new URL('../../assets/fonts/NotoSans-Bold.ttf', import.meta.url)) }]);
    expect(only.missingChars('sans', 'Ana ♥')).toEqual(['♥']);
    expect(() => only.outline('sans', 'A♥', { size: 5, tolerance: 0.05 })).toThrow(/^the font 'Noto Sans Bold' has no glyph for '♥'$/);
  });
});

describe('fallback fonts', () => {
  it('draws ♥ and Japanese from the fallback chain, in fonts.json order', () => {
    expect(lib.fallbackChain('serif')).toEqual(['serif', 'sans', 'symbols', 'symbols-2', 'japanese']);
    expect(lib.missingChars('sans', 'Ana ♥ João ★ ♪ ✓ ∞ & 田中 花子 さくら サクラ ー 々 翔 凛')).toEqual([]);
    expect(lib.fontsFor('sans', 'Ana ♥ João')).toEqual(['sans', 'symbols-2']);
    expect(lib.fontsFor('sans', 'Ana ♪')).toEqual(['sans', 'symbols']);
    expect(lib.fontsFor('serif', '田中 花子')).toEqual(['serif', 'japanese']);
  });
  it('draws fallback glyphs at the same em size on the same baseline', () => {
    // a kana in Noto Sans CJK JP is about an em tall; the chosen font's cap height is `size`: 10 mm cap → 14 mm em
    const em = 10 * (1000 / 714);
    const b = bbox(lib.outline('sans', 'ロ', { size: 10, tolerance: 0.01 }));
    expect(b.maxY - b.minY).toBeGreaterThan(0.6 * em);
    expect(b.maxY - b.minY).toBeLessThan(1.0 * em);
    expect(lib.advance('sans', 'さ', 10)).toBeCloseTo(em, 1); // full-width: advance of one em
    const h = bbox(lib.outline('sans', 'H♥H', { size: 10, tolerance: 0.01 }));
    expect(h.minY).toBeCloseTo(0, 0);
  });
  it('measures text with fallback glyphs exactly as it lays it out', () => {
    for (const text of ['Ana ♥ João', '田中 花子', 'さくら', 'ANA ♥ JOÃO', 'Zoë ★']) {
      for (const spacing of [0, 0.4]) {
        const m = lib.measure('sans', text, 7, spacing);
        expect(m.width).toBeCloseTo(lib.advance('sans', text, 7, spacing), 9);
        const b = bbox(lib.outline('sans', text, { size: 7, spacing, tolerance: 0.01 }));
        expect(m.height).toBeCloseTo(b.maxY - b.minY, 1);
        // the ink lies within the advance box, give or take the side bearings
        expect(b.minX).toBeGreaterThan(-0.5);
        expect(b.maxX).toBeLessThan(m.width + 0.5);
        expect(b.maxX - b.minX).toBeGreaterThan(m.width - 0.3 * 7 * (1000 / 714));
      }
    }
  });
  it('ignores the emoji variation selector and composes decomposed letters', () => {
    expect(lib.missingChars('sans', 'Ana \u2665\uFE0F')).toEqual([]);
    expect(lib.advance('sans', 'Ana \u2665\uFE0F', 5)).toBeCloseTo(lib.advance('sans', 'Ana \u2665', 5), 9);
    expect(lib.advance('sans', 'Joa\u0303o', 5)).toBeCloseTo(lib.advance('sans', 'João', 5), 9);
  });
  it('parses a fallback font only when a text needs it', () => {
    const src = (id: string, file: string) => ({ id, name: id, bytes: readFileSync(new URL(`../../assets/fonts/${file}`, import.meta.url)) });
    const broken = new FontLibrary([src('sans', 'NotoSans-Bold.ttf'), { id: 'bad', name: 'Broken', bytes: new Uint8Array([1, 2, 3]) }]);
    expect(broken.advance('sans', 'Ana', 5)).toBeGreaterThan(0); // never reaches the broken fallback
    expect(broken.missingChars('sans', 'Ana ♥')).toEqual(['♥']); // a broken fallback is skipped, not fatal
    expect(() => broken.outline('bad', 'A', { size: 5, tolerance: 0.05 })).toThrow(/the font file for 'bad' \(Broken\) cannot be read/);
  });
});

describe('parsing without substitutions', () => {
  const copy = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  it.each(fonts.map((f) => [f.file]))('%s: same glyphs and kerning as a full parse, GSUB hidden and nothing else changed', (file) => {
    const bytes = readFileSync(new URL(`../../assets/fonts/${file}`, import.meta.url));
    const hidden = new Uint8Array(withoutSubstitutions(copy(bytes)));
    const changed = [...hidden.keys()].filter((i) => hidden[i] !== bytes[i]);
    const tags = (b: Uint8Array) => Array.from({ length: (b[4]! << 8) | b[5]! }, (_, i) => String.fromCharCode(...b.subarray(12 + i * 16, 16 + i * 16)));
    if (tags(bytes).includes('GSUB')) {
      expect(changed.length, 'one byte: the first letter of the tag').toBe(1);
      expect(tags(hidden)).toContain('gSUB');
    } else expect(changed).toEqual([]);
    const full = opentype.parse(copy(bytes), { lowMemory: true });
    const lean = opentype.parse(hidden.buffer as ArrayBuffer, { lowMemory: true });
    const text = 'AVATAR Wo Te fi ffl Tāne Łódź';
    for (const [a, b] of [...text].map((ch) => [full.charToGlyph(ch), lean.charToGlyph(ch)] as const)) {
      expect(b.index).toBe(a.index);
      expect(b.getPath(0, 0, 1000).commands).toEqual(a.getPath(0, 0, 1000).commands);
    }
    const pairs = ['AV', 'To', 'Wo', 'Te', 'LT'].map((p) => [...p].map((c) => full.charToGlyph(c)));
    for (const [l, r] of pairs) {
      const lg = lean.charToGlyph(String.fromCodePoint(l!.unicode ?? 0));
      const rg = lean.charToGlyph(String.fromCodePoint(r!.unicode ?? 0));
      expect(lean.getKerningValue(lg, rg)).toBe(full.getKerningValue(l!, r!));
    }
  });
  it('leaves a WOFF, a collection or a short file as it is', () => {
    for (const head of ['wOFF', 'ttcf', 'xx']) {
      const b = new TextEncoder().encode(head.padEnd(40, '\0')).buffer as ArrayBuffer;
      const before = new Uint8Array(b.slice(0));
      expect(new Uint8Array(withoutSubstitutions(b))).toEqual(before);
    }
  });
});
