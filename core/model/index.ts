// Product-model format v1: types, schema, parsing with located problems, values, scope and constraints.
// See docs/model-format.md. Pure TypeScript.

export * from './types';
export { parseModel, validateModelJson, parseDesign, designProblems, serializeDesign, parseMaterialCatalog } from './parse';
export type { ParseModelOptions } from './parse';
export { modelJsonSchema, LIMITS } from './schema';
export {
  coerce,
  valueProblem,
  valueIssue,
  defaultValues,
  presetValues,
  resolveValues,
  evaluateScope,
  checkConstraints,
  isParameterVisible,
} from './values';
export type { ValueContext, ValueIssue } from './values';
export { localize, textOf, textAll, englishOf, isTranslations, missingLocales, TEXT_LOCALES } from './localize';
export type { TextLocale, HasTranslations } from './localize';
export { sourceExcerpt, formatExcerpt } from './excerpt';
