// One geometry kernel and font library per process, and the build step every command shares:
// subject + --preset + --set → prepared values → mesh, with every input problem raised as one UserError.
// Node only (reads the catalog); the work itself is core/pipeline.
import { UserError } from '../core/errors';
import { createGeometryKernel, type GeometryKernel } from '../core/geometry';
import type { BuildResult } from '../core/geometry/mesh-data';
import { presetValues } from '../core/model';
import type { Design, Quality } from '../core/model/types';
import { applyMaterialOverrides, checkMaterialOverrides, designFrom, fontLibraryFrom, prepareDesign, valueContextFor, type PreparedDesign } from '../core/pipeline';
import type { FontLibrary } from '../core/text';
import type { CatalogData } from './catalog';
import type { ModelSubject } from './input';

let kernel: Promise<GeometryKernel> | undefined;
let fonts: { data: CatalogData; lib: FontLibrary } | undefined;

export function getKernel(): Promise<GeometryKernel> {
  kernel ??= createGeometryKernel();
  return kernel;
}

/**
 * Starts instantiating the kernel now, so its WebAssembly compiles on V8's background threads while the caller reads
 * and checks the model; a failure surfaces where the kernel is awaited (buildRequest), not here.
 */
export function warmKernel(): void {
  getKernel().catch(() => undefined);
}

export function getFonts(data: CatalogData): FontLibrary {
  if (fonts?.data !== data) fonts = { data, lib: fontLibraryFrom(data.fonts) };
  return fonts.lib;
}

export interface BuildRequest {
  subject: ModelSubject;
  sets?: Record<string, unknown>;
  preset?: string;
  /** Per-part material overrides on top of the design's. */
  materials?: Record<string, string>;
  quality: Quality;
  /** Name stored in the design. */
  name?: string;
  /** Build even if constraints are violated (check reports them instead of refusing). */
  allowViolations?: boolean;
}

export interface Built {
  prepared: PreparedDesign;
  design: Design;
  build: BuildResult;
}

/** Values and design for a request, throwing UserError with every problem (unless only violations and allowed). */
export function prepareRequest(req: BuildRequest, data: CatalogData): { prepared: PreparedDesign; design: Design; materials: Record<string, string> } {
  const { model } = req.subject.loaded;
  const input: Record<string, unknown> = { ...(req.subject.design?.values ?? {}) };
  if (req.preset !== undefined) Object.assign(input, presetValues(model, req.preset));
  Object.assign(input, req.sets ?? {});
  const prepared = prepareDesign(model, input, valueContextFor(data.materials, getFonts(data)));
  const materials = { ...(req.subject.design?.materials ?? {}), ...(req.materials ?? {}) };
  const problems = [...prepared.problems, ...checkMaterialOverrides(model, materials, data.materials)];
  const blocking = req.allowViolations ? problems.filter((p) => !prepared.violations.includes(p)) : problems;
  if (blocking.length > 0) throw new UserError(blocking);
  const name = req.name ?? req.subject.design?.name;
  return { prepared, materials, design: designFrom(model, prepared.values, { materials, ...(name ? { name } : {}) }) };
}

export async function buildRequest(req: BuildRequest, data: CatalogData): Promise<Built> {
  const { prepared, design, materials } = prepareRequest(req, data);
  const { model, assets } = req.subject.loaded;
  const k = await getKernel();
  const raw = k.build({ model, scope: prepared.scope, quality: req.quality, materials: data.materials }, { fonts: getFonts(data), asset: (rel) => assets.get(rel) });
  return { prepared, design, build: applyMaterialOverrides(model, raw, materials, data.materials) };
}
