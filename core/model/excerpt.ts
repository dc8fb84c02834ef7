// Source excerpts for located problems: the offending line of a model (or design) file, safe to show in a terminal
// or a page (control and direction characters become visible symbols, long lines are clipped around the caret),
// and its two-line text form with a caret under the column. Pure TypeScript.

import type { SourceExcerpt } from '../errors';

/** Most characters of a line shown; a longer line is clipped around the caret with '…' at the cut ends. */
export const EXCERPT_WIDTH = 100;
/** How many characters before the caret a clipped line keeps. */
const LEAD = 40;

/** The excerpt of `line` (1-based) of `text` with the caret at UTF-16 `column` (1-based); undefined past the end. */
export function sourceExcerpt(text: string, line: number, column: number): SourceExcerpt | undefined {
  const lines = text.split('\n');
  if (!Number.isInteger(line) || line < 1 || line > lines.length) return undefined;
  let raw = lines[line - 1]!;
  if (raw.endsWith('\r')) raw = raw.slice(0, -1);
  const chars = Array.from(raw);
  // the column counts UTF-16 units; the caret counts characters (an emoji is one)
  let caret = Array.from(raw.slice(0, Math.max(0, column - 1))).length + 1;
  let shown = chars;
  let prefix = '';
  let suffix = '';
  if (chars.length > EXCERPT_WIDTH) {
    const start = Math.max(0, Math.min(caret - 1 - LEAD, chars.length - EXCERPT_WIDTH));
    shown = chars.slice(start, start + EXCERPT_WIDTH);
    if (start > 0) prefix = '…';
    if (start + EXCERPT_WIDTH < chars.length) suffix = '…';
    caret = caret - start + prefix.length;
  }
  return { line, text: prefix + shown.map(visible).join('') + suffix, caret };
}

/** `  7 |   "a": 1` and `    |         ^`: an excerpt as text for a terminal or a log. */
export function formatExcerpt(e: SourceExcerpt, indent = '  '): string {
  const num = String(e.line);
  const gutter = ' '.repeat(num.length);
  return `${indent}${num} | ${e.text}\n${indent}${gutter} | ${' '.repeat(Math.max(0, e.caret - 1))}^`;
}

/** One character as shown: C0 controls as their Unicode control pictures (tab is ␉), DEL as ␡, C1 controls,
 *  direction marks and overrides, zero-width and line/paragraph separators as �, so a file can neither move the
 *  terminal's cursor nor reorder the text around it, and every character keeps one place under the caret. */
function visible(c: string): string {
  const n = c.codePointAt(0)!;
  if (n < 0x20) return String.fromCodePoint(0x2400 + n);
  if (n === 0x7f) return '\u2421';
  if ((n >= 0x80 && n <= 0x9f) || (n >= 0x200b && n <= 0x200f) || (n >= 0x2028 && n <= 0x202e) || (n >= 0x2066 && n <= 0x2069) || n === 0xfeff)
    return '\ufffd';
  return c;
}
