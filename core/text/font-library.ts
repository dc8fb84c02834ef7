// Fonts → 2D outlines in millimetres for engraving and embossing, with glyph-by-glyph fallback: a character the
// chosen font lacks is drawn from the next font that has it (the other fonts, in the order given: fonts.json order),
// at the same em size on the same baseline. Layout is glyph by glyph (opentype.js's string layout throws on some
// fonts), with kerning inside each font; `outline`, `advance` and `measure` share one layout, so text metrics agree
// with the geometry. Fonts are parsed on first use: a fallback face costs nothing until a text needs it.
// Pure TypeScript: fonts arrive as bytes from the caller (assets/fonts/ via the host or the CLI).

import opentype, { type Font, type Glyph } from 'opentype.js';
import { UserError } from '../errors';
import { flatten, type Polygons } from './flatten';

export type { Polygons } from './flatten';

export interface FontSource {
  id: string;
  name: string;
  bytes: Uint8Array;
}

export interface OutlineOptions {
  /** Cap height in mm (the height of a capital H). */
  size: number;
  halign?: 'left' | 'center' | 'right';
  valign?: 'baseline' | 'bottom' | 'center' | 'top';
  /** Extra space between letters, mm. */
  spacing?: number;
  /** Largest distance between a curve and its flattened polygon, mm. */
  tolerance: number;
}

interface LoadedFont {
  id: string;
  name: string;
  font: Font;
  /** Cap height in font units. */
  capHeight: number;
}

interface Slot {
  id: string;
  name: string;
  /** The caller's source until the font is parsed; its `bytes` are read only then (a caller may read the file lazily). */
  source: FontSource | undefined;
  loaded?: LoadedFont;
  /** Set when the file could not be parsed as a fallback. */
  broken?: boolean;
}

/** One glyph placed by the layout: its font, its pen position (mm) and its scale (mm per font unit). */
interface Placed {
  f: LoadedFont;
  g: Glyph;
  x: number;
  scale: number;
}

interface Layout {
  glyphs: Placed[];
  /** Advance width in mm (kerning and spacing included, no spacing after the last glyph). */
  width: number;
  /** Characters no font of the chain can draw (each once, in order). */
  missing: string[];
}

/**
 * The font file with its glyph-substitution table (GSUB: ligatures, contextual forms) hidden from the parser by
 * renaming its tag in the table directory: the layout places one glyph per character and never substitutes, and
 * opentype.js spends about a quarter of a parse on that table (14 ms of 57 for Noto Sans Bold). Kerning (GPOS,
 * kern) and glyph classes (GDEF) stay. Changes the caller's copy, not its bytes. Only a plain sfnt file; one too short for its
 * table directory is left as it is for the parser to refuse.
 */
export function withoutSubstitutions(buf: ArrayBuffer): ArrayBuffer {
  if (buf.byteLength < 12) return buf;
  const v = new DataView(buf);
  const sfnt = v.getUint32(0); // TrueType, 'OTTO' (CFF) or 'true' (Apple); a WOFF or a collection is left alone
  if (sfnt !== 0x00010000 && sfnt !== 0x4f54544f && sfnt !== 0x74727565) return buf;
  const tables = v.getUint16(4);
  if (buf.byteLength < 12 + tables * 16) return buf;
  for (let i = 0; i < tables; i++) {
    const o = 12 + i * 16;
    if (v.getUint32(o) === 0x47535542) v.setUint8(o, 0x67); // 'GSUB' → 'gSUB', a tag no parser knows
  }
  return buf;
}

/** Longest text laid out at once (characters): far above a nameplate, far below a DoS. */
const MAX_TEXT = 500;
/** Cache bounds (entries): plenty for a session of typing, bounded for a kiosk that runs for weeks. */
const GLYPH_CACHE = 4000;
const CHAR_CACHE = 20000;
const METRIC_CACHE = 2000;

/**
 * Code points that draw nothing and take no room: zero-width space/joiners, word joiner, BOM, variation selectors
 * (the emoji selector after ♥ or ❤ that phones add, and the ideographic variation selectors of Japanese names).
 */
function ignorable(cp: number): boolean {
  return (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

/** The characters the layout draws: composed (NFC, so "o + ◌̃" is the font's "õ"), without ignorable code points. */
function drawnChars(text: string): string[] {
  return [...text.normalize('NFC')].filter((c) => !ignorable(c.codePointAt(0)!));
}

export class FontLibrary {
  /** Every font, in the order given: that order is the fallback order. */
  private readonly slots = new Map<string, Slot>();
  private readonly glyphCache = new Map<string, Polygons>();
  /** Which font of a chain draws a character: `${chosen font}\0${char}` → font and glyph (null: none has it). */
  private readonly charCache = new Map<string, { f: LoadedFont; g: Glyph } | null>();
  /** Metrics per font and text in the chosen font's units (cap height = capUnits), spacing 0; scaled linearly to any size. */
  private readonly metricCache = new Map<string, { width: number; height: number; glyphs: number; cap: number }>();

  constructor(sources: FontSource[]) {
    for (const s of sources) this.slots.set(s.id, { id: s.id, name: s.name, source: s });
  }

  ids(): string[] {
    return [...this.slots.keys()];
  }

  has(fontId: string): boolean {
    return this.slots.has(fontId);
  }

  /** The fonts a character is looked up in, in order: the chosen font, then every other font in the order given. */
  fallbackChain(fontId: string): string[] {
    this.slot(fontId);
    return [fontId, ...this.ids().filter((id) => id !== fontId)];
  }

  /** Characters of `text` that neither the font nor its fallbacks can draw (each once, in order). Spaces always count as drawable. */
  missingChars(fontId: string, text: string): string[] {
    this.slot(fontId);
    const out: string[] = [];
    for (const ch of drawnChars(text)) if (ch !== ' ' && !out.includes(ch) && !this.glyphOf(fontId, ch)) out.push(ch);
    return out;
  }

  /** Ids of the fonts whose glyphs `text` is drawn with, in fallback order (the chosen font first when it draws any). */
  fontsFor(fontId: string, text: string): string[] {
    const used = new Set(this.layout(fontId, text, 1, 0).glyphs.map((p) => p.f.id));
    return this.fallbackChain(fontId).filter((id) => used.has(id));
  }

  /** Outline polygons of `text` in mm, y up, laid out on the baseline then aligned. */
  outline(fontId: string, text: string, o: OutlineOptions): Polygons {
    const lay = this.layout(fontId, text, o.size, o.spacing ?? 0);
    if (lay.missing.length) throw new UserError(this.missingMessage(fontId, lay.missing));
    const polys: Polygons = [];
    for (const p of lay.glyphs) {
      for (const poly of this.glyphPolygons(p.f, p.g, o.tolerance / p.scale)) polys.push(poly.map(([px, py]) => [p.x + px * p.scale, py * p.scale]));
    }
    const dx = o.halign === 'center' ? -lay.width / 2 : o.halign === 'right' ? -lay.width : 0;
    let dy = 0;
    if (o.valign && o.valign !== 'baseline' && polys.length) {
      let minY = Infinity;
      let maxY = -Infinity;
      for (const p of polys) for (const [, y] of p) (minY = Math.min(minY, y)), (maxY = Math.max(maxY, y));
      dy = o.valign === 'bottom' ? -minY : o.valign === 'top' ? -maxY : -(minY + maxY) / 2;
    }
    if (dx === 0 && dy === 0) return polys;
    return polys.map((p) => p.map(([px, py]) => [px + dx, py + dy] as [number, number]));
  }

  /** Advance width of `text` in mm at cap height `size`. */
  advance(fontId: string, text: string, size: number, spacing = 0): number {
    return this.layout(fontId, text, size, spacing).width;
  }

  /**
   * Text metrics in mm at cap height `size`, exactly as `outline` lays the text out: `width` is the advance width
   * with kerning (what `halign` centres), `height` the height of the ink (what `valign: center` centres).
   */
  measure(fontId: string, text: string, size: number, spacing = 0): { width: number; height: number } {
    const key = `${fontId}\u0000${text}`;
    let unit = this.metricCache.get(key);
    if (!unit) {
      // laid out at one mm per font unit, as the font's own integers: sizes fitted from a width measure back exactly
      const cap = this.capUnits(fontId);
      const lay = this.layout(fontId, text, cap, 0);
      let minY = Infinity;
      let maxY = -Infinity;
      for (const p of lay.glyphs) {
        for (const poly of this.glyphPolygons(p.f, p.g, p.f.font.unitsPerEm / 500))
          for (const [, y] of poly) (minY = Math.min(minY, y * p.scale)), (maxY = Math.max(maxY, y * p.scale));
      }
      unit = { width: lay.width, height: maxY > minY ? maxY - minY : 0, glyphs: lay.glyphs.length, cap };
      if (this.metricCache.size > METRIC_CACHE) this.metricCache.clear();
      this.metricCache.set(key, unit);
    }
    const scale = size / unit.cap;
    return { width: unit.width * scale + spacing * Math.max(0, unit.glyphs - 1), height: unit.height * scale };
  }

  /**
   * The one layout behind outline, advance and measure. The chosen font sets the scale (its cap height is `size`);
   * a fallback glyph is drawn at the same em size (Noto faces are designed to match at equal em), on the same
   * baseline. Kerning applies between neighbours from the same font. A character no font has takes the chosen
   * font's .notdef advance (so widths stay finite) and is listed in `missing`.
   */
  private layout(fontId: string, text: string, size: number, spacing: number): Layout {
    const base = this.load(this.slot(fontId));
    if ([...text].length > MAX_TEXT) throw new UserError(`text is ${[...text].length} characters long; at most ${MAX_TEXT} can be laid out`);
    // mm per font unit of the chosen font; a fallback glyph's unit is rescaled by the two fonts' units per em
    const baseScale = size / this.capUnits(fontId);
    const glyphs: Placed[] = [];
    const missing: string[] = [];
    let x = 0;
    let prev: Placed | undefined;
    for (const ch of drawnChars(text)) {
      const hit = this.glyphOf(fontId, ch);
      if (!hit && ch !== ' ' && !missing.includes(ch)) missing.push(ch);
      const f = hit?.f ?? base;
      const g = hit?.g ?? base.font.charToGlyph(ch);
      const scale = f === base ? baseScale : baseScale * (base.font.unitsPerEm / f.font.unitsPerEm);
      if (prev && prev.f === f) x += f.font.getKerningValue(prev.g, g) * scale;
      const p: Placed = { f, g, x, scale };
      glyphs.push(p);
      x += (g.advanceWidth ?? 0) * scale + spacing;
      prev = p;
    }
    return { glyphs, width: Math.max(0, x - spacing), missing };
  }

  /**
   * Cap height of a font in its own units: that of its capital H or, for a face without one (a symbols or a
   * kana-and-kanji face used as the chosen font), that of the first font of its chain that has an H, at equal em.
   */
  private capUnits(fontId: string): number {
    const base = this.load(this.slot(fontId));
    const f = this.glyphOf(fontId, 'H')?.f ?? base;
    return f === base ? base.capHeight : f.capHeight * (base.font.unitsPerEm / f.font.unitsPerEm);
  }

  /** The first font of `fontId`'s chain that has a glyph for `ch` (parsing fallbacks only when reached), or null. */
  private glyphOf(fontId: string, ch: string): { f: LoadedFont; g: Glyph } | null {
    const key = `${fontId}\u0000${ch}`;
    let hit = this.charCache.get(key);
    if (hit === undefined) {
      hit = null;
      for (const id of this.fallbackChain(fontId)) {
        const slot = this.slots.get(id)!;
        // a fallback file that cannot be read is skipped (its characters are then named as missing); the chosen one throws
        if (id !== fontId && slot.broken) continue;
        let f: LoadedFont;
        try {
          f = this.load(slot);
        } catch (e) {
          if (id === fontId) throw e;
          slot.broken = true;
          continue;
        }
        const g = f.font.charToGlyph(ch);
        if (g.index !== 0) {
          hit = { f, g };
          break;
        }
      }
      if (this.charCache.size > CHAR_CACHE) this.charCache.clear();
      this.charCache.set(key, hit);
    }
    return hit;
  }

  private missingMessage(fontId: string, missing: string[]): string {
    const chars = missing.map((c) => `'${c}'`).join(', ');
    const [chosen, ...rest] = this.fallbackChain(fontId).map((id) => this.slots.get(id)!.name);
    if (!rest.length) return `the font '${chosen}' has no glyph for ${chars}`;
    return `the font '${chosen}' has no glyph for ${chars}, nor do its fallbacks (${rest.join(', ')}); use other characters`;
  }

  private slot(fontId: string): Slot {
    const s = this.slots.get(fontId);
    if (!s) throw new UserError(`font '${fontId}' is not installed; available: ${this.ids().join(', ') || 'none'}`);
    return s;
  }

  /** Parses a font on first use. */
  private load(s: Slot): LoadedFont {
    if (s.loaded) return s.loaded;
    const b = s.source!.bytes;
    let font: Font;
    try {
      // lowMemory: glyphs (outline, metrics, name) are read when first asked for, not all ~3000 at parse time;
      // a name on a mug draws a dozen of them (about 45 ms less per font in a CLI call)
      font = opentype.parse(withoutSubstitutions(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer), { lowMemory: true });
    } catch {
      throw new UserError(`the font file for '${s.id}' (${s.name}) cannot be read`);
    }
    const cap = font.tables.os2?.sCapHeight || font.ascender * 0.7;
    s.loaded = { id: s.id, name: s.name, font, capHeight: cap };
    s.source = undefined;
    return s.loaded;
  }

  /** A glyph's contours in font units (y up), cached per font, glyph and tolerance. */
  private glyphPolygons(f: LoadedFont, g: Glyph, tol: number): Polygons {
    const key = `${f.id}\u0000${g.index}\u0000${tol.toPrecision(3)}`;
    let polys = this.glyphCache.get(key);
    if (!polys) {
      polys = flatten(g.getPath(0, 0, f.font.unitsPerEm).commands, tol);
      if (this.glyphCache.size > GLYPH_CACHE) this.glyphCache.clear();
      this.glyphCache.set(key, polys);
    }
    return polys;
  }
}
