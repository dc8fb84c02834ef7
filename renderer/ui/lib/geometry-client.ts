// The UI side of the geometry worker: request ids, latest-wins builds while a slider moves, a watchdog that
// terminates and restarts a worker whose build runs away, and re-sending the current model after a restart.
// Plain TypeScript (DOM Worker API); no Svelte, no Babylon.
import type { Problem } from '../../../core/errors';
import type { ParameterValue, ProductModel, Quality, Design } from '../../../core/model/types';
import type { BuiltPart, ExportFormat, Figures, FontBytes, WorkerRequest, WorkerResponse } from '../../worker/protocol';

export interface InitData { wasmUrl: string; fonts: FontBytes[]; materialsJson: string; printersJson: string[]; appVersion?: string }
export interface BuildRequest { values: Record<string, ParameterValue>; quality: Quality; printerId?: string; materialOverrides?: Record<string, string> }
/** A preview build may carry the scope the UI evaluated for the edit: the worker checks it and does not evaluate again. */
export interface PreviewBuildRequest extends BuildRequest { scope?: Map<string, ParameterValue> }
/** `scopeFrom`: whether the worker built from the scope sent ('ui') or evaluated the design itself ('worker'). */
export interface BuildOutcome { parts: BuiltPart[]; figures: Figures; ms: number; scopeFrom?: 'ui' | 'worker' }
/** A file of the design, written in the worker by core/export/encode-design.ts (the path `atelier export` takes). */
export interface ExportRequest extends BuildRequest { format: ExportFormat; design: Design }
export interface ExportOutcome { bytes: Uint8Array; triangles: number; parts: number; ms: number }
/** The 3MF the figures bar slices (core/export/slice-input.ts) and the filament slots it prints with. */
export interface SliceInputRequest extends BuildRequest { design: Design; printerId: string }
export interface SliceInputOutcome { bytes: Uint8Array; filaments: { material: string; color: string }[]; ms: number }

/** A failed request: `problems` are for a person; `timedOut` means the worker was stopped and restarted. */
export class GeometryError extends Error {
  constructor(message: string, readonly problems: Problem[], readonly budget: boolean, readonly timedOut = false) {
    super(message);
    this.name = 'GeometryError';
  }
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
interface Pending { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void; timer: number; onProgress?: (s: string) => void }

export class GeometryClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private ready: Promise<void> | null = null;
  private model: { key: string; model: ProductModel; assets: Record<string, Uint8Array> } | null = null;
  private modelSent: Promise<void> | null = null;
  private building = false;
  private queued: { req: PreviewBuildRequest; resolve: (o: BuildOutcome | null) => void; reject: (e: Error) => void } | null = null;
  /** Number of times the watchdog restarted the worker. */
  restarts = 0;

  /**
   * `init` may be a promise (the fonts and catalog still loading): with `wasmUrl` given, the worker starts and
   * compiles the geometry kernel's WebAssembly at once, in parallel with that loading.
   */
  constructor(
    private readonly init: InitData | Promise<InitData>,
    private readonly opts: { buildTimeoutMs: number; exportTimeoutMs: number; wasmUrl?: string } = { buildTimeoutMs: 20_000, exportTimeoutMs: 120_000 },
  ) {}

  private spawn(): Promise<void> {
    const w = new Worker(new URL('../../worker/geometry.worker.ts', import.meta.url), { type: 'module', name: 'atelier-geometry' });
    w.onmessage = (ev: MessageEvent<WorkerResponse>) => this.receive(ev.data);
    w.onerror = (ev) => {
      ev.preventDefault();
      this.failAll(new GeometryError('The geometry engine stopped unexpectedly.', [], false));
    };
    this.worker = w;
    this.modelSent = null;
    if (this.opts.wasmUrl) w.postMessage({ type: 'preload', id: 0, wasmUrl: this.opts.wasmUrl } satisfies WorkerRequest);
    this.ready = Promise.resolve(this.init)
      .then((init) => {
        if (this.worker !== w) throw new Error('disposed');
        return this.send({ type: 'init', ...init }, 60_000);
      })
      .then(() => void performance.mark('atelier:worker-ready'));
    return this.ready;
  }

  start(): Promise<void> {
    return this.ready ?? this.spawn();
  }

  private receive(m: WorkerResponse): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') return p.onProgress?.(m.stage);
    this.pending.delete(m.id);
    clearTimeout(p.timer);
    if (m.type === 'error') p.reject(new GeometryError(m.message, m.problems, m.budget));
    else p.resolve(m);
  }

  private failAll(e: Error): void {
    for (const [, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(e);
    }
    this.pending.clear();
  }

  private send(req: WithoutId<WorkerRequest>, timeoutMs: number, onProgress?: (s: string) => void, transfer: Transferable[] = []): Promise<WorkerResponse> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = window.setTimeout(() => this.watchdog(id), timeoutMs);
      this.pending.set(id, { resolve, reject, timer, onProgress });
      this.worker!.postMessage({ ...req, id } as WorkerRequest, transfer);
    });
  }

  /** A request ran past its time: stop the worker, report, and start a fresh one. */
  private watchdog(id: number): void {
    if (!this.pending.has(id)) return;
    this.worker?.terminate();
    this.worker = null;
    this.restarts++;
    this.failAll(new GeometryError('Building this design took too long and was stopped. Try smaller values or fewer details.', [], true, true));
    this.ready = null;
    void this.spawn().catch(() => undefined);
  }

  /** Sets the model later builds use. */
  setModel(key: string, model: ProductModel, assets: Record<string, Uint8Array>): void {
    this.model = { key, model, assets };
    this.modelSent = null;
    this.lastScope = null;
  }

  /**
   * The scope of the latest preview build: an export or slicer input of the same values carries it too, so the
   * worker (which checks it again) does not evaluate the design a second time for the same edit.
   */
  private lastScope: { values: Record<string, ParameterValue>; scope: Map<string, ParameterValue> } | null = null;

  private withScope<T extends BuildRequest>(req: T): T & { scope?: Map<string, ParameterValue> } {
    const last = this.lastScope;
    if (!last || 'scope' in req) return req;
    const a = Object.keys(last.values), b = Object.keys(req.values);
    const same = a.length === b.length && b.every((k) => Object.prototype.hasOwnProperty.call(last.values, k) && last.values[k] === req.values[k]);
    return same ? { ...req, scope: last.scope } : req;
  }

  private async ensureModel(): Promise<string> {
    const key = this.sendModel();
    await this.modelSent;
    return key;
  }

  /** Posts the current model (once) without waiting for the answer: the worker handles messages in order. */
  private sendModel(): string {
    if (!this.model) throw new Error('no model');
    const key = this.model.key;
    this.modelSent ??= this.send({ type: 'model', key, model: this.model.model, assets: this.model.assets }, 30_000).then(() => undefined);
    return key;
  }

  /** Builds the current model. Resolves null if a newer build request replaced this one before it started. */
  build(req: PreviewBuildRequest): Promise<BuildOutcome | null> {
    return new Promise((resolve, reject) => {
      if (this.building) {
        this.queued?.resolve(null);
        this.queued = { req, resolve, reject };
        return;
      }
      this.run(req, resolve, reject);
    });
  }

  private run(req: PreviewBuildRequest, resolve: (o: BuildOutcome | null) => void, reject: (e: Error) => void): void {
    this.building = true;
    this.lastScope = req.scope ? { values: req.values, scope: req.scope } : null;
    const next = () => {
      this.building = false;
      const q = this.queued;
      this.queued = null;
      if (q) this.run(q.req, q.resolve, q.reject);
    };
    this.start()
      .then(() => {
        // The build is posted right behind the model (no round trip); a failed model fails the build with its reason.
        const key = this.sendModel();
        const built = this.send({ type: 'build', key, ...req }, this.opts.buildTimeoutMs);
        return this.modelSent!.then(() => built, (e: unknown) => (built.catch(() => undefined), Promise.reject(e)));
      })
      .then((m) => {
        if (m.type === 'built') resolve({ parts: m.parts, figures: m.figures, ms: m.ms, scopeFrom: m.scopeFrom });
        else reject(new Error('unexpected answer'));
      }, reject)
      .finally(next);
  }

  async export(req: ExportRequest, onProgress?: (stage: string) => void): Promise<ExportOutcome> {
    await this.start();
    const key = await this.ensureModel();
    const m = await this.send({ type: 'export', key, ...this.withScope(req) }, this.opts.exportTimeoutMs, onProgress);
    if (m.type !== 'exported') throw new Error('unexpected answer');
    return { bytes: m.bytes, triangles: m.triangles, parts: m.parts, ms: m.ms };
  }

  async sliceInput(req: SliceInputRequest): Promise<SliceInputOutcome> {
    await this.start();
    const key = await this.ensureModel();
    const m = await this.send({ type: 'slice-input', key, ...this.withScope(req) }, this.opts.exportTimeoutMs);
    if (m.type !== 'slice-input') throw new Error('unexpected answer');
    return { bytes: m.bytes, filaments: m.filaments, ms: m.ms };
  }

  dispose(): void {
    this.failAll(new Error('disposed'));
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
  }
}
