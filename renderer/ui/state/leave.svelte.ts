// Nothing lost on the way out: the question asked before a step would drop a design with unsaved changes (New, Open,
// opening another file, closing a browser tab), and the drafts kept while the customer moves between the catalog
// and products (the catalog button, the browser's Back and Forward), so coming back shows the design as it was.
// Runes only; no DOM beyond what the caller passes. The steps are functions of the app state over a narrow interface
// (./app.svelte.ts delegates; no import circle).
import type { Design, ProductModel } from '../../../core/model/types';
import { tx } from '../i18n/content';
import { clearAutosave } from './autosave';
import type { SessionPolicy } from './policy';

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

/** What the leave steps read and change of the app state (AppState). */
export interface LeaveApp {
  readonly policy: SessionPolicy;
  readonly leave: LeaveGuard;
  /** Designs of catalog products left for the catalog in this session, by product id, newest last. */
  readonly drafts: Map<string, Draft>;
  readonly model: ProductModel | null;
  readonly design: Design | null;
  readonly designerFile: string | null;
  readonly view: string;
  readonly savedPath: string | null;
  dirty: boolean;
  save(as?: boolean): Promise<void>;
  cancelAutosave(): void;
}

/** Designs with changes that are in no file: the open one and drafts of other products, newest last. */
export function unsavedDesigns(app: LeaveApp): Draft[] {
  const open = app.dirty && app.design && app.model ? [{ design: app.design, savedPath: app.savedPath, dirty: true, name: app.model.name }] : [];
  const others = [...app.drafts.values()].filter((d) => d.dirty && d.design.model.id !== app.model?.id);
  return [...others, ...open];
}

/**
 * Asks before a step that replaces the open design while it has unsaved changes: Save (then go on if it was
 * saved), Don't save (the changes and their autosave are dropped), Cancel. True when the step may go on.
 */
export async function confirmLeave(app: LeaveApp): Promise<boolean> {
  if (!app.policy.promptOnLeave || !app.dirty || !app.design || !app.model) return true;
  const choice = await app.leave.ask(app.design.name ?? tx(app.model, 'name'));
  if (choice === 'cancel') return false;
  if (choice === 'save') {
    await app.save(false);
    return !app.dirty;
  }
  app.dirty = false;
  if (app.model) app.drafts.delete(app.model.id);
  app.cancelAutosave();
  clearAutosave();
  return true;
}

/** Keeps the open catalog product's design for this session (not in designer mode: that is a file of its own). */
export function stashDraft(app: LeaveApp): void {
  if (!app.policy.keepsDrafts || app.designerFile || !app.model || !app.design || app.view !== 'product') return;
  if (app.design.model.id !== app.model.id) return;
  app.drafts.delete(app.model.id); // re-inserted last: the newest draft
  app.drafts.set(app.model.id, { design: app.design, savedPath: app.savedPath, dirty: app.dirty, name: app.model.name });
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
