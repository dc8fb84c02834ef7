// Evaluates a part's solid tree against the scope: every expression becomes a number, nodes whose `when` is false
// are dropped, text expressions become strings. The result is plain data: a cache key and the kernel's input.
// Budgets (node count, repeat counts, segments, sizes) are enforced here, before any WASM work. Pure TypeScript.

import { BudgetError, UserError } from '../errors';
import { compileCached, evalBoolean, evalNumber, evalText, ExprError, type Scope } from '../expr';
import type { Expr, Shape2D, Solid, Vec2, Vec3 } from '../model/types';

export type N3 = [number, number, number];
export type N2 = [number, number];

export type RShape =
  | { type: 'polygon'; points: N2[]; holes: N2[][] }
  | { type: 'circle'; radius: number; center: N2; segments: number }
  | { type: 'rect'; size: N2; center: boolean; radius: number };

export type RNode =
  | { type: 'box'; size: N3; center: boolean; radius: number }
  | { type: 'cylinder'; height: number; r1: number; r2: number; center: boolean; segments: number }
  | { type: 'sphere'; radius: number; segments: number }
  | { type: 'torus'; major: number; minor: number }
  | { type: 'extrude'; shape: RShape; height: number; twist: number; scaleTop: N2; center: boolean }
  | { type: 'revolve'; shape: RShape; angle: number; segments: number }
  | { type: 'text'; text: string; font: string; size: number; height: number; halign: string; valign: string; spacing: number; wrapRadius: number }
  | { type: 'mesh'; file: string; scale: N3; center: boolean }
  | { type: 'union' | 'difference' | 'intersection' | 'hull'; children: RNode[] }
  | { type: 'translate'; v: N3; children: RNode[] }
  | { type: 'rotate'; v: N3; children: RNode[] }
  | { type: 'scale'; v: N3; children: RNode[] }
  | { type: 'mirror'; v: N3; children: RNode[] }
  | { type: 'repeat-linear'; count: number; v: N3; children: RNode[] }
  | { type: 'repeat-polar'; count: number; angle: number; children: RNode[] };

export interface Budget {
  maxNodes: number;
  maxTriangles: number;
}

/** Largest coordinate or size accepted (mm): 10 m is beyond any printer, far from float trouble. */
export const MAX_SIZE_MM = 10_000;
/** Copies a repeat may make: a pot's drainage holes or a lattice, not a runaway loop. */
export const MAX_REPEAT = 1000;
/** Facets around one circle at most. */
export const MAX_SEGMENTS = 1024;

export interface ResolveContext {
  scope: Scope;
  budget: Budget;
  nodes: number;
  /** Font of each text parameter, for text nodes without an explicit font. */
  textFonts: Map<string, string>;
}

export function resolveSolid(s: Solid, path: string, ctx: ResolveContext): RNode | null {
  if (++ctx.nodes > ctx.budget.maxNodes) throw new BudgetError(`${path}: the model evaluates more than ${ctx.budget.maxNodes} solid nodes`);
  try {
    return resolveInner(s, path, ctx);
  } catch (e) {
    if (e instanceof ExprError) throw new UserError([{ path, message: `${path} (${s.type}): ${e.message}` }]);
    throw e;
  }
}

function resolveInner(s: Solid, path: string, ctx: ResolveContext): RNode | null {
  const { scope } = ctx;
  if (s.when !== undefined && !evalBoolean(s.when, scope, `${path}.when`)) return null;
  const num = (e: Expr | undefined, what: string, dflt?: number) => {
    if (e === undefined) {
      if (dflt === undefined) throw new UserError([{ path, message: `${path}: ${what} is missing` }]);
      return dflt;
    }
    const v = evalNumber(e, scope, `${s.type} ${what}`);
    if (Math.abs(v) > MAX_SIZE_MM) throw new UserError([{ path, message: `${path}: ${what} is ${v} mm; sizes and positions must stay within ±${MAX_SIZE_MM} mm` }]);
    return v;
  };
  const pos = (e: Expr | undefined, what: string, dflt?: number) => {
    const v = num(e, what, dflt);
    if (!(v > 0)) throw new UserError([{ path, message: `${path}: ${s.type} ${what} must be more than 0, got ${round(v)}` }]);
    return v;
  };
  const v3 = (v: Vec3, what: string): N3 => [num(v[0], `${what} x`), num(v[1], `${what} y`), num(v[2], `${what} z`)];
  const segs = (e: Expr | undefined) => {
    if (e === undefined) return 0;
    const n = Math.round(evalNumber(e, scope, `${s.type} segments`));
    if (n < 3 || n > MAX_SEGMENTS) throw new BudgetError(`${path}: ${n} segments; between 3 and ${MAX_SEGMENTS} are allowed`);
    return n;
  };
  const kids = () => {
    const out: RNode[] = [];
    if ('children' in s) s.children.forEach((c, i) => {
      const r = resolveSolid(c, `${path}.children[${i}]`, ctx);
      if (r) out.push(r);
    });
    return out;
  };
  const count = (e: Expr) => {
    const n = evalNumber(e, scope, `${s.type} count`);
    if (!Number.isInteger(n) || n < 0) throw new UserError([{ path, message: `${path}: count must be a whole number ≥ 0, got ${round(n)}` }]);
    if (n > MAX_REPEAT) throw new BudgetError(`${path}: ${n} copies is more than the ${MAX_REPEAT} allowed`);
    return n;
  };

  switch (s.type) {
    case 'box':
      return { type: 'box', size: [pos(s.size[0], 'width'), pos(s.size[1], 'depth'), pos(s.size[2], 'height')], center: !!s.center, radius: num(s.radius, 'radius', 0) };
    case 'cylinder': {
      const r1 = num(s.radiusBottom ?? s.radius, 'radiusBottom');
      const r2 = num(s.radiusTop ?? s.radius, 'radiusTop');
      if (r1 < 0 || r2 < 0 || (r1 === 0 && r2 === 0)) throw new UserError([{ path, message: `${path}: cylinder radii must be ≥ 0 and not both 0` }]);
      return { type: 'cylinder', height: pos(s.height, 'height'), r1, r2, center: !!s.center, segments: segs(s.segments) };
    }
    case 'sphere':
      return { type: 'sphere', radius: pos(s.radius, 'radius'), segments: segs(s.segments) };
    case 'torus': {
      const major = pos(s.majorRadius, 'majorRadius');
      const minor = pos(s.minorRadius, 'minorRadius');
      if (minor >= major) throw new UserError([{ path, message: `${path}: torus minorRadius (${round(minor)}) must be smaller than majorRadius (${round(major)})` }]);
      return { type: 'torus', major, minor };
    }
    case 'extrude': {
      const st = s.scaleTop === undefined ? [1, 1] : Array.isArray(s.scaleTop) ? s.scaleTop : [s.scaleTop, s.scaleTop];
      return {
        type: 'extrude',
        shape: shape(s.shape, num, pos, segs),
        height: pos(s.height, 'height'),
        twist: num(s.twist, 'twist', 0),
        scaleTop: [num(st[0] as Expr, 'scaleTop', 1), num(st[1] as Expr, 'scaleTop', 1)],
        center: !!s.center,
      };
    }
    case 'revolve':
      return { type: 'revolve', shape: shape(s.shape, num, pos, segs), angle: num(s.angle, 'angle', 360), segments: segs(s.segments) };
    case 'text': {
      const text = evalText(s.text, scope, `${path}.text`);
      let font = s.font;
      if (!font) {
        const ref = compileCached(s.text).names.find((id) => ctx.textFonts.has(id));
        font = ref ? ctx.textFonts.get(ref) : undefined;
      }
      if (!font) throw new UserError([{ path, message: `${path}: text needs a font` }]);
      const spacing = num(s.spacing, 'spacing', 0);
      let size = pos(s.size, 'size');
      if (s.fit) size = fittedSize(text, font, size, spacing, pos(s.fit.width, 'fit width'), pos(s.fit.minSize, 'fit minSize'), scope);
      return {
        type: 'text',
        text,
        font,
        size,
        height: pos(s.height, 'height'),
        halign: s.halign ?? 'left',
        valign: s.valign ?? 'baseline',
        spacing,
        wrapRadius: s.wrapRadius === undefined ? 0 : pos(s.wrapRadius, 'wrapRadius'),
      };
    }
    case 'mesh': {
      const sc = s.scale === undefined ? [1, 1, 1] : Array.isArray(s.scale) ? s.scale : [s.scale, s.scale, s.scale];
      return { type: 'mesh', file: s.file, scale: [pos(sc[0] as Expr, 'scale'), pos(sc[1] as Expr, 'scale'), pos(sc[2] as Expr, 'scale')], center: !!s.center };
    }
    case 'union':
    case 'difference':
    case 'intersection':
    case 'hull': {
      const children = kids();
      return children.length ? { type: s.type, children } : null;
    }
    case 'translate':
    case 'rotate':
    case 'mirror': {
      const children = kids();
      const v = v3(s.type === 'translate' ? s.offset : s.type === 'rotate' ? s.angles : s.normal, s.type);
      if (s.type === 'mirror' && v[0] === 0 && v[1] === 0 && v[2] === 0) throw new UserError([{ path, message: `${path}: mirror normal must not be [0, 0, 0]` }]);
      return children.length ? { type: s.type, v, children } : null;
    }
    case 'scale': {
      const f = Array.isArray(s.factor) ? s.factor : [s.factor, s.factor, s.factor];
      const children = kids();
      return children.length ? { type: 'scale', v: [pos(f[0] as Expr, 'factor'), pos(f[1] as Expr, 'factor'), pos(f[2] as Expr, 'factor')], children } : null;
    }
    case 'repeat-linear': {
      const n = count(s.count);
      const children = kids();
      return n > 0 && children.length ? { type: 'repeat-linear', count: n, v: v3(s.offset, 'offset'), children } : null;
    }
    case 'repeat-polar': {
      const n = count(s.count);
      const children = kids();
      return n > 0 && children.length ? { type: 'repeat-polar', count: n, angle: num(s.angle, 'angle', 360), children } : null;
    }
  }
}

function shape(
  sh: Shape2D,
  num: (e: Expr | undefined, what: string, d?: number) => number,
  pos: (e: Expr | undefined, what: string, d?: number) => number,
  segs: (e: Expr | undefined) => number,
): RShape {
  const p2 = (v: Vec2, what: string): N2 => [num(v[0], `${what} x`), num(v[1], `${what} y`)];
  switch (sh.type) {
    case 'polygon':
      return { type: 'polygon', points: sh.points.map((p, i) => p2(p, `point ${i + 1}`)), holes: (sh.holes ?? []).map((h) => h.map((p, i) => p2(p, `hole point ${i + 1}`))) };
    case 'circle':
      return { type: 'circle', radius: pos(sh.radius, 'circle radius'), center: sh.center ? p2(sh.center, 'circle center') : [0, 0], segments: segs(sh.segments) };
    case 'rect':
      return { type: 'rect', size: [pos(sh.size[0], 'rect width'), pos(sh.size[1], 'rect height')], center: !!sh.center, radius: num(sh.radius, 'rect radius', 0) };
  }
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/**
 * The largest cap height ≤ `size` at which `text` is at most `width` wide (advance width grows linearly with the
 * size, spacing does not), but never below `minSize`: a constraint on textWidth(…, minSize) refuses what still overflows.
 */
export function fittedSize(text: string, font: string, size: number, spacing: number, width: number, minSize: number, scope: Scope): number {
  const m = scope.measureText;
  if (!m) throw new ExprError('text with fit cannot be measured here: no fonts are loaded');
  const gaps = Math.max(0, [...text].length - 1) * spacing;
  const perMm = m('width', text, 1, [], font);
  if (perMm <= 0 || perMm * size + gaps <= width) return size;
  return Math.max(Math.min(minSize, size), (width - gaps) / perMm);
}
