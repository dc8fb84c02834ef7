// Nothing lost on the way out: the question asked before a step would drop a design with unsaved changes (New, Open,
// opening another file, closing a browser tab), and the drafts kept while the customer moves between the catalog
// and products (the catalog button, the browser's Back and Forward), so coming back shows the design as it was.
// Runes only; no DOM beyond what the caller passes.
import type { Design } from '../../../core/model/types';

export type LeaveChoice = 'save' | 'discard' | 'cancel';

export interface Draft {
  design: Design;
  savedPath: string | null;
  dirty: boolean;
  /** The product's name, for the restore offer. */
  name: string;
}

/** The open question, answered by the dialog (components/LeavePrompt.svelte). One at a time. */
export class LeaveGuard {
  prompt = $state.raw<{ name: string } | null>(null);
  private resolve: ((c: LeaveChoice) => void) | null = null;

  ask(name: string): Promise<LeaveChoice> {
    this.resolve?.('cancel');
    this.prompt = { name };
    return new Promise((r) => (this.resolve = r));
  }

  answer(c: LeaveChoice): void {
    const r = this.resolve;
    this.resolve = null;
    this.prompt = null;
    r?.(c);
  }
}

/** The product a location's hash names (`#product=<id>`), or null for the catalog. */
export function productInHash(hash: string): string | null {
  const m = /^#product=([a-z0-9][a-z0-9-]{0,63})$/.exec(hash);
  return m ? m[1]! : null;
}

/** The address of a product (or of the catalog, for null), keeping the page's path and query (e.g. ?kiosk=1). */
export function hrefFor(loc: Pick<Location, 'pathname' | 'search'>, product: string | null): string {
  return `${loc.pathname}${loc.search}${product ? `#product=${product}` : ''}`;
}
