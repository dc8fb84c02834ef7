// Fonts → 2D outlines in millimetres for engraving and embossing. Glyphs are laid out one by one (opentype.js's
// string layout throws on some fonts), with kerning; curves are flattened to a tolerance. NonZero fill.
// Pure TypeScript: fonts arrive as bytes from the caller (assets/fonts/ via the host or the CLI).

import opentype, { type Font, type Glyph, type PathCommand } from 'opentype.js';
import { UserError } from '../errors';

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

export type Polygons = [number, number][][];

interface LoadedFont {
  name: string;
  font: Font;
  /** Cap height in font units. */
  capHeight: number;
}

/** Longest text laid out at once (characters): far above a nameplate, far below a DoS. */
const MAX_TEXT = 500;

export class FontLibrary {
  private readonly fonts = new Map<string, LoadedFont>();
  private readonly glyphCache = new Map<string, Polygons>();
  /** Metrics per font and text at cap height = capHeight font units (scaled linearly to any size). */
  private readonly metricCache = new Map<string, { width: number; height: number; capHeight: number }>();

  constructor(sources: FontSource[]) {
    for (const s of sources) {
      const buf = s.bytes.buffer.slice(s.bytes.byteOffset, s.bytes.byteOffset + s.bytes.byteLength) as ArrayBuffer;
      let font: Font;
      try {
        font = opentype.parse(buf);
      } catch {
        throw new UserError(`the font file for '${s.id}' (${s.name}) cannot be read`);
      }
      const cap = font.tables.os2?.sCapHeight || font.ascender * 0.7;
      this.fonts.set(s.id, { name: s.name, font, capHeight: cap });
    }
  }

  ids(): string[] {
    return [...this.fonts.keys()];
  }

  has(fontId: string): boolean {
    return this.fonts.has(fontId);
  }

  /** Characters of `text` the font cannot draw (each once, in order). Spaces always count as drawable. */
  missingChars(fontId: string, text: string): string[] {
    const f = this.get(fontId);
    const out: string[] = [];
    for (const ch of text) {
      if (ch === ' ' || out.includes(ch)) continue;
      if (f.font.charToGlyph(ch).index === 0) out.push(ch);
    }
    return out;
  }

  /** Outline polygons of `text` in mm, y up, laid out on the baseline then aligned. */
  outline(fontId: string, text: string, o: OutlineOptions): Polygons {
    const f = this.get(fontId);
    const chars = [...text];
    if (chars.length > MAX_TEXT) throw new UserError(`text is ${chars.length} characters long; at most ${MAX_TEXT} can be laid out`);
    const missing = this.missingChars(fontId, text);
    if (missing.length) throw new UserError(`the font '${f.name}' has no glyph for ${missing.map((c) => `'${c}'`).join(', ')}`);
    const scale = o.size / f.capHeight;
    const spacing = o.spacing ?? 0;
    const polys: Polygons = [];
    let x = 0;
    let prev: Glyph | undefined;
    for (const ch of chars) {
      const g = f.font.charToGlyph(ch);
      if (prev) x += f.font.getKerningValue(prev, g) * scale;
      const gp = this.glyphPolygons(fontId, f, g, o.tolerance / scale);
      for (const poly of gp) polys.push(poly.map(([px, py]) => [x + px * scale, py * scale]));
      x += (g.advanceWidth ?? 0) * scale + spacing;
      prev = g;
    }
    const width = Math.max(0, x - spacing);
    const dx = o.halign === 'center' ? -width / 2 : o.halign === 'right' ? -width : 0;
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
    const f = this.get(fontId);
    const scale = size / f.capHeight;
    let x = 0;
    let prev: Glyph | undefined;
    for (const ch of text) {
      const g = f.font.charToGlyph(ch);
      if (prev) x += f.font.getKerningValue(prev, g) * scale;
      x += (g.advanceWidth ?? 0) * scale + spacing;
      prev = g;
    }
    return Math.max(0, x - spacing);
  }

  /**
   * Text metrics in mm at cap height `size`, exactly as `outline` lays the text out: `width` is the advance width
   * with kerning (what `halign` centres), `height` the height of the ink (what `valign: center` centres).
   */
  measure(fontId: string, text: string, size: number, spacing = 0): { width: number; height: number } {
    const key = `${fontId}\u0000${text}`;
    let unit = this.metricCache.get(key);
    if (!unit) {
      const f = this.get(fontId);
      let minY = Infinity;
      let maxY = -Infinity;
      for (const ch of text) {
        const g = f.font.charToGlyph(ch);
        for (const poly of this.glyphPolygons(fontId, f, g, f.font.unitsPerEm / 500))
          for (const [, y] of poly) (minY = Math.min(minY, y)), (maxY = Math.max(maxY, y));
      }
      unit = { width: this.advance(fontId, text, f.capHeight), height: maxY > minY ? maxY - minY : 0, capHeight: f.capHeight };
      if (this.metricCache.size > 2000) this.metricCache.clear();
      this.metricCache.set(key, unit);
    }
    const scale = size / unit.capHeight;
    const gaps = Math.max(0, [...text].length - 1);
    return { width: unit.width * scale + spacing * gaps, height: unit.height * scale };
  }

  private get(fontId: string): LoadedFont {
    const f = this.fonts.get(fontId);
    if (!f) throw new UserError(`font '${fontId}' is not installed; available: ${this.ids().join(', ') || 'none'}`);
    return f;
  }

  /** A glyph's contours in font units (y up), cached per font, glyph and tolerance. */
  private glyphPolygons(fontId: string, f: LoadedFont, g: Glyph, tol: number): Polygons {
    const key = `${fontId}\u0000${g.index}\u0000${tol.toPrecision(3)}`;
    let polys = this.glyphCache.get(key);
    if (!polys) {
      polys = flatten(g.getPath(0, 0, f.font.unitsPerEm).commands, tol);
      if (this.glyphCache.size > 4000) this.glyphCache.clear();
      this.glyphCache.set(key, polys);
    }
    return polys;
  }
}

/** Path commands (y down, as opentype.js gives them) → closed polygons with y up. */
function flatten(cmds: PathCommand[], tol: number): Polygons {
  const out: Polygons = [];
  let cur: [number, number][] = [];
  let x = 0;
  let y = 0;
  const push = (px: number, py: number) => {
    const last = cur[cur.length - 1];
    if (!last || Math.abs(last[0] - px) > 1e-9 || Math.abs(last[1] + py) > 1e-9) cur.push([px, -py]);
  };
  const close = () => {
    if (cur.length > 2) {
      const a = cur[0]!;
      const b = cur[cur.length - 1]!;
      if (Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9) cur.pop();
      if (cur.length > 2) out.push(cur);
    }
    cur = [];
  };
  for (const c of cmds) {
    if (c.type === 'M') {
      close();
      x = c.x!;
      y = c.y!;
      push(x, y);
    } else if (c.type === 'L') {
      x = c.x!;
      y = c.y!;
      push(x, y);
    } else if (c.type === 'Q') {
      const n = segments(Math.hypot(c.x1! - x, c.y1! - y) + Math.hypot(c.x! - c.x1!, c.y! - c.y1!), tol);
      for (let i = 1; i <= n; i++) {
        const t = i / n;
        const u = 1 - t;
        push(u * u * x + 2 * u * t * c.x1! + t * t * c.x!, u * u * y + 2 * u * t * c.y1! + t * t * c.y!);
      }
      x = c.x!;
      y = c.y!;
    } else if (c.type === 'C') {
      const len = Math.hypot(c.x1! - x, c.y1! - y) + Math.hypot(c.x2! - c.x1!, c.y2! - c.y1!) + Math.hypot(c.x! - c.x2!, c.y! - c.y2!);
      const n = segments(len, tol);
      for (let i = 1; i <= n; i++) {
        const t = i / n;
        const u = 1 - t;
        push(
          u * u * u * x + 3 * u * u * t * c.x1! + 3 * u * t * t * c.x2! + t * t * t * c.x!,
          u * u * u * y + 3 * u * u * t * c.y1! + 3 * u * t * t * c.y2! + t * t * t * c.y!,
        );
      }
      x = c.x!;
      y = c.y!;
    } else if (c.type === 'Z') close();
  }
  close();
  return out;
}

/** Segments for a curve of control-polygon length `len` so the chord error stays under `tol` (approx.). */
function segments(len: number, tol: number): number {
  return Math.max(1, Math.min(64, Math.ceil(Math.sqrt(len / (8 * Math.max(tol, 1e-6))))));
}
