// `--fix` and the fix hint for export and check: the nearest valid design for every broken rule (core/fix), as
// `--set` words ("try --set wall=2"), or applied. The search is core's, so the app, the CLI and batch agree. Node only.
import { UserError } from '../core/errors';
import { fixAll, type FixResult } from '../core/fix';
import { valueContextFor } from '../core/pipeline';
import type { CatalogData } from './catalog';
import { getFonts, prepareRequest, type BuildRequest } from './runtime';

export interface FixOutcome {
  /** The request with the fixes applied as --set values (unchanged if nothing was broken). */
  req: BuildRequest;
  /** Every broken rule and its fix. */
  fixes: FixResult[];
}

export const setWords = (f: FixResult): string => f.changes.map((c) => `--set ${c.parameter}=${String(c.to)}`).join(' ');
export const fixHint = (f: FixResult): string =>
  f.changes.length > 0 ? `try ${setWords(f)} (or --fix)` : 'no allowed value of the parameters this rule names satisfies it';

/** Finds the fixes of the request's broken rules; bad input other than broken rules still raises (exit 2). */
export function findRequestFixes(req: BuildRequest, data: CatalogData): FixOutcome {
  const { prepared } = prepareRequest({ ...req, allowViolations: true }, data);
  if (prepared.violations.length === 0) return { req, fixes: [] };
  const { model } = req.subject.loaded;
  const { fixes } = fixAll(model, prepared.values, valueContextFor(data.materials, getFonts(data)));
  const sets: Record<string, unknown> = { ...(req.sets ?? {}) };
  for (const f of fixes) for (const c of f.changes) sets[c.parameter] = c.to;
  return { req: { ...req, sets }, fixes };
}

/** Without --fix: refuse a broken rule with its message and the fix to type. With --fix: the fixed request. */
export function applyOrRefuse(req: BuildRequest, data: CatalogData, apply: boolean): FixOutcome {
  const out = findRequestFixes(req, data);
  if (out.fixes.length === 0) return out;
  const unfixable = out.fixes.filter((f) => f.changes.length === 0);
  if (!apply || unfixable.length > 0)
    throw new UserError((apply ? unfixable : out.fixes).map((f) => ({ message: `${f.message} — ${fixHint(f)}` })));
  return out;
}

/** "wall 1.2 → 2, base 20 → 32" */
export const describeChanges = (fixes: FixResult[]): string =>
  fixes.flatMap((f) => f.changes.map((c) => `${c.parameter} ${String(c.from)} → ${String(c.to)}`)).join(', ');

export const changesJson = (fixes: FixResult[]) =>
  fixes.map((f) => ({ rule: f.message, changes: f.changes, ...(f.reason ? { reason: f.reason } : {}) }));
