// A built design → its print-shop figures on a printer: the slicer-ready 3MF (one object, a filament slot per part)
// sliced by sliceFigures, or the estimate. What `check --slice` and batch call. Node only.
import type { PrinterProfile } from '../../core/check';
import { sliceInput3mf } from '../../core/export';
import type { PartMesh } from '../../core/geometry/mesh-data';
import type { MaterialCatalog } from '../../core/model/types';
import { NODE_ZIP_CODEC } from '../encode';
import { atelierVersion } from '../version';
import { sliceFigures, slotUses, type SliceFigures, type SliceOptions } from '../../node/slice';
import { round } from '../output';

export interface SliceJson {
  source: SliceFigures['source'];
  estimate: boolean;
  slicer?: string;
  note?: string;
  layerHeight: number;
  printSeconds: number;
  toolChanges: number;
  filaments: { slot: number; material: string; name: string; lengthMm: number; grams: number }[];
}


export async function sliceParts(parts: PartMesh[], title: string, materials: MaterialCatalog, printer: PrinterProfile, opts: Omit<SliceOptions, 'slots'> = {}): Promise<SliceFigures> {
  const slots = slotUses(parts, materials, printer);
  // the same slicer input as the app's figures bar (core/export/slice-input.ts)
  const { bytes } = sliceInput3mf(parts, materials, printer, { title, application: `Atelier ${atelierVersion()}`, creationDate: new Date().toISOString() }, NODE_ZIP_CODEC);
  return sliceFigures(bytes, printer, { ...opts, slots });
}

/** 1h 2m 3s → "1 h 2 min"; under an hour "12 min 5 s". */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return `${h} h ${m} min`;
  return m > 0 ? `${m} min ${s % 60} s` : `${s} s`;
}

/** The figures as report JSON (check --json, batch report.json). */
export function sliceJson(f: SliceFigures): SliceJson {
  return {
    source: f.source,
    estimate: f.estimate,
    ...(f.slicer ? { slicer: f.slicer } : {}),
    ...(f.note ? { note: f.note } : {}),
    layerHeight: f.layerHeight,
    printSeconds: f.printSeconds,
    toolChanges: f.toolChanges,
    filaments: f.filaments.map((x) => ({ slot: x.slot, material: x.material, name: x.name, lengthMm: round(x.lengthMm, 2), grams: round(x.grams, 2) })),
  };
}
