// Brazilian Portuguese words of the slicer's figures in the figures bar; the same keys as slice-en.ts.
import type { sliceEn } from './slice-en';

export const slicePtBR: Record<keyof typeof sliceEn, string> = {
  'slice.printTime': 'Tempo de impressão',
  'slice.filament': 'Filamento',
  'slice.toolChanges': 'Trocas de filamento',
  'slice.slicing': 'Fatiando…',
  'slice.hm': '{h} h {m} min',
  'slice.ms': '{m} min {s} s',
  'slice.s': '{s} s',
  'slice.amount': '{length} m · {mass} g',
  'slice.by': 'Fatiado por {slicer}',
  'slice.timeout': 'O fatiador demorou demais; sem tempo de impressão para este design.',
  'slice.failed': 'O fatiador não conseguiu fatiar este design; sem tempo de impressão para ele.',
};
