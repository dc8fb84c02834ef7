// What the app works out from a design's rules and materials, as plain functions (no runes): each broken rule with
// the fields it names and its one-click fix, the valid range of every number a rule names, and a printer that suits
// the design's materials. AppState (app.svelte.ts) keeps the results; core/fix does the searching.
import type { Problem } from '../../../core/errors';
import { constraintParameters, constraintStates, findFix, validRange, type FixChange, type ValidRange } from '../../../core/fix/index';
import type { ValueContext } from '../../../core/model/values';
import type { MaterialCatalog, ParameterValue, ProductModel } from '../../../core/model/types';

/** A broken rule of the open design: the fields it names, and the nearest valid design's changes (empty: none). */
export interface RuleFix {
  constraint: number;
  problem: Problem;
  parameters: string[];
  changes: FixChange[];
}

type Values = Record<string, ParameterValue>;

/** The broken rules' fixes and the restricted numbers' valid ranges: a few ms, and nothing for a model without rules. */
export function rulesFor(model: ProductModel, values: Values, violations: readonly Problem[], ctx: ValueContext): { fixes: RuleFix[]; ranges: Record<string, ValidRange> } {
  const rules = model.constraints ?? [];
  const fixes: RuleFix[] = [];
  const ranges: Record<string, ValidRange> = {};
  if (rules.length === 0) return { fixes, ranges };
  const states = violations.length ? constraintStates(model, values, ctx) : null;
  states?.forEach((ok, i) => {
    if (ok) return;
    const problem = violations.find((p) => p.code === 'rule.broken' && p.message === rules[i]!.message) ?? { message: rules[i]!.message };
    fixes.push({ constraint: i, problem, parameters: constraintParameters(model, i).map((p) => p.id), changes: findFix(model, values, i, ctx).changes });
  });
  for (const id of new Set(rules.flatMap((_, i) => constraintParameters(model, i).map((p) => p.id)))) {
    let r: ValidRange | null = null;
    try {
      r = validRange(model, values, id, ctx);
    } catch {
      // values that cannot be evaluated have no range to show
    }
    if (r?.restricted) ranges[id] = r;
  }
  return { fixes, ranges };
}

/**
 * A printer that can print the design's materials when the current one cannot (the mug's ceramic-look resin on a
 * resin printer, not an FDM one that then warns), as `atelier check` chooses; null to keep the current one.
 */
export function suitedPrinter<P extends { id: string; process: string }>(model: ProductModel, values: Values, materials: MaterialCatalog, printers: readonly P[], current: string | null): string | null {
  const processes = new Set(
    model.parts.map((p) => {
      const v = values[p.material];
      const id = typeof v === 'string' ? v : p.material;
      return materials.materials.find((m) => m.id === id)?.process;
    }),
  );
  if (processes.size !== 1) return null;
  const process = [...processes][0];
  if (!process || printers.find((p) => p.id === current)?.process === process) return null;
  return printers.find((p) => p.process === process)?.id ?? null;
}
