// The geometry worker: runs the manifold kernel and the export writers off the UI thread.
// Imports core/ only (WebWorker lib). One request at a time; the UI drops stale requests (latest-wins) and
// terminates this worker if a build runs too long. Mesh arrays are transferred, never copied.
import { createGeometryKernel, type GeometryKernel } from '../../core/geometry/index';
import { FontLibrary } from '../../core/text/index';
import { parseMaterialCatalog } from '../../core/model/index';
import { acceptPreparedScope, applyMaterialOverrides, prepareDesign, valueContextFor } from '../../core/pipeline';
import { designTitle, encodeDesign, sliceInput3mf } from '../../core/export/index';
import { checkPrintability, massAndCost, parsePrinterProfiles, type PrinterProfile } from '../../core/check/index';
import type { BuildResult, MeshData } from '../../core/geometry/mesh-data';
import { shadeMesh, type ShadedMesh } from '../../core/geometry/shading';
import type { MaterialCatalog, ProductModel } from '../../core/model/types';
import type { Scope } from '../../core/expr/index';
import type { Problem } from '../../core/errors';
import type { BuiltPart, Figures, Finding, WorkerRequest, WorkerResponse } from './protocol';


let kernel: GeometryKernel | null = null;
let fonts: FontLibrary | null = null;
let materials: MaterialCatalog = { currency: 'USD', materials: [] };
let printers: PrinterProfile[] = [];
let application = 'Atelier';
let preloaded: { wasmUrl: string; kernel: Promise<GeometryKernel> } | null = null;
const models = new Map<string, { model: ProductModel; assets: Record<string, Uint8Array> }>();

const post = (m: WorkerResponse, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

function problemsOf(e: unknown): { message: string; problems: Problem[]; budget: boolean } {
  const err = e as { name?: string; message?: string; problems?: Problem[] };
  const problems = Array.isArray(err?.problems) ? err.problems : [];
  const budget = err?.name === 'BudgetError';
  const userFacing = problems.length > 0;
  return { message: userFacing ? String(err.message) : 'The product could not be built.', problems, budget };
}

/**
 * Builds a design: from the scope the UI thread evaluated for this edit when it sent one that passes the checks of
 * acceptPreparedScope (the design is evaluated once per edit), else (none sent, or refused) evaluated here.
 */
function build(key: string, values: Record<string, unknown>, quality: 'preview' | 'final', overrides?: Record<string, string>, sent?: unknown): { result: BuildResult; model: ProductModel; scope: Scope; scopeFrom: 'ui' | 'worker' } {
  const entry = models.get(key);
  if (!entry || !kernel || !fonts) throw new Error('worker not initialised');
  const ctx = valueContextFor(materials, fonts);
  const given = sent === undefined ? null : accepted(entry.model, values, sent, ctx);
  const scope = given ?? prepareDesign(entry.model, values, ctx).scope;
  const built = kernel.build({ model: entry.model, scope, quality, materials }, { fonts, asset: (p) => entry.assets[p] });
  return { result: applyMaterialOverrides(entry.model, built, overrides, materials), model: entry.model, scope, scopeFrom: given ? 'ui' : 'worker' };
}

function accepted(model: ProductModel, values: Record<string, unknown>, sent: unknown, ctx: ReturnType<typeof valueContextFor>): Scope | null {
  try {
    return acceptPreparedScope(model, values, sent, ctx);
  } catch (e) {
    console.warn(e instanceof Error ? e.message : e);
    return null;
  }
}

function figures(result: BuildResult, model: ProductModel, scope: Scope, printerId?: string): Figures {
  let massGrams: number | null = null;
  let cost: number | null = null;
  try {
    const mc = massAndCost(result, materials);
    massGrams = mc.massGrams;
    cost = mc.cost;
  } catch {
    // unknown material: leave mass and cost out
  }
  const printer = printers.find((p) => p.id === printerId);
  let fits: boolean | null = null;
  let findings: Finding[] = [];
  if (printer) {
    try {
      const report = checkPrintability(result, model, scope, printer, materials);
      fits = report.items.find((i) => i.id === 'fits')?.ok ?? null;
      // Constraints are already shown beside their parameters; list the printer's own findings here.
      findings = report.items.filter((i) => !i.ok && i.id !== 'constraint').map((i) => ({ message: i.message, ...(i.code ? { code: i.code, params: i.params } : {}) }));
    } catch {
      fits = null;
    }
  }
  // Safe repairs made to a designer's mesh parts come first: the designer should know the file was not as sent.
  return { bbox: result.bbox, volume: result.volume, triangles: result.triangles, massGrams, cost, currency: materials.currency, fits, findings: [...(result.repairs ?? []).map((message) => ({ message })), ...findings] };
}

async function handle(req: WorkerRequest): Promise<void> {
  switch (req.type) {
    case 'preload': {
      const p = createGeometryKernel({ wasmUrl: req.wasmUrl });
      p.catch(() => undefined); // reported by 'init', which awaits it
      preloaded = { wasmUrl: req.wasmUrl, kernel: p };
      return;
    }
    case 'init': {
      kernel?.dispose();
      const pre = preloaded?.wasmUrl === req.wasmUrl ? preloaded.kernel : null;
      preloaded = null;
      kernel = await (pre ?? createGeometryKernel({ wasmUrl: req.wasmUrl }));
      fonts = new FontLibrary(req.fonts);
      materials = parseMaterialCatalog(req.materialsJson);
      application = req.appVersion ? `Atelier ${req.appVersion}` : 'Atelier';
      printers = parsePrinterProfiles(req.printersJson.map((text, i) => ({ file: `printer profile ${i + 1}`, text }))).printers;
      post({ type: 'ready', id: req.id });
      return;
    }
    case 'model':
      models.clear();
      models.set(req.key, { model: req.model, assets: req.assets });
      post({ type: 'ready', id: req.id });
      return;
    case 'build': {
      const t0 = performance.now();
      const { result, model, scope, scopeFrom } = build(req.key, req.values, req.quality, req.materialOverrides, req.scope);
      // Copies, then transferred: the kernel's part cache keeps the originals for the next build (transferring
      // those would detach them, and the next build that reuses a cached part would fail to post).
      const parts: BuiltPart[] = result.parts.map((p) => ({ name: p.name, material: p.material, color: p.color, positions: p.mesh.positions.slice(), indices: p.mesh.indices.slice(), shaded: shaded(p.mesh), volume: p.volume, bbox: p.bbox }));
      const transfer = transferables(parts.flatMap((p) => [p.positions, p.indices, p.shaded.positions, p.shaded.normals]));
      post({ type: 'built', id: req.id, parts, figures: figures(result, model, scope, req.printerId), ms: performance.now() - t0, scopeFrom }, transfer);
      return;
    }
    case 'export': {
      const t0 = performance.now();
      post({ type: 'progress', id: req.id, stage: 'building' });
      const { result, model } = build(req.key, req.values, req.quality, req.materialOverrides, req.scope);
      post({ type: 'progress', id: req.id, stage: 'writing' });
      // the one path from a design to bytes, shared with `atelier export` (same title, metadata, thumbnail, layout)
      const k = kernel!;
      const printer = printers.find((p) => p.id === req.printerId);
      const bytes = encodeDesign(req.format, { model, design: req.design, build: result, materials, ...(printer ? { printer } : {}) }, { application, solid: (parts) => k.solid(parts) });
      post({ type: 'exported', id: req.id, bytes, triangles: result.triangles, parts: req.format === 'stl' ? 1 : result.parts.length, ms: performance.now() - t0 }, transferables([bytes]));
      return;
    }
    case 'slice-input': {
      const t0 = performance.now();
      const { result, model } = build(req.key, req.values, req.quality, req.materialOverrides, req.scope);
      const printer = printers.find((p) => p.id === req.printerId);
      if (!printer) throw new Error(`unknown printer ${req.printerId}`);
      const { bytes, filaments } = sliceInput3mf(result.parts, materials, printer, { title: designTitle(model, req.design), application, creationDate: new Date().toISOString() });
      post({ type: 'slice-input', id: req.id, bytes, filaments, ms: performance.now() - t0 }, transferables([bytes]));
      return;
    }
  }
}

/**
 * The preview's shading of a part mesh, made here rather than on the UI thread (about 20 ms for a nameplate on a
 * slow machine) and kept while the kernel's part cache keeps the mesh: a drag that changes one part shades one.
 * Copies are posted (transferring detaches them).
 */
const shadings = new WeakMap<MeshData, ShadedMesh>();
function shaded(mesh: MeshData): ShadedMesh {
  let s = shadings.get(mesh);
  if (!s) shadings.set(mesh, (s = shadeMesh(mesh.positions, mesh.indices)));
  return { positions: s.positions.slice(), normals: s.normals.slice() };
}

/** Buffers that can be moved to the UI thread: each once, and only if the view owns the whole buffer. */
function transferables(views: ArrayBufferView[]): Transferable[] {
  const out = new Set<ArrayBuffer>();
  for (const v of views) if (v.buffer instanceof ArrayBuffer && v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) out.add(v.buffer);
  return [...out];
}

let chain = Promise.resolve();
self.onmessage = (ev: MessageEvent<WorkerRequest>) => {
  const req = ev.data;
  chain = chain.then(() =>
    handle(req).catch((e: unknown) => {
      if (!(e as { problems?: unknown }).problems) console.error(e);
      post({ type: 'error', id: req.id, ...problemsOf(e) });
    }),
  );
};
