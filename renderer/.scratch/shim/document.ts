export class History<T> {
  private past: T[] = []; private future: T[] = []; private key: string | null = null; private cbs = new Set<(s: T) => void>();
  constructor(public current: T, _o?: any) {}
  get canUndo() { return this.past.length > 0; } get canRedo() { return this.future.length > 0; }
  push(next: T, o?: { coalesce?: string }) { if (!(o?.coalesce && o.coalesce === this.key)) this.past.push(this.current); this.key = o?.coalesce ?? null; this.future = []; this.current = next; this.emit(); }
  endGesture() { this.key = null; }
  undo() { this.future.push(this.current); this.current = this.past.pop()!; this.key = null; this.emit(); return this.current; }
  redo() { this.past.push(this.current); this.current = this.future.pop()!; this.key = null; this.emit(); return this.current; }
  reset(s: T) { this.past = []; this.future = []; this.current = s; this.emit(); }
  subscribe(cb: (s: T) => void) { this.cbs.add(cb); return () => this.cbs.delete(cb); }
  private emit() { for (const c of this.cbs) c(this.current); }
}
