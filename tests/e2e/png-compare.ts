// Screenshot comparison with a tolerance: decodes both PNGs (pngjs) and counts pixels whose colour differs by more
// than `pixelThreshold` (max channel difference, 0-255). Sizes must match. Written here, no image library.
import { PNG } from 'pngjs';

export interface Diff { width: number; height: number; differing: number; ratio: number; sizeMismatch: boolean }

export function comparePng(actual: Uint8Array, expected: Uint8Array, pixelThreshold = 24): Diff {
  const a = PNG.sync.read(Buffer.from(actual));
  const e = PNG.sync.read(Buffer.from(expected));
  if (a.width !== e.width || a.height !== e.height) return { width: a.width, height: a.height, differing: a.width * a.height, ratio: 1, sizeMismatch: true };
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.max(Math.abs(a.data[i]! - e.data[i]!), Math.abs(a.data[i + 1]! - e.data[i + 1]!), Math.abs(a.data[i + 2]! - e.data[i + 2]!));
    if (d > pixelThreshold) differing++;
  }
  const n = a.width * a.height;
  return { width: a.width, height: a.height, differing, ratio: differing / n, sizeMismatch: false };
}
