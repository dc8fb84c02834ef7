// Tokenizer and recursive-descent parser for the model-file expression language → a small AST.
// No eval, no Function, no property access: only the node kinds below exist. Bounded length and depth.
// Pure TypeScript; imports only core/errors.

import { UserError } from '../errors';

/** Longest expression source accepted (characters): real model expressions are a line or two. */
export const MAX_SOURCE_LENGTH = 4000;
/** Deepest nesting accepted: keeps the recursive parser and evaluator far from the JS stack limit. */
export const MAX_DEPTH = 64;

export class ExprError extends UserError {
  readonly column?: number;
  constructor(message: string, column?: number) {
    super(column === undefined ? message : `${message} (column ${column})`);
    this.name = 'ExprError';
    this.column = column;
  }
}

export type Node =
  | { k: 'num'; v: number; at: number }
  | { k: 'str'; v: string; at: number }
  | { k: 'bool'; v: boolean; at: number }
  | { k: 'name'; name: string; at: number }
  | { k: 'unary'; op: '-' | '!' | '+'; arg: Node; at: number }
  | { k: 'binary'; op: string; left: Node; right: Node; at: number }
  | { k: 'cond'; test: Node; then: Node; else: Node; at: number }
  | { k: 'call'; fn: string; args: Node[]; at: number };

type Tok = { t: 'num' | 'str' | 'name' | 'op' | 'end'; v: string; at: number };

const OPS = ['&&', '||', '==', '!=', '<=', '>=', '**', '+', '-', '*', '/', '%', '^', '<', '>', '!', '?', ':', '(', ')', ','];
const WORD_OPS = new Map([
  ['and', '&&'],
  ['or', '||'],
  ['not', '!'],
]);

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const at = i + 1;
    if ((c >= '0' && c <= '9') || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(src.slice(i, i + 64))!;
      if (/[A-Za-z_]/.test(src[i + m[0].length] ?? '')) throw new ExprError(`a number cannot run into letters: '${src.slice(i, i + m[0].length + 1)}'`, at);
      out.push({ t: 'num', v: m[0], at });
      i += m[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) {
          const n = src[j + 1]!;
          s += n === 'n' ? '\n' : n;
          j += 2;
        } else s += src[j++];
      }
      if (j >= src.length) throw new ExprError(`text starting with ${c} is not closed`, at);
      out.push({ t: 'str', v: s, at });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 128))!;
      const w = m[0];
      const wordOp = WORD_OPS.get(w);
      if (wordOp) out.push({ t: 'op', v: wordOp, at });
      else out.push({ t: 'name', v: w, at });
      i += w.length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) {
      if (c === '.' || c === '[' || c === ']') throw new ExprError(`'${c}' is not allowed: expressions have no property access or indexing`, at);
      throw new ExprError(`unexpected character '${c}'`, at);
    }
    out.push({ t: 'op', v: op === '**' ? '^' : op, at });
    i += op.length;
  }
  out.push({ t: 'end', v: '', at: src.length + 1 });
  return out;
}

const BINARY_PREC: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
  '^': 8,
};

export function parse(src: string): Node {
  if (typeof src !== 'string') throw new ExprError('an expression must be text or a number');
  if (src.length > MAX_SOURCE_LENGTH) throw new ExprError(`expression is ${src.length} characters long; at most ${MAX_SOURCE_LENGTH} are allowed`);
  if (src.trim() === '') throw new ExprError('expression is empty');
  const toks = tokenize(src);
  let pos = 0;
  const peek = () => toks[pos]!;
  const next = () => toks[pos++]!;
  const expect = (v: string) => {
    const t = next();
    if (t.t !== 'op' || t.v !== v) throw new ExprError(`expected '${v}' but found ${describe(t)}`, t.at);
  };

  function expr(depth: number): Node {
    if (depth > MAX_DEPTH) throw new ExprError(`expression is nested more than ${MAX_DEPTH} levels deep`, peek().at);
    const test = binary(0, depth);
    const t = peek();
    if (t.t === 'op' && t.v === '?') {
      next();
      const a = expr(depth + 1);
      expect(':');
      const b = expr(depth + 1);
      return { k: 'cond', test, then: a, else: b, at: t.at };
    }
    return test;
  }

  function binary(minPrec: number, depth: number): Node {
    let left = unary(depth);
    for (;;) {
      const t = peek();
      const prec = t.t === 'op' ? BINARY_PREC[t.v] : undefined;
      if (prec === undefined || prec < minPrec) return left;
      next();
      // '^' is right-associative, everything else left-associative.
      const right = binary(t.v === '^' ? prec : prec + 1, depth + 1);
      left = { k: 'binary', op: t.v, left, right, at: t.at };
    }
  }

  function unary(depth: number): Node {
    if (depth > MAX_DEPTH) throw new ExprError(`expression is nested more than ${MAX_DEPTH} levels deep`, peek().at);
    const t = peek();
    if (t.t === 'op' && (t.v === '-' || t.v === '!' || t.v === '+')) {
      next();
      // Unary minus binds looser than '^': -2^2 = -4, as in mathematics.
      const arg = t.v === '-' || t.v === '+' ? binary(7, depth + 1) : unary(depth + 1);
      return { k: 'unary', op: t.v, arg, at: t.at };
    }
    return primary(depth);
  }

  function primary(depth: number): Node {
    const t = next();
    switch (t.t) {
      case 'num': {
        const v = Number(t.v);
        if (!Number.isFinite(v)) throw new ExprError(`number ${t.v} is too large`, t.at);
        return { k: 'num', v, at: t.at };
      }
      case 'str':
        return { k: 'str', v: t.v, at: t.at };
      case 'name': {
        if (t.v === 'true' || t.v === 'false') return { k: 'bool', v: t.v === 'true', at: t.at };
        const p = peek();
        if (p.t === 'op' && p.v === '(') {
          next();
          const args: Node[] = [];
          if (!(peek().t === 'op' && peek().v === ')')) {
            for (;;) {
              args.push(expr(depth + 1));
              const s = next();
              if (s.t === 'op' && s.v === ')') break;
              if (!(s.t === 'op' && s.v === ',')) throw new ExprError(`expected ',' or ')' in the call of ${t.v} but found ${describe(s)}`, s.at);
              if (args.length > 16) throw new ExprError(`too many arguments to ${t.v}`, s.at);
            }
          } else next();
          return { k: 'call', fn: t.v, args, at: t.at };
        }
        return { k: 'name', name: t.v, at: t.at };
      }
      case 'op':
        if (t.v === '(') {
          const e = expr(depth + 1);
          expect(')');
          return e;
        }
        throw new ExprError(`unexpected ${describe(t)}`, t.at);
      default:
        throw new ExprError('expression ends too early', t.at);
    }
  }

  const root = expr(0);
  const rest = peek();
  if (rest.t !== 'end') throw new ExprError(`unexpected ${describe(rest)} after the end of the expression`, rest.at);
  return root;
}

function describe(t: Tok): string {
  if (t.t === 'end') return 'the end of the expression';
  if (t.t === 'str') return 'text';
  return `'${t.v}'`;
}
