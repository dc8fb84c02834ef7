// The hardened 3MF reader against 3MF conformance files: our own (tests/export/conformance-fixtures.ts, made in code,
// always run) and, where present, the 3MF Consortium's public samples (read in place from the shared data folder,
// never copied into the project): every MUSTPASS file reads as geometry, every MUSTFAIL file is refused with a
// UserError that says what is wrong, never a crash.
import { existsSync, readFileSync as readSharedFile, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../core/errors';
import { read3mf } from '../../core/import';
import { ROOT } from '../manufacturing/tools';
import { negativeFixtures, positiveFixtures } from './conformance-fixtures';

const SHARED = [process.env.ATELIER_3MF_SAMPLES, path.resolve(ROOT, '../shared/data/3mf'), '/work/shared/data/3mf'].find(
  (d): d is string => !!d && existsSync(path.join(d, 'positive')),
);
// Our own fixtures, in memory, always there; the shared samples beside them when this machine has them.
const OWN: Record<string, Record<string, Uint8Array>> = { positive: positiveFixtures(), negative: negativeFixtures() };
const SAMPLES = SHARED ?? 'tests/export/conformance-fixtures.ts';
const list = (kind: string): string[] => [
  ...Object.keys(OWN[kind]!),
  ...(SHARED ? readdirSync(path.join(SHARED, kind)).filter((f) => f.endsWith('.3mf')) : []),
];
/** The bytes of a listed file: our fixture of that name, else the shared sample. */
function readFileSync(p: string): Uint8Array {
  const [kind, f] = [path.basename(path.dirname(p)), path.basename(p)];
  return OWN[kind]?.[f] ?? new Uint8Array(readSharedFile(path.join(SHARED!, kind, f)));
}

describe('3MF conformance samples', () => {
  it('are present (our own; set ATELIER_3MF_SAMPLES to a folder holding positive/ and negative/ to add the public ones)', () => {
    expect(SAMPLES, 'the 3MF conformance samples folder').toBeDefined();
    expect(list('positive').length).toBeGreaterThan(3);
    expect(list('negative').length).toBeGreaterThan(3);
  });

  it.each(list('positive'))('reads %s as closed geometry in mm', (f) => {
    const r = read3mf(new Uint8Array(readFileSync(path.join(SAMPLES!, 'positive', f))), f);
    expect(r.objects.length).toBeGreaterThan(0);
    for (const o of r.objects) {
      expect(o.mesh.indices.length % 3).toBe(0);
      expect(o.mesh.indices.length).toBeGreaterThan(0);
      const nv = o.mesh.positions.length / 3;
      for (const i of o.mesh.indices) expect(i).toBeLessThan(nv);
      for (const v of o.mesh.positions) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it.each(list('negative'))('refuses %s with a message, not a crash', (f) => {
    let err: unknown;
    try {
      read3mf(new Uint8Array(readFileSync(path.join(SAMPLES!, 'negative', f))), f);
    } catch (e) {
      err = e;
    }
    expect(err, `${f} was accepted`).toBeDefined();
    expect(isUserError(err), `${f}: ${String(err)}`).toBe(true);
    expect((err as Error).message).toContain(f);
    expect((err as Error).message).not.toMatch(/at .*:\d+:\d+/);
  });
});
