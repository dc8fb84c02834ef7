import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FontLibrary } from './index';

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
  it('names a character the font lacks', () => {
    expect(lib.missingChars('sans', 'Ada 中文')).toEqual(['中', '文']);
    expect(() => lib.outline('sans', 'A中', { size: 5, tolerance: 0.05 })).toThrow(/has no glyph for '中'/);
    expect(() => lib.outline('nope', 'A', { size: 5, tolerance: 0.05 })).toThrow(/font 'nope' is not installed; available: sans, serif/);
  });
});
