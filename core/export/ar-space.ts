// Shared by the AR exporters (GLB, USDZ): millimetres, Z up (our geometry) → metres, Y up (glTF and AR Quick Look),
// standing on the floor at the origin, and sRGB hex colours → linear RGB.
// Pure TypeScript.

import { bboxOf, type PartMesh } from '../geometry/mesh-data';
import { writeYUpMetres } from '../units';

/**
 * Converts part positions to AR space: x → x, z → y (up), −y → z (our front, −Y, faces the viewer at +Z),
 * scaled mm → m, centred on the floor (bbox centre over the origin, bottom at y = 0). A rotation, so winding holds.
 */
export function toArSpace(parts: PartMesh[]): Float32Array[] {
  const bb = bboxOf(parts.map((p) => p.mesh));
  const cx = (bb.min[0] + bb.max[0]) / 2;
  const cy = (bb.min[1] + bb.max[1]) / 2;
  const z0 = bb.min[2];
  return parts.map((p) => {
    const src = p.mesh.positions;
    const out = new Float32Array(src.length);
    for (let i = 0; i < src.length; i += 3) {
      writeYUpMetres(out, i, src[i]! - cx, src[i + 1]! - cy, src[i + 2]! - z0);
    }
    return out;
  });
}

/** `#rrggbb` (sRGB) → linear RGB 0..1, as glTF's baseColorFactor and UsdPreviewSurface expect. */
export function srgbHexToLinear(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  const n = m ? parseInt(m[1]!, 16) : 0x808080;
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return [lin((n >> 16) & 255), lin((n >> 8) & 255), lin(n & 255)];
}

/** Rounds to 6 decimals for text formats (1 µm in metres). */
export function round6(v: number): number {
  const r = Math.round(v * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
}
