// The per-order build shared by the one-machine batch (worker threads) and the queue workers: model → design (with
// --fix, the nearest valid one) → mesh → file written atomically, and the error classified: a bad order (its input
// is wrong; trying again cannot help) or an internal error (a crash, a folder out of reach; worth another try).
// Node only; imports core/ and cli/ only, never bullmq or worker_threads.
import { massAndCost } from '../../core/check';
import { formatProblem, isUserError } from '../../core/errors';
import { summarizeBuild } from '../../core/pipeline';
import { catalogData, findPrinter, loadCatalogModel, type CatalogData, type LoadedModel } from '../catalog';
import { encode } from '../encode';
import { applyOrRefuse, changesJson } from '../fix';
import { writeFileAtomicSync } from '../fs-atomic';
import { round } from '../output';
import { buildRequest, type BuildRequest } from '../runtime';
import { sliceJson, sliceParts } from '../slice/design';
import type { OrderDone, OrderSpec } from './protocol';


/** `order`: the order itself is wrong (no retry helps); `internal`: anything else (a retry may succeed). */
export type FailureKind = 'order' | 'internal';

export type BuildOutcome = OrderDone | { status: 'failed'; kind: FailureKind; error: string };

const firstLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

/** The one-line message and kind of a thrown error. */
export function classifyError(e: unknown): { kind: FailureKind; error: string } {
  if (isUserError(e)) return { kind: 'order', error: e.problems.map(formatProblem).join('; ') };
  return { kind: 'internal', error: `internal error: ${firstLine(e)}` };
}

/** Builds orders with one catalog, keeping each model loaded (or its loading error) for the next order. */
export class OrderBuilder {
  private readonly models = new Map<string, LoadedModel | Error>();

  constructor(readonly data: CatalogData = catalogData()) {}

  modelFor(id: string): LoadedModel {
    let m = this.models.get(id);
    if (!m) {
      try {
        m = loadCatalogModel(id, this.data);
      } catch (e) {
        m = e as Error;
      }
      this.models.set(id, m);
    }
    if (m instanceof Error) throw m;
    return m;
  }

  private request(o: Pick<OrderSpec, 'order' | 'model' | 'params' | 'materials'>): BuildRequest {
    const subject = { kind: 'model' as const, loaded: this.modelFor(o.model), source: `order ${o.order}`, sourceFormat: 'catalog' as const };
    return { subject, sets: o.params, materials: o.materials, quality: 'final', name: `Order ${o.order}` };
  }

  /**
   * Checks an order without building it (known model, allowed values and materials, its rules kept or, with fix,
   * fixable): throws the UserError a build would. No geometry, so a queue can refuse a bad order before it is queued.
   */
  validate(o: Pick<OrderSpec, 'order' | 'model' | 'params' | 'materials' | 'fix'>): void {
    applyOrRefuse(this.request(o), this.data, o.fix === true);
  }

  async build(job: OrderSpec): Promise<BuildOutcome> {
    let bytes: Uint8Array;
    let result: OrderDone;
    try {
      const loaded = this.modelFor(job.model);
      // a broken rule fails the order with the fix to type, or (--fix) is changed to the nearest valid design
      const fixed = applyOrRefuse(this.request(job), this.data, job.fix === true);
      const built = await buildRequest(fixed.req, this.data);
      const parts = built.build.parts;
      const printer = job.printer !== undefined || job.slice ? findPrinter(this.data, job.printer, parts.map((p) => p.material)) : undefined;
      bytes = await encode(job.format, { model: loaded.model, design: built.design, build: built.build, materials: this.data.materials, ...(printer ? { printer } : {}) });
      const sliced = job.slice && printer ? sliceJson(await sliceParts(parts, loaded.model.name, this.data.materials, printer)) : undefined;
      const s = summarizeBuild(built.build);
      const mc = massAndCost(built.build, this.data.materials);
      result = {
        status: 'done',
        triangles: s.triangles,
        bbox: s.bbox,
        volume: s.volume,
        mass: round(mc.massGrams, 2),
        cost: round(mc.cost, 2),
        currency: mc.currency,
        ...(fixed.fixes.length ? { fixed: changesJson(fixed.fixes) } : {}),
        ...(sliced ? { slice: sliced } : {}),
      };
    } catch (e) {
      return { status: 'failed', ...classifyError(e) };
    }
    try {
      writeFileAtomicSync(job.file, bytes, job.tempDir);
    } catch (e) {
      // the order is fine; the folder is not (full disk, a shared mount gone): another try, maybe elsewhere, may work
      return { status: 'failed', kind: 'internal', error: isUserError(e) ? e.problems.map(formatProblem).join('; ') : `internal error: ${firstLine(e)}` };
    }
    return result;
  }
}
