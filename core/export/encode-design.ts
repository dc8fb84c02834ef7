// The one path from a built design to file bytes, for every host: `atelier export`, check, batch and the queue
// worker (cli/encode.ts), the app's geometry worker and its phone hand-off. The same design gives the same file
// wherever it is made: title, Application, thumbnail, STL header, and a slicer-ready 3MF project laid out for the
// slicer the chosen printer's owners use. Hosts pass only what differs between them (zip codec, the union of the
// parts for STL, their version). Pure TypeScript.
import { UserError } from '../errors';
import type { PrinterProfile } from '../check/printability';
import { partsStandApart, type BuildResult, type MeshData, type PartMesh } from '../geometry/mesh-data';
import type { Design, MaterialCatalog, ProductModel } from '../model/types';
import { writeGlb } from './glb';
import { writeStl } from './stl';
import { renderThumbnailPng } from './thumbnail';
import { writeUsdz } from './usdz';
import { write3mf, type SlicerProjectOptions } from './write-3mf';
import type { ZipCodec } from './zip';

export type OutFormat = 'stl' | '3mf' | 'glb' | 'usdz';

/** Every format, its file extension, and whether it is for a printer (refused when unprintable) or for looking at. */
export const OUT_FORMATS: Readonly<Record<OutFormat, { extension: string; forPrinting: boolean }>> = {
  stl: { extension: '.stl', forPrinting: true },
  '3mf': { extension: '.3mf', forPrinting: true },
  glb: { extension: '.glb', forPrinting: false },
  usdz: { extension: '.usdz', forPrinting: false },
};

/** The format a file name asks for, or null. */
export function formatOfName(file: string): OutFormat | null {
  const m = /\.([a-z0-9]+)$/i.exec(file);
  const ext = m ? m[1]!.toLowerCase() : '';
  return ext in OUT_FORMATS ? (ext as OutFormat) : null;
}

export interface DesignFileInput {
  model: ProductModel;
  design: Design;
  build: BuildResult;
  materials: MaterialCatalog;
  /** The printer the file is for: its filament count and slicer shape the 3MF project. */
  printer?: PrinterProfile;
}

export interface EncodeHost {
  /** e.g. "Atelier 0.1.0": the 3MF Application and the STL header's first word. */
  application: string;
  /** The parts as one closed solid (their boolean union): STL holds one body. */
  solid(parts: PartMesh[]): MeshData;
  zip?: ZipCodec;
  /** The 3MF's creation time (tests pin it). */
  now?: () => Date;
}

/** A file's title: the product, and the name the customer gave the design. */
export function designTitle(model: ProductModel, design: Design): string {
  return design.name ? `${model.name}: ${design.name}` : model.name;
}

/**
 * How a 3MF for this printer is laid out for its slicer (write-3mf.ts explains the two layouts): Bambu Studio and
 * OrcaSlicer read one mesh object per part under one assembly; PrusaSlicer one object whose triangle runs are its
 * parts. Resin printers get no filament project.
 */
export function slicerProjectFor(printer: PrinterProfile | undefined): SlicerProjectOptions | undefined {
  if (!printer || printer.process !== 'fdm') return undefined;
  const layout = printer.slicer === 'bambustudio' || printer.slicer === 'orcaslicer' ? 'assembly' : 'one-object';
  return { layout, filaments: printer.filaments ?? 1 };
}

export function encodeDesign(format: OutFormat, x: DesignFileInput, host: EncodeHost): Uint8Array {
  const parts = x.build.parts;
  if (parts.length === 0) throw new UserError(`"${x.model.id}" has no parts with these values: there is nothing to export.`);
  switch (format) {
    case 'stl':
      // one merged solid: the parts' union, so touching parts (raised letters) share no faces
      return writeStl(host.solid(parts), `${host.application} ${x.model.id} ${x.model.version}`);
    case '3mf': {
      // one part is one object already, and parts that stand apart (a pot and its saucer) are separate prints the
      // slicer arranges on its own: a project (one object named after the product) is for parts that belong together
      const slicer = parts.length > 1 && !partsStandApart(parts) ? slicerProjectFor(x.printer) : undefined;
      return write3mf(
        parts,
        x.materials,
        {
          title: designTitle(x.model, x.design),
          ...(x.model.designer ? { designer: x.model.designer } : {}),
          description: x.model.description,
          application: host.application,
          creationDate: (host.now?.() ?? new Date()).toISOString(),
          design: x.design,
          // rendered from the parts alone: centred, no dimension lines or scene furniture
          thumbnailPng: renderThumbnailPng(parts, 256),
          ...(slicer ? { slicer, objectName: x.model.name } : {}),
        },
        host.zip,
      );
    }
    case 'glb':
      return writeGlb(parts, x.materials);
    case 'usdz':
      return writeUsdz(parts, x.materials);
  }
}
