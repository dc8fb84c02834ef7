// Reads a mesh file used as a model part (STL or 3MF) into MeshData in mm, checked to be a closed solid, with
// safe repairs made (duplicate vertices merged, an inside-out shell turned right way out). Pure TypeScript.
import { UserError } from '../errors';
import { mergeMeshes, type MeshData } from '../geometry/mesh-data';
import { checkAndRepairMesh, type MeshRepair } from '../geometry/mesh-repair';
import { readStl } from './read-stl';
import { read3mf } from './read-3mf';

function readRaw(bytes: Uint8Array, file: string): MeshData {
  if (/\.stl$/i.test(file)) return readStl(bytes, file);
  if (/\.3mf$/i.test(file)) {
    const r = read3mf(bytes, file);
    if (r.objects.length === 0) throw new UserError(`${file} holds no mesh`);
    return mergeMeshes(r.objects.map((o) => o.mesh));
  }
  throw new UserError(`${file}: mesh parts must be .stl or .3mf files`);
}

/** The checked, repaired mesh and what was repaired (for hosts that show it). */
export function readMeshChecked(bytes: Uint8Array, file: string): MeshRepair {
  return checkAndRepairMesh(readRaw(bytes, file), file);
}

export function readMesh(bytes: Uint8Array, file: string): MeshData {
  return readMeshChecked(bytes, file).mesh;
}
