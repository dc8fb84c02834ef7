// Colour measurement for the preview tests: sRGB (0-255) → CIELAB (D65) and the CIEDE2000 colour difference
// (Sharma, Wu and Dalal, "The CIEDE2000 color-difference formula", 2005), and pixel statistics of a decoded PNG.
// Written from the published formulas; no colour library.
import { PNG } from 'pngjs';

export type Rgb = [number, number, number];
export type Lab = [number, number, number];

export function hexRgb(hex: string): Rgb {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

function linear(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
}

export function rgbToLab([r8, g8, b8]: Rgb): Lab {
  const r = linear(r8), g = linear(g8), b = linear(b8);
  // sRGB primaries, D65 white
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const e = 6 / 29;
  const f = (t: number) => (t > e * e * e ? Math.cbrt(t) : t / (3 * e * e) + 4 / 29);
  const fx = f(x), fy = f(y), fz = f(z);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

const deg = (r: number) => (r * 180) / Math.PI;
const rad = (d: number) => (d * Math.PI) / 180;

/** CIEDE2000 difference of two CIELAB colours (kL = kC = kH = 1). */
export function deltaE2000([l1, a1, b1]: Lab, [l2, a2, b2]: Lab): number {
  const c1 = Math.hypot(a1, b1), c2 = Math.hypot(a2, b2);
  const cBar7 = Math.pow((c1 + c2) / 2, 7);
  const g = 0.5 * (1 - Math.sqrt(cBar7 / (cBar7 + Math.pow(25, 7))));
  const a1p = (1 + g) * a1, a2p = (1 + g) * a2;
  const c1p = Math.hypot(a1p, b1), c2p = Math.hypot(a2p, b2);
  const hue = (b: number, a: number) => (b === 0 && a === 0 ? 0 : (deg(Math.atan2(b, a)) + 360) % 360);
  const h1p = hue(b1, a1p), h2p = hue(b2, a2p);
  const dLp = l2 - l1;
  const dCp = c2p - c1p;
  let dhp = 0;
  if (c1p * c2p !== 0) {
    dhp = h2p - h1p;
    if (dhp > 180) dhp -= 360;
    else if (dhp < -180) dhp += 360;
  }
  const dHp = 2 * Math.sqrt(c1p * c2p) * Math.sin(rad(dhp / 2));
  const lBarP = (l1 + l2) / 2;
  const cBarP = (c1p + c2p) / 2;
  let hBarP = h1p + h2p;
  if (c1p * c2p !== 0) {
    if (Math.abs(h1p - h2p) <= 180) hBarP = (h1p + h2p) / 2;
    else hBarP = h1p + h2p < 360 ? (h1p + h2p + 360) / 2 : (h1p + h2p - 360) / 2;
  }
  const t = 1 - 0.17 * Math.cos(rad(hBarP - 30)) + 0.24 * Math.cos(rad(2 * hBarP)) + 0.32 * Math.cos(rad(3 * hBarP + 6)) - 0.2 * Math.cos(rad(4 * hBarP - 63));
  const dTheta = 30 * Math.exp(-Math.pow((hBarP - 275) / 25, 2));
  const cBarP7 = Math.pow(cBarP, 7);
  const rc = 2 * Math.sqrt(cBarP7 / (cBarP7 + Math.pow(25, 7)));
  const sl = 1 + (0.015 * Math.pow(lBarP - 50, 2)) / Math.sqrt(20 + Math.pow(lBarP - 50, 2));
  const sc = 1 + 0.045 * cBarP;
  const sh = 1 + 0.015 * cBarP * t;
  const rt = -Math.sin(rad(2 * dTheta)) * rc;
  const l = dLp / sl, c = dCp / sc, h = dHp / sh;
  return Math.sqrt(l * l + c * c + h * h + rt * c * h);
}

export function deltaERgb(a: Rgb, b: Rgb): number {
  return deltaE2000(rgbToLab(a), rgbToLab(b));
}

export interface Image { width: number; height: number; data: Uint8Array }

export function decodePng(png: Uint8Array): Image {
  const p = PNG.sync.read(Buffer.from(png));
  return { width: p.width, height: p.height, data: new Uint8Array(p.data.buffer, p.data.byteOffset, p.data.length) };
}

/** Per-channel median of the pixels in a rectangle (fractions of the image: x0, y0, x1, y1). */
export function medianRgb(img: Image, [fx0, fy0, fx1, fy1]: [number, number, number, number]): Rgb {
  const x0 = Math.floor(fx0 * img.width), x1 = Math.ceil(fx1 * img.width);
  const y0 = Math.floor(fy0 * img.height), y1 = Math.ceil(fy1 * img.height);
  const ch: number[][] = [[], [], []];
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * 4;
      for (let k = 0; k < 3; k++) ch[k]!.push(img.data[i + k]!);
    }
  return ch.map((v) => v.sort((a, b) => a - b)[v.length >> 1]!) as Rgb;
}

/** Bounding box (pixels, inclusive) of the pixels for which `isProduct` holds; null if none. */
export function pixelBounds(img: Image, isProduct: (r: number, g: number, b: number) => boolean): { x0: number; y0: number; x1: number; y1: number } | null {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 4;
      if (!isProduct(img.data[i]!, img.data[i + 1]!, img.data[i + 2]!)) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  return x1 < 0 ? null : { x0, y0, x1, y1 };
}
