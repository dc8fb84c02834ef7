// A built design → file bytes in the format its name asks for (STL, 3MF with design and thumbnail, GLB, USDZ).
// Shared by `export` and the batch workers. The encoding itself is core/export.
import path from 'node:path';
import { crc32 as zlibCrc32, deflateRawSync } from 'node:zlib';
import { UserError } from '../core/errors';
import { renderThumbnailPng, write3mf, writeGlb, writeStl, writeUsdz, type ZipCodec } from '../core/export';
import type { BuildResult } from '../core/geometry/mesh-data';
import type { Design, MaterialCatalog, ProductModel } from '../core/model/types';
import { getKernel } from './runtime';
import { atelierVersion } from './version';

export type OutFormat = 'stl' | '3mf' | 'glb' | 'usdz';
export const OUT_FORMATS: readonly OutFormat[] = ['stl', '3mf', 'glb', 'usdz'];


export function formatOf(file: string): OutFormat {
  const ext = path.extname(file).slice(1).toLowerCase();
  if ((OUT_FORMATS as readonly string[]).includes(ext)) return ext as OutFormat;
  throw new UserError(`Cannot tell the format of "${file}": the output file must end in ${OUT_FORMATS.map((f) => '.' + f).join(', ')}.`);
}

/** Node's native zlib: several times faster than the portable codec on a big 3MF. */
export const NODE_ZIP_CODEC: ZipCodec = {
  deflateRaw: (data, level) => deflateRawSync(data, { level }),
  crc32: (data) => zlibCrc32(data),
};

export interface EncodeInput {
  model: ProductModel;
  design: Design;
  build: BuildResult;
  materials: MaterialCatalog;
  /** STL header text (80 bytes at most). */
  stlHeader?: string;
}

export async function encode(format: OutFormat, x: EncodeInput): Promise<Uint8Array> {
  const parts = x.build.parts;
  if (parts.length === 0) throw new UserError(`"${x.model.id}" has no parts with these values: there is nothing to export.`);
  switch (format) {
    case 'stl':
      // one merged solid: the parts' union, so touching parts (raised letters) share no faces
      return writeStl((await getKernel()).solid(parts), x.stlHeader ?? `Atelier ${atelierVersion()} ${x.model.id} ${x.model.version}`);
    case '3mf':
      return write3mf(parts, x.materials, {
        title: x.design.name ? `${x.model.name}: ${x.design.name}` : x.model.name,
        ...(x.model.designer ? { designer: x.model.designer } : {}),
        description: x.model.description,
        application: `Atelier ${atelierVersion()}`,
        creationDate: new Date().toISOString(),
        design: x.design,
        thumbnailPng: renderThumbnailPng(parts, 256),
      }, NODE_ZIP_CODEC);
    case 'glb':
      return writeGlb(parts, x.materials);
    case 'usdz':
      return writeUsdz(parts, x.materials);
  }
}
