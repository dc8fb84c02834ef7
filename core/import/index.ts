// Import: the hardened readers of files from outside (STL, 3MF) into MeshData in mm, and an Atelier 3MF's embedded
// design. Apart from the writers (core/export) so geometry, which reads designers' mesh parts, depends on readers only.
// Pure TypeScript.
export { readStl, MAX_STL_BYTES } from './read-stl';
export { read3mf, LIMITS_3MF } from './read-3mf';
export type { Read3mfResult } from './read-3mf';
export { readMesh, readMeshChecked } from './read-mesh';
