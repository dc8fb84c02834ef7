// Every field of the model format is documented with its type: the test reads the TypeBox schema
// (core/model/schema.ts) and fails when a node, 2D shape, parameter, list entry or top-level field the schema
// allows has no row in docs/model-format.md's tables, or a row names a field the schema does not allow.
import { readFileSync } from 'node:fs';
import type { TSchema } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { ModelSchema, ParameterSchema, SolidSchema } from '../../core/model/schema';

const MD = readFileSync(new URL('../../docs/model-format.md', import.meta.url), 'utf8');

/** The rows of the markdown table whose header's first cell is `first`, as arrays of cells. */
function table(first: string): string[][] {
  const lines = MD.split('\n');
  const at = lines.findIndex((l) => new RegExp(`^\\|\\s*${first}\\s*\\|`).test(l));
  expect(at, `a table headed "${first}" in docs/model-format.md`).toBeGreaterThanOrEqual(0);
  const header = lines[at]!.split('|').slice(1, -1).map((c) => c.trim());
  expect(header, `the "${first}" table says each field's type`).toContain('type');
  const rows: string[][] = [];
  for (let i = at + 2; i < lines.length && lines[i]!.startsWith('|'); i++) rows.push(lines[i]!.split('|').slice(1, -1).map((c) => c.trim()));
  for (const r of rows) expect(r[header.indexOf('type')], `a type for ${r.join(' | ')}`).toMatch(/\S/);
  return rows;
}

/** `a`, `b` → ['a', 'b']: the backticked names of a cell. */
const names = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.replace(/^"|"$/g, ''));

/** Documented fields per kind: first cell (kinds) × second cell (fields). */
function documented(rows: string[][], every?: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [kinds, fields] of rows) for (const k of every && kinds === every ? ['*'] : names(kinds!)) for (const f of names(fields!)) out.set(k, (out.get(k) ?? new Set()).add(f));
  return out;
}

type Obj = TSchema & { properties: Record<string, TSchema & { const?: string; anyOf?: { const?: string }[] }> };
/** The `type` literals of an object schema (one, or a union of literals) and its field names besides `type`. */
function variant(o: Obj): { kinds: string[]; fields: string[] } {
  const t = o.properties.type!;
  const kinds = t.const !== undefined ? [t.const] : (t.anyOf ?? []).map((x) => x.const!);
  return { kinds, fields: Object.keys(o.properties).filter((f) => f !== 'type') };
}

function expectAllDocumented(variants: Obj[], doc: Map<string, Set<string>>, skip: string[] = []): void {
  const missing: string[] = [];
  const allowed = new Map<string, Set<string>>();
  for (const v of variants) {
    const { kinds, fields } = variant(v);
    for (const k of kinds) {
      allowed.set(k, new Set(fields));
      for (const f of fields) if (!skip.includes(f) && !doc.get(k)?.has(f) && !doc.get('*')?.has(f)) missing.push(`${k}.${f}`);
    }
  }
  expect(missing, 'fields the schema allows that docs/model-format.md does not list').toEqual([]);
  const unknown = [...doc].flatMap(([k, fs]) => (k === '*' ? [] : [...fs].filter((f) => !allowed.get(k)?.has(f)).map((f) => `${k}.${f}`)));
  expect(unknown, 'documented fields the schema does not allow').toEqual([]);
}

const props = (s: TSchema): Obj => s as Obj;
const top = props(ModelSchema).properties as unknown as Record<string, TSchema & { items?: TSchema & { anyOf?: TSchema[] } }>;

describe('docs/model-format.md documents every field of the schema with its type', () => {
  it('every solid node', () => {
    const variants = (SolidSchema as TSchema & { anyOf: Obj[] }).anyOf;
    expect(variants.length).toBeGreaterThan(15);
    // `when` is said once for every node, above the table
    expect(MD).toMatch(/Every solid node has a `type` and may have `when`/);
    expectAllDocumented(variants, documented(table('node')), ['when']);
  });

  it('every 2D shape', () => {
    const extrude = (SolidSchema as TSchema & { anyOf: Obj[] }).anyOf.find((v) => v.properties.type!.const === 'extrude')!;
    const shapes = (extrude.properties.shape as TSchema & { anyOf: Obj[] }).anyOf;
    expectAllDocumented(shapes, documented(table('shape')));
  });

  it('every parameter type', () => {
    const variants = (ParameterSchema as TSchema & { anyOf: Obj[] }).anyOf;
    const doc = documented(table('parameter'), 'every parameter');
    expect(doc.get('*')).toContain('label');
    expectAllDocumented(variants, doc);
  });

  it('every top-level field and the fields of each list entry', () => {
    const rows = table('field');
    const doc = new Set(rows.flatMap((r) => names(r[0]!)));
    expect(Object.keys(top).filter((f) => !doc.has(f))).toEqual([]);
    expect([...doc].filter((f) => !(f in top))).toEqual([]);

    const entries = documented(table('entry'));
    const item = (f: string): Obj => props(top[f]!.items!);
    const choice = (ParameterSchema as TSchema & { anyOf: Obj[] }).anyOf.find((v) => v.properties.type!.const === 'choice')!;
    const lists: Record<string, Obj> = {
      derived: item('derived'),
      constraints: item('constraints'),
      features: item('features'),
      presets: item('presets'),
      parts: item('parts'),
      options: props((choice.properties.options as TSchema & { items: TSchema }).items),
    };
    const missing = Object.entries(lists).flatMap(([k, o]) => Object.keys(o.properties).filter((f) => !entries.get(k)?.has(f)).map((f) => `${k}.${f}`));
    expect(missing).toEqual([]);
    const unknown = [...entries].flatMap(([k, fs]) => [...fs].filter((f) => !(k in lists) || !(f in lists[k]!.properties)).map((f) => `${k}.${f}`));
    expect(unknown).toEqual([]);
  });
});
