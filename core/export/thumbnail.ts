// A small software rasterizer for thumbnails where no GPU or browser exists (CLI, batch): z-buffered, Lambert-shaded
// triangles in the parts' colours, seen from the front-right above, framed with a margin. Pure TypeScript.
import type { PartMesh } from '../geometry/mesh-data';
import { encodePng } from './png';

/** View: azimuth and elevation of the camera (degrees), like a product photo. */
const AZIMUTH = -35;
const ELEVATION = 28;
const BACKGROUND = [244, 243, 240];
/** Supersampling factor: renders at 2× and averages, for smooth edges. */
const SS = 2;

export function renderThumbnailPng(parts: PartMesh[], size = 256): Uint8Array {
  const W = size * SS;
  const az = (AZIMUTH * Math.PI) / 180;
  const el = (ELEVATION * Math.PI) / 180;
  // Camera basis: right, up, forward (towards the viewer). Model is Z-up, front faces -Y.
  const fwd = [Math.sin(az) * Math.cos(el) * -1, -Math.cos(az) * Math.cos(el), Math.sin(el)];
  const right = [Math.cos(az), -Math.sin(az) * -1 * -1, 0];
  const rl = Math.hypot(right[0]!, right[1]!);
  right[0]! /= rl; right[1]! /= rl;
  const up = [fwd[1]! * right[2]! - fwd[2]! * right[1]!, fwd[2]! * right[0]! - fwd[0]! * right[2]!, fwd[0]! * right[1]! - fwd[1]! * right[0]!];
  if (up[2]! < 0) for (let k = 0; k < 3; k++) up[k] = -up[k]!;
  const light = normalize([0.4, -0.6, 0.8]);
  // Project all vertices once to find the frame.
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  const projected = parts.map((p) => {
    const pos = p.mesh.positions;
    const out = new Float32Array((pos.length / 3) * 3);
    for (let i = 0; i < pos.length; i += 3) {
      const x = pos[i]!, y = pos[i + 1]!, z = pos[i + 2]!;
      const sx = x * right[0]! + y * right[1]! + z * right[2]!;
      const sy = x * up[0]! + y * up[1]! + z * up[2]!;
      const sz = x * fwd[0]! + y * fwd[1]! + z * fwd[2]!;
      out[i] = sx; out[i + 1] = sy; out[i + 2] = sz;
      if (sx < minX) minX = sx; if (sx > maxX) maxX = sx;
      if (sy < minY) minY = sy; if (sy > maxY) maxY = sy;
    }
    return out;
  });
  const span = Math.max(maxX - minX, maxY - minY, 1e-6);
  const scale = (W * 0.84) / span;
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
  const color = new Float32Array(W * W * 3);
  const [br, bg, bb] = BACKGROUND as [number, number, number];
  for (let i = 0; i < W * W * 3; i += 3) {
    color[i] = br;
    color[i + 1] = bg;
    color[i + 2] = bb;
  }
  const depth = new Float32Array(W * W).fill(-Infinity);
  parts.forEach((p, pi) => {
    const rgb = hex(p.color);
    const s = projected[pi]!;
    const idx = p.mesh.indices;
    for (let t = 0; t < idx.length; t += 3) {
      const a = idx[t]! * 3, b = idx[t + 1]! * 3, c = idx[t + 2]! * 3;
      const ax = (s[a]! - cx) * scale + W / 2, ay = W / 2 - (s[a + 1]! - cy) * scale;
      const bx = (s[b]! - cx) * scale + W / 2, by = W / 2 - (s[b + 1]! - cy) * scale;
      const qx = (s[c]! - cx) * scale + W / 2, qy = W / 2 - (s[c + 1]! - cy) * scale;
      const area = (bx - ax) * (qy - ay) - (by - ay) * (qx - ax);
      if (area >= 0) continue; // back-facing (screen y points down, so front faces are negative)
      const pos = p.mesh.positions;
      const n = normalize(cross(sub(pos, b, a), sub(pos, c, a)));
      const lambert = Math.max(0, n[0]! * light[0]! + n[1]! * light[1]! + n[2]! * light[2]!);
      const shade = 0.38 + 0.62 * lambert;
      const x0 = Math.max(0, Math.floor(Math.min(ax, bx, qx))), x1 = Math.min(W - 1, Math.ceil(Math.max(ax, bx, qx)));
      const y0 = Math.max(0, Math.floor(Math.min(ay, by, qy))), y1 = Math.min(W - 1, Math.ceil(Math.max(ay, by, qy)));
      for (let y = y0; y <= y1; y++) {
        for (let x = x0; x <= x1; x++) {
          const px = x + 0.5, py = y + 0.5;
          const w0 = ((bx - px) * (qy - py) - (by - py) * (qx - px)) / area;
          const w1 = ((qx - px) * (ay - py) - (qy - py) * (ax - px)) / area;
          const w2 = 1 - w0 - w1;
          if (w0 < 0 || w1 < 0 || w2 < 0) continue;
          const z = w0 * s[a + 2]! + w1 * s[b + 2]! + w2 * s[c + 2]!;
          const i = y * W + x;
          if (z <= depth[i]!) continue;
          depth[i] = z;
          color[i * 3] = rgb[0]! * shade; color[i * 3 + 1] = rgb[1]! * shade; color[i * 3 + 2] = rgb[2]! * shade;
        }
      }
    }
  });
  const out = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      for (let k = 0; k < 3; k++) {
        let sum = 0;
        for (let dy = 0; dy < SS; dy++) for (let dx = 0; dx < SS; dx++) sum += color[((y * SS + dy) * W + x * SS + dx) * 3 + k]!;
        out[(y * size + x) * 4 + k] = Math.round(sum / (SS * SS));
      }
      out[(y * size + x) * 4 + 3] = 255;
    }
  return encodePng(out, size, size);
}

function hex(c: string): number[] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(c);
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : [200, 200, 200];
}
function sub(p: Float32Array, i: number, j: number): number[] {
  return [p[i]! - p[j]!, p[i + 1]! - p[j + 1]!, p[i + 2]! - p[j + 2]!];
}
function cross(u: number[], v: number[]): number[] {
  return [u[1]! * v[2]! - u[2]! * v[1]!, u[2]! * v[0]! - u[0]! * v[2]!, u[0]! * v[1]! - u[1]! * v[0]!];
}
function normalize(v: number[]): number[] {
  const l = Math.hypot(v[0]!, v[1]!, v[2]!) || 1;
  return [v[0]! / l, v[1]! / l, v[2]! / l];
}
