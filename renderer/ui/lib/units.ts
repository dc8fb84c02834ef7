// Display units for lengths: core stores millimetres; the UI may show inches. Only 'mm' parameters convert.
// Pure functions; no DOM.
export type LengthUnit = 'mm' | 'in';
export const MM_PER_INCH = 25.4;

export function toDisplay(mm: number, unit: LengthUnit, paramUnit: string | undefined): number {
  return paramUnit === 'mm' && unit === 'in' ? mm / MM_PER_INCH : mm;
}

export function fromDisplay(v: number, unit: LengthUnit, paramUnit: string | undefined): number {
  return paramUnit === 'mm' && unit === 'in' ? v * MM_PER_INCH : v;
}

export function displayUnit(unit: LengthUnit, paramUnit: string | undefined): string {
  if (paramUnit === 'mm') return unit;
  if (paramUnit === 'deg') return '°';
  if (paramUnit === 'count' || paramUnit === undefined) return '';
  return paramUnit;
}

/** Decimal places that show a step sensibly: 0.5 mm → 1, 1 mm in inches → 3. */
export function decimals(step: number, unit: LengthUnit, paramUnit: string | undefined): number {
  const s = toDisplay(step, unit, paramUnit);
  if (s >= 1 && Number.isInteger(s)) return 0;
  return Math.min(4, Math.max(1, Math.ceil(-Math.log10(s) + 0.01)));
}

export function roundTo(v: number, step: number, min: number): number {
  if (!(step > 0)) return v;
  const r = Math.round((v - min) / step) * step + min;
  return Number(r.toFixed(10));
}
