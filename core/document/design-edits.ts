// Pure edits of a Design (the document): each returns a new object and leaves the old one untouched, so history
// snapshots can be shared safely. Pure TypeScript.
import type { Design, ParameterValue } from '../model/types';

export function setValue(d: Design, id: string, v: ParameterValue): Design {
  if (d.values[id] === v) return d;
  return { ...d, values: { ...d.values, [id]: v } };
}

export function setValues(d: Design, values: Record<string, ParameterValue>): Design {
  return { ...d, values: { ...d.values, ...values } };
}

export function setMaterial(d: Design, part: string, material: string | null): Design {
  const materials = { ...(d.materials ?? {}) };
  if (material === null) delete materials[part];
  else materials[part] = material;
  return { ...d, materials };
}

export function rename(d: Design, name: string): Design {
  return { ...d, name: name.trim().slice(0, 200) };
}
