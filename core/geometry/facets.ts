// How many triangles a resolved solid will ask for, counted before any WASM work: a model that wants millions
// of facets (a repeat of finely divided spheres, repeats inside repeats) is refused at once instead of holding
// a worker or the CLI for minutes. A lower bound: booleans and imported meshes are not counted, text is ~20 per
// character. Pure TypeScript.

import type { RNode, RShape } from './resolve';

export interface CircleResolution {
  /** Degrees per segment at most, and mm per segment at least (manifold's circular defaults). */
  minAngle: number;
  minEdge: number;
  /**
   * Largest distance (mm) a faceted circle may lie inside the true one, when set: a circle needs no more segments
   * than that takes (a 4.5 mm handle tube 48 instead of 96 at final quality), a large one is still held by minAngle.
   */
  chordTolerance?: number;
}

/**
 * Segments of a full circle of radius r: manifold's own rule (the lesser of the angle and edge-length counts, plus
 * three, down to a multiple of four, at least four), then no more than the chord tolerance needs. The one rule the
 * construction passes to manifold and the estimate below counts with.
 */
export function circleSegments(r: number, q: CircleResolution): number {
  let n = Math.min(Math.trunc(360 / q.minAngle), Math.trunc((2 * r * Math.PI) / q.minEdge));
  if (q.chordTolerance !== undefined && r > q.chordTolerance) n = Math.min(n, Math.ceil(Math.PI / Math.acos(1 - q.chordTolerance / r)));
  n += 3;
  n -= n % 4;
  return Math.max(n, 4);
}

/** Divisions of a revolve through `angle` degrees of a profile reaching out to `r` (manifold's rule for a partial turn). */
export function revolveDivisions(r: number, angle: number, q: CircleResolution): number {
  const n = circleSegments(r, q);
  return angle >= 360 ? n : Math.max(1, Math.floor((n * angle) / 360));
}

/**
 * Longest edge for bending text around a cylinder of radius R: the quality's cap, and with a chord tolerance no
 * longer than keeps a bent face within it of the true surface (sagitta L²/8R: 1.8 mm on a 39 mm mug at 0.01 mm).
 */
export function wrapEdgeLength(R: number, cap: number, q: CircleResolution): number {
  return q.chordTolerance === undefined ? cap : Math.min(cap, Math.sqrt(8 * R * q.chordTolerance));
}

export function facetEstimate(node: RNode, q: CircleResolution): number {
  const segments = (explicit: number, r: number) => explicit || circleSegments(r, q);
  const outline = (sh: RShape) =>
    sh.type === 'polygon' ? sh.points.length + sh.holes.reduce((n, h) => n + h.length, 0) : sh.type === 'circle' ? segments(sh.segments, sh.radius) : 4;
  const facets = (n: RNode): number => {
    switch (n.type) {
      case 'box':
        return 12;
      case 'cylinder':
        return 4 * segments(n.segments, Math.max(n.r1, n.r2)) - 4;
      case 'sphere':
        return 8 * Math.ceil(segments(n.segments, n.radius) / 4) ** 2;
      case 'torus':
        return 2 * segments(0, n.major + n.minor) * segments(0, n.minor);
      case 'extrude':
        return 4 * outline(n.shape);
      case 'revolve':
        return 2 * outline(n.shape) * segments(n.segments, 0);
      case 'text':
        return 20 * n.text.length;
      case 'mesh':
        return 0;
      case 'repeat-linear':
      case 'repeat-polar':
        return n.count * n.children.reduce((s, c) => s + facets(c), 0);
      default:
        return n.children.reduce((s, c) => s + facets(c), 0);
    }
  };
  return facets(node);
}
