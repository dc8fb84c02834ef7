// Display units: only millimetre parameters convert to inches, and steps round sensibly.
import { describe, expect, it } from 'vitest';
import { decimals, displayUnit, fromDisplay, roundTo, toDisplay } from './units';

describe('units', () => {
  it('converts mm parameters to inches and back, and leaves other units alone', () => {
    expect(toDisplay(25.4, 'in', 'mm')).toBeCloseTo(1);
    expect(fromDisplay(2, 'in', 'mm')).toBeCloseTo(50.8);
    expect(toDisplay(45, 'in', 'deg')).toBe(45);
    expect(displayUnit('in', 'mm')).toBe('in');
    expect(displayUnit('in', 'deg')).toBe('°');
    expect(displayUnit('mm', 'count')).toBe('');
  });
  it('shows as many decimals as the step needs', () => {
    expect(decimals(1, 'mm', 'mm')).toBe(0);
    expect(decimals(0.5, 'mm', 'mm')).toBe(1);
    expect(decimals(1, 'in', 'mm')).toBe(2);
    expect(roundTo(10.26, 0.5, 0)).toBe(10.5);
    expect(roundTo(7, 2, 1)).toBe(7);
  });
});
