// Turns a resolved solid tree into a manifold-3d Manifold. Every WASM object is registered in an Arena and deleted
// when the build ends, whatever happens; only the final MeshData (plain typed arrays) leaves this module.
// Pure TypeScript; the manifold module instance is handed in by the kernel.

import type { CrossSection, Manifold, ManifoldToplevel } from 'manifold-3d';
import { UserError } from '../errors';
import type { FontLibrary } from '../text';
import { circleSegments, revolveDivisions, wrapEdgeLength, type CircleResolution } from './facets';
import type { N2, RNode, RShape } from './resolve';

interface Deletable {
  delete(): void;
}

/** Owns the WASM objects of one build; `free()` deletes all of them. */
export class Arena {
  private items: Deletable[] = [];
  static live = 0;
  own<T extends Deletable>(x: T): T {
    this.items.push(x);
    Arena.live++;
    return x;
  }
  free(): void {
    for (const x of this.items) x.delete();
    Arena.live -= this.items.length;
    this.items = [];
  }
}

export interface ConstructEnv {
  wasm: ManifoldToplevel;
  arena: Arena;
  fonts: FontLibrary;
  asset: (path: string) => Uint8Array | undefined;
  /**
   * The solid of a mesh file (closed and manifold, else a UserError naming `path`). Borrowed: the caller owns it
   * (the kernel keeps it between builds), so construct never frees it.
   */
  importMesh: (bytes: Uint8Array, file: string, path: string) => Manifold;
  /** How finely circles are divided: every circle, cylinder, sphere, torus and revolve is given its segment count. */
  circle: CircleResolution;
  /** Curve tolerance for text (mm), and the longest edge for bending wrapped text (mm; see wrapEdgeLength). */
  textTolerance: number;
  wrapEdge: number;
}

export function construct(n: RNode, env: ConstructEnv, path: string): Manifold {
  const { wasm, arena } = env;
  const M = wasm.Manifold;
  const own = <T extends Deletable>(x: T) => arena.own(x);
  const segs = (explicit: number, r: number) => explicit || circleSegments(r, env.circle);
  const kids = (c: RNode[]) => c.map((k, i) => construct(k, env, `${path}.children[${i}]`));
  const all = (c: RNode[]): Manifold => {
    const ms = kids(c);
    return ms.length === 1 ? ms[0]! : own(M.union(ms));
  };

  switch (n.type) {
    case 'box': {
      if (n.radius <= 0) return own(M.cube(n.size, n.center));
      const r = Math.min(n.radius, n.size[0] / 2 - 1e-3, n.size[1] / 2 - 1e-3);
      const cs = own(roundedRect(env, n.size[0], n.size[1], r));
      const m = own(cs.extrude(n.size[2]));
      return n.center ? own(m.translate([-n.size[0] / 2, -n.size[1] / 2, -n.size[2] / 2])) : m;
    }
    case 'cylinder':
      return own(M.cylinder(n.height, n.r1, n.r2, segs(n.segments, Math.max(n.r1, n.r2)), n.center));
    case 'sphere':
      return own(M.sphere(n.radius, segs(n.segments, n.radius)));
    case 'torus': {
      const c = own(own(wasm.CrossSection.circle(n.minor, segs(0, n.minor))).translate([n.major, 0]));
      return own(c.revolve(segs(0, n.major + n.minor)));
    }
    case 'extrude': {
      const cs = crossSection(n.shape, env);
      return own(cs.extrude(n.height, n.twist ? Math.max(1, Math.ceil(Math.abs(n.twist) / 5)) : 0, n.twist, n.scaleTop, n.center));
    }
    case 'revolve': {
      const cs = crossSection(n.shape, env);
      return own(cs.revolve(n.segments || revolveDivisions(Math.max(0, cs.bounds().max[0]), n.angle, env.circle), n.angle));
    }
    case 'text':
      return text(n, env, path);
    case 'mesh':
      return meshNode(n, env, path);
    case 'union':
      return all(n.children);
    case 'difference': {
      const [first, ...rest] = kids(n.children);
      if (rest.length === 0) return first!;
      const cut = rest.length === 1 ? rest[0]! : own(M.union(rest));
      return own(first!.subtract(cut));
    }
    case 'intersection': {
      const ms = kids(n.children);
      return ms.slice(1).reduce((a, b) => own(a.intersect(b)), ms[0]!);
    }
    case 'hull':
      return own(M.hull(kids(n.children)));
    case 'translate':
      return own(all(n.children).translate(n.v));
    case 'rotate':
      return own(all(n.children).rotate(n.v));
    case 'scale':
      return own(all(n.children).scale(n.v));
    case 'mirror':
      return own(all(n.children).mirror(n.v));
    case 'repeat-linear': {
      const base = all(n.children);
      const copies = Array.from({ length: n.count }, (_, i) => own(base.translate([n.v[0] * i, n.v[1] * i, n.v[2] * i])));
      return copies.length === 1 ? copies[0]! : own(M.union(copies));
    }
    case 'repeat-polar': {
      const base = all(n.children);
      const full = Math.abs(Math.abs(n.angle) - 360) < 1e-9;
      const step = full || n.count < 2 ? n.angle / n.count : n.angle / (n.count - 1);
      const copies = Array.from({ length: n.count }, (_, i) => own(base.rotate([0, 0, step * i])));
      return copies.length === 1 ? copies[0]! : own(M.union(copies));
    }
  }
}

function roundedRect(env: ConstructEnv, w: number, h: number, r: number): CrossSection {
  const { wasm, arena } = env;
  const c = arena.own(wasm.CrossSection.circle(r, circleSegments(r, env.circle)));
  const corners = [
    [r, r],
    [w - r, r],
    [w - r, h - r],
    [r, h - r],
  ].map((p) => arena.own(c.translate(p as N2)));
  return wasm.CrossSection.hull(corners);
}

function crossSection(s: RShape, env: ConstructEnv): CrossSection {
  const { wasm, arena } = env;
  const CS = wasm.CrossSection;
  switch (s.type) {
    case 'polygon':
      return arena.own(new CS([s.points, ...s.holes], 'EvenOdd'));
    case 'circle':
      return arena.own(arena.own(CS.circle(s.radius, s.segments || circleSegments(s.radius, env.circle))).translate(s.center));
    case 'rect': {
      if (s.radius <= 0) return arena.own(CS.square(s.size, s.center));
      const r = Math.min(s.radius, s.size[0] / 2 - 1e-3, s.size[1] / 2 - 1e-3);
      const rr = arena.own(roundedRect(env, s.size[0], s.size[1], r));
      return s.center ? arena.own(rr.translate([-s.size[0] / 2, -s.size[1] / 2])) : rr;
    }
  }
}

const TEXT_WELD_MM = 0.005;

function text(n: Extract<RNode, { type: 'text' }>, env: ConstructEnv, path: string): Manifold {
  const { wasm, arena } = env;
  if (n.text.trim() === '') throw new UserError([{ path, message: `${path}: the text is empty; type at least one character` }]);
  let polys;
  try {
    polys = env.fonts.outline(n.font, n.text, { size: n.size, halign: n.halign as 'left', valign: n.valign as 'baseline', spacing: n.spacing, tolerance: env.textTolerance });
  } catch (e) {
    if (e instanceof UserError) throw new UserError([{ path, message: `${e.message} (in "${n.text}")` }]);
    throw e;
  }
  // Glyphs that merely touch (a corner of one on the edge of the next, at small sizes or tight spacing) would meet
  // along a line shared by four faces: valid in an indexed mesh, but not in an STL, whose vertices are matched by
  // position. Growing the outline by 5 µm, far below any printer's resolution, welds them into one solid.
  const raw = arena.own(new wasm.CrossSection(polys, 'NonZero'));
  const cs = arena.own(raw.offset(TEXT_WELD_MM, 'Miter'));
  const flat = arena.own(cs.extrude(n.height));
  if (!n.wrapRadius) return flat;
  // Bend around the Z axis: x runs along the circumference, z (depth) outward from radius R, y up; facing -Y (front).
  const R = n.wrapRadius;
  const fine = arena.own(flat.refineToLength(wrapEdgeLength(R, env.wrapEdge, env.circle)));
  return arena.own(
    fine.warp((v) => {
      const theta = v[0] / R;
      const r = R + v[2];
      const up = v[1];
      v[0] = r * Math.sin(theta);
      v[1] = -r * Math.cos(theta);
      v[2] = up;
    }),
  );
}

function meshNode(n: Extract<RNode, { type: 'mesh' }>, env: ConstructEnv, path: string): Manifold {
  const { arena } = env;
  const bytes = env.asset(n.file);
  if (!bytes) throw new UserError([{ path, message: `${path}: mesh file '${n.file}' was not found in the model's folder` }]);
  const m = env.importMesh(bytes, n.file, path);
  let out = arena.own(m.scale(n.scale));
  if (n.center) {
    const b = out.boundingBox();
    out = arena.own(out.translate([-(b.min[0] + b.max[0]) / 2, -(b.min[1] + b.max[1]) / 2, -b.min[2]]));
  }
  return out;
}
