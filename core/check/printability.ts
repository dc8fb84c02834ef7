// Printability of a built design on a printer, in words a salesperson understands: fits the build volume (or by how
// much not, and whether turning it would), closed and manifold, positive volume, thin features, the model's own
// constraints; plus volume, mass and material cost. Pure TypeScript.

import type { Coded, MessageParam, Problem, QuantityParam } from '../errors';
import { evalBoolean, evalNumber, type Scope } from '../expr';
import { partsStandApart, type BuildResult } from '../geometry/mesh-data';
import { checkConstraints } from '../model/values';
import type { MaterialCatalog, ProductModel } from '../model/types';
import { localize, textAll, TEXT_LOCALES } from '../model/localize';
import { filamentSlots } from '../export/filament-slots';
import { massAndCost } from './mass';

export interface PrinterProfile {
  id: string;
  name: string;
  process: 'fdm' | 'sla';
  /** mm */
  buildVolume: { x: number; y: number; z: number };
  /** Thinnest wall or stroke the printer makes reliably, mm. */
  minFeature: number;
  nozzle?: number;
  layerHeight?: number;
  /** How many filaments it can print with in one job (extruders, or slots of an AMS / MMU); 1 when not given. */
  filaments?: number;
  /** Average extrusion over a whole print, travel and slow layers included, mm³/s: for estimates without a slicer. */
  printFlow?: number;
  /** The slicer this printer's owners use, which shapes the 3MF project (core/export/encode-design.ts). */
  slicer?: PrinterSlicer;
}

export const PRINTER_SLICERS = ['prusaslicer', 'bambustudio', 'orcaslicer'] as const;
export type PrinterSlicer = (typeof PRINTER_SLICERS)[number];

/** The filament count of a printer profile (a profile without one takes a single filament). */
export const filamentCount = (p: PrinterProfile): number => p.filaments ?? 1;

/** `message` is English; `code` and `params` let a UI say it in the customer's language (core/errors.ts). */
export interface CheckItem extends Coded {
  id: 'fits' | 'manifold' | 'volume' | 'feature' | 'constraint' | 'material' | 'filaments';
  ok: boolean;
  severity: 'error' | 'warning' | 'info';
  message: string;
  parameter?: string;
}

export interface CheckReport {
  printable: boolean;
  printer: string;
  items: CheckItem[];
  /** mm³ */
  volume: number;
  massGrams: number;
  cost: number;
  currency: string;
  size: [number, number, number];
  fits: { fits: boolean; rotated?: 'z90' | 'side' | null; over: [number, number, number] };
}

const mm = (v: number) => `${Math.round(v * 100) / 100} mm`;
const len = (v: number): QuantityParam => ({ value: Math.round(v * 100) / 100, unit: 'mm' });
/** Part names as a message parameter, quoted and joined, in every language the model gives them. */
function partNames(model: ProductModel, names: string[]): MessageParam {
  const said = (l: string) => names.map((n) => `'${localize(textAll(model.parts.find((p) => p.name === n) ?? { name: n }, 'name'), l)}'`).join(', ');
  return { ...Object.fromEntries(TEXT_LOCALES.map((l) => [l, said(l)])), en: said('en') };
}
const sizeParams = (prefix: string, [x, y, z]: readonly number[]): Record<string, MessageParam> => ({ [`${prefix}X`]: len(x!), [`${prefix}Y`]: len(y!), [`${prefix}Z`]: len(z!) });

/** How the design's box relates to the build volume: as placed, turned 90° about Z, or laid on a side. */
export function fitInVolume(size: [number, number, number], vol: PrinterProfile['buildVolume']): CheckReport['fits'] {
  const [x, y, z] = size;
  const over: [number, number, number] = [Math.max(0, x - vol.x), Math.max(0, y - vol.y), Math.max(0, z - vol.z)];
  if (over.every((o) => o <= 1e-6)) return { fits: true, rotated: null, over };
  if (y <= vol.x && x <= vol.y && z <= vol.z) return { fits: false, rotated: 'z90', over };
  const dims = [x, y, z].sort((a, b) => b - a);
  const box = [vol.x, vol.y, vol.z].sort((a, b) => b - a);
  if (dims.every((d, i) => d <= box[i]!)) return { fits: false, rotated: 'side', over };
  return { fits: false, rotated: null, over };
}

/**
 * Parts that stand apart (their footprints do not overlap: a pot and its saucer side by side) and each fit the printer
 * are separate prints, even when the product's whole box does not fit. Parts that touch (letters on a plate) are one.
 */
function separatePrints(build: BuildResult, printer: PrinterProfile): boolean {
  const parts = build.parts;
  if (!partsStandApart(parts)) return false;
  return parts.every((p) => {
    const f = fitInVolume([0, 1, 2].map((k) => p.bbox.max[k]! - p.bbox.min[k]!) as [number, number, number], printer.buildVolume);
    return f.fits || f.rotated !== null;
  });
}

/**
 * Does the printer take as many filaments as the design has materials? Fewer is a warning, not an error: the parts
 * still print, in one colour (every part on filament 1) or with a manual filament change.
 */
function filamentItem(build: BuildResult, printer: PrinterProfile, materials: MaterialCatalog): CheckItem {
  const need = filamentSlots(build.parts).filaments;
  const have = filamentCount(printer);
  const names = need.map((f) => materials.materials.find((m) => m.id === f.material)?.name ?? f.material);
  const list = names.map((n, i) => `${i + 1} ${n}`).join(', ');
  if (need.length <= have)
    return { id: 'filaments', ok: true, severity: 'info', message: need.length > 1 ? `${need.length} filaments (${list}); the ${printer.name} takes ${have}.` : `One filament (${names[0] ?? 'none'}).` };
  return {
    id: 'filaments',
    ok: false,
    severity: 'warning',
    message: `Needs ${need.length} filaments (${list}); the ${printer.name} takes ${have}: it prints in one colour unless you change filament by hand.`,
  };
}

export function checkPrintability(build: BuildResult, model: ProductModel, scope: Scope, printer: PrinterProfile, materials: MaterialCatalog): CheckReport {
  const items: CheckItem[] = [];
  const size: [number, number, number] = [0, 1, 2].map((k) => build.bbox.max[k]! - build.bbox.min[k]!) as [number, number, number];
  const fits = fitInVolume(size, printer.buildVolume);
  const bv = printer.buildVolume;
  const alone = fits.fits ? null : separatePrints(build, printer);
  if (alone)
    items.push({
      id: 'fits', ok: true, severity: 'info', code: 'check.fitsSeparately', params: { printer: printer.name, parts: partNames(model, build.parts.map((p) => p.name)) },
      message: `Each part fits the ${printer.name} on its own (${build.parts.map((p) => `'${p.name}'`).join(', ')}): print them one after the other.`,
    });
  else if (fits.fits)
    items.push({
      id: 'fits', ok: true, severity: 'info', code: 'check.fits', params: { printer: printer.name, ...sizeParams('size', size), ...sizeParams('volume', [bv.x, bv.y, bv.z]) },
      message: `Fits the ${printer.name} (${mm(size[0])} × ${mm(size[1])} × ${mm(size[2])} in ${bv.x} × ${bv.y} × ${bv.z} mm).`,
    });
  else {
    const too = ['wide', 'deep', 'tall'].flatMap((w, k) => (fits.over[k]! > 1e-6 ? [`${mm(fits.over[k]!)} too ${w}`] : []));
    const hint = fits.rotated === 'z90' ? ' Turning it a quarter turn on the bed would fit.' : fits.rotated === 'side' ? ' Laying it on its side would fit.' : ' It does not fit in any orientation: choose a larger printer or a smaller size.';
    // params: the excess along each axis (0 where it is not too large); the code says how it would fit
    const over = Object.fromEntries(['wide', 'deep', 'tall'].map((w, k) => [w, len(fits.over[k]! > 1e-6 ? fits.over[k]! : 0)]));
    items.push({ id: 'fits', ok: false, severity: 'error', code: fits.rotated === 'z90' ? 'check.tooBig.z90' : fits.rotated === 'side' ? 'check.tooBig.side' : 'check.tooBig.none', params: { printer: printer.name, ...over }, message: `Too big for the ${printer.name}: ${too.join(', ')}.${hint}` });
  }
  const broken = build.parts.filter((p) => !(p.volume > 0) || p.mesh.indices.length < 12);
  items.push(
    broken.length
      ? { id: 'manifold', ok: false, severity: 'error', code: 'check.notClosed', params: { parts: partNames(model, broken.map((p) => p.name)) }, message: `Part ${broken.map((p) => `'${p.name}'`).join(', ')} is not a closed solid.` }
      : { id: 'manifold', ok: true, severity: 'info', code: 'check.closed', params: { count: build.parts.length }, message: `Every part is a closed, watertight solid (${build.parts.length} part${build.parts.length > 1 ? 's' : ''}).` },
  );
  items.push(
    build.volume > 0
      ? { id: 'volume', ok: true, severity: 'info', code: 'check.volume', params: { volume: { value: Math.round(build.volume / 10) / 100, unit: 'cm3' } }, message: `Volume ${Math.round(build.volume / 10) / 100} cm³.` }
      : { id: 'volume', ok: false, severity: 'error', code: 'check.noVolume', message: 'The design has no volume.' },
  );
  for (const f of model.features ?? []) {
    if (f.when && !evalBoolean(f.when, scope, `feature ${f.id} when`)) continue;
    const t = evalNumber(f.thickness, scope, `feature ${f.id} thickness`);
    const ok = t >= printer.minFeature;
    items.push({
      id: 'feature',
      ok,
      severity: ok ? 'info' : 'error',
      code: ok ? 'check.featureOk' : 'check.featureThin',
      params: { feature: textAll(f, 'label'), thickness: len(t), printer: printer.name, min: len(printer.minFeature) },
      message: ok
        ? `${f.label}: ${mm(t)}, thick enough for the ${printer.name} (at least ${mm(printer.minFeature)}).`
        : `${f.label} is ${mm(t)} thick; the ${printer.name} needs at least ${mm(printer.minFeature)}.`,
    });
  }
  const violated: Problem[] = checkConstraints(model, scope);
  for (const v of violated)
    items.push({ id: 'constraint', ok: false, severity: 'error', message: v.message, ...(v.code ? { code: v.code, params: v.params } : {}), ...(v.parameter ? { parameter: v.parameter } : {}) });
  for (const p of build.parts) {
    const m = materials.materials.find((x) => x.id === p.material);
    if (m && m.process !== 'any' && m.process !== printer.process)
      items.push({
        id: 'material', ok: false, severity: 'error', code: 'check.wrongProcess',
        params: { material: textAll(m, 'name'), part: partNames(model, [p.name]), process: m.process.toUpperCase(), printer: printer.name, printerProcess: printer.process.toUpperCase() },
        message: `${m.name} (part '${p.name}') is for ${m.process.toUpperCase()} printers; the ${printer.name} is ${printer.process.toUpperCase()}.`,
      });
  }
  if (printer.process === 'fdm') items.push(filamentItem(build, printer, materials));
  const mc = massAndCost(build, materials);
  return {
    printable: items.every((i) => i.ok || i.severity !== 'error'),
    printer: printer.id,
    items,
    volume: build.volume,
    massGrams: mc.massGrams,
    cost: mc.cost,
    currency: mc.currency,
    size,
    fits,
  };
}
