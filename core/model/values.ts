// Parameter values: coercion of user input (CLI strings, form fields, order rows), range and type checks with
// messages that say what is allowed, evaluation of the scope (parameters + derived values) and constraints.
// Pure TypeScript.

import { UserError, type Coded, type MessageParam, type Problem } from '../errors';
import { compileCached, evalBoolean, ExprError, type Scope, type TextMeasurer, type Value } from '../expr';
import type { MaterialCatalog, Parameter, ParameterValue, ProductModel } from './types';
import { closestName } from './names';
import { textAll } from './localize';

/** Lower-case forms of every language of a text field, for matching what a person typed. */
const allForms = (o: { translations?: Partial<Record<string, Record<string, string>>> }, field: string, english: string): string[] =>
  [english, ...Object.values(o.translations?.[field] ?? {})].map((x) => x.toLowerCase());

export interface ValueContext {
  materials?: MaterialCatalog;
  /** Characters of `text` that font `fontId` cannot draw. */
  missingChars?: (fontId: string, text: string) => string[];
  /** Width (advance + kerning) and ink height of `text` in font `fontId` at cap height `size`, mm: for textWidth/textHeight. */
  measureText?: (fontId: string, text: string, size: number) => { width: number; height: number };
}

const fmt = (n: number) => String(Math.round(n * 1e6) / 1e6);
const unitOf = (p: Parameter) => ('unit' in p && p.unit && p.unit !== 'count' ? ` ${p.unit}` : '');

/** A problem with a value, in English and as a code with parameters the UI translates (see core/errors.ts). */
export interface ValueIssue extends Coded {
  message: string;
}

/** Why `v` is not a valid value of `p`, or null. `v` is already of a JSON type (not a CLI string). */
export function valueProblem(p: Parameter, v: unknown, ctx: ValueContext = {}): string | null {
  return valueIssue(p, v, ctx)?.message ?? null;
}

/** The parameters every value message names: the parameter's label in every language and its range. */
function rangeParams(p: Parameter): Record<string, MessageParam> {
  const q = (n: number): MessageParam => ('unit' in p && p.unit && p.unit !== 'count' ? { value: n, unit: p.unit } : n);
  return p.type === 'number' || p.type === 'integer' ? { label: textAll(p, 'label'), min: q(p.min), max: q(p.max) } : { label: textAll(p, 'label') };
}

/** valueProblem with its code (`value.*`, sentences in renderer/ui/i18n) and parameters. */
export function valueIssue(p: Parameter, v: unknown, ctx: ValueContext = {}): ValueIssue | null {
  const issue = (code: string, message: string, extra: Record<string, MessageParam> = {}): ValueIssue => ({ message, code, params: { ...rangeParams(p), ...extra } });
  switch (p.type) {
    case 'number':
    case 'integer': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return issue('value.notNumber', `${p.id} must be a number between ${fmt(p.min)} and ${fmt(p.max)}${unitOf(p)}; got ${JSON.stringify(v)}`);
      if (p.type === 'integer' && !Number.isInteger(v)) return issue('value.notWhole', `${p.id} must be a whole number between ${p.min} and ${p.max}; got ${v}`);
      if (v < p.min || v > p.max) return issue('value.outOfRange', `${p.id} must be between ${fmt(p.min)} and ${fmt(p.max)}${unitOf(p)}; got ${fmt(v)}`);
      return null;
    }
    case 'boolean':
      return typeof v === 'boolean' ? null : issue('value.notBoolean', `${p.id} must be true or false; got ${JSON.stringify(v)}`);
    case 'choice': {
      if (p.options.some((o) => o.value === v)) return null;
      return issue('value.notOption', `${p.id} must be one of ${p.options.map((o) => JSON.stringify(o.value)).join(', ')}; got ${JSON.stringify(v)}`);
    }
    case 'text': {
      if (typeof v !== 'string') return issue('value.notText', `${p.id} must be text; got ${JSON.stringify(v)}`);
      const chars = [...v];
      if (chars.length > p.maxLength) return issue('value.tooLong', `${p.id} may have at most ${p.maxLength} characters; "${v}" has ${chars.length}`, { max: p.maxLength, count: chars.length });
      if (p.minLength !== undefined && chars.length < p.minLength) return issue('value.tooShort', `${p.id} needs at least ${p.minLength} character(s)`, { min: p.minLength });
      if (chars.some((c) => c < ' ' || c === '\u007f')) return issue('value.controlChars', `${p.id} may not contain control characters or line breaks`);
      if (p.allowedCharacters) {
        const bad = [...new Set(chars.filter((c) => !p.allowedCharacters!.includes(c)))];
        if (bad.length)
          return issue('value.charsNotAllowed', `${p.id}: ${bad.map((c) => `'${c}'`).join(', ')} ${bad.length > 1 ? 'are' : 'is'} not allowed; allowed characters: ${p.allowedCharacters}`, { chars: bad.join(' '), allowed: p.allowedCharacters });
      }
      const missing = ctx.missingChars?.(p.font, v) ?? [];
      if (missing.length) return issue('value.missingGlyphs', `${p.id}: the font '${p.font}' has no glyph for ${missing.map((c) => `'${c}'`).join(', ')}`, { chars: missing.join(' ') });
      return null;
    }
    case 'color':
      if (typeof v !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(v)) return issue('value.notColor', `${p.id} must be a colour like #1a2b3c; got ${JSON.stringify(v)}`);
      if (p.palette && !p.palette.some((c) => c.toLowerCase() === v.toLowerCase())) return issue('value.notInPalette', `${p.id} must be one of ${p.palette.join(', ')}; got ${v}`);
      return null;
    case 'material': {
      if (typeof v !== 'string') return issue('value.notMaterial', `${p.id} must be a material id; got ${JSON.stringify(v)}`);
      const allowed = p.options ?? ctx.materials?.materials.map((m) => m.id);
      if (allowed && !allowed.includes(v)) return issue('value.notMaterial', `${p.id} must be one of ${allowed.join(', ')}; got "${v}"`);
      return null;
    }
  }
}

/** Turns a string from the command line or an order row into the parameter's type, or explains why not. */
export function coerce(p: Parameter, raw: unknown): { value?: ParameterValue; problem?: string } {
  if (typeof raw !== 'string') {
    if (typeof raw === 'number' || typeof raw === 'boolean') return { value: raw };
    return { problem: `${p.id} must be a single value; got ${raw === null ? 'null' : typeof raw}` };
  }
  const s = raw.trim();
  switch (p.type) {
    case 'number':
    case 'integer': {
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return { problem: `${p.id} must be a number between ${fmt(p.min)} and ${fmt(p.max)}${unitOf(p)}; got "${raw}"` };
      return { value: Number(s) };
    }
    case 'boolean': {
      const l = s.toLowerCase();
      if (['true', 'yes', '1', 'on'].includes(l)) return { value: true };
      if (['false', 'no', '0', 'off'].includes(l)) return { value: false };
      return { problem: `${p.id} must be true or false (or yes/no); got "${raw}"` };
    }
    case 'choice': {
      const o = p.options.find((x) => String(x.value) === s) ?? p.options.find((x) => allForms(x, 'label', x.label).includes(s.toLowerCase()));
      if (o) return { value: o.value };
      return { problem: `${p.id} must be one of ${p.options.map((x) => `${x.value} (${x.label})`).join(', ')}; got "${raw}"` };
    }
    default:
      return { value: p.type === 'text' ? raw : s };
  }
}

export function defaultValues(model: ProductModel): Record<string, ParameterValue> {
  const out: Record<string, ParameterValue> = Object.create(null) as Record<string, ParameterValue>;
  for (const p of model.parameters) out[p.id] = p.default;
  return { ...out };
}

export function presetValues(model: ProductModel, presetId: string): Record<string, ParameterValue> {
  const pr = (model.presets ?? []).find((p) => p.id === presetId || allForms(p, 'name', p.name).includes(presetId.toLowerCase()));
  if (!pr) {
    const list = (model.presets ?? []).map((p) => `${p.id} (${p.name})`);
    throw new UserError(`${model.name} has no preset '${presetId}'; ${list.length ? `presets: ${list.join(', ')}` : 'it has no presets'}`);
  }
  return { ...pr.values };
}

/** Merges user input over the defaults, coercing and checking each value; collects every problem. */
export function resolveValues(
  model: ProductModel,
  input: Record<string, unknown>,
  ctx: ValueContext = {},
): { values: Record<string, ParameterValue>; problems: Problem[] } {
  const values = defaultValues(model);
  const problems: Problem[] = [];
  const byId = new Map(model.parameters.map((p) => [p.id, p]));
  for (const [k, raw] of Object.entries(input)) {
    const p = byId.get(k);
    if (!p) {
      const close = closestName(k, [...byId.keys()]);
      problems.push({ message: `${model.name} has no parameter '${k}'; ${close ? `did you mean '${close}'? ` : ''}parameters: ${[...byId.keys()].join(', ')}` });
      continue;
    }
    const c = coerce(p, raw);
    if (c.problem !== undefined || c.value === undefined) {
      problems.push({ message: c.problem ?? `${k} has no value`, parameter: k });
      continue;
    }
    const vp = valueIssue(p, c.value, ctx);
    if (vp) problems.push({ ...vp, parameter: k });
    else values[k] = c.value;
  }
  return { values, problems };
}

/** Parameter values then derived values, in order: the scope every expression of the model reads. */
export function evaluateScope(model: ProductModel, values: Record<string, ParameterValue>, ctx: ValueContext = {}): Map<string, Value> {
  const scope: Map<string, Value> & { measureText?: TextMeasurer } = new Map<string, Value>();
  if (ctx.measureText) scope.measureText = textMeasurer(model, ctx.measureText);
  for (const p of model.parameters) {
    const v = Object.prototype.hasOwnProperty.call(values, p.id) ? values[p.id] : p.default;
    scope.set(p.id, v as Value);
  }
  (model.derived ?? []).forEach((d, i) => {
    try {
      const v = typeof d.expr === 'number' ? d.expr : compileCached(d.expr).evaluate(scope);
      scope.set(d.id, v);
    } catch (e) {
      if (e instanceof ExprError) throw new UserError([{ path: `$.derived[${i}].expr`, message: `derived value '${d.id}': ${e.message}` }]);
      throw e;
    }
  });
  return scope;
}

/** textWidth/textHeight for a model: the font is the explicit one, else that of the first text parameter the text reads. */
export function textMeasurer(model: ProductModel, measure: NonNullable<ValueContext['measureText']>): TextMeasurer {
  const fonts = new Map<string, string>();
  for (const p of model.parameters) if (p.type === 'text') fonts.set(p.id, p.font);
  const fallback = fonts.values().next().value ?? 'sans';
  return (what, text, size, names, font) => {
    const id = font ?? names.map((n) => fonts.get(n)).find((f) => f !== undefined) ?? fallback;
    return measure(id, text, size)[what];
  };
}

/** Each violated constraint as a problem, shown beside the first parameter it names. */
export function checkConstraints(model: ProductModel, scope: Scope): Problem[] {
  const out: Problem[] = [];
  (model.constraints ?? []).forEach((c, i) => {
    let ok = false;
    try {
      ok = evalBoolean(c.expr, scope, `constraint ${i + 1}`);
    } catch (e) {
      if (!(e instanceof ExprError)) throw e;
      out.push({ message: e.message, path: `$.constraints[${i}].expr`, parameter: c.parameters?.[0] });
      return;
    }
    if (!ok) out.push({ message: c.message, code: 'rule.broken', params: { rule: textAll(c, 'message') }, ...(c.parameters?.[0] ? { parameter: c.parameters[0] } : {}) });
  });
  return out;
}

export function isParameterVisible(_model: ProductModel, param: Parameter, scope: Scope): boolean {
  if (!param.visibleWhen) return true;
  try {
    return evalBoolean(param.visibleWhen, scope, `visibleWhen of ${param.id}`);
  } catch {
    return true;
  }
}
