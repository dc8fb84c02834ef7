// The one conversion from our geometry's space (millimetres, Z up, front facing −Y) to the space of the preview,
// WebXR and AR files (metres, Y up, front facing +Z): (x, y, z) mm → (x, z, −y) · 0.001 m. A rotation, so
// triangle winding stays outward. Used by the Babylon scene (renderer/scene/convert.ts) and the GLB/USDZ
// writers (core/export/ar-space.ts); nothing else converts. Pure TypeScript.

/** Metres per millimetre. */
export const METRES_PER_MM = 0.001;

/** Writes the point (x, y, z) mm, Z up, as metres, Y up, into `out` at `o`. */
export function writeYUpMetres(out: Float32Array | number[], o: number, x: number, y: number, z: number): void {
  out[o] = x * METRES_PER_MM;
  out[o + 1] = z * METRES_PER_MM;
  out[o + 2] = -y * METRES_PER_MM;
}
