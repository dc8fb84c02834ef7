#!/usr/bin/env node
// Draws Atelier's app icon (an isometric block on a terracotta rounded square) and writes the files
// electron-builder uses: build/icon.png (1024 px, macOS), build/icons/NxN.png (Linux), build/icon.ico (Windows).
// Run `node build/make-icons.mjs` after changing the drawing; the outputs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Shapes in unit coordinates (0..1, y down). */
const C = { x: 0.5, y: 0.53 };
const S = 0.27; // cube "radius"
const K = Math.cos(Math.PI / 6);
const top = [C.x, C.y - S], ur = [C.x + S * K, C.y - S / 2], lr = [C.x + S * K, C.y + S / 2];
const bottom = [C.x, C.y + S], ll = [C.x - S * K, C.y + S / 2], ul = [C.x - S * K, C.y - S / 2], mid = [C.x, C.y];
const faces = [
  { poly: [top, ur, mid, ul], rgb: [255, 250, 244] },
  { poly: [ul, mid, bottom, ll], rgb: [246, 222, 205] },
  { poly: [mid, ur, lr, bottom], rgb: [232, 190, 165] },
];

function inPoly(x, y, poly) {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i], [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Rounded square with a margin (macOS-style safe area) and corner radius, in unit coordinates. */
function inRoundedSquare(x, y, margin = 0.06, r = 0.2) {
  const lo = margin, hi = 1 - margin;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + r), hi - r), cy = Math.min(Math.max(y, lo + r), hi - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function shade(x, y) {
  for (const f of faces) if (inPoly(x, y, f.poly)) return [...f.rgb, 255];
  if (inRoundedSquare(x, y)) {
    const t = y; // vertical gradient, warm terracotta
    return [Math.round(222 - 52 * t), Math.round(122 - 52 * t), Math.round(82 - 36 * t), 255];
  }
  return [0, 0, 0, 0];
}

export function renderIcon(size) {
  const png = new PNG({ width: size, height: size });
  const n = size >= 256 ? 3 : 4; // n×n samples per pixel
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) {
          const c = shade((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          // premultiplied accumulation so edges blend against transparency correctly
          for (let k = 0; k < 3; k++) acc[k] += (c[k] * c[3]) / 255;
          acc[3] += c[3];
        }
      const i = (py * size + px) * 4, a = acc[3] / (n * n);
      for (let k = 0; k < 3; k++) png.data[i + k] = a > 0 ? Math.round((acc[k] / (n * n)) * (255 / a)) : 0;
      png.data[i + 3] = Math.round(a);
    }
  return PNG.sync.write(png);
}

/** An ICO file holding PNG-compressed images (Windows Vista and later). */
export function icoFromPngs(entries) {
  const header = Buffer.alloc(6 + 16 * entries.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(entries.length, 4);
  let offset = header.length;
  entries.forEach(({ size, png }, i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, e);
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt16LE(1, e + 4); // planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(png.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...entries.map((x) => x.png)]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
  const pngs = new Map(sizes.map((s) => [s, renderIcon(s)]));
  mkdirSync(path.join(here, 'icons'), { recursive: true });
  writeFileSync(path.join(here, 'icon.png'), pngs.get(1024));
  for (const s of sizes.filter((s) => s <= 512)) writeFileSync(path.join(here, 'icons', `${s}x${s}.png`), pngs.get(s));
  writeFileSync(path.join(here, 'icon.ico'), icoFromPngs([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: pngs.get(size) }))));
  console.log(`wrote build/icon.png, build/icon.ico and ${sizes.length - 1} sizes in build/icons/`);
}
