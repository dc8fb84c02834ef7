// Checks untrusted JSON against the JSON Schema subset that ./schema.ts produces, collecting every problem with
// its JSON path and the allowed values. Unions with a `discriminator` dispatch on it, so messages name one branch.
// Pure TypeScript; iterative limits keep hostile input (deep nesting, huge arrays) bounded.

import type { MessageParam, Problem } from '../errors';

type S = Record<string, unknown>;

export interface ValidateOptions {
  root: S;
  maxProblems?: number;
  maxDepth: number;
}

export function validateAgainst(value: unknown, schema: S, opts: ValidateOptions): Problem[] {
  const problems: Problem[] = [];
  const max = opts.maxProblems ?? 200;
  // message is the English; code and params (keys model.* in renderer/ui/i18n) let a UI say it in its language
  const add = (path: string, message: string, code?: string, params?: Record<string, MessageParam>) => {
    if (problems.length < max) problems.push({ path, message, ...(code ? { code, params: params ?? {} } : {}) });
  };
  // An object that is not parsed from text (e.g. a worker message) can share or contain itself: walking such a
  // graph as a tree takes exponential time, so each object or list may be met once.
  const seen = new Set<object>();
  const once = (v: object, path: string): boolean => {
    if (!seen.has(v)) return seen.add(v), true;
    add(path, 'this object appears twice (a shared or circular reference); a model must be a tree, as in JSON text', 'model.shared');
    return false;
  };
  walk(value, schema, '$', 0);
  return problems;

  function resolve(s: S): S {
    const ref = s.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/$defs/')) {
      const defs = opts.root.$defs as S;
      return defs[ref.slice(8)] as S;
    }
    return s;
  }

  function walk(v: unknown, s0: S, path: string, depth: number): void {
    if (problems.length >= max) return;
    if (depth > opts.maxDepth) {
      add(path, `nested more than ${opts.maxDepth} levels deep`, 'model.tooDeep', { max: opts.maxDepth });
      return;
    }
    const s = resolve(s0);
    if (Array.isArray(s.anyOf)) return walkUnion(v, s, path, depth);
    if ('const' in s) {
      if (v !== s.const)
        add(path, `must be ${JSON.stringify(s.const)}${v === undefined ? '' : `, got ${show(v)}`}`, v === undefined ? 'model.mustBe' : 'model.mustBeGot', { expected: JSON.stringify(s.const), got: said(v) });
      return;
    }
    switch (s.type) {
      case 'object':
        return walkObject(v, s, path, depth);
      case 'array':
        return walkArray(v, s, path, depth);
      case 'string':
        if (typeof v !== 'string') return add(path, `must be text, got ${show(v)}`, 'model.notText', { got: said(v) });
        if (typeof s.minLength === 'number' && v.length < s.minLength)
          return s.minLength === 1 ? add(path, 'must not be empty', 'model.empty') : add(path, `must have at least ${s.minLength} characters`, 'model.minChars', { min: s.minLength });
        if (typeof s.maxLength === 'number' && v.length > s.maxLength) return add(path, `must have at most ${s.maxLength} characters (has ${v.length})`, 'model.maxChars', { max: s.maxLength, count: v.length });
        if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) add(path, `${show(v)} is not allowed here: ${patternHelp(s)}`, PATTERN_CODES[patternKind(s)], { value: show(v), pattern: s.pattern });
        return;
      case 'number':
      case 'integer':
        if (typeof v !== 'number' || !Number.isFinite(v)) return add(path, `must be a number, got ${show(v)}`, 'model.notNumber', { got: said(v) });
        if (s.type === 'integer' && !Number.isInteger(v)) return add(path, `must be a whole number, got ${v}`, 'model.notWhole', { got: v });
        if (typeof s.minimum === 'number' && v < s.minimum) add(path, `must be at least ${s.minimum}, got ${v}`, 'model.atLeast', { min: s.minimum, got: v });
        if (typeof s.maximum === 'number' && v > s.maximum) add(path, `must be at most ${s.maximum}, got ${v}`, 'model.atMost', { max: s.maximum, got: v });
        if (typeof s.exclusiveMinimum === 'number' && v <= s.exclusiveMinimum) add(path, `must be more than ${s.exclusiveMinimum}, got ${v}`, 'model.moreThan', { min: s.exclusiveMinimum, got: v });
        return;
      case 'boolean':
        if (typeof v !== 'boolean') add(path, `must be true or false, got ${show(v)}`, 'model.notBoolean', { got: said(v) });
        return;
      default:
        return;
    }
  }

  function walkUnion(v: unknown, s: S, path: string, depth: number): void {
    const branches = (s.anyOf as S[]).map(resolve);
    const disc = s.discriminator;
    if (typeof disc === 'string') {
      if (!isObject(v)) return add(path, `must be an object with "${disc}", got ${show(v)}`, 'model.needsKey', { key: disc, got: said(v) });
      const allowed = branches.map((b) => constsOf((b.properties as S)[disc] as S)).flat();
      const tag = v[disc];
      const branch = branches.find((b) => constsOf((b.properties as S)[disc] as S).includes(tag));
      if (!branch) {
        const list = allowed.join(', ');
        if (tag === undefined) add(path, `${disc} is missing; allowed: ${list}`, 'model.kindMissing', { key: disc, allowed: list });
        else add(`${path}.${disc}`, `${disc} ${show(tag)} is not known; allowed: ${list}`, 'model.kindUnknown', { key: disc, value: show(tag), allowed: list });
        return;
      }
      return walk(v, branch, path, depth);
    }
    const lits = branches.every((b) => 'const' in b);
    if (lits) {
      const list = branches.map((b) => JSON.stringify(b.const)).join(', ');
      if (!branches.some((b) => b.const === v)) add(path, `must be one of ${list}; got ${show(v)}`, 'model.oneOf', { allowed: list, got: said(v) });
      return;
    }
    // Small unions (expression, number|string): accept the first branch that fits.
    for (const b of branches) {
      if (validateAgainst(v, b, { ...opts, maxProblems: 1 }).length === 0) return;
    }
    const kinds = branches.map(describeSchema).join(' or ');
    const fit = branches.find((b) => typeMatches(v, b));
    if (fit) return walk(v, fit, path, depth);
    const w = branches.length === 2 ? branches.map(kindWord) : [];
    if (w.length === 2 && w.every((x) => x !== undefined)) add(path, `must be ${kinds}, got ${show(v)}`, 'model.either', { a: { word: w[0]! }, b: { word: w[1]! }, got: said(v) });
    else add(path, `must be ${kinds}, got ${show(v)}`);
  }

  function walkObject(v: unknown, s: S, path: string, depth: number): void {
    if (!isObject(v)) return add(path, `must be an object, got ${show(v)}`, 'model.notObject', { got: said(v) });
    if (!once(v, path)) return;
    const props = (s.properties ?? {}) as S;
    if (s.localized === true) return walkTranslations(v, props, path, depth);
    const required = (s.required ?? []) as string[];
    for (const r of required) if (!Object.prototype.hasOwnProperty.call(v, r)) add(path, `"${r}" is missing`, 'model.missing', { key: r });
    const pattern = s.patternProperties as S | undefined;
    for (const k of Object.keys(v)) {
      const child = `${path}${/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`}`;
      if (Object.prototype.hasOwnProperty.call(props, k)) walk(v[k], props[k] as S, child, depth + 1);
      else if (pattern) walk(v[k], Object.values(pattern)[0] as S, child, depth + 1);
      else if (s.additionalProperties === false) add(child, `"${k}" is not a known property; allowed: ${Object.keys(props).join(', ')}`, 'model.unknownKey', { key: k, allowed: Object.keys(props).join(', ') });
    }
  }

  /** `{ "en": …, "pt-BR": … }`: English is required, the other keys must be languages the app offers. */
  function walkTranslations(v: Record<string, unknown>, props: S, path: string, depth: number): void {
    const langs = Object.keys(props);
    const example = `{ ${langs.map((l) => `"${l}": "…"`).join(', ')} }`;
    if (!Object.prototype.hasOwnProperty.call(v, 'en')) add(path, `a translated text needs "en", its English, e.g. ${example}`, 'model.needsEnglish', { example });
    for (const k of Object.keys(v)) {
      const child = `${path}${/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`}`;
      if (Object.prototype.hasOwnProperty.call(props, k)) walk(v[k], props[k] as S, child, depth + 1);
      else add(child, `"${k}" is not a language Atelier offers; use ${langs.join(', ')}`, 'model.unknownLanguage', { key: k, allowed: langs.join(', ') });
    }
  }

  function walkArray(v: unknown, s: S, path: string, depth: number): void {
    if (!Array.isArray(v)) return add(path, `must be a list, got ${show(v)}`, 'model.notList', { got: said(v) });
    if (!once(v, path)) return;
    if (typeof s.minItems === 'number' && v.length < s.minItems)
      if (s.minItems === s.maxItems) add(path, `must have exactly ${s.minItems} items (has ${v.length})`, 'model.exactItems', { count: s.minItems, has: v.length });
      else add(path, `must have at least ${s.minItems} item(s) (has ${v.length})`, 'model.minItems', { min: s.minItems, has: v.length });
    if (typeof s.maxItems === 'number' && v.length > s.maxItems) return add(path, `must have at most ${s.maxItems} items (has ${v.length})`, 'model.maxItems', { max: s.maxItems, has: v.length });
    const items = s.items as S | undefined;
    if (items) for (let i = 0; i < v.length && problems.length < max; i++) walk(v[i], items, `${path}[${i}]`, depth + 1);
  }
}

function constsOf(s: S | undefined): unknown[] {
  if (!s) return [];
  if ('const' in s) return [s.const];
  if (Array.isArray(s.anyOf)) return (s.anyOf as S[]).flatMap(constsOf);
  return [];
}

function typeMatches(v: unknown, s: S): boolean {
  if (s.type === 'array') return Array.isArray(v);
  if (s.type === 'object') return isObject(v);
  if (s.type === 'number' || s.type === 'integer') return typeof v === 'number';
  return typeof v === s.type;
}

function describeSchema(s: S): string {
  if ('const' in s) return JSON.stringify(s.const);
  if (s.exprKind === 'number' || (Array.isArray(s.anyOf) && s.exprKind)) return 'a number or an expression';
  if (s.type === 'array') return `a list of ${s.minItems === s.maxItems ? s.minItems : ''} values`.replace('  ', ' ');
  if (s.type === 'string') return 'text';
  if (s.type === 'number' || s.type === 'integer') return 'a number';
  if (s.type === 'boolean') return 'true or false';
  if (s.type === 'object') return s.localized === true ? 'an object of translations ({ "en": …, "pt-BR": … })' : 'an object';
  if (Array.isArray(s.anyOf)) return (s.anyOf as S[]).map(describeSchema).join(' or ');
  return 'a value';
}

const PATTERN_CODES = { id: 'model.pattern.id', kebab: 'model.pattern.kebab', colour: 'model.pattern.colour', version: 'model.pattern.version', other: 'model.pattern.other' } as const;

/** Which kind of pattern, for the message code. */
function patternKind(s: S): 'id' | 'kebab' | 'colour' | 'version' | 'other' {
  const p = s.pattern as string;
  if (p.startsWith('^[A-Za-z_]')) return 'id';
  if (p.startsWith('^[a-z0-9]')) return 'kebab';
  if (p.startsWith('^#')) return 'colour';
  if (p.startsWith('^[0-9]+')) return 'version';
  return 'other';
}

/** What a value is, for a message a UI translates: a word for lists, objects and nothing, else the value itself. */
export function said(v: unknown): MessageParam {
  if (v === undefined) return { word: 'nothing' };
  if (v === null) return 'null';
  if (Array.isArray(v)) return { word: 'list' };
  if (typeof v === 'object') return { word: 'object' };
  if (typeof v === 'number') return v;
  return show(v);
}

/** describeSchema as a word the UI translates (key word.<word>), where there is one. */
function kindWord(s: S): string | undefined {
  if ('const' in s) return undefined;
  if (s.exprKind === 'number') return 'expression';
  if (s.type === 'array') {
    if (s.minItems !== s.maxItems) return 'listAny';
    return s.minItems === 2 || s.minItems === 3 ? `list${s.minItems as number}` : undefined;
  }
  if (s.type === 'string') return 'text';
  if (s.type === 'number' || s.type === 'integer') return 'number';
  if (s.type === 'boolean') return 'boolean';
  if (s.type === 'object') return s.localized === true ? 'translations' : 'object';
  return undefined;
}

function patternHelp(s: S): string {
  const p = s.pattern as string;
  if (p.startsWith('^[A-Za-z_]')) return 'use letters, digits and _ (not starting with a digit)';
  if (p.startsWith('^[a-z0-9]')) return 'use lower-case letters, digits and - (kebab-case)';
  if (p.startsWith('^#')) return 'use a colour like #1a2b3c';
  if (p.startsWith('^[0-9]+')) return 'use a version like 1.0.0';
  return `must match ${p}`;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  return String(v);
}
