// Undo/redo over immutable snapshots of plain data (the design being edited), with an explicit capture policy:
// pushes that share a coalesce key inside one gesture (a slider drag) are one undo step; reset() (loading a file)
// is not undoable. Pure TypeScript.

export interface HistoryOptions {
  /** Undo steps kept; the oldest are dropped past it. */
  limit?: number;
}

export class History<T> {
  private past: T[] = [];
  private future: T[] = [];
  private present: T;
  private gestureKey: string | null = null;
  private readonly limit: number;
  private readonly listeners = new Set<(s: T) => void>();

  constructor(initial: T, opts: HistoryOptions = {}) {
    this.present = initial;
    this.limit = Math.max(1, opts.limit ?? 200);
  }

  get current(): T {
    return this.present;
  }
  get canUndo(): boolean {
    return this.past.length > 0;
  }
  get canRedo(): boolean {
    return this.future.length > 0;
  }
  /** Undo steps available (for tests and menus). */
  get depth(): number {
    return this.past.length;
  }

  /**
   * Makes `next` the current state. With `coalesce`, consecutive pushes with the same key replace each other until
   * endGesture() (or a push with another key), so a whole drag undoes at once.
   */
  push(next: T, opts: { coalesce?: string } = {}): void {
    const key = opts.coalesce ?? null;
    const continuing = key !== null && key === this.gestureKey;
    if (!continuing) {
      this.past.push(this.present);
      if (this.past.length > this.limit) this.past.shift();
    }
    this.gestureKey = key;
    this.present = next;
    this.future = [];
    this.emit();
  }

  /** Ends the current gesture: the next push starts a new undo step. */
  endGesture(): void {
    this.gestureKey = null;
  }

  undo(): T {
    const prev = this.past.pop();
    if (prev !== undefined) {
      this.future.push(this.present);
      this.present = prev;
      this.gestureKey = null;
      this.emit();
    }
    return this.present;
  }

  redo(): T {
    const next = this.future.pop();
    if (next !== undefined) {
      this.past.push(this.present);
      this.present = next;
      this.gestureKey = null;
      this.emit();
    }
    return this.present;
  }

  /** Replaces everything (opening a file, New): not an undo step, and clears undo and redo. */
  reset(state: T): void {
    this.past = [];
    this.future = [];
    this.gestureKey = null;
    this.present = state;
    this.emit();
  }

  subscribe(cb: (s: T) => void): () => void {
    this.listeners.add(cb);
    return () => {
      this.listeners.delete(cb);
    };
  }

  private emit(): void {
    for (const l of [...this.listeners]) l(this.present);
  }
}
