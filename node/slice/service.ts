// The app's slicing: one request at a time per window or page, latest wins (a newer request kills the slicer the
// older one started), the catalog's own materials and printers (the request names them, never describes them), and
// answers as core/host.ts's SliceAnswer. Used by main/ (the sliceDesign host call) and `atelier serve` (POST
// /api/slice). Node only; imports core/ and this folder only.
import type { PrinterProfile } from '../../core/check';
import { UserError } from '../../core/errors';
import type { SliceAnswer, SliceDesignFigures, SliceRequest } from '../../core/host';
import type { MaterialCatalog } from '../../core/model/types';
import { findPrusaSlicer, runPrusaSlicer, type SliceFigures, type SlotUse } from './index';

/** PLA's density, g/cm³, as in slots.ts, for a catalog material without one. */
const FALLBACK_DENSITY = 1.24;
/** The app's time limit for one slice, ms: a nameplate takes a few seconds; a slicer stuck on a huge mesh is stopped. */
export const APP_SLICE_TIMEOUT_MS = 60_000;

export interface SliceCatalog {
  materials: MaterialCatalog;
  printers: PrinterProfile[];
}

export interface SliceServiceOptions {
  /** The materials and printers requests may name (main passes the kiosk's printers only). */
  catalog(): Promise<SliceCatalog>;
  /** PrusaSlicer's executable; null: none; default ATELIER_PRUSA_SLICER or prusa-slicer on PATH. */
  slicer?: string | null;
  timeoutMs?: number;
}

export interface SliceService {
  /** True when a slicer was found. */
  readonly available: boolean;
  /** Slices; a request still running is superseded (its slicer killed, its answer `superseded`). */
  slice(req: SliceRequest): Promise<SliceAnswer>;
  /** Stops a running slice. */
  dispose(): void;
}

/** The request's filaments as slots, from the catalog (an unknown material is refused, naming it). */
export function slotsOfFilaments(filaments: SliceRequest['filaments'], materials: MaterialCatalog): SlotUse[] {
  return filaments.map((f, i) => {
    const m = materials.materials.find((x) => x.id === f.material);
    if (!m) throw new UserError(`There is no material "${f.material}" in the catalog.`);
    return { slot: i + 1, material: m.id, name: m.name, color: f.color, density: m.density ?? FALLBACK_DENSITY, pricePerKg: m.pricePerKg ?? 0, volume: 0, zMin: 0, zMax: 0 };
  });
}

/** A slicer's figures as the host contract has them. */
export function designFigures(f: SliceFigures): SliceDesignFigures {
  return {
    printer: f.printer,
    ...(f.slicer ? { slicer: f.slicer } : {}),
    printSeconds: f.printSeconds,
    toolChanges: f.toolChanges,
    filaments: f.filaments.map((x) => ({ slot: x.slot, material: x.material, name: x.name, lengthMm: x.lengthMm, massG: x.grams })),
    estimated: false,
  };
}

export function createSliceService(o: SliceServiceOptions): SliceService {
  const exe = o.slicer === null ? undefined : (o.slicer ?? findPrusaSlicer());
  let current: AbortController | null = null;
  return {
    available: exe !== undefined,
    async slice(req) {
      current?.abort();
      const mine = new AbortController();
      current = mine;
      try {
        if (!exe) return { status: 'no-slicer' };
        const cat = await o.catalog();
        const printer = cat.printers.find((p) => p.id === req.printerId);
        if (!printer) throw new UserError(`There is no printer "${req.printerId}" here.`);
        if (printer.process !== 'fdm') return { status: 'no-slicer' };
        const slots = slotsOfFilaments(req.filaments, cat.materials);
        if (mine.signal.aborted) return { status: 'superseded' };
        const run = await runPrusaSlicer(exe, req.bytes, printer, { slots, timeoutMs: o.timeoutMs ?? APP_SLICE_TIMEOUT_MS, signal: mine.signal });
        switch (run.kind) {
          case 'sliced':
            return { status: 'sliced', figures: designFigures(run.figures) };
          case 'aborted':
            return { status: 'superseded' };
          case 'timeout':
            return { status: 'failed', reason: 'timeout', message: `${run.note}.` };
          case 'failed':
            return { status: 'failed', reason: 'slicer', message: `${run.note}.` };
        }
      } finally {
        if (current === mine) current = null;
      }
    },
    dispose() {
      current?.abort();
      current = null;
    },
  };
}
