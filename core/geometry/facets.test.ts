// The circle-segment rule the construction passes to manifold: manifold's own rule where no chord tolerance is
// set (so preview files are unchanged), fewer segments on small circles where one is.
import Module from 'manifold-3d';
import { describe, expect, it } from 'vitest';
import { circleSegments, revolveDivisions } from './facets';

describe('circleSegments', () => {
  it("matches manifold's default segment count at both qualities' angle and edge limits", async () => {
    const wasm = await Module();
    wasm.setup();
    try {
      for (const q of [{ minAngle: 10, minEdge: 1.2 }, { minAngle: 3, minEdge: 0.3 }]) {
        wasm.setMinCircularAngle(q.minAngle);
        wasm.setMinCircularEdgeLength(q.minEdge);
        for (let r = 0.01; r < 300; r *= 1.05) expect(circleSegments(r, q), `r=${r}`).toBe(wasm.getCircularSegments(r));
      }
    } finally {
      wasm.resetToCircularDefaults();
    }
  });

  it('keeps every facet within the chord tolerance, and no more segments than that needs', () => {
    const q = { minAngle: 3, minEdge: 0.3, chordTolerance: 0.01 };
    // between the radii where the 0.3 mm shortest edge (below ~2 mm) and the 3° widest angle (above ~25 mm) bind first
    for (const r of [2.5, 4.5, 10, 20]) {
      const n = circleSegments(r, q);
      expect(r * (1 - Math.cos(Math.PI / n)), `r=${r}`).toBeLessThanOrEqual(0.01);
      expect(n).toBeLessThanOrEqual(circleSegments(r, { minAngle: 3, minEdge: 0.3 }));
    }
    expect(circleSegments(4.5, q)).toBeLessThan(60);
    expect(circleSegments(200, q)).toBe(120);
    expect(circleSegments(1, q)).toBe(circleSegments(1, { minAngle: 3, minEdge: 0.3 }));
  });

  it("divides a partial revolve as manifold does (down, at least one)", () => {
    const q = { minAngle: 3, minEdge: 0.3 };
    expect(revolveDivisions(23, 360, q)).toBe(120);
    expect(revolveDivisions(23, 100, q)).toBe(33);
    expect(revolveDivisions(23, 1, q)).toBe(1);
  });
});
