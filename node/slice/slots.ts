// What each filament slot of a design uses: its material, density, volume and height range. The input of both the
// slicer's configuration (one filament per slot) and the estimate without a slicer. Node-free; imports core/ only.
import { filamentCount, type PrinterProfile } from '../../core/check';
import { filamentSlots } from '../../core/export';
import type { PartMesh } from '../../core/geometry/mesh-data';
import type { MaterialCatalog } from '../../core/model/types';

/** PLA's density, g/cm³, for a material the catalog does not know. */
const FALLBACK_DENSITY = 1.24;

export interface SlotUse {
  /** 1-based filament slot (extruder) on the printer. */
  slot: number;
  material: string;
  /** The material's name, as the customer sees it. */
  name: string;
  color: string;
  /** g/cm³ */
  density: number;
  /** Price per kg in the catalog's currency (0 when unknown). */
  pricePerKg: number;
  /** Volume of the parts on this slot, mm³. */
  volume: number;
  /** Lowest and highest point of those parts, mm. */
  zMin: number;
  zMax: number;
}

/** The design's filaments on this printer, in slot order; parts beyond the printer's slots share slot 1. */
export function slotUses(parts: readonly PartMesh[], materials: MaterialCatalog, printer: PrinterProfile): SlotUse[] {
  const { ofPart, filaments } = filamentSlots(parts, filamentCount(printer));
  const uses = new Map<number, SlotUse>();
  parts.forEach((p, i) => {
    const slot = ofPart[i]!;
    let u = uses.get(slot);
    if (!u) {
      const f = filaments[slot - 1]!;
      const m = materials.materials.find((x) => x.id === f.material);
      u = { slot, material: f.material, name: m?.name ?? f.material, color: f.color, density: m?.density ?? FALLBACK_DENSITY, pricePerKg: m?.pricePerKg ?? 0, volume: 0, zMin: Infinity, zMax: -Infinity };
      uses.set(slot, u);
    }
    u.volume += p.volume;
    u.zMin = Math.min(u.zMin, p.bbox.min[2]);
    u.zMax = Math.max(u.zMax, p.bbox.max[2]);
  });
  return [...uses.values()].sort((a, b) => a.slot - b.slot);
}
