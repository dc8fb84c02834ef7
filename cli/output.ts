// Printing for the CLI: JSON to stdout, human lines to stdout, problems to stderr; numbers rounded for people.
// Node only (process streams).
import { formatProblem, type Problem } from '../core/errors';

export function printJson(v: unknown): void {
  process.stdout.write(JSON.stringify(v, null, 2) + '\n');
}

export function printLine(s = ''): void {
  process.stdout.write(s + '\n');
}

export function printProblems(problems: readonly Problem[], prefix = 'atelier: '): void {
  for (const p of problems) process.stderr.write(prefix + formatProblem(p).replace(/\n/g, '\n  ') + '\n');
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
