// Reads untrusted JSON text with bounded size and depth, and maps JSON paths back to line and column,
// so every problem in a model or design file can say where it is. Uses jsonc-parser for offsets.
// Pure TypeScript.

import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { UserError, type Problem } from '../errors';
import { sourceExcerpt } from './excerpt';
import { syntaxProblems, whatWord } from './json-syntax';

/** Largest model/design file accepted (bytes of text): real ones are a few kB. */
export const MAX_FILE_CHARS = 5_000_000;
/** Deepest JSON nesting accepted before parsing (protects the parsers from hostile input). */
export const MAX_JSON_DEPTH = 200;

export interface JsonSource {
  value: unknown;
  /** The text read (without a byte-order mark), for excerpts. */
  text: string;
  locate(path: string): { line: number; column: number } | undefined;
}

export function readJson(text: string, file?: string, what = 'file'): JsonSource {
  if (typeof text !== 'string') throw new UserError([{ file, message: `the ${what} is not text` }]);
  if (text.length > MAX_FILE_CHARS) throw new UserError([{ file, message: `the ${what} is ${text.length} characters long; at most ${MAX_FILE_CHARS} are allowed` }]);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const tooDeep = depthExceeded(text, MAX_JSON_DEPTH);
  if (tooDeep !== -1) {
    const lc = lineCol(text, tooDeep);
    throw new UserError([{ file, ...lc, excerpt: sourceExcerpt(text, lc.line, lc.column), message: `the ${what} is nested more than ${MAX_JSON_DEPTH} levels deep`, code: 'json.nestedTooDeep', params: { what: whatWord(what), max: MAX_JSON_DEPTH } }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const t = text;
    throw new UserError(withExcerpts(t, syntaxProblems(t, file, what, MAX_JSON_DEPTH, (o) => lineCol(t, o))));
  }
  // The offset tree is only needed to locate problems: built on first use, so valid files load fast.
  let tree: Node | undefined;
  // Offsets of line starts, built on first use: locating many problems stays linear in the file size.
  let starts: number[] | undefined;
  const at = (offset: number) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: Math.min(offset, text.length) - starts[lo]! + 1 };
  };
  return {
    value,
    text,
    locate(path: string) {
      tree ??= parseTree(text, [], { allowTrailingComma: false, disallowComments: true });
      if (!tree) return undefined;
      const segs = pathSegments(path);
      let node: Node | undefined = findNodeAtLocation(tree, segs);
      // A missing property: point at its parent object.
      for (let n = segs.length - 1; !node && n >= 0; n--) node = findNodeAtLocation(tree, segs.slice(0, n));
      if (!node) return undefined;
      const off = node.parent?.type === 'property' && node.parent.children?.[1] === node ? node.parent.offset : node.offset;
      return at(off);
    },
  };
}

/** Most problems reported for one file: enough to fix it, few enough to read (and to locate quickly). */
export const MAX_PROBLEMS = 200;

/** Adds line/column, an excerpt of the line (and file) to problems that have a JSON path, in the order of their
 *  place in the file (problems of the whole file first); lists the first MAX_PROBLEMS found and counts the rest. */
export function locateProblems(src: JsonSource, problems: Problem[], file?: string): Problem[] {
  // locating costs a tree walk each: only the problems listed are located (a hostile file may have 100,000)
  const located = problems.slice(0, MAX_PROBLEMS).map((p, i) => ({ p: { ...(file ? { file } : {}), ...p, ...(p.path && p.line === undefined ? src.locate(p.path) : {}) }, i }));
  located.sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || (a.p.column ?? 0) - (b.p.column ?? 0) || a.i - b.i);
  const out = withExcerpts(src.text, located.map((x) => x.p));
  if (problems.length > MAX_PROBLEMS) out.push({ ...(file ? { file } : {}), message: `…and ${problems.length - MAX_PROBLEMS} more problems like these` });
  return out;
}

function withExcerpts(text: string, problems: Problem[]): Problem[] {
  return problems.map((p) => {
    if (p.line === undefined || p.excerpt) return p;
    const excerpt = sourceExcerpt(text, p.line, p.column ?? 1);
    return excerpt ? { ...p, excerpt } : p;
  });
}

export function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /\.([A-Za-z_$][A-Za-z0-9_$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path))) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(m[3]) as string);
  }
  return out;
}

export function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: end - last };
}

function depthExceeded(text: string, max: number): number {
  let depth = 0;
  let inStr = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inStr) {
      if (c === 92) i++;
      else if (c === 34 || c === 10 || c === 13) inStr = false; // a line break ends a (broken) string, as for the parser
    } else if (c === 34) inStr = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}
