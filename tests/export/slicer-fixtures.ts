// Small two-colour designs for slicer-project tests (they slice in about a second) and their slicer-ready 3MF.
// Node only; test code.
import { unzipSync } from 'fflate';
import { expect } from 'vitest';
import { renderThumbnailPng, write3mf, type SlicerLayout } from '../../core/export';
import type { GeometryKernel } from '../../core/geometry';
import type { BuildResult } from '../../core/geometry/mesh-data';
import type { Design } from '../../core/model/types';
import { designFrom, prepareDesign, valueContextFor } from '../../core/pipeline';
import { assetReader, loadCatalog } from '../catalog/catalog-support';

export const catalog = loadCatalog();

export const SMALL: Record<string, Record<string, unknown>> = {
  nameplate: { name: 'Ada', width: 80, height: 28 },
  keychain: { name: 'MAX' },
};

export function buildSmall(kernel: GeometryKernel, id: string, values: Record<string, unknown> = SMALL[id] ?? {}): { build: BuildResult; design: Design } {
  const entry = catalog.models.find((m) => m.model.id === id)!;
  const prepared = prepareDesign(entry.model, values, valueContextFor(catalog.materials, catalog.fonts));
  expect(prepared.problems).toEqual([]);
  const b = kernel.build({ model: entry.model, scope: prepared.scope, quality: 'final', materials: catalog.materials }, { fonts: catalog.fonts, asset: assetReader(entry.dir) });
  return { build: b, design: designFrom(entry.model, prepared.values) };
}

export function slicerProject(kernel: GeometryKernel, id: string, layout: SlicerLayout, values?: Record<string, unknown>, filaments?: number) {
  const { build: b, design } = buildSmall(kernel, id, values);
  const bytes = write3mf(b.parts, catalog.materials, {
    title: id,
    application: 'Atelier test',
    creationDate: '2026-01-01T00:00:00Z',
    design,
    thumbnailPng: renderThumbnailPng(b.parts, 64),
    slicer: { layout, ...(filaments ? { filaments } : {}) },
  });
  return { b, design, bytes, files: unzipSync(bytes) };
}
