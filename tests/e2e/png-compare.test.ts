// The screenshot comparison itself: identical images match, a changed block is counted, sizes must agree.
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { comparePng } from './png-compare';

function png(w: number, h: number, paint: (x: number, y: number) => [number, number, number]): Uint8Array {
  const p = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const [r, g, b] = paint(x, y);
      const o = (y * w + x) * 4;
      p.data[o] = r; p.data[o + 1] = g; p.data[o + 2] = b; p.data[o + 3] = 255;
    }
  return new Uint8Array(PNG.sync.write(p));
}

describe('comparePng', () => {
  const base = png(20, 10, (x) => [x * 10, 100, 50]);
  it('finds no difference between identical images', () => {
    expect(comparePng(base, base)).toMatchObject({ differing: 0, ratio: 0, sizeMismatch: false });
  });
  it('ignores differences under the threshold and counts those over it', () => {
    const slight = png(20, 10, (x) => [x * 10 + 5, 100, 50]);
    expect(comparePng(slight, base).differing).toBe(0);
    const block = png(20, 10, (x, y) => (x < 5 && y < 4 ? [255, 255, 255] : [x * 10, 100, 50]));
    expect(comparePng(block, base).differing).toBe(20);
    expect(comparePng(block, base).ratio).toBeCloseTo(0.1);
  });
  it('reports a size mismatch as fully different', () => {
    expect(comparePng(png(10, 10, () => [0, 0, 0]), base)).toMatchObject({ sizeMismatch: true, ratio: 1 });
  });
});
