// The shipped studio lighting file: a valid Radiance image that reproduces the studio it was made from.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeRgbe, encodeRgbe, sampleEquirect } from './rgbe';
import { studioRadiance } from './studio';

const shipped = new Uint8Array(readFileSync(new URL('../../assets/environment/studio.hdr', import.meta.url)));

describe('studio.hdr', () => {
  it('decodes as an equirectangular Radiance image that matches the studio within 6%', () => {
    const img = decodeRgbe(shipped);
    expect(img.width).toBe(2 * img.height);
    let worst = 0;
    for (let k = 0; k < 500; k++) {
      // directions spread over the sphere (golden spiral)
      const y = 1 - (2 * (k + 0.5)) / 500;
      const r = Math.sqrt(1 - y * y);
      const a = k * 2.399963;
      const [x, z] = [r * Math.sin(a), r * Math.cos(a)];
      const want = studioRadiance(x, y, z);
      const got = sampleEquirect(img, x, y, z);
      for (let c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(got[c]! - want[c]!) / Math.max(want[c]!, 0.1));
    }
    expect(worst).toBeLessThan(0.06);
  });

  it('reads run-length-encoded scanlines and refuses what is not an .hdr', () => {
    // 8 pixels of one colour as an RLE scanline: 2 2 0 8, then per channel a run of 8
    const header = Array.from('#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y 1 +X 8\n', (c) => c.charCodeAt(0));
    const rle = new Uint8Array([...header, 2, 2, 0, 8, 136, 128, 136, 64, 136, 32, 136, 129]);
    const img = decodeRgbe(rle);
    expect(img.rgb[0]).toBeCloseTo((128.5 / 256) * 2, 5);
    expect(img.rgb[7 * 3 + 2]).toBeCloseTo((32.5 / 256) * 2, 5);
    expect(() => decodeRgbe(new Uint8Array([1, 2, 3]))).toThrow(/not a Radiance/);
    const flat = encodeRgbe({ width: 2, height: 1, rgb: new Float32Array([1, 0.5, 0.25, 3, 2, 1]) });
    expect(Array.from(decodeRgbe(flat).rgb).map((v) => Number(v.toFixed(1)))).toEqual([1, 0.5, 0.3, 3, 2, 1]);
    expect(() => decodeRgbe(flat.subarray(0, flat.length - 2))).toThrow(/truncated/);
  });
});
