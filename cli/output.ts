// Printing for the CLI: JSON to stdout, human lines to stdout, problems to stderr; numbers rounded for people.
// Node only (process streams). Everything printed may come from an untrusted file, so terminal control
// characters (escape sequences, C1 controls, bidi overrides) are shown as visible \xNN / \uNNNN escapes.
import { formatProblem, type Problem } from '../core/errors';
import { formatExcerpt } from '../core/model/excerpt';

// C0 controls but tab and newline, DEL and C1, bidi embeddings/overrides/isolates
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print on a terminal: control characters become visible escapes. */
export function clean(s: string): string {
  return s.replace(CONTROL, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

export function printJson(v: unknown): void {
  // JSON.stringify escapes C0 already; DEL, C1 and bidi controls become \u escapes too (still the same JSON value)
  process.stdout.write(JSON.stringify(v, null, 2).replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n');
}

export function printLine(s = ''): void {
  process.stdout.write(clean(s) + '\n');
}

/** One line to stderr, neutralised like printLine. */
export function printError(s: string): void {
  process.stderr.write(clean(s) + '\n');
}

/** Each problem on its line, then (when it has one) the offending line of its file with a caret under the column. */
export function printProblems(problems: readonly Problem[], prefix = 'atelier: '): void {
  for (const p of problems) {
    process.stderr.write(prefix + clean(formatProblem(p)).replace(/\n/g, '\n  ') + '\n');
    if (p.excerpt) process.stderr.write(clean(formatExcerpt(p.excerpt, '    ')) + '\n');
  }
}

/** 12.3456 → "12.35"; integers stay integers. */
export function num(v: number, digits = 2): string {
  if (Number.isInteger(v)) return String(v);
  return v.toFixed(digits).replace(/\.?0+$/, '');
}

export function dims(b: { x: number; y: number; z: number }): string {
  return `${num(b.x)} × ${num(b.y)} × ${num(b.z)} mm`;
}

export function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
