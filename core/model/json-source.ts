// Reads untrusted JSON text with bounded size and depth, and maps JSON paths back to line and column,
// so every problem in a model or design file can say where it is. Uses jsonc-parser for offsets.
// Pure TypeScript.

import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { UserError, type Problem } from '../errors';

/** Largest model/design file accepted (bytes of text): real ones are a few kB. */
export const MAX_FILE_CHARS = 5_000_000;
/** Deepest JSON nesting accepted before parsing (protects the parsers from hostile input). */
export const MAX_JSON_DEPTH = 200;

export interface JsonSource {
  value: unknown;
  locate(path: string): { line: number; column: number } | undefined;
}

export function readJson(text: string, file?: string, what = 'file'): JsonSource {
  if (typeof text !== 'string') throw new UserError([{ file, message: `the ${what} is not text` }]);
  if (text.length > MAX_FILE_CHARS) throw new UserError([{ file, message: `the ${what} is ${text.length} characters long; at most ${MAX_FILE_CHARS} are allowed` }]);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const tooDeep = depthExceeded(text, MAX_JSON_DEPTH);
  if (tooDeep !== -1) {
    const lc = lineCol(text, tooDeep);
    throw new UserError([{ file, ...lc, message: `the ${what} is nested more than ${MAX_JSON_DEPTH} levels deep` }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UserError(syntaxProblems(text, file, what));
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

/** Where and why text that JSON.parse refused is not valid JSON (at most 10 places). */
function syntaxProblems(text: string, file: string | undefined, what: string): Problem[] {
  const errors: ParseError[] = [];
  let tree: Node | undefined;
  try {
    tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  } catch (e) {
    // Broken JSON can hide brackets from depthExceeded (e.g. inside a comment); the recursive parser then overflows.
    if (!(e instanceof RangeError)) throw e;
    return [{ file, message: `the ${what} is not valid JSON, or is nested more than ${MAX_JSON_DEPTH} levels deep` }];
  }
  const problems: Problem[] = errors.slice(0, 10).map((e) => ({
    file,
    ...lineCol(text, e.offset),
    message: `not valid JSON: ${humanJsonError(printParseErrorCode(e.error))}`,
  }));
  if (problems.length) return problems;
  return [{ file, message: tree ? `the ${what} is not valid JSON` : `the ${what} is empty` }];
}

/** Most problems reported for one file: enough to fix it, few enough to read (and to locate quickly). */
export const MAX_PROBLEMS = 200;

/** Adds line/column (and file) to problems that have a JSON path; lists at most MAX_PROBLEMS and counts the rest. */
export function locateProblems(src: JsonSource, problems: Problem[], file?: string): Problem[] {
  const out = problems
    .slice(0, MAX_PROBLEMS)
    .map((p) => ({ ...(file ? { file } : {}), ...p, ...(p.path && p.line === undefined ? src.locate(p.path) : {}) }));
  if (problems.length > MAX_PROBLEMS) out.push({ ...(file ? { file } : {}), message: `…and ${problems.length - MAX_PROBLEMS} more problems like these` });
  return out;
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

function humanJsonError(code: string): string {
  const map: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'badly written number',
    PropertyNameExpected: 'a property name in double quotes is expected',
    ValueExpected: 'a value is expected',
    ColonExpected: "':' is expected",
    CommaExpected: "',' is expected",
    CloseBraceExpected: "'}' is expected",
    CloseBracketExpected: "']' is expected",
    EndOfFileExpected: 'nothing may follow the end of the JSON',
    InvalidCommentToken: 'comments are not allowed',
    UnexpectedEndOfComment: 'comments are not allowed',
    UnexpectedEndOfString: 'text is not closed (missing ")',
    UnexpectedEndOfNumber: 'number is cut off',
    InvalidUnicode: 'bad \\u escape',
    InvalidEscapeCharacter: 'bad escape after \\',
    InvalidCharacter: 'control character inside text',
  };
  return map[code] ?? code;
}
