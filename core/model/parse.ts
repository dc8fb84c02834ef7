// parseModel / parseDesign / parseMaterialCatalog: untrusted text → validated data, or a UserError listing
// every problem with its JSON path, line and column and what is allowed. Never throws anything else.
// Pure TypeScript.

import { UserError, type Problem } from '../errors';
import { locateProblems, readJson } from './json-source';
import { LIMITS, ModelSchema } from './schema';
import { semanticProblems, type SemanticOptions } from './semantic';
import { isObject, show, validateAgainst } from './validate';
import { englishOf, isTranslations, splitModelTranslations, TEXT_LOCALES } from './localize';
import { DESIGN_FORMAT, MODEL_FORMAT, type Design, type MaterialCatalog, type ProductModel } from './types';

const schemaRoot = JSON.parse(JSON.stringify(ModelSchema)) as Record<string, unknown>;

export interface ParseModelOptions extends SemanticOptions {
  file?: string;
}

export function parseModel(text: string, opts: ParseModelOptions = {}): ProductModel {
  const src = readJson(text, opts.file, 'model file');
  return validateModelJson(src.value, opts, (p) => locateProblems(src, p, opts.file));
}

/** Validates an already-parsed model object (e.g. from a worker message). */
export function validateModelJson(json: unknown, opts: ParseModelOptions = {}, locate = (p: Problem[]) => p): ProductModel {
  if (isObject(json) && typeof json.format === 'string' && json.format !== MODEL_FORMAT && /^atelier-model\/\d+$/.test(json.format))
    throw new UserError(locate([{ path: '$.format', message: `this file is in format ${json.format}, which this version of Atelier does not know; it reads ${MODEL_FORMAT}. Update Atelier to open it.` }]));
  const structural = validateAgainst(json, schemaRoot, { root: schemaRoot, maxDepth: LIMITS.depth * 2 + 8 });
  // Every problem that can be found: the semantic checks also run where the schema failed, on the parts it found sound.
  if (structural.length && (!isObject(json) || structural.length >= MAX_SCHEMA_PROBLEMS || structural.some((p) => p.code === 'model.shared')))
    throw new UserError(locate(structural));
  const model = splitModelTranslations(json as Record<string, unknown>) as unknown as ProductModel;
  const semantic = structural.length ? semanticOfUnsound(model, opts, structural) : semanticProblems(model, opts);
  if (structural.length || semantic.length) throw new UserError(locate([...structural, ...semantic]));
  return model;
}

/** The schema stops counting at this many problems: the file is then too broken for the semantic checks to help. */
const MAX_SCHEMA_PROBLEMS = 200;

/** Semantic problems of a model the schema refused, skipping what it refused. They assume sound input where the
 *  schema passed it; should a check still meet a shape it cannot read, the schema's problems are reported alone. */
function semanticOfUnsound(model: ProductModel, opts: SemanticOptions, structural: Problem[]): Problem[] {
  try {
    return semanticProblems(model, { ...opts, unsound: structural.map((p) => p.path ?? '$') });
  } catch (e) {
    if (e instanceof TypeError) return [];
    throw e;
  }
}

export function parseDesign(text: string, file?: string): Design {
  const src = readJson(text, file, 'design file');
  const problems = designProblems(src.value);
  if (problems.length) throw new UserError(locateProblems(src, problems, file));
  return src.value as Design;
}

export function designProblems(v: unknown): Problem[] {
  const out: Problem[] = [];
  if (!isObject(v)) return [{ path: '$', message: `a design must be an object, got ${show(v)}` }];
  if (v.format !== DESIGN_FORMAT) out.push({ path: '$.format', message: `format must be "${DESIGN_FORMAT}", got ${show(v.format)}` });
  const m = v.model;
  if (!isObject(m) || typeof m.id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(m.id) || typeof m.version !== 'string' || m.version.length > 40)
    out.push({ path: '$.model', message: 'model must be {"id": "<model id>", "version": "<x.y.z>"}' });
  if (!isObject(v.values)) out.push({ path: '$.values', message: 'values must be an object of parameter values' });
  else {
    const entries = Object.entries(v.values);
    if (entries.length > LIMITS.parameters) out.push({ path: '$.values', message: `at most ${LIMITS.parameters} values` });
    for (const [k, x] of entries.slice(0, LIMITS.parameters)) {
      if (!['number', 'boolean', 'string'].includes(typeof x) || (typeof x === 'string' && x.length > 500) || (typeof x === 'number' && !Number.isFinite(x)))
        out.push({ path: `$.values[${JSON.stringify(k)}]`, message: `value of '${k.slice(0, 64)}' must be a number, true/false or text (at most 500 characters)` });
    }
  }
  if (v.materials !== undefined) {
    if (!isObject(v.materials)) out.push({ path: '$.materials', message: 'materials must map part names to material ids' });
    else for (const [k, x] of Object.entries(v.materials)) if (typeof x !== 'string' || x.length > 64) out.push({ path: `$.materials[${JSON.stringify(k)}]`, message: 'a material id must be text' });
  }
  if (v.name !== undefined && (typeof v.name !== 'string' || v.name.length > 200)) out.push({ path: '$.name', message: 'name must be text of at most 200 characters' });
  const allowed = new Set(['format', 'model', 'values', 'materials', 'name', '$schema']);
  for (const k of Object.keys(v)) if (!allowed.has(k)) out.push({ path: `$[${JSON.stringify(k)}]`, message: `"${k}" is not a known property of a design; allowed: ${[...allowed].join(', ')}` });
  return out;
}

export function serializeDesign(d: Design): string {
  const out: Design = { format: DESIGN_FORMAT, model: { id: d.model.id, version: d.model.version }, values: { ...d.values } };
  if (d.materials && Object.keys(d.materials).length) out.materials = { ...d.materials };
  if (d.name) out.name = d.name;
  return JSON.stringify(out, null, 2) + '\n';
}

export function parseMaterialCatalog(text: string, file?: string): MaterialCatalog {
  const src = readJson(text, file, 'material catalog');
  const v = src.value;
  const problems: Problem[] = [];
  if (!isObject(v) || typeof v.currency !== 'string' || !Array.isArray(v.materials)) {
    throw new UserError([{ file, message: 'a material catalog is {"currency": "EUR", "materials": [...]}' }]);
  }
  const ids = new Set<string>();
  v.materials.forEach((m: unknown, i: number) => {
    const path = `$.materials[${i}]`;
    if (!isObject(m)) return problems.push({ path, message: 'must be an object' });
    if (typeof m.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(m.id)) problems.push({ path: `${path}.id`, message: 'id must be kebab-case text' });
    else if (ids.has(m.id)) problems.push({ path: `${path}.id`, message: `id '${m.id}' is used twice` });
    else ids.add(m.id);
    problems.push(...textProblems(m.name, `${path}.name`));
    if (!['fdm', 'sla', 'any'].includes(m.process as string)) problems.push({ path: `${path}.process`, message: 'process must be fdm, sla or any' });
    if (typeof m.color !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(m.color)) problems.push({ path: `${path}.color`, message: 'color must be #rrggbb' });
    for (const k of ['density', 'pricePerKg'] as const)
      if (typeof m[k] !== 'number' || !((m[k] as number) > 0)) problems.push({ path: `${path}.${k}`, message: `${k} must be a positive number` });
    for (const k of ['metallic', 'roughness'] as const)
      if (typeof m[k] !== 'number' || (m[k] as number) < 0 || (m[k] as number) > 1) problems.push({ path: `${path}.${k}`, message: `${k} must be between 0 and 1` });
    return undefined;
  });
  if (problems.length) throw new UserError(locateProblems(src, problems, file));
  const materials = v.materials.map((m) => {
    const o = m as Record<string, unknown>;
    return isTranslations(o.name) ? { ...o, name: o.name.en, translations: { name: { ...o.name } } } : o;
  });
  return { ...v, materials } as unknown as MaterialCatalog;
}

/** Problems of a text given as a string or `{ "en": …, "pt-BR": … }` (outside the model schema, e.g. materials). */
function textProblems(v: unknown, path: string): Problem[] {
  if (typeof v === 'string') return [];
  if (!isObject(v)) return [{ path, message: 'must be text, or translations like { "en": "PLA White", "pt-BR": "PLA branco" }' }];
  const out: Problem[] = [];
  if (englishOf(v) === undefined) out.push({ path, message: 'a translated text needs "en", its English' });
  for (const [k, x] of Object.entries(v)) {
    const at = `${path}[${JSON.stringify(k)}]`;
    if (!(TEXT_LOCALES as readonly string[]).includes(k)) out.push({ path: at, message: `"${k}" is not a language Atelier offers; use ${TEXT_LOCALES.join(', ')}` });
    else if (typeof x !== 'string') out.push({ path: at, message: `must be text, got ${show(x)}` });
  }
  return out;
}
