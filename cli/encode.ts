// A built design → file bytes in the format its name asks for, through core/export/encode-design.ts (the one path
// the app's geometry worker takes too), with Node's zlib and this release's version. Shared by `export`, `check`,
// batch and the queue workers. Node only.
import { createRequire } from 'node:module';
import { UserError } from '../core/errors';
import { encodeDesign, formatOfName, OUT_FORMATS as FORMATS, type DesignFileInput, type OutFormat, type ZipCodec } from '../core/export';
import { getKernel } from './runtime';
import { atelierVersion } from './version';

export type { OutFormat };
export const OUT_FORMATS = Object.keys(FORMATS) as readonly OutFormat[];

export function formatOf(file: string): OutFormat {
  const f = formatOfName(file);
  if (f) return f;
  throw new UserError(`Cannot tell the format of "${file}": the output file must end in ${OUT_FORMATS.map((f) => '.' + f).join(', ')}.`);
}

/** node:zlib, loaded at the first 3MF (an STL export never pays its ~15 ms of start-up). */
let zlib: typeof import('node:zlib') | undefined;
const nodeZlib = () => (zlib ??= createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib'));

/** Node's native zlib: several times faster than the portable codec on a big 3MF. */
export const NODE_ZIP_CODEC: ZipCodec = {
  deflateRaw: (data, level) => nodeZlib().deflateRawSync(data, { level }),
  crc32: (data) => nodeZlib().crc32(data),
};

export type EncodeInput = DesignFileInput;

export async function encode(format: OutFormat, x: EncodeInput): Promise<Uint8Array> {
  const kernel = format === 'stl' ? await getKernel() : null;
  return encodeDesign(format, x, { application: `Atelier ${atelierVersion()}`, solid: (parts) => kernel!.solid(parts), zip: NODE_ZIP_CODEC });
}
