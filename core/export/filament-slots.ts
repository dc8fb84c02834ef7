// Filament slots: which extruder / AMS slot each part of a product prints with. One slot per distinct material and
// colour, numbered from 1 in the order the parts come (the order the customer sees the materials), so the same design
// always lands on the same slots. Pure TypeScript; imports nothing outside core/.
import type { PartMesh } from '../geometry/mesh-data';

export interface FilamentSlots {
  /** 1-based slot of each part, in part order. */
  ofPart: number[];
  /** One entry per slot (slot n is index n-1): the material id and display colour it needs. */
  filaments: { material: string; color: string }[];
}

/** The key that makes two parts share a filament: same material, same colour. */
export const filamentKey = (p: Pick<PartMesh, 'material' | 'color'>): string => `${p.material}|${p.color.toLowerCase()}`;

/**
 * Slots for the parts. With `available` (the printer's filament count), slots above it fall back to slot 1: the
 * product still prints, in fewer colours (the printability check says so).
 */
export function filamentSlots(parts: readonly Pick<PartMesh, 'material' | 'color'>[], available?: number): FilamentSlots {
  const keys: string[] = [];
  const filaments: FilamentSlots['filaments'] = [];
  const ofPart = parts.map((p) => {
    const k = filamentKey(p);
    let i = keys.indexOf(k);
    if (i === -1) {
      keys.push(k);
      filaments.push({ material: p.material, color: p.color });
      i = keys.length - 1;
    }
    const slot = i + 1;
    return available !== undefined && slot > Math.max(1, available) ? 1 : slot;
  });
  return { ofPart, filaments };
}
