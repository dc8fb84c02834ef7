// How many triangles a resolved solid will ask for, counted before any WASM work: a model that wants millions
// of facets (a repeat of finely divided spheres, repeats inside repeats) is refused at once instead of holding
// a worker or the CLI for minutes. A lower bound: booleans and imported meshes are not counted, text is ~20 per
// character. Pure TypeScript.

import type { RNode, RShape } from './resolve';

export interface CircleResolution {
  /** Degrees per segment at most, and mm per segment at least (manifold's circular defaults). */
  minAngle: number;
  minEdge: number;
}

export function facetEstimate(node: RNode, q: CircleResolution): number {
  const segments = (explicit: number, r: number) =>
    explicit || Math.max(4, Math.ceil(Math.min(360 / q.minAngle, (2 * Math.PI * r) / q.minEdge) / 4) * 4);
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
        return 2 * segments(0, n.major) * segments(0, n.minor);
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
