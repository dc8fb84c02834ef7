// Placement maths for AR: which surfaces carry a product, facing the viewer, drag and twist, and the size measured
// in the product's own turned frame.
import { describe, expect, it } from 'vitest';
import { dragYaw, isStandableSurface, orientedSize, twistYaw, yawTowards } from './placement';

describe('AR placement', () => {
  it('accepts floors and tables below the eyes, not walls, slopes or the ceiling', () => {
    expect(isStandableSurface([0, 1, 0], 0, 1.6)).toBe(true); // floor
    expect(isStandableSurface([0.05, 1, 0], 0.75, 1.6)).toBe(true); // table, slightly tilted
    expect(isStandableSurface([0, -1, 0], 0, 1.6)).toBe(true); // floor reported facing down
    expect(isStandableSurface([1, 0, 0], 1.2, 1.6)).toBe(false); // wall
    expect(isStandableSurface([0, 1, 1], 0.5, 1.6)).toBe(false); // 45° slope
    expect(isStandableSurface([0, -1, 0], 2.7, 1.6)).toBe(false); // ceiling
    expect(isStandableSurface([0, 1, 0], 1.55, 1.6)).toBe(false); // at eye height
    expect(isStandableSurface([0, 0, 0], 0, 1.6)).toBe(false);
  });

  it('turns the front (+Z) towards the viewer', () => {
    for (const [vx, vz] of [[0, 1], [1, 0], [0, -1], [-1, -1]] as const) {
      const yaw = yawTowards([0, 0, 0], [vx, 1.6, vz]);
      const front = [Math.sin(yaw), Math.cos(yaw)];
      const len = Math.hypot(vx, vz);
      expect(front[0]).toBeCloseTo(vx / len, 9);
      expect(front[1]).toBeCloseTo(vz / len, 9);
    }
  });

  it('turns once per overlay width of drag, and by the fingers’ angle in a twist', () => {
    expect(dragYaw(400, 800)).toBeCloseTo(Math.PI, 9);
    expect(dragYaw(-100, 800)).toBeCloseTo(-Math.PI / 4, 9);
    // second finger moves from right of the first to below it: a quarter turn clockwise on screen (y down)
    expect(twistYaw({ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 0, y: 0 }, { x: 0, y: 100 })).toBeCloseTo(-Math.PI / 2, 9);
    expect(twistYaw({ x: 0, y: 0 }, { x: -100, y: 1 }, { x: 0, y: 0 }, { x: -100, y: -1 })).toBeCloseTo(-0.02, 3); // clockwise across ±π
  });

  it('measures a box turned by its yaw at its own size', () => {
    const [w, d, h] = [0.16, 0.045, 0.0052];
    const yaw = 0.7;
    const pts: number[] = [];
    for (const x of [-w / 2, w / 2]) for (const y of [0, h]) for (const z of [-d / 2, d / 2]) {
      // rotate (x, z) by yaw about +Y, then move
      pts.push(Math.cos(yaw) * x + Math.sin(yaw) * z + 1, y - 1.5, -Math.sin(yaw) * x + Math.cos(yaw) * z + 0.9);
    }
    const s = orientedSize(pts, yaw);
    expect(s[0]).toBeCloseTo(w, 9);
    expect(s[1]).toBeCloseTo(d, 9);
    expect(s[2]).toBeCloseTo(h, 9);
    expect(orientedSize(pts, 0)[0]).toBeGreaterThan(w * 0.9); // the axis-aligned box of a turned product is not its size
    expect(orientedSize([], 0)).toEqual([0, 0, 0]);
  });
});
