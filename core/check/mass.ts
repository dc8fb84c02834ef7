// Mass and material cost of a build from the material catalog (density g/cm³, price per kg). Pure TypeScript.
import type { BuildResult } from '../geometry/mesh-data';
import type { MaterialCatalog } from '../model/types';

export interface MassAndCost {
  massGrams: number;
  cost: number;
  currency: string;
  parts: { name: string; material: string; massGrams: number; cost: number }[];
}

/** Density used when a part's material is not in the catalog (PLA's), g/cm³. */
const FALLBACK_DENSITY = 1.24;

export function massAndCost(build: BuildResult, materials: MaterialCatalog): MassAndCost {
  const parts = build.parts.map((p) => {
    const m = materials.materials.find((x) => x.id === p.material);
    const massGrams = (p.volume / 1000) * (m?.density ?? FALLBACK_DENSITY);
    return { name: p.name, material: p.material, massGrams, cost: (massGrams / 1000) * (m?.pricePerKg ?? 0) };
  });
  return {
    massGrams: parts.reduce((s, p) => s + p.massGrams, 0),
    cost: parts.reduce((s, p) => s + p.cost, 0),
    currency: materials.currency,
    parts,
  };
}
