// Rules that fix themselves: the nearest valid design for a violated constraint, and the valid range of a slider.
// Pure TypeScript (core/model, core/expr); the UI, the CLI and batch all call this one module.
export { constraintParameters, constraintStates, findFix, fixAll, MAX_EVALUATIONS } from './search';
export type { FixChange, FixResult } from './search';
export { validRange } from './range';
export type { ValidRange } from './range';
