// The design being edited: plain data, pure edits, undo/redo history. Pure TypeScript.
export { History } from './history';
export type { HistoryOptions } from './history';
export { setValue, setValues, setMaterial, rename } from './design-edits';
