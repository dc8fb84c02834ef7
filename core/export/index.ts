// Export: MeshData → STL / 3MF / GLB / USDZ bytes, a thumbnail PNG; and the hardened readers for STL and 3MF.
// Pure TypeScript: the caller writes the bytes (atomically) where they belong.
export { writeStl, readStl } from './stl';
export { encodeDesign, designTitle, formatOfName, slicerProjectFor, OUT_FORMATS } from './encode-design';
export type { DesignFileInput, EncodeHost, OutFormat } from './encode-design';
export { write3mf, DESIGN_PART, PRUSA_CONFIG_PART, BAMBU_CONFIG_PART } from './write-3mf';
export { filamentSlots, filamentKey } from './filament-slots';
export type { FilamentSlots } from './filament-slots';
export type { ExportMetadata, SlicerLayout, SlicerProjectOptions } from './write-3mf';
export { read3mf, LIMITS_3MF } from './read-3mf';
export type { Read3mfResult } from './read-3mf';
export { readMesh } from './read-mesh';
export { renderThumbnailPng } from './thumbnail';
export { encodePng } from './png';
export { writeGlb } from './glb';
export type { GlbOptions } from './glb';
export { writeUsdz, writeUsda, zipStoredAligned, USDZ_LAYER } from './usdz';
export { writeZip, FFLATE_CODEC } from './zip';
export type { ZipCodec, ZipEntry } from './zip';
