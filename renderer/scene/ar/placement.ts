// Pure placement maths for AR (metres, Y up, right-handed, as the scene): which hit-test results count as a
// surface to stand a product on, the yaw that turns its front towards the viewer, the rotation of a one-finger
// drag or a two-finger twist, and the product's size measured in its own (yawed) frame. No Babylon, no DOM.

/** A surface is horizontal when its normal is within this angle of vertical (degrees): floors and tables, not walls. */
export const MAX_SURFACE_TILT_DEG = 15;
/** A surface must lie at least this far below the eyes (metres): floors and tables, never the ceiling. */
export const MIN_DROP_BELOW_VIEWER_M = 0.15;
/** One-finger drag: a drag across the whole overlay's width turns the product once (radians per width). */
export const DRAG_TURN_PER_WIDTH = 2 * Math.PI;
/** A pointer that moves less than this (CSS pixels) between down and up is a tap, not a drag. */
export const TAP_SLOP_PX = 10;

export type Vec3 = readonly [number, number, number];

/**
 * True if a hit with this surface normal and height can carry a product: horizontal within MAX_SURFACE_TILT_DEG
 * (either face: some runtimes report a floor's normal pointing down) and below the viewer's eyes.
 */
export function isStandableSurface(normal: Vec3, hitY: number, viewerY: number): boolean {
  const len = Math.hypot(normal[0], normal[1], normal[2]);
  if (!(len > 0)) return false;
  const cosTilt = Math.abs(normal[1]) / len;
  return cosTilt >= Math.cos((MAX_SURFACE_TILT_DEG * Math.PI) / 180) && hitY <= viewerY - MIN_DROP_BELOW_VIEWER_M;
}

/**
 * Yaw (radians about +Y) that turns a product's front (scene +Z, core −Y) from `at` towards `viewer`.
 * A rotation by θ about +Y maps +Z to (sin θ, 0, cos θ).
 */
export function yawTowards(at: Vec3, viewer: Vec3): number {
  const dx = viewer[0] - at[0], dz = viewer[2] - at[2];
  return Math.hypot(dx, dz) < 1e-6 ? 0 : Math.atan2(dx, dz);
}

/** Radians a one-finger horizontal drag of `dxPx` turns the product on an overlay `widthPx` wide. */
export function dragYaw(dxPx: number, widthPx: number): number {
  return (dxPx / Math.max(1, widthPx)) * DRAG_TURN_PER_WIDTH;
}

export interface Point { x: number; y: number }

/** Change of the angle of the line between two fingers (radians, in (−π, π]); screen y points down. */
export function twistYaw(a0: Point, b0: Point, a1: Point, b1: Point): number {
  const before = Math.atan2(b0.y - a0.y, b0.x - a0.x);
  const after = Math.atan2(b1.y - a1.y, b1.x - a1.x);
  let d = after - before;
  while (d > Math.PI) d -= 2 * Math.PI;
  while (d <= -Math.PI) d += 2 * Math.PI;
  // Turning the fingers clockwise on screen (positive d with y down) turns the product clockwise seen from above,
  // which is a negative rotation about +Y.
  return -d;
}

/**
 * Size (metres) of a point cloud measured along the axes of a frame turned by `yaw` about +Y: [width (x), depth (z),
 * height (y)]. For world positions of a placed product this is its true size whatever way it faces.
 */
export function orientedSize(worldPositions: ArrayLike<number>, yaw: number): [number, number, number] {
  const c = Math.cos(yaw), s = Math.sin(yaw);
  let minX = Infinity, minY = Infinity, minZ = Infinity, maxX = -Infinity, maxY = -Infinity, maxZ = -Infinity;
  for (let i = 0; i + 2 < worldPositions.length; i += 3) {
    const x = worldPositions[i]!, y = worldPositions[i + 1]!, z = worldPositions[i + 2]!;
    // inverse rotation about +Y
    const lx = c * x - s * z;
    const lz = s * x + c * z;
    if (lx < minX) minX = lx;
    if (lx > maxX) maxX = lx;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
    if (lz < minZ) minZ = lz;
    if (lz > maxZ) maxZ = lz;
  }
  if (minX > maxX) return [0, 0, 0];
  return [maxX - minX, maxZ - minZ, maxY - minY];
}
