// Reading a printer profile (assets/printers/*.json): the one set of rules for the CLI, the batch and queue workers,
// the app's geometry worker and its UI, so a profile one of them accepts is never refused (or silently dropped) by
// another. Pure TypeScript.
import { UserError, type Problem } from '../errors';
import { PRINTER_SLICERS, type PrinterProfile } from './printability';

/** The checked profile from one file's JSON text; throws a UserError naming the file and the field. */
export function parsePrinterProfile(text: string, file: string): PrinterProfile {
  const name = file.split(/[\\/]/).pop() ?? file;
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new UserError([{ file, message: `Printer profile ${name} is not valid JSON (${(e as Error).message.split('\n')[0]}).` }]);
  }
  const fail = (message: string): never => {
    throw new UserError([{ file, message: `Printer profile ${name}${message}` }]);
  };
  if (v === null || typeof v !== 'object' || Array.isArray(v)) fail(' must be a JSON object.');
  const bv = v.buildVolume as Record<string, unknown> | undefined;
  const size = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n > 0 && n <= 10_000;
  const ok =
    typeof v.id === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(v.id) && typeof v.name === 'string' && v.name.length > 0 && v.name.length <= 120 &&
    (v.process === 'fdm' || v.process === 'sla') && size(bv?.x) && size(bv?.y) && size(bv?.z) &&
    typeof v.minFeature === 'number' && v.minFeature > 0 && v.minFeature < 100;
  if (!ok) fail(' needs id (kebab-case), name, process (fdm|sla), buildVolume {x,y,z} in mm and minFeature (mm).');
  for (const k of ['nozzle', 'layerHeight'] as const) if (v[k] !== undefined && !(typeof v[k] === 'number' && v[k] > 0 && v[k] < 10)) fail(`: ${k} must be a number of mm above 0 and below 10.`);
  if (v.filaments !== undefined && !(Number.isInteger(v.filaments) && (v.filaments as number) >= 1 && (v.filaments as number) <= 64))
    fail(': filaments must be a whole number from 1 to 64 (how many filaments one print can use).');
  if (v.printFlow !== undefined && !(typeof v.printFlow === 'number' && v.printFlow > 0 && v.printFlow <= 200))
    fail(': printFlow must be a number of mm³/s above 0 and at most 200.');
  if (v.slicer !== undefined && !(PRINTER_SLICERS as readonly unknown[]).includes(v.slicer))
    fail(`: slicer must be one of ${PRINTER_SLICERS.join(', ')} (the slicer its 3MF projects are laid out for).`);
  return v as unknown as PrinterProfile;
}

/**
 * Every profile that reads, in the order given (callers list files by name), and a problem for each that does not (a UI lists the good ones and
 * says which file is broken, rather than losing all printers to one bad file). Two files with one id: the first wins.
 */
export function parsePrinterProfiles(files: readonly { file: string; text: string }[]): { printers: PrinterProfile[]; problems: Problem[] } {
  const printers: PrinterProfile[] = [];
  const problems: Problem[] = [];
  for (const f of files) {
    try {
      const p = parsePrinterProfile(f.text, f.file);
      if (printers.some((q) => q.id === p.id)) problems.push({ file: f.file, message: `Printer profile ${f.file.split(/[\\/]/).pop()} has the id "${p.id}" of another profile; it was left out.` });
      else printers.push(p);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      problems.push(...e.problems);
    }
  }
  return { printers, problems };
}
