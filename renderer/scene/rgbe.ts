// Radiance RGBE (.hdr) images: the studio lighting ships as one (assets/environment/studio.hdr) so it can be
// replaced by any equirectangular .hdr. Reads flat and run-length-encoded scanlines; writes flat ones.
// Pure TypeScript.

export interface HdrImage {
  width: number;
  height: number;
  /** Linear RGB, 3 floats per pixel, rows top to bottom. */
  rgb: Float32Array;
}

const MAX_SIDE = 8192;

export function decodeRgbe(bytes: Uint8Array): HdrImage {
  let p = 0;
  const line = (): string => {
    let s = '';
    while (p < bytes.length && bytes[p] !== 0x0a) s += String.fromCharCode(bytes[p++]!);
    p++;
    return s;
  };
  if (!line().startsWith('#?')) throw new Error('not a Radiance .hdr image');
  let format = '';
  for (let l = line(); l !== ''; l = line()) {
    if (p >= bytes.length) throw new Error('the .hdr header does not end');
    if (l.startsWith('FORMAT=')) format = l.slice(7);
  }
  if (format && format !== '32-bit_rle_rgbe') throw new Error(`unsupported .hdr format ${format}`);
  const m = /^-Y (\d+) \+X (\d+)$/.exec(line());
  if (!m) throw new Error('only top-to-bottom, left-to-right .hdr images are supported');
  const height = Number(m[1]);
  const width = Number(m[2]);
  if (!(width > 0 && height > 0 && width <= MAX_SIDE && height <= MAX_SIDE)) throw new Error('.hdr image size out of range');
  const rgb = new Float32Array(width * height * 3);
  const scan = new Uint8Array(width * 4);
  for (let y = 0; y < height; y++) {
    if (width >= 8 && width < 0x8000 && bytes[p] === 2 && bytes[p + 1] === 2 && ((bytes[p + 2]! << 8) | bytes[p + 3]!) === width) {
      p += 4;
      for (let c = 0; c < 4; c++) {
        for (let x = 0; x < width; ) {
          if (p >= bytes.length) throw new Error('the .hdr image is truncated');
          let n = bytes[p++]!;
          if (n > 128) {
            n -= 128;
            const v = bytes[p++]!;
            if (x + n > width) throw new Error('bad run in the .hdr image');
            for (let k = 0; k < n; k++) scan[(x++) * 4 + c] = v;
          } else {
            if (n === 0 || x + n > width) throw new Error('bad run in the .hdr image');
            for (let k = 0; k < n; k++) scan[(x++) * 4 + c] = bytes[p++]!;
          }
        }
      }
    } else {
      if (p + width * 4 > bytes.length) throw new Error('the .hdr image is truncated');
      scan.set(bytes.subarray(p, p + width * 4));
      p += width * 4;
    }
    for (let x = 0; x < width; x++) {
      const e = scan[x * 4 + 3]!;
      const f = e === 0 ? 0 : Math.pow(2, e - 136); // 2^(e-128) / 256
      const o = (y * width + x) * 3;
      rgb[o] = (scan[x * 4]! + 0.5) * f;
      rgb[o + 1] = (scan[x * 4 + 1]! + 0.5) * f;
      rgb[o + 2] = (scan[x * 4 + 2]! + 0.5) * f;
    }
  }
  return { width, height, rgb };
}

export function encodeRgbe(img: HdrImage): Uint8Array {
  const header = `#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y ${img.height} +X ${img.width}\n`;
  const out = new Uint8Array(header.length + img.width * img.height * 4);
  for (let i = 0; i < header.length; i++) out[i] = header.charCodeAt(i);
  let o = header.length;
  for (let i = 0; i < img.width * img.height; i++) {
    const r = img.rgb[i * 3]!, g = img.rgb[i * 3 + 1]!, b = img.rgb[i * 3 + 2]!;
    const v = Math.max(r, g, b);
    if (v < 1e-32) {
      o += 4;
      continue;
    }
    const e = Math.ceil(Math.log2(v) + 1e-9);
    const scale = 256 / Math.pow(2, e);
    out[o++] = Math.min(255, Math.floor(r * scale));
    out[o++] = Math.min(255, Math.floor(g * scale));
    out[o++] = Math.min(255, Math.floor(b * scale));
    out[o++] = e + 128;
  }
  return out;
}

/** Direction (unit, y up) → bilinear sample of an equirectangular image (longitude from +Z towards +X). */
export function sampleEquirect(img: HdrImage, x: number, y: number, z: number): [number, number, number] {
  const u = (Math.atan2(x, z) / (2 * Math.PI) + 0.5) * img.width - 0.5;
  const v = (Math.acos(Math.max(-1, Math.min(1, y))) / Math.PI) * img.height - 0.5;
  const x0 = Math.floor(u), y0 = Math.floor(v);
  const fx = u - x0, fy = v - y0;
  const out: [number, number, number] = [0, 0, 0];
  for (const [dx, dy, w] of [[0, 0, (1 - fx) * (1 - fy)], [1, 0, fx * (1 - fy)], [0, 1, (1 - fx) * fy], [1, 1, fx * fy]] as const) {
    const px = (((x0 + dx) % img.width) + img.width) % img.width;
    const py = Math.min(img.height - 1, Math.max(0, y0 + dy));
    const o = (py * img.width + px) * 3;
    out[0] += img.rgb[o]! * w;
    out[1] += img.rgb[o + 1]! * w;
    out[2] += img.rgb[o + 2]! * w;
  }
  return out;
}
