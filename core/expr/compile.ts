// Compiles an expression AST into closures over a whitelist of operators and functions (no eval, no Function).
// Evaluation counts steps against a budget so a hostile expression cannot run away.
// Pure TypeScript; imports only ./parse.

import { ExprError, parse, type Node } from './parse';

export type Value = number | boolean | string;
/**
 * Measures `text` at cap height `size` (mm) exactly as the geometry lays it out: 'width' is the advance width
 * with kerning, 'height' the height of the ink. `names` are the scope names the text argument reads (the caller
 * picks the font of the text parameter among them); `font` is an explicit font id, if the expression gave one.
 */
export type TextMeasurer = (what: 'width' | 'height', text: string, size: number, names: readonly string[], font?: string) => number;
/** Values by name; a scope that can measure text carries a `measureText` (fonts stay outside core/expr). */
export type Scope = ReadonlyMap<string, Value> & { readonly measureText?: TextMeasurer };

/** Steps one evaluation may take: far above any real model expression, far below a hang. */
export const MAX_STEPS = 100_000;
/** Longest text an expression may produce (characters). */
export const MAX_TEXT_LENGTH = 10_000;

interface Ctx {
  scope: Scope;
  steps: number;
}
type Fn = (c: Ctx) => Value;

export interface CompiledExpr {
  readonly source: string;
  /** Names the expression reads from its scope (functions and PI excluded). */
  readonly names: readonly string[];
  evaluate(scope: Scope): Value;
}

const CONSTANTS: Record<string, number> = { PI: Math.PI };
const RAD = Math.PI / 180;

type Builtin = { min: number; max: number; f: (args: Value[], at: number) => Value };
const num = (v: Value, fn: string, at: number): number => {
  if (typeof v !== 'number') throw new ExprError(`${fn} needs numbers, got ${kind(v)}`, at);
  return v;
};
const math1 = (name: string, f: (x: number) => number): Builtin => ({ min: 1, max: 1, f: (a, at) => f(num(a[0]!, name, at)) });

const FUNCTIONS: Record<string, Builtin> = {
  abs: math1('abs', Math.abs),
  floor: math1('floor', Math.floor),
  ceil: math1('ceil', Math.ceil),
  round: math1('round', Math.round),
  sqrt: math1('sqrt', Math.sqrt),
  sin: math1('sin', (x) => Math.sin(x * RAD)),
  cos: math1('cos', (x) => Math.cos(x * RAD)),
  tan: math1('tan', (x) => Math.tan(x * RAD)),
  asin: math1('asin', (x) => Math.asin(x) / RAD),
  acos: math1('acos', (x) => Math.acos(x) / RAD),
  atan: math1('atan', (x) => Math.atan(x) / RAD),
  atan2: { min: 2, max: 2, f: (a, at) => Math.atan2(num(a[0]!, 'atan2', at), num(a[1]!, 'atan2', at)) / RAD },
  pow: { min: 2, max: 2, f: (a, at) => Math.pow(num(a[0]!, 'pow', at), num(a[1]!, 'pow', at)) },
  min: { min: 1, max: 16, f: (a, at) => Math.min(...a.map((v) => num(v, 'min', at))) },
  max: { min: 1, max: 16, f: (a, at) => Math.max(...a.map((v) => num(v, 'max', at))) },
  clamp: { min: 3, max: 3, f: (a, at) => Math.min(Math.max(num(a[0]!, 'clamp', at), num(a[1]!, 'clamp', at)), num(a[2]!, 'clamp', at)) },
  lerp: {
    min: 3,
    max: 3,
    f: (a, at) => {
      const x = num(a[0]!, 'lerp', at);
      return x + (num(a[1]!, 'lerp', at) - x) * num(a[2]!, 'lerp', at);
    },
  },
  len: { min: 1, max: 1, f: (a, at) => [...text(a[0]!, 'len', at)].length },
  upper: { min: 1, max: 1, f: (a, at) => text(a[0]!, 'upper', at).toUpperCase() },
  lower: { min: 1, max: 1, f: (a, at) => text(a[0]!, 'lower', at).toLowerCase() },
  trim: { min: 1, max: 1, f: (a, at) => text(a[0]!, 'trim', at).trim() },
  str: { min: 1, max: 1, f: (a) => (typeof a[0] === 'number' ? String(Math.round(a[0] * 1e6) / 1e6) : String(a[0])) },
};

/** Functions that measure text with the scope's `measureText`: (text, size[, font id]). */
const MEASURES: Record<string, 'width' | 'height'> = { textWidth: 'width', textHeight: 'height' };

export const FUNCTION_NAMES = [...Object.keys(FUNCTIONS), ...Object.keys(MEASURES)];

function text(v: Value, fn: string, at: number): string {
  if (typeof v !== 'string') throw new ExprError(`${fn} needs text, got ${kind(v)}`, at);
  return v;
}

function kind(v: Value): string {
  return typeof v === 'number' ? 'a number' : typeof v === 'boolean' ? 'true/false' : 'text';
}

function finite(v: number, what: string, at: number): number {
  if (!Number.isFinite(v)) throw new ExprError(`${what} gives ${Number.isNaN(v) ? 'no number (NaN)' : 'an infinite number'}`, at);
  return v;
}

function step(c: Ctx, at: number): void {
  if (++c.steps > MAX_STEPS) throw new ExprError(`expression takes more than ${MAX_STEPS} steps to evaluate`, at);
}

function build(n: Node, names: Set<string>): Fn {
  switch (n.k) {
    case 'num':
    case 'str':
    case 'bool': {
      const v = n.v;
      return () => v;
    }
    case 'name': {
      const name = n.name;
      if (Object.prototype.hasOwnProperty.call(CONSTANTS, name)) {
        const v = CONSTANTS[name]!;
        return () => v;
      }
      names.add(name);
      const at = n.at;
      return (c) => {
        const v = c.scope.get(name);
        if (v === undefined) throw new ExprError(`unknown name '${name}'${knownNames(c.scope)}`, at);
        return v;
      };
    }
    case 'unary': {
      const arg = build(n.arg, names);
      const at = n.at;
      if (n.op === '!')
        return (c) => {
          step(c, at);
          const v = arg(c);
          if (typeof v !== 'boolean') throw new ExprError(`'not' needs true/false, got ${kind(v)}`, at);
          return !v;
        };
      const sign = n.op === '-' ? -1 : 1;
      return (c) => {
        step(c, at);
        const v = arg(c);
        if (typeof v !== 'number') throw new ExprError(`'${n.op}' needs a number, got ${kind(v)}`, at);
        return sign * v;
      };
    }
    case 'cond': {
      const test = build(n.test, names);
      const a = build(n.then, names);
      const b = build(n.else, names);
      const at = n.at;
      return (c) => {
        step(c, at);
        const t = test(c);
        if (typeof t !== 'boolean') throw new ExprError(`the condition before '?' must be true/false, got ${kind(t)}`, at);
        return t ? a(c) : b(c);
      };
    }
    case 'call': {
      if (Object.prototype.hasOwnProperty.call(MEASURES, n.fn)) return buildMeasure(n, MEASURES[n.fn]!, names);
      if (!Object.prototype.hasOwnProperty.call(FUNCTIONS, n.fn))
        throw new ExprError(`unknown function '${n.fn}'; allowed: ${FUNCTION_NAMES.join(', ')}`, n.at);
      const def = FUNCTIONS[n.fn]!;
      if (n.args.length < def.min || n.args.length > def.max)
        throw new ExprError(`${n.fn} takes ${def.min === def.max ? def.min : `${def.min} to ${def.max}`} argument(s), got ${n.args.length}`, n.at);
      const args = n.args.map((a) => build(a, names));
      const at = n.at;
      const fn = n.fn;
      return (c) => {
        step(c, at);
        const r = def.f(args.map((a) => a(c)), at);
        if (typeof r === 'number') return finite(r, fn, at);
        if (typeof r === 'string' && r.length > MAX_TEXT_LENGTH) throw new ExprError(`text longer than ${MAX_TEXT_LENGTH} characters`, at);
        return r;
      };
    }
    case 'binary':
      return buildBinary(n, names);
  }
}

function buildMeasure(n: Extract<Node, { k: 'call' }>, what: 'width' | 'height', names: Set<string>): Fn {
  const fn = n.fn;
  const at = n.at;
  if (n.args.length < 2 || n.args.length > 3) throw new ExprError(`${fn} takes 2 or 3 arguments (text, size[, font]), got ${n.args.length}`, at);
  const lit = (a: Node) => (a.k === 'num' ? 'a number' : a.k === 'bool' ? 'true/false' : a.k === 'str' ? 'text' : undefined);
  const [t0, t1, t2] = [lit(n.args[0]!), lit(n.args[1]!), n.args[2] ? lit(n.args[2]) : undefined];
  if (t0 && t0 !== 'text') throw new ExprError(`${fn} needs text as its first argument (e.g. a text parameter), got ${t0}`, n.args[0]!.at);
  if (t1 && t1 !== 'a number') throw new ExprError(`${fn} needs a size in mm as its second argument, got ${t1}`, n.args[1]!.at);
  if (t2 && t2 !== 'text') throw new ExprError(`${fn} needs a font id as its third argument, got ${t2}`, n.args[2]!.at);
  const first = new Set<string>();
  const textArg = build(n.args[0]!, first);
  for (const x of first) names.add(x);
  const textNames = [...first];
  const sizeArg = build(n.args[1]!, names);
  const fontArg = n.args[2] ? build(n.args[2], names) : undefined;
  return (c) => {
    step(c, at);
    const t = text(textArg(c), fn, at);
    const size = num(sizeArg(c), fn, at);
    const font = fontArg ? text(fontArg(c), fn, at) : undefined;
    if (!(size >= 0)) throw new ExprError(`${fn} needs a size of 0 mm or more, got ${size}`, at);
    const m = c.scope.measureText;
    if (!m) throw new ExprError(`${fn} cannot measure text here: no fonts are loaded`, at);
    return finite(m(what, t, size, textNames, font), fn, at);
  };
}

function buildBinary(n: Extract<Node, { k: 'binary' }>, names: Set<string>): Fn {
  const l = build(n.left, names);
  const r = build(n.right, names);
  const at = n.at;
  const op = n.op;
  if (op === '&&' || op === '||') {
    const isAnd = op === '&&';
    return (c) => {
      step(c, at);
      const a = l(c);
      if (typeof a !== 'boolean') throw new ExprError(`'${isAnd ? 'and' : 'or'}' needs true/false, got ${kind(a)}`, at);
      if (isAnd ? !a : a) return a;
      const b = r(c);
      if (typeof b !== 'boolean') throw new ExprError(`'${isAnd ? 'and' : 'or'}' needs true/false, got ${kind(b)}`, at);
      return b;
    };
  }
  if (op === '==' || op === '!=') {
    const eq = op === '==';
    return (c) => {
      step(c, at);
      const a = l(c);
      const b = r(c);
      if (typeof a !== typeof b) throw new ExprError(`cannot compare ${kind(a)} with ${kind(b)}`, at);
      return eq ? a === b : a !== b;
    };
  }
  return (c) => {
    step(c, at);
    const a = l(c);
    const b = r(c);
    if (op === '+' && typeof a === 'string' && typeof b === 'string') {
      if (a.length + b.length > MAX_TEXT_LENGTH) throw new ExprError(`text longer than ${MAX_TEXT_LENGTH} characters`, at);
      return a + b;
    }
    if (typeof a !== 'number' || typeof b !== 'number') {
      if (op === '<' || op === '<=' || op === '>' || op === '>=') {
        if (typeof a === 'string' && typeof b === 'string') return compare(op, a, b);
        throw new ExprError(`cannot compare ${kind(a)} with ${kind(b)} using '${op}'`, at);
      }
      throw new ExprError(`'${op}' needs numbers${op === '+' ? ' (or two texts)' : ''}, got ${kind(a)} and ${kind(b)}`, at);
    }
    switch (op) {
      case '+':
        return finite(a + b, 'addition', at);
      case '-':
        return finite(a - b, 'subtraction', at);
      case '*':
        return finite(a * b, 'multiplication', at);
      case '/':
        if (b === 0) throw new ExprError('division by zero', at);
        return finite(a / b, 'division', at);
      case '%':
        if (b === 0) throw new ExprError('remainder of a division by zero', at);
        return finite(a % b, 'remainder', at);
      case '^':
        return finite(Math.pow(a, b), 'power', at);
      default:
        return compare(op, a, b);
    }
  };
}

function compare<T extends number | string>(op: string, a: T, b: T): boolean {
  return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
}

function knownNames(scope: Scope): string {
  const list = [...scope.keys()].slice(0, 20);
  if (list.length === 0) return '';
  return `; known names: ${list.join(', ')}${scope.size > 20 ? ', …' : ''}`;
}

export function compileExpr(source: string): CompiledExpr {
  const ast = parse(source);
  const names = new Set<string>();
  const fn = build(ast, names);
  return {
    source,
    names: [...names],
    evaluate(scope: Scope): Value {
      return fn({ scope, steps: 0 });
    },
  };
}
