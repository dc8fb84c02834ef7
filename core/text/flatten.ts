// Glyph path commands (opentype.js, y down) → closed polygons (y up), curves flattened to a chord tolerance.
// Pure TypeScript: no fonts, no DOM, no Node.

import type { PathCommand } from 'opentype.js';

export type Polygons = [number, number][][];

/** Path commands (y down, as opentype.js gives them) → closed polygons with y up. */
export function flatten(cmds: PathCommand[], tol: number): Polygons {
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
