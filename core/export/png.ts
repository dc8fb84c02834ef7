// Minimal PNG encoder (8-bit RGBA, no interlace) with fflate's zlib. Pure TypeScript.
import { zlibSync } from 'fflate';
import { crc32 } from '../formats/crc32';

export function encodePng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const raw = new Uint8Array((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  // level 3: a few per cent larger than level 6 in about half the time (a batch writes a thumbnail per order)
  const idat = zlibSync(raw, { level: 3 });
  const chunks: [string, Uint8Array][] = [
    ['IHDR', (() => {
      const h = new Uint8Array(13);
      const dv = new DataView(h.buffer);
      dv.setUint32(0, width);
      dv.setUint32(4, height);
      h.set([8, 6, 0, 0, 0], 8);
      return h;
    })()],
    ['IDAT', idat],
    ['IEND', new Uint8Array(0)],
  ];
  const size = 8 + chunks.reduce((s, [, d]) => s + 12 + d.length, 0);
  const out = new Uint8Array(size);
  out.set([137, 80, 78, 71, 13, 10, 26, 10]);
  const dv = new DataView(out.buffer);
  let o = 8;
  for (const [type, data] of chunks) {
    dv.setUint32(o, data.length);
    for (let i = 0; i < 4; i++) out[o + 4 + i] = type.charCodeAt(i);
    out.set(data, o + 8);
    dv.setUint32(o + 8 + data.length, crc32(out, o + 4, o + 8 + data.length));
    o += 12 + data.length;
  }
  return out;
}
