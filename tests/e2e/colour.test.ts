// The colour measurement the preview tests rely on, against published figures: CIEDE2000 test pairs from Sharma,
// Wu and Dalal (2005, table 1) and CIELAB of sRGB white, black and primaries.
import { describe, expect, it } from 'vitest';
import { deltaE2000, deltaERgb, rgbToLab } from './colour';

describe('CIEDE2000', () => {
  it.each([
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[50, 2.5, 0], [50, 0, -2.5], 4.3065],
    [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
  ] as const)('%j vs %j is %d', (a, b, d) => {
    expect(deltaE2000([...a], [...b])).toBeCloseTo(d, 3);
    expect(deltaE2000([...b], [...a])).toBeCloseTo(d, 3);
  });

  it('is 0 for the same colour and about 100 from black to white', () => {
    expect(deltaERgb([242, 242, 238], [242, 242, 238])).toBe(0);
    expect(deltaERgb([0, 0, 0], [255, 255, 255])).toBeCloseTo(100, 0);
  });
});

describe('sRGB to CIELAB (D65)', () => {
  it('maps white to L 100 and pure red to its published coordinates', () => {
    const w = rgbToLab([255, 255, 255]);
    expect(w[0]).toBeCloseTo(100, 2);
    expect(Math.abs(w[1])).toBeLessThan(0.01);
    const r = rgbToLab([255, 0, 0]);
    expect(r[0]).toBeCloseTo(53.24, 1);
    expect(r[1]).toBeCloseTo(80.09, 0);
    expect(r[2]).toBeCloseTo(67.2, 0);
  });
});
