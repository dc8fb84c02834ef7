// Where and why text that JSON.parse refused is not valid JSON, placed where a person looks for the mistake:
// a missing ',' or ':' or closing bracket at the end of the last good token (not at the next token's line), a
// trailing comma at the comma, an unterminated string at its opening quote, a bad escape at its backslash, an
// early end at the last line. Uses jsonc-parser for the errors. Pure TypeScript.

import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { MessageParam, Problem } from '../errors';

/** Most syntax problems listed: after the first few, a parser's findings are mostly echoes of the first. */
const MAX_SYNTAX_PROBLEMS = 10;

interface Place {
  offset: number;
  code: string;
  message: string;
  params?: Record<string, MessageParam>;
}

/** Problems of text that is not valid JSON (at most 10), each with line and column; `lineCol` maps offsets. */
export function syntaxProblems(text: string, file: string | undefined, what: string, maxDepth: number, lineCol: (offset: number) => { line: number; column: number }): Problem[] {
  const errors: ParseError[] = [];
  let tree: Node | undefined;
  try {
    tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  } catch (e) {
    // Broken JSON can hide brackets from the depth check (e.g. inside a comment); the recursive parser then overflows.
    if (!(e instanceof RangeError)) throw e;
    return [{ file, message: `the ${what} is not valid JSON, or is nested more than ${maxDepth} levels deep`, code: 'json.tooDeep', params: { what: whatWord(what), max: maxDepth } }];
  }
  const places: Place[] = [];
  const seen = new Set<number>();
  for (const e of errors) {
    const p = place(text, e);
    // one problem per place: an early end gives "value expected", "] expected" and "} expected" at the same offset
    if (seen.has(p.offset)) continue;
    // an unterminated string runs to the end of its line: the ',' then "missing" there is the same mistake
    const prev = places[places.length - 1];
    if (prev?.code === 'json.unterminated' && p.code === 'json.commaExpected' && !text.slice(prev.offset, p.offset).includes('\n')) continue;
    seen.add(p.offset);
    places.push(p);
    if (places.length >= MAX_SYNTAX_PROBLEMS) break;
  }
  const out: Problem[] = places.map((p) => ({
    ...(file ? { file } : {}),
    ...lineCol(p.offset),
    message: `not valid JSON: ${p.message}`,
    code: p.code,
    params: p.params ?? {},
  }));
  if (out.length) return out;
  return tree
    ? [{ ...(file ? { file } : {}), message: `the ${what} is not valid JSON`, code: 'json.invalid', params: { what: whatWord(what) } }]
    : [{ ...(file ? { file } : {}), message: `the ${what} is empty`, code: 'json.empty', params: { what: whatWord(what) } }];
}

/** What kind of file, as a word the UI translates (key word.<word>). */
export function whatWord(what: string): { word: string } {
  const known: Record<string, string> = { 'model file': 'modelFile', 'design file': 'designFile', 'material catalog': 'materialCatalog' };
  return { word: known[what] ?? 'file' };
}

function place(text: string, e: ParseError): Place {
  const code = printParseErrorCode(e.error);
  const end = endOfLastToken(text, e.offset);
  const before = end > 0 ? text[end - 1] : undefined;
  const atEnd = text.slice(e.offset).trim() === '';
  if (atEnd && (code === 'ValueExpected' || code === 'CloseBraceExpected' || code === 'CloseBracketExpected' || code === 'CommaExpected' || code === 'ColonExpected' || code === 'PropertyNameExpected'))
    return { offset: end, code: 'json.endOfFile', message: 'the file ends before the JSON is complete (a closing } or ] or a value is missing)' };
  if ((code === 'ValueExpected' || code === 'PropertyNameExpected') && before === ',' && (text[e.offset] === ']' || text[e.offset] === '}'))
    return { offset: end - 1, code: 'json.trailingComma', message: `a ',' before '${text[e.offset]}' is not allowed (remove it)`, params: { close: text[e.offset]! } };
  switch (code) {
    case 'CommaExpected':
      return { offset: end, code: 'json.commaExpected', message: "',' is expected" };
    case 'ColonExpected':
      return { offset: end, code: 'json.colonExpected', message: "':' is expected" };
    case 'CloseBraceExpected':
      return { offset: end, code: 'json.closeExpected', message: "'}' is expected", params: { close: '}' } };
    case 'CloseBracketExpected':
      return { offset: end, code: 'json.closeExpected', message: "']' is expected", params: { close: ']' } };
    case 'ValueExpected':
      return { offset: before === ':' ? end : e.offset, code: 'json.valueExpected', message: 'a value is expected' };
    case 'PropertyNameExpected':
      return { offset: e.offset, code: 'json.nameExpected', message: 'a property name in double quotes is expected' };
    case 'UnexpectedEndOfString':
      return { offset: e.offset, code: 'json.unterminated', message: 'text is not closed (missing ")' };
    case 'InvalidEscapeCharacter':
      return { offset: badEscape(text, e), code: 'json.badEscape', message: 'bad escape after \\ (allowed: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)' };
    case 'InvalidUnicode':
      return { offset: badEscape(text, e), code: 'json.badUnicode', message: 'bad \\u escape (four hexadecimal digits are expected)' };
    case 'InvalidCharacter':
      return { offset: inString(text, e, /[\u0000-\u001f]/), code: 'json.controlChar', message: 'control character inside text (write a line break as \\n, a tab as \\t)' };
    case 'EndOfFileExpected':
      return { offset: e.offset, code: 'json.afterEnd', message: 'nothing may follow the end of the JSON' };
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return { offset: e.offset, code: 'json.comment', message: 'comments are not allowed' };
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return { offset: e.offset, code: 'json.badNumber', message: 'badly written number' };
    default:
      return { offset: e.offset, code: 'json.badChar', message: 'unexpected character' };
  }
}

/** The offset just after the last character before `offset` that is not white space (0 when there is none). */
function endOfLastToken(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  return i;
}

/** The backslash of the first bad escape in the error's string token, or the token's start. */
function badEscape(text: string, e: ParseError): number {
  const stop = Math.min(text.length, e.offset + Math.max(e.length, 1));
  for (let i = e.offset + 1; i < stop; i++) {
    if (text[i] !== '\\') continue;
    const c = text[i + 1];
    if (c === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return i;
      i += 5;
    } else if (c !== undefined && '"\\/bfnrt'.includes(c)) i++;
    else return i;
  }
  return e.offset;
}

/** The first match of `re` inside the error's token (a string), or the token's start. */
function inString(text: string, e: ParseError, re: RegExp): number {
  const m = re.exec(text.slice(e.offset, e.offset + Math.max(e.length, 1)));
  return m ? e.offset + m.index : e.offset;
}
