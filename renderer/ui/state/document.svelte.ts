// The open design and its undo history (core/document History): what the top bar shows (the design, Undo/Redo
// enabled, unsaved changes) and the edits that make undo steps (a value, a slider drag as one gesture, several
// values at once for a preset, a rule's fix or a reset). Loading a design is no undo step. Runes only; it knows
// nothing of the model, the build or the autosave: ./app.svelte.ts listens to each change and does those.
import type { Design, ParameterValue } from '../../../core/model/types';
import { History } from '../../../core/document/index';

/** Undo steps kept per open design. */
const HISTORY_LIMIT = 200;

export class DesignDocument {
  design = $state.raw<Design | null>(null);
  canUndo = $state(false);
  canRedo = $state(false);
  /** Changes that are in no file (set by every edit; Save, Don't save and opening a design clear it). */
  dirty = $state(false);
  private history: History<Design> | null = null;
  private unsub: (() => void) | null = null;

  /** The design as the history holds it (ahead of `design` until mirror() runs), or null with none open. */
  get current(): Design | null {
    return this.history?.current ?? null;
  }

  /** Starts a new history on `initial`; `onEdit` runs after each undoable change (an edit, Undo, Redo). */
  open(initial: Design, onEdit: () => void): void {
    this.unsub?.();
    this.history = new History<Design>(initial, { limit: HISTORY_LIMIT });
    this.unsub = this.history.subscribe(onEdit);
  }

  /** Shows the history's current design and Undo/Redo; `markDirty` for an edit. False with no design open. */
  mirror(markDirty: boolean): boolean {
    const h = this.history;
    if (!h) return false;
    this.design = h.current;
    this.canUndo = h.canUndo;
    this.canRedo = h.canRedo;
    if (markDirty) this.dirty = true;
    return true;
  }

  /** Changes one value. `gesture` groups a slider drag into one undo step; call endGesture() when it ends. */
  setValue(id: string, v: ParameterValue, gesture = false): void {
    const h = this.history;
    if (!h) return;
    if (h.current.values[id] === v) return;
    h.push({ ...h.current, values: { ...h.current.values, [id]: v } }, gesture ? { coalesce: `param:${id}` } : undefined);
    if (!gesture) h.endGesture();
  }

  endGesture(): void {
    this.history?.endGesture();
  }

  /** Replaces the values as one undo step. */
  pushValues(values: Record<string, ParameterValue>): void {
    this.history?.push({ ...this.history.current, values });
    this.history?.endGesture();
  }

  /** Changes some values (the rest stay) as one undo step. */
  mergeValues(values: Record<string, ParameterValue>): void {
    if (this.history) this.pushValues({ ...this.history.current.values, ...values });
  }

  undo(): void {
    if (this.history?.canUndo) this.history.undo();
  }
  redo(): void {
    if (this.history?.canRedo) this.history.redo();
  }

  /** No design open (the catalog): the history goes. */
  close(): void {
    this.unsub?.();
    this.history = null;
    this.design = null;
  }

  /** Forgets the design and every undo step (kiosk reset): the history is reset to `blank` first, unheard. */
  forget(blank: Design | null): void {
    this.unsub?.(); // nothing to show or build for a design that is going away
    this.unsub = null;
    if (this.history && blank) this.history.reset(blank);
    this.close();
    this.dirty = false;
    this.canUndo = false;
    this.canRedo = false;
  }

  dispose(): void {
    this.unsub?.();
  }
}
