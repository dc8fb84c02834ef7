// English words of the slicer's figures in the figures bar (renderer/ui/state/slice.svelte.ts). slice-pt-br.ts has
// the same keys.
export const sliceEn = {
  'slice.printTime': 'Print time',
  'slice.filament': 'Filament',
  'slice.toolChanges': 'Tool changes',
  'slice.slicing': 'Slicing…',
  'slice.hm': '{h} h {m} min',
  'slice.ms': '{m} min {s} s',
  'slice.s': '{s} s',
  'slice.amount': '{length} m · {mass} g',
  'slice.by': 'Sliced by {slicer}',
  'slice.timeout': 'The slicer took too long; no print time for this design.',
  'slice.failed': 'The slicer could not slice this design; no print time for it.',
};
