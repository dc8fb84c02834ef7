// Screenshot references: saves each view's screenshot under test-results/ and compares it with
// tests/e2e/references/NAME.png within a tolerance. References are (re)written only when ATELIER_UPDATE_REFERENCES=1.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { comparePng, type Diff } from './png-compare';
import { ROOT } from './build';

export const RESULTS = path.join(ROOT, 'test-results', 'e2e');
const REFS = path.join(ROOT, 'tests', 'e2e', 'references');

/** Largest share of pixels allowed to differ by more than the per-pixel threshold. */
export const MAX_DIFF_RATIO = 0.02;

/** Screenshot options for a reference: a passing toast from an earlier step is not part of the view being checked. */
export const SHOT = { style: '.toasts { visibility: hidden !important; }' } as const;

export function checkScreenshot(name: string, png: Uint8Array): Diff & { reference: string; updated: boolean } {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, `${name}.png`), png);
  const ref = path.join(REFS, `${name}.png`);
  if (process.env.ATELIER_UPDATE_REFERENCES === '1') {
    mkdirSync(REFS, { recursive: true });
    writeFileSync(ref, png);
    return { width: 0, height: 0, differing: 0, ratio: 0, sizeMismatch: false, reference: ref, updated: true };
  }
  if (!existsSync(ref)) throw new Error(`No reference screenshot ${path.relative(ROOT, ref)}; run the tests once with ATELIER_UPDATE_REFERENCES=1 and commit it.`);
  return { ...comparePng(png, new Uint8Array(readFileSync(ref))), reference: ref, updated: false };
}
