// `atelier check <model | design> [--set NAME=VALUE]... [--preset NAME] [--printer ID] [--fix] [--slice] [--json]`:
// printability in words a salesperson understands; with --slice the print shop's figures too (print time, filament
// per material, tool changes: PrusaSlicer's when it is installed, otherwise an estimate that says so).
// Exit 0 printable, 1 not printable, 2 bad input. Node only.
import { massAndCost } from '../../core/check';
import { isUserError } from '../../core/errors';
import { summarizeBuild } from '../../core/pipeline';
import { parseArgs, parseSets } from '../args';
import { catalogData, findPrinter } from '../catalog';
import { openSubject, requireModel } from '../input';
import { dims, num, printJson, printLine, round } from '../output';
import { runPrintability } from '../printability';
import { buildRequest, prepareRequest, warmKernel } from '../runtime';
import { changesJson, describeChanges, findRequestFixes, fixHint } from '../fix';
import type { SliceFigures } from '../../node/slice';
import { formatDuration, sliceJson, sliceParts } from '../slice/design';

export async function runCheck(argv: string[]): Promise<number> {
  const a = parseArgs(argv, {
    command: 'check',
    positionals: ['model-id | model.json | design.json | file.3mf'],
    options: { set: { kind: 'multi', meta: 'NAME=VALUE' }, preset: { kind: 'value', meta: 'NAME' }, printer: { kind: 'value', meta: 'ID' }, json: { kind: 'flag' }, fix: { kind: 'flag' }, slice: { kind: 'flag' } },
  });
  const sets = parseSets(a.multi.get('set') ?? []);
  warmKernel(); // manifold compiles in the background while the model is read and checked
  const data = catalogData();
  const printerId = a.values.get('printer');
  if (printerId !== undefined) findPrinter(data, printerId); // an unknown printer is bad input before any work
  const subject = requireModel(openSubject(a.positionals[0]!, data), 'check');
  const preset = a.values.get('preset');
  const asked = { subject, sets, ...(preset !== undefined ? { preset } : {}), quality: 'final' as const, allowViolations: true };
  const found = findRequestFixes(asked, data);
  const fix = a.flags.has('fix') && found.fixes.length > 0 && found.fixes.every((f) => f.changes.length > 0);
  const req = fix ? found.req : asked;
  const { prepared } = prepareRequest(req, data); // bad input (exit 2) is raised here, violations are reported below
  const violations = prepared.violations.map((p) => p.message);
  let built;
  try {
    built = await buildRequest(req, data);
  } catch (e) {
    if (!isUserError(e) || violations.length === 0) throw e;
    // a design that breaks its own constraints may not even build: report the constraints, not the geometry error
  }
  const model = subject.loaded.model;
  const printer = findPrinter(data, printerId, built ? built.build.parts.map((p) => p.material) : []);
  const verdict = built ? runPrintability(built, model, printer, data.materials) : { printable: false, lines: [], failures: [] };
  const failures = [...violations, ...verdict.failures.filter((f) => !violations.includes(f))];
  const printable = verdict.printable && violations.length === 0;
  const summary = built ? summarizeBuild(built.build) : undefined;
  const mc = built ? massAndCost(built.build, data.materials) : undefined;
  const sliced = built && a.flags.has('slice') ? await sliceParts(built.build.parts, model.name, data.materials, printer) : undefined;
  if (a.flags.has('json')) {
    printJson({
      model: model.id,
      printer: printer.id,
      printable,
      problems: failures,
      checks: verdict.lines,
      ...(found.fixes.length ? { [fix ? 'fixed' : 'fixes']: changesJson(found.fixes) } : {}),
      ...(summary ? { bbox: summary.bbox, volume: summary.volume, triangles: summary.triangles } : {}),
      ...(mc ? { mass: round(mc.massGrams, 2), cost: round(mc.cost, 2), currency: mc.currency } : {}),
      ...(sliced ? { slice: sliceJson(sliced) } : {}),
    });
  } else {
    printLine(`${model.name} on ${printer.name}: ${printable ? 'printable' : 'NOT printable'}`);
    for (const l of verdict.lines) printLine(`  ${l}`);
    for (const v of violations) if (!verdict.failures.includes(v)) printLine(`  ✗ ${v}`);
    if (fix) printLine(`  Fixed: ${describeChanges(found.fixes)}`);
    else for (const f of found.fixes) printLine(`  → ${f.message} — ${fixHint(f)}`);
    if (summary && mc) printLine(`  Size ${dims(summary.bbox)}, volume ${num(summary.volume / 1000)} cm³, about ${num(mc.massGrams, 1)} g, material ${mc.currency} ${mc.cost.toFixed(2)}`);
    if (sliced) for (const l of sliceLines(sliced, printer.name)) printLine(`  ${l}`);
  }
  return printable ? 0 : 1;
}

function sliceLines(f: SliceFigures, printerName: string): string[] {
  const head = f.estimate
    ? `Estimate (${f.note ?? 'PrusaSlicer not found'}; from volume and the ${printerName}'s flow, not sliced): about ${formatDuration(f.printSeconds)}`
    : `Sliced with ${f.slicer ?? 'PrusaSlicer'} for the ${printerName}, ${num(f.layerHeight)} mm layers: ${formatDuration(f.printSeconds)}`;
  const changes = `${f.toolChanges} tool change${f.toolChanges === 1 ? '' : 's'}`;
  return [`${head}, ${changes}`, ...f.filaments.map((x) => `  Filament ${x.slot} ${x.name}: ${num(x.lengthMm / 1000, 2)} m, ${num(x.grams, 2)} g`)];
}
