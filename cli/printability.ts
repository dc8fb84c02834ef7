// Adapter from core/check's CheckReport to what the CLI prints: a verdict, one line per check, and the failures.
// Node-free; imports core/ only.
import { checkPrintability, type CheckReport, type PrinterProfile } from '../core/check';
import type { MaterialCatalog, ProductModel } from '../core/model/types';
import type { Built } from './runtime';

export interface Verdict {
  printable: boolean;
  /** Every check, one sentence each, prefixed ✓ or ✗. */
  lines: string[];
  /** The sentences of the failed checks. */
  failures: string[];
}

export function runPrintability(built: Built, model: ProductModel, printer: PrinterProfile, materials: MaterialCatalog): Verdict {
  const report: CheckReport = checkPrintability(built.build, model, built.prepared.scope, printer, materials);
  return verdictOf(report);
}

export function verdictOf(report: CheckReport): Verdict {
  const lines = report.items.map((it) => `${it.ok ? '✓' : it.severity === 'error' ? '✗' : '!'} ${it.message}`);
  const failures = report.items.filter((it) => !it.ok && it.severity === 'error').map((it) => it.message);
  return { printable: report.printable, lines, failures };
}
