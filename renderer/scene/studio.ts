// The studio the preview is lit by, as a function: the source of assets/environment/studio.hdr
// (scripts/make-environment.ts) and the fallback if that file cannot be read. Pure TypeScript.

/** Radiance of the studio in direction (x, y, z) (unit vector, y up). Linear RGB, HDR. */
export function studioRadiance(x: number, y: number, z: number): [number, number, number] {
  const sky = Math.max(0, y);
  let r = 0.55 + 0.6 * sky, g = 0.57 + 0.6 * sky, b = 0.6 + 0.65 * sky;
  if (y < 0) {
    const f = Math.min(1, -y * 3);
    r = r * (1 - f) + 0.32 * f; g = g * (1 - f) + 0.3 * f; b = b * (1 - f) + 0.28 * f;
  }
  const box = (dx: number, dy: number, dz: number, power: number, sharp: number) => {
    const d = x * dx + y * dy + z * dz;
    return d > 0 ? power * Math.pow(d, sharp) : 0;
  };
  const k = box(-0.5, 0.6, -0.62, 5, 24) + box(0.7, 0.45, 0.55, 2.2, 18) + box(0, 1, 0, 1.5, 8);
  return [r + k, g + k, b + k * 0.97];
}
