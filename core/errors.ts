// User-facing errors as values: every problem a person can meet names what is wrong, where, and what is allowed.
// Pure TypeScript; imports nothing. Shared by every core module, the CLI and the UI.

/** A measured value: unit 'mm' is a length the UI shows in the customer's unit (mm or inches); others ('deg', '%',
 *  'g', 's', 'count', 'cm3') keep their unit. The UI writes the number in the customer's number format. */
export interface QuantityParam {
  value: number;
  unit: string;
}
/** Text in several languages (`{ en, "pt-BR" }`, from a model file): the UI picks the customer's language. */
export type TextParam = { en: string } & Record<string, string>;
/** A word the UI says from its own catalogs (key `word.<word>`), e.g. `{ word: 'list' }` for "a list". */
export interface WordParam {
  word: string;
}
/** A value in a message: text shown as is, a number or a quantity the UI formats, model text or a word it translates. */
export type MessageParam = string | number | QuantityParam | TextParam | WordParam;

/** A message a UI can translate: `code` names the sentence, `params` fill it; `message` is the English. */
export interface Coded {
  /** Stable id of the sentence, e.g. `check.tooBig`; every UI language has it (renderer/ui/i18n). */
  code?: string;
  params?: Record<string, MessageParam>;
}

/** One line of a file as shown under a problem: control characters made visible, long lines clipped around the
 *  caret (with '…'). `caret` is the 1-based position in `text` (in characters as shown) the problem points at. */
export interface SourceExcerpt {
  line: number;
  text: string;
  caret: number;
}

/** One problem found in user input (a model file, a design, a parameter value, an order row). */
export interface Problem extends Coded {
  /** A sentence a person understands: what is wrong and what is allowed. In English; see `code`. */
  message: string;
  /** JSON path of the offending value, e.g. `$.parameters[2].max`, when it comes from a file. */
  path?: string;
  /** 1-based line and column in the source text, where known. */
  line?: number;
  column?: number;
  /** The file the problem is in, when known. */
  file?: string;
  /** The offending line of the source text, made safe to show, with the problem's column marked (core/model/excerpt.ts). */
  excerpt?: SourceExcerpt;
  /** The parameter the problem concerns (constraint messages are shown beside it). */
  parameter?: string;
}

/** Thrown (or returned) when user input is bad. Never carries a stack trace to the user. */
export class UserError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[] | string) {
    const list = typeof problems === 'string' ? [{ message: problems }] : problems;
    super(list.map(formatProblem).join('\n'));
    this.name = 'UserError';
    this.problems = list;
  }
}

/** Raised when a build or evaluation exceeds its work budget (runaway model, hostile expression). */
export class BudgetError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'BudgetError';
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}

/** `file:line:column: message (at $.path)`: the one way problems are printed. */
export function formatProblem(p: Problem): string {
  let where = '';
  if (p.file) where += p.file;
  if (p.line !== undefined) where += `${where ? ':' : 'line '}${p.line}${p.column !== undefined ? `:${p.column}` : ''}`;
  const at = p.path ? ` (at ${p.path})` : '';
  return `${where ? where + ': ' : ''}${p.message}${at}`;
}

export type Result<T, E = Problem[]> = { ok: true; value: T } | { ok: false; error: E };
