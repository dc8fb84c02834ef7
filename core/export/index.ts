// Export: MeshData → STL / 3MF / GLB / USDZ bytes, a thumbnail PNG. The readers are core/import.
// Pure TypeScript: the caller writes the bytes (atomically) where they belong.
export { writeStl } from './stl';
export { encodeDesign, designTitle, formatOfName, slicerProjectFor, OUT_FORMATS } from './encode-design';
export type { DesignFileInput, EncodeHost, OutFormat } from './encode-design';
export { write3mf, DESIGN_PART, PRUSA_CONFIG_PART, BAMBU_CONFIG_PART } from './write-3mf';
export { filamentSlots, filamentKey } from './filament-slots';
export { sliceInput3mf } from './slice-input';
export type { SliceInput } from './slice-input';
export type { FilamentSlots } from './filament-slots';
export type { ExportMetadata, SlicerLayout, SlicerProjectOptions } from './write-3mf';
export { renderThumbnailPng } from './thumbnail';
export { encodePng } from './png';
export { writeGlb } from './glb';
export type { GlbOptions } from './glb';
export { writeUsdz, writeUsda, zipStoredAligned, USDZ_LAYER } from './usdz';
export { writeZip, FFLATE_CODEC } from './zip';
export type { ZipCodec, ZipEntry } from './zip';
