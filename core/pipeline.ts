// Model + values → everything a build needs: resolved values, the evaluation scope and every problem at once.
// Shared by the CLI, the geometry worker and tests, so all three accept and refuse exactly the same designs.
// Pure TypeScript: imports core/ only (no node:*, no DOM).
import { isUserError, type Problem } from './errors';
import type { Value } from './expr';
import type { BBox, BuildResult, PartMesh } from './geometry/mesh-data';
import { checkConstraints, evaluateScope, resolveValues, type ValueContext } from './model';
import { textMeasurer } from './model/values';
import { DESIGN_FORMAT, type Design, type MaterialCatalog, type ParameterValue, type ProductModel } from './model/types';
import { FontLibrary, type FontSource } from './text';

export interface PreparedDesign {
  /** Every parameter's value (defaults filled in, CLI strings coerced). */
  values: Record<string, ParameterValue>;
  /** Parameters and derived values, for geometry, constraints and checks. Empty if evaluation failed. */
  scope: Map<string, Value>;
  /** Every problem found: bad values, failed derivations, violated constraints. Empty means buildable. */
  problems: Problem[];
  /** The violated constraints among `problems` (a printability check reports these instead of refusing the input). */
  violations: Problem[];
}

/** resolveValues + evaluateScope + checkConstraints, collecting every problem instead of stopping at the first. */
export function prepareDesign(model: ProductModel, input: Record<string, unknown>, ctx: ValueContext = {}): PreparedDesign {
  const { values, problems } = resolveValues(model, input, ctx);
  const all: Problem[] = [...problems];
  let scope = new Map<string, Value>();
  try {
    scope = evaluateScope(model, values, ctx);
  } catch (e) {
    if (!isUserError(e)) throw e;
    all.push(...e.problems);
    return { values, scope, problems: all, violations: [] };
  }
  // A constraint evaluated on a value already reported as wrong (and replaced by its default) would only confuse.
  const bad = new Set(problems.map((p) => p.parameter).filter((p): p is string => p !== undefined));
  const violations: Problem[] = [];
  try {
    for (const p of checkConstraints(model, scope)) if (!p.parameter || !bad.has(p.parameter)) violations.push(p);
  } catch (e) {
    if (!isUserError(e)) throw e;
    all.push(...e.problems);
  }
  return { values, scope, problems: [...all, ...violations], violations };
}

/** Most scope entries a prepared scope may carry: one per parameter and derived value (a model's own limit is lower). */
const MAX_SCOPE = 10_000;

/**
 * A scope evaluated elsewhere, checked before anything is built from it: the UI thread evaluates every edit for its
 * own display and rules and sends the geometry worker the result, so the worker builds without evaluating again.
 * Each parameter's entry must be the value resolveValues makes of the values sent, every derived
 * value must be there as a plain value (finite number, boolean, string) and nothing else may be. Returns a fresh
 * scope (with the text measurer `ctx` gives), or throws a plain Error: a wrong scope is a bug, not a user's problem.
 */
export function acceptPreparedScope(model: ProductModel, values: Record<string, unknown>, sent: unknown, ctx: ValueContext = {}): Map<string, Value> {
  const refuse = (why: string): never => {
    throw new Error(`prepared scope refused: ${why}`);
  };
  if (!(sent instanceof Map) || sent.size > MAX_SCOPE) refuse('not a scope');
  const given = sent as Map<unknown, unknown>;
  // problems with the values are the UI's to show (it sends their replacements); the worker builds what they resolve to
  const resolved = resolveValues(model, values, ctx);
  const scope: Map<string, Value> & { measureText?: ReturnType<typeof textMeasurer> } = new Map<string, Value>();
  if (ctx.measureText) scope.measureText = textMeasurer(model, ctx.measureText);
  for (const p of model.parameters) {
    if (given.get(p.id) !== resolved.values[p.id]) refuse(`parameter '${p.id}' differs from its value`);
    scope.set(p.id, resolved.values[p.id] as Value);
  }
  for (const d of model.derived ?? []) {
    const v = given.get(d.id);
    const plain = (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean' || typeof v === 'string';
    if (!plain) refuse(`derived value '${d.id}' is missing or not a plain value`);
    scope.set(d.id, v as Value);
  }
  if (given.size !== scope.size) refuse('it names values the model does not have');
  return scope;
}

/** The design document for a model and its values (what `.atelier.json` and the 3MF embed). */
export function designFrom(
  model: ProductModel,
  values: Record<string, ParameterValue>,
  opts: { materials?: Record<string, string>; name?: string } = {},
): Design {
  const d: Design = { format: DESIGN_FORMAT, model: { id: model.id, version: model.version }, values: { ...values } };
  if (opts.materials && Object.keys(opts.materials).length > 0) d.materials = { ...opts.materials };
  if (opts.name) d.name = opts.name;
  return d;
}

/** Problems with per-part material overrides (`material:<part>`): unknown part, unknown material, disallowed process. */
export function checkMaterialOverrides(model: ProductModel, overrides: Record<string, string>, catalog: MaterialCatalog): Problem[] {
  const problems: Problem[] = [];
  const parts = model.parts.map((p) => p.name);
  const ids = catalog.materials.map((m) => m.id);
  for (const [part, material] of Object.entries(overrides)) {
    if (!parts.includes(part))
      problems.push({ message: `"${model.id}" has no part "${part}"; its parts are: ${parts.join(', ')}.` });
    else if (!ids.includes(material))
      problems.push({ message: `Material "${material}" for part "${part}" is not in the material catalog; known materials: ${ids.join(', ')}.` });
  }
  return problems;
}

/** Replaces part materials (and their colours, unless the model gives the part its own colour) by the overrides. */
export function applyMaterialOverrides(
  model: ProductModel,
  build: BuildResult,
  overrides: Record<string, string> | undefined,
  catalog: MaterialCatalog,
): BuildResult {
  if (!overrides || Object.keys(overrides).length === 0) return build;
  const parts: PartMesh[] = build.parts.map((p) => {
    const id = overrides[p.name];
    const mat = id === undefined ? undefined : catalog.materials.find((m) => m.id === id);
    if (!mat) return p;
    const ownColor = model.parts.find((d) => d.name === p.name)?.color !== undefined;
    return { ...p, material: mat.id, color: ownColor ? p.color : mat.color };
  });
  return { ...build, parts };
}

/** A font library from font files' bytes (CLI: read from disk; app: from the host). */
export function fontLibraryFrom(sources: FontSource[]): FontLibrary {
  return new FontLibrary(sources);
}

/** The ValueContext that checks materials and text against what is installed. */
export function valueContextFor(materials: MaterialCatalog, fonts: FontLibrary): ValueContext {
  return {
    materials,
    missingChars: (fontId: string, text: string) => (fonts.has(fontId) ? fonts.missingChars(fontId, text) : []),
    measureText: (fontId: string, text: string, size: number) => fonts.measure(fontId, text, size),
  };
}

export interface PartSummary {
  name: string;
  material: string;
  triangles: number;
  /** mm³ */
  volume: number;
}

export interface BuildSummary {
  triangles: number;
  /** Size of the bounding box, mm. */
  bbox: { x: number; y: number; z: number };
  /** mm³ */
  volume: number;
  parts: PartSummary[];
}

const round = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

export function bboxDims(b: BBox): { x: number; y: number; z: number } {
  return { x: round(b.max[0] - b.min[0], 4), y: round(b.max[1] - b.min[1], 4), z: round(b.max[2] - b.min[2], 4) };
}

/** The figures `export --json` and batch reports show (mm, mm³). */
export function summarizeBuild(build: BuildResult): BuildSummary {
  return {
    triangles: build.triangles,
    bbox: bboxDims(build.bbox),
    volume: round(build.volume, 3),
    parts: build.parts.map((p) => ({ name: p.name, material: p.material, triangles: p.mesh.indices.length / 3, volume: round(p.volume, 3) })),
  };
}

