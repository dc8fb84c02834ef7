// Product-model format v1: types, schema, parsing with located problems, values, scope and constraints.
// See docs/model-format.md. Pure TypeScript.

export * from './types';
export { parseModel, validateModelJson, parseDesign, designProblems, serializeDesign, parseMaterialCatalog } from './parse';
export type { ParseModelOptions } from './parse';
export { modelJsonSchema, LIMITS } from './schema';
export {
  coerce,
  valueProblem,
  defaultValues,
  presetValues,
  resolveValues,
  evaluateScope,
  checkConstraints,
  isParameterVisible,
} from './values';
export type { ValueContext } from './values';
