// The 3MF a slicer slices for the print-shop figures (time, filament, tool changes), one home for `check --slice`,
// batch, queue workers and the app's figures bar: always PrusaSlicer's layout (one object whose triangle runs are the
// parts, each on its filament slot), whatever slicer the printer's owners use, since PrusaSlicer makes the figures.
// No thumbnail and no embedded design: nothing but what changes the slice. Pure TypeScript.
import type { PrinterProfile } from '../check/printability';
import type { PartMesh } from '../geometry/mesh-data';
import type { MaterialCatalog } from '../model/types';
import { filamentSlots, type FilamentSlots } from './filament-slots';
import { write3mf } from './write-3mf';
import type { ZipCodec } from './zip';

export interface SliceInput {
  bytes: Uint8Array;
  /** The slots the parts print on, in order: the material and colour each needs. */
  filaments: FilamentSlots['filaments'];
}

export function sliceInput3mf(parts: PartMesh[], materials: MaterialCatalog, printer: PrinterProfile, meta: { title: string; application: string; creationDate: string }, zip?: ZipCodec): SliceInput {
  const available = printer.filaments ?? 1;
  const bytes = write3mf(parts, materials, { ...meta, slicer: { layout: 'one-object', filaments: available } }, zip);
  const { filaments } = filamentSlots(parts, available);
  return { bytes, filaments: filaments.slice(0, Math.max(1, available)) };
}
