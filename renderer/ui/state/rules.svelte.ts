// The open design's broken rules with their one-click fixes, and the valid range of each number a rule names
// (worked out by ./design-rules.ts). Only the parameter panel shows them.
import type { ProductModel } from '../../../core/model/types';
import type { Problem } from '../../../core/errors';
import type { ValidRange } from '../../../core/fix/index';
import type { ValueContext } from '../../../core/model/index';
import { rulesFor, type RuleFix } from './design-rules';

type Values = Parameters<typeof rulesFor>[1];

export class DesignRules {
  /** Each broken rule with the fields it names and its one-click fix (core/fix). */
  fixes = $state.raw<RuleFix[]>([]);
  /** The valid range of each number a rule names, for the current other values (sliders mark the rest). */
  ranges = $state.raw<Record<string, ValidRange>>({});
  /** Counts the updates asked for: a later one voids a pending one. */
  private seq = 0;

  /** Works them out for these values now. */
  update(model: ProductModel, values: Values, violations: readonly Problem[], ctx: ValueContext): void {
    this.seq++;
    const r = rulesFor(model, values, violations, ctx);
    this.fixes = r.fixes;
    this.ranges = r.ranges;
  }

  /** Clears them and works them out in the next task, unless another update is asked for first. */
  updateSoon(model: ProductModel, values: Values, violations: readonly Problem[], ctx: ValueContext): void {
    this.fixes = [];
    this.ranges = {};
    const seq = ++this.seq;
    setTimeout(() => {
      if (seq === this.seq) this.update(model, values, violations, ctx);
    }, 0);
  }
}
