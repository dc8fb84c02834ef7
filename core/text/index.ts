// Fonts → 2D polygons for text engraving and embossing. Pure TypeScript.
export { FontLibrary } from './font-library';
export type { FontSource, OutlineOptions, Polygons } from './font-library';
