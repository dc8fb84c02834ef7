// Print-shop figures without a slicer: filament from the parts' volume (as if solid: small personalised products
// are mostly walls and skins), time from the printer profile's average flow, tool changes from which filaments share
// each layer. Always marked as an estimate. Node-free.
import type { PrinterProfile } from '../../core/check';
import { FILAMENT_DIAMETER } from './prusa-config';
import type { SliceFigures } from './index';
import type { SlotUse } from './slots';

/** Average flow of a whole print when a profile gives none, mm³/s. */
const DEFAULT_FLOW = 6;
/** Time one filament change takes on an AMS or MMU (unload, load, purge), s. */
const TOOL_CHANGE_SECONDS = 90;

/** How many filament changes a print needs when each layer prints its filaments in turn, starting with the last one used. */
export function estimateToolChanges(slots: readonly SlotUse[], layerHeight: number): number {
  if (slots.length < 2) return 0;
  const top = Math.max(...slots.map((s) => s.zMax));
  let current: number | undefined;
  let changes = 0;
  for (let z0 = 0; z0 < top - 1e-9; z0 += layerHeight) {
    const z1 = z0 + layerHeight;
    const here = slots.filter((s) => s.zMin < z1 - 1e-9 && s.zMax > z0 + 1e-9).map((s) => s.slot);
    if (here.length === 0) continue;
    if (current === undefined) {
      changes += here.length - 1;
      current = here[here.length - 1];
    } else if (here.includes(current)) {
      changes += here.length - 1;
      if (here.length > 1) current = here.find((s) => s !== current);
    } else {
      changes += here.length;
      current = here[here.length - 1];
    }
  }
  return changes;
}

export function estimateFigures(printer: PrinterProfile, slots: readonly SlotUse[], layerHeight?: number): SliceFigures {
  const h = layerHeight ?? printer.layerHeight ?? 0.2;
  const area = Math.PI * (FILAMENT_DIAMETER / 2) ** 2;
  const toolChanges = estimateToolChanges(slots, h);
  const volume = slots.reduce((s, u) => s + u.volume, 0);
  return {
    source: 'estimate',
    estimate: true,
    printer: printer.id,
    layerHeight: h,
    printSeconds: Math.round(volume / (printer.printFlow ?? DEFAULT_FLOW) + toolChanges * TOOL_CHANGE_SECONDS),
    toolChanges,
    filaments: slots.map((s) => ({ slot: s.slot, material: s.material, name: s.name, lengthMm: s.volume / area, grams: (s.volume / 1000) * s.density })),
  };
}
