// `atelier export <model-id | model.json | design.json | file.3mf> [--set NAME=VALUE]... [--preset NAME]
//   [--quality preview|final] [--printer ID] [--force] [--fix] --out FILE.stl|.3mf|.glb|.usdz [--json]`
// Builds, refuses an unprintable design unless --force, writes atomically, prints a one-line summary or JSON. Node only.
import path from 'node:path';
import { UserError } from '../../core/errors';
import { massAndCost } from '../../core/check';
import { summarizeBuild } from '../../core/pipeline';
import type { Quality } from '../../core/model/types';
import { parseArgs, parseSets } from '../args';
import { catalogData, findPrinter } from '../catalog';
import { encode, formatOf } from '../encode';
import { writeFileAtomicSync } from '../fs-atomic';
import { openSubject, requireModel } from '../input';
import { dims, num, printJson, printLine, round } from '../output';
import { runPrintability } from '../printability';
import { buildRequest, warmKernel } from '../runtime';
import { applyOrRefuse, changesJson, describeChanges } from '../fix';

export const EXPORT_OPTIONS = {
  set: { kind: 'multi', meta: 'NAME=VALUE' },
  preset: { kind: 'value', meta: 'NAME' },
  quality: { kind: 'value', choices: ['preview', 'final'] },
  printer: { kind: 'value', meta: 'ID' },
  force: { kind: 'flag' },
  out: { kind: 'value', meta: 'FILE.stl|FILE.3mf|FILE.glb|FILE.usdz' },
  json: { kind: 'flag' },
  fix: { kind: 'flag' },
} as const;

export async function runExport(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { command: 'export', positionals: ['model-id | model.json | design.json | file.3mf'], options: EXPORT_OPTIONS });
  const out = a.values.get('out');
  if (!out) throw new UserError('"atelier export" needs --out FILE.stl|FILE.3mf|FILE.glb|FILE.usdz.');
  const format = formatOf(out);
  const sets = parseSets(a.multi.get('set') ?? []);
  warmKernel(); // manifold compiles in the background while the model is read and checked
  const data = catalogData();
  const printerId = a.values.get('printer');
  if (printerId !== undefined) findPrinter(data, printerId); // an unknown printer is bad input before any work
  const subject = requireModel(openSubject(a.positionals[0]!, data), 'export');
  const quality = (a.values.get('quality') ?? 'final') as Quality;
  const preset = a.values.get('preset');
  const fixed = applyOrRefuse({ subject, sets, ...(preset !== undefined ? { preset } : {}), quality }, data, a.flags.has('fix'));
  const built = await buildRequest(fixed.req, data);
  const { model } = subject.loaded;
  const printer = findPrinter(data, printerId, built.build.parts.map((p) => p.material));
  const verdict = runPrintability(built, model, printer, data.materials);
  // GLB and USDZ are for looking at (AR), not for printing: they are never refused.
  const forPrinting = format === 'stl' || format === '3mf';
  if (forPrinting && !verdict.printable && !a.flags.has('force')) {
    process.stderr.write(`atelier: not exported: this design is not printable on ${printer.name}:\n`);
    for (const l of verdict.failures) process.stderr.write(`  - ${l}\n`);
    process.stderr.write('Change the values, choose another printer with --printer, or export anyway with --force.\n');
    return 1;
  }
  const bytes = await encode(format, { model, design: built.design, build: built.build, materials: data.materials, printer });
  writeFileAtomicSync(out, bytes);
  const summary = summarizeBuild(built.build);
  const mc = massAndCost(built.build, data.materials);
  if (a.flags.has('json')) {
    printJson({
      file: path.resolve(out),
      format,
      ...summary,
      mass: round(mc.massGrams, 2),
      cost: round(mc.cost, 2),
      currency: mc.currency,
      printable: verdict.printable,
      printer: printer.id,
      ...(fixed.fixes.length ? { fixed: changesJson(fixed.fixes) } : {}),
    });
  } else {
    if (fixed.fixes.length) printLine(`Fixed: ${describeChanges(fixed.fixes)}`);
    printLine(
      `Wrote ${out}: ${format.toUpperCase()}, ${summary.parts.length} part${summary.parts.length === 1 ? '' : 's'}, ${summary.triangles} triangles, ` +
        `${dims(summary.bbox)}, ${num(summary.volume / 1000)} cm³, ${num(mc.massGrams, 1)} g, ${mc.currency} ${mc.cost.toFixed(2)}` +
        (verdict.printable || !forPrinting ? '' : ` (NOT printable on ${printer.name}: exported with --force)`),
    );
  }
  return 0;
}
