// Mutation fuzzing of the model-file and design-file readers (core/model): the catalog's model files with flipped,
// deleted and duplicated bytes and lines, hostile values spliced into their JSON (deep nesting, huge strings, 1e308,
// __proto__ keys), and generated designs. Each ends in a clean result or a UserError listing Problems, never a raw
// TypeError/RangeError, within a time bound, and Object.prototype is untouched.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UserError } from '../../core/errors';
import {
  checkConstraints,
  defaultValues,
  evaluateScope,
  isParameterVisible,
  parseDesign,
  parseMaterialCatalog,
  parseModel,
  presetValues,
  resolveValues,
  serializeDesign,
  validateModelJson,
  type ProductModel,
} from '../../core/model';
import { MAX_FILE_CHARS, MAX_JSON_DEPTH } from '../../core/model/json-source';
import { CASE_MS, expectNoPollution, HOSTILE_SNIPPETS, mutateText, outcome, prototypeSnapshot, seed } from './fuzz-support';

const ASSETS = path.resolve(import.meta.dirname, '../../assets');
const materials = parseMaterialCatalog(readFileSync(path.join(ASSETS, 'materials/materials.json'), 'utf8'));
const fontIds = (JSON.parse(readFileSync(path.join(ASSETS, 'fonts/fonts.json'), 'utf8')) as { id: string }[]).map((f) => f.id);
const catalog = readdirSync(path.join(ASSETS, 'models'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => ({ id: d.name, text: readFileSync(path.join(ASSETS, 'models', d.name, `${d.name}.model.json`), 'utf8') }));
const opts = { materials, fontIds, file: 'fuzz.model.json' };

/** Large inputs (megabytes of JSON) get a larger, still small, time bound. */
const BIG_MS = 5000;

let before = '';
beforeAll(() => {
  before = prototypeSnapshot();
});
afterAll(() => expectNoPollution(before));

/** Every problem of a refused file is located (a path or a line) unless it is about the whole file; it names the file. */
function expectLocated(e: UserError, file?: string): void {
  for (const p of e.problems) {
    expect(p.path !== undefined || p.line !== undefined || /the (model|design) file|more problems/.test(p.message), `problem without a location: ${p.message}`).toBe(true);
    if (file) expect(p.file).toBe(file);
    if (p.line !== undefined) expect(p.line).toBeGreaterThanOrEqual(1);
  }
}

/** A parsed model is usable: defaults, scope, constraints, visibility and presets end in values or UserErrors. */
function exerciseModel(m: ProductModel, label: string): void {
  outcome(() => {
    const values = defaultValues(m);
    const scope = evaluateScope(m, values);
    checkConstraints(m, scope);
    for (const p of m.parameters) expect(typeof isParameterVisible(m, p, scope)).toBe('boolean');
    for (const pr of m.presets ?? []) evaluateScope(m, { ...values, ...presetValues(m, pr.id) });
    resolveValues(m, { ['__proto__']: 1, constructor: 'x', [m.parameters[0]!.id]: '1e999' }, { materials });
  }, `${label}: using the parsed model`);
}

function parseOutcome(text: string, label: string, maxMs = CASE_MS) {
  const r = outcome(() => parseModel(text, opts), label, maxMs);
  if (r.ok) exerciseModel(r.value, label);
  else expectLocated(r.error, opts.file);
  return r;
}

// ---- generators ------------------------------------------------------------------------------------------------

const textOp = fc.record({
  kind: fc.nat(),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  len: fc.integer({ min: 1, max: 40 }),
  payload: fc.oneof(fc.constantFrom(...HOSTILE_SNIPPETS), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })),
});

/** Line-level mutations of the pretty-printed files: duplicate a line (duplicated keys), delete or swap lines. */
function mutateLines(text: string, ops: [number, number, number][]): string {
  const lines = text.split('\n');
  for (const [k, a, b] of ops) {
    const i = a % lines.length;
    const j = b % lines.length;
    if (k % 3 === 0) lines.splice(i, 0, lines[i]!);
    else if (k % 3 === 1) lines.splice(i, 1);
    else [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }
  return lines.join('\n');
}

/** Hostile JSON values to splice into a model at a random place. */
function deep(n: number, kind: 'obj' | 'arr' | 'solid'): unknown {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = kind === 'obj' ? { a: v } : kind === 'arr' ? [v] : { type: 'union', children: [v] };
  return v;
}
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null, true, false, 0, -0, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, '', '1e999', '__proto__', 'constructor',
    'toString', '(((((((((', 'x'.repeat(100_000), '😀'.repeat(3000), [], {}, [[[]]],
  ),
  fc.constantFrom(1, 2).map(() => JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}') as unknown),
  fc.constantFrom(100, 250, 10_000).chain((n) => fc.constantFrom<'obj' | 'arr' | 'solid'>('obj', 'arr', 'solid').map((k) => deep(n, k))),
  fc.constantFrom(3000, 20_000).map((n) => Array.from({ length: n }, (_, i) => i)),
  fc.string({ maxLength: 20 }),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** All [container, key] places in a JSON value, for splicing. */
function places(v: unknown, out: [Record<string, unknown> | unknown[], string | number][] = [], depth = 0): typeof out {
  if (depth > 40 || out.length > 5000) return out; // not into spliced-in deep or huge values
  if (Array.isArray(v)) v.forEach((x, i) => (out.push([v, i]), places(x, out, depth + 1)));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push([v as Record<string, unknown>, k]), places(x, out, depth + 1);
  return out;
}

function splice(text: string, edits: { at: number; value: unknown; mode: number }[]): unknown {
  const json = JSON.parse(text) as unknown;
  for (const e of edits) {
    const ps = places(json);
    const [obj, key] = ps[e.at % ps.length]!;
    if (e.mode % 3 === 0 || Array.isArray(obj)) (obj as Record<string | number, unknown>)[key] = e.value;
    else if (e.mode % 3 === 1) delete (obj as Record<string, unknown>)[key as string];
    // An own "__proto__" (as JSON.parse makes it), not a prototype change.
    else Object.defineProperty(obj, e.mode % 2 ? '__proto__' : `${String(key)}_x`, { value: e.value, enumerable: true, configurable: true, writable: true });
  }
  return json;
}

// ---- properties ------------------------------------------------------------------------------------------------

describe('model file fuzz', () => {
  it('the unmutated catalog parses (the fuzz starts from valid files)', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(8);
    for (const c of catalog) expect(parseOutcome(c.text, c.id).ok).toBe(true);
  });

  it('byte flips, deletions, insertions, duplications and truncations of catalog models end cleanly', () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.constantFrom(...catalog), fc.array(textOp, { minLength: 1, maxLength: 5 }), (c, ops) => {
        const text = mutateText(c.text, ops);
        if (!parseOutcome(text, `${c.id} mutated`).ok) refused++;
      }),
      { ...seed(11), numRuns: 1500 },
    );
    expect(refused).toBeGreaterThan(500);
  });

  it('duplicated, deleted and swapped lines (duplicate keys, missing members) end cleanly', () => {
    fc.assert(
      fc.property(fc.constantFrom(...catalog), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }), (c, ops) => {
        parseOutcome(mutateLines(c.text, ops), `${c.id} line-mutated`);
      }),
      { ...seed(12), numRuns: 800 },
    );
  });

  it('hostile values spliced into the JSON end cleanly, both as text and as an already-parsed object', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...catalog),
        fc.array(fc.record({ at: fc.nat(), value: hostileValue, mode: fc.nat() }), { minLength: 1, maxLength: 3 }),
        (c, edits) => {
          const json = splice(c.text, edits);
          const direct = outcome(() => validateModelJson(json, opts), `${c.id} spliced object`);
          if (direct.ok) exerciseModel(direct.value, `${c.id} spliced object`);
          else for (const p of direct.error.problems) expect(p.path, p.message).toMatch(/^\$/);
          let text: string;
          try {
            text = JSON.stringify(json);
          } catch {
            return; // 10 000 levels may exceed JSON.stringify itself; the object path above was still checked.
          }
          const viaText = parseOutcome(text, `${c.id} spliced text`, text.length > 1e5 ? BIG_MS : CASE_MS);
          // The text and the object are judged alike (except where the text is refused before validation).
          if (viaText.ok) expect(direct.ok).toBe(true);
        },
      ),
      { ...seed(13), numRuns: 400 },
    );
  });

  it('already-parsed objects with shared or circular references are refused quickly (a worker message can hold them)', () => {
    const mug = JSON.parse(catalog.find((c) => c.id === 'mug')!.text) as { parts: Record<string, unknown>[] };
    // 2^40 paths through 40 shared levels: walked as a tree this never ends.
    let shared: unknown = { type: 'box', size: [1, 1, 1] };
    for (let i = 0; i < 40; i++) shared = { type: 'union', children: [shared, shared] };
    const circular: { type: string; children: unknown[] } = { type: 'union', children: [] };
    circular.children.push(circular, circular);
    const sameList = [1, 2, 3];
    const sharedLeaf = { type: 'union', children: [{ type: 'box', size: sameList }, { type: 'box', size: sameList }] };
    for (const [label, solid] of [['shared', shared], ['circular', circular], ['shared list', sharedLeaf]] as const) {
      const r = outcome(() => validateModelJson({ ...mug, parts: [{ ...mug.parts[0], solid }] }, opts), label);
      expect(r.ok, label).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/appears twice/);
    }
    // A model that shares nothing is still accepted the same way.
    expect(outcome(() => validateModelJson(structuredClone(mug), opts), 'clone').ok).toBe(true);
  });

  it('JSON-level oddities: duplicate keys, __proto__ keys, huge numbers and deep nesting', () => {
    const mug = catalog.find((c) => c.id === 'mug')!.text;
    const withTop = (extra: string) => mug.replace(/^\{/, `{${extra}`);
    // Duplicate keys: JSON's rule (the last one wins) and a located problem if that is wrong.
    const dup = parseOutcome(withTop('"id": "Not Kebab",'), 'duplicate id');
    expect(dup.ok).toBe(true);
    const dup2 = parseOutcome(mug.replace('"id": "mug",', '"id": "mug", "id": "Bad Id",'), 'duplicate id, last bad');
    expect(dup2.ok).toBe(false);
    // __proto__ as a key is data, reported as an unknown property, and never becomes a prototype.
    const proto = parseOutcome(withTop('"__proto__": {"polluted": true},'), '__proto__ key');
    expect(proto.ok).toBe(false);
    if (!proto.ok) expect(proto.error.message).toMatch(/__proto__/);
    for (const n of ['1e308', '-1e308', '1e999', '-1e999', '5e-324', '123456789012345678901234567890'])
      parseOutcome(mug.replace(/"default": \d+(\.\d+)?/, `"default": ${n}`), `default ${n}`);
    // Nesting: at the limit the schema speaks, past it the reader refuses before parsing.
    for (const n of [MAX_JSON_DEPTH - 1, MAX_JSON_DEPTH + 1, 10_000, 1_000_000]) {
      for (const [o, c] of [['[', ']'], ['{"a":', '}']] as const) {
        const r = parseOutcome(o.repeat(n) + '1' + c.repeat(n), `nesting ${n}`, BIG_MS);
        expect(r.ok).toBe(false);
        if (!r.ok && n > MAX_JSON_DEPTH) expect(r.error.message).toMatch(/nested more than 200 levels|characters long/);
      }
    }
  });

  it('brackets hidden from the depth check by broken strings or comments are still refused cleanly', () => {
    // A raw line break ends a string for the JSON parser, a comment hides a quote: neither may reach a deep recursion.
    for (const [pre, post] of [['["\n', '"'], ['{"a": "\r', '"}'], ['/* " */', '"'], ['// "\n', '"'], ['["\\u12', '"']]) {
      for (const n of [1000, 100_000]) {
        const r = parseOutcome(pre + '['.repeat(n) + post, `hidden nesting ${JSON.stringify(pre)} ${n}`, BIG_MS);
        expect(r.ok).toBe(false);
        const d = outcome(() => parseDesign(pre + '{"a":'.repeat(n) + post, 'x.atelier.json'), `hidden design nesting ${n}`, BIG_MS);
        expect(d.ok).toBe(false);
      }
    }
  });

  it('huge files are refused or judged quickly, with a bounded list of problems', () => {
    const base = JSON.parse(catalog[0]!.text) as Record<string, unknown>;
    const cases: [string, string][] = [
      ['over the size limit', ' '.repeat(MAX_FILE_CHARS + 1)],
      ['a 4 MB description', JSON.stringify({ ...base, description: 'x'.repeat(4_000_000) })],
      ['50 000 unknown properties', JSON.stringify({ ...base, ...Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i])) })],
      ['50 000 bad parameters', JSON.stringify({ ...base, parameters: Array.from({ length: 50_000 }, () => ({})) })],
      ['many derived values', JSON.stringify({ ...base, derived: Array.from({ length: 30_000 }, (_, i) => ({ id: `d${i}`, expr: `d${i - 1} + 1` })) })],
    ];
    for (const [label, text] of cases) {
      const r = parseOutcome(text, label, BIG_MS);
      expect(r.ok, label).toBe(false);
      if (!r.ok) {
        expect(r.error.problems.length, label).toBeLessThanOrEqual(500);
        expect(r.error.message.length, label).toBeLessThan(200_000);
      }
    }
  });
});

describe('parameter value fuzz', () => {
  const models = catalog.map((c) => parseModel(c.text, opts));

  it('any input values (CLI strings, order rows, hostile keys) resolve to valid values and named problems', () => {
    const raw = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.double().map(String),
      fc.integer({ min: -1000, max: 1000 }).map(String),
      fc.constantFrom('1e999', '-0', ' 12 ', '0x10', 'yes', 'OFF', 'true', '', '#ff00ff', '#FFF', 'pla-white', 'Zoë', '\n', '\u0000x', '😀'.repeat(30)),
      fc.double(),
      fc.boolean(),
      fc.constantFrom<unknown>(null, undefined, [], {}, { valueOf: 3 }),
    );
    fc.assert(
      fc.property(fc.nat(models.length - 1), fc.array(fc.tuple(fc.oneof(fc.nat(40), fc.constantFrom('__proto__', 'constructor', 'toString', '')), raw), { maxLength: 8 }), (mi, entries) => {
        const m = models[mi]!;
        const input: Record<string, unknown> = {};
        for (const [k, v] of entries) Object.defineProperty(input, typeof k === 'number' ? (m.parameters[k]?.id ?? `p${k}`) : k, { value: v, enumerable: true, configurable: true, writable: true });
        const r = outcome(() => resolveValues(m, input, { materials }), `values for ${m.id}`);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        for (const p of r.value.problems) expect(p.message.length).toBeGreaterThan(0);
        // Every resolved value is one the parameter allows, so the scope and constraints run cleanly.
        for (const p of m.parameters) expect(Object.prototype.hasOwnProperty.call(r.value.values, p.id)).toBe(true);
        const scoped = outcome(() => {
          const scope = evaluateScope(m, r.value.values);
          return checkConstraints(m, scope);
        }, `scope for ${m.id}`);
        if (scoped.ok) for (const p of scoped.value) expect(p.message.length).toBeGreaterThan(0);
      }),
      { ...seed(15), numRuns: 1000 },
    );
  });
});

describe('design file fuzz', () => {
  const designArb = fc.record(
    {
      format: fc.oneof({ arbitrary: fc.constant('atelier-design/1'), weight: 9 }, fc.string({ maxLength: 20 })),
      model: fc.oneof({ arbitrary: fc.record({ id: fc.constantFrom('mug', 'nameplate', 'Bad Id', ''), version: fc.constantFrom('1.0.0', '2', 'x'.repeat(50)) }), weight: 9 }, hostileValue),
      values: fc.oneof(
        {
          arbitrary: fc.dictionary(
            fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'width')),
            fc.oneof({ arbitrary: fc.oneof(fc.double(), fc.boolean(), fc.string({ maxLength: 600 })), weight: 9 }, hostileValue),
            { maxKeys: 6 },
          ),
          weight: 9,
        },
        hostileValue,
      ),
      materials: fc.oneof(
        { arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof({ arbitrary: fc.string({ maxLength: 80 }), weight: 9 }, hostileValue), { maxKeys: 4 }), weight: 4 },
        hostileValue,
      ),
      name: fc.oneof({ arbitrary: fc.string({ maxLength: 250 }), weight: 4 }, hostileValue),
      extra: hostileValue,
    },
    { requiredKeys: ['format', 'model', 'values'] },
  );

  it('generated designs (well-formed or hostile) parse to a design that round-trips, or to located problems', () => {
    let accepted = 0;
    fc.assert(
      fc.property(designArb, (d) => {
        let text: string;
        try {
          text = JSON.stringify(d);
        } catch {
          return;
        }
        const r = outcome(() => parseDesign(text, 'x.atelier.json'), 'design', text.length > 1e5 ? BIG_MS : CASE_MS);
        if (r.ok) {
          accepted++;
          expect(parseDesign(serializeDesign(r.value))).toEqual(parseDesign(serializeDesign(parseDesign(serializeDesign(r.value)))));
        } else expectLocated(r.error, 'x.atelier.json');
      }),
      { ...seed(21), numRuns: 600 },
    );
    expect(accepted).toBeGreaterThan(10);
  });

  it('mutated design files end cleanly', () => {
    const good = serializeDesign({ format: 'atelier-design/1', model: { id: 'mug', version: '1.0.0' }, values: { height: 95, handle: true, label: 'Zoë' }, materials: { Body: 'pla-white' }, name: 'Mine' });
    fc.assert(
      fc.property(fc.array(textOp, { minLength: 1, maxLength: 5 }), (ops) => {
        const r = outcome(() => parseDesign(mutateText(good, ops), 'x.atelier.json'), 'mutated design');
        if (!r.ok) expectLocated(r.error, 'x.atelier.json');
      }),
      { ...seed(22), numRuns: 1000 },
    );
  });

  it('huge designs are refused quickly with a bounded list of problems', () => {
    const cases: [string, unknown][] = [
      ['50 000 bad materials', { format: 'atelier-design/1', model: { id: 'mug', version: '1' }, values: {}, materials: Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`p${i}`, i])) }],
      ['50 000 unknown properties', { format: 'atelier-design/1', model: { id: 'mug', version: '1' }, values: {}, ...Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i])) }],
      ['50 000 bad values', { format: 'atelier-design/1', model: { id: 'mug', version: '1' }, values: Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`v${i}`, null])) }],
    ];
    for (const [label, d] of cases) {
      const r = outcome(() => parseDesign(JSON.stringify(d), 'x.atelier.json'), label, BIG_MS);
      expect(r.ok, label).toBe(false);
      if (!r.ok) {
        expect(r.error.problems.length, label).toBeLessThanOrEqual(500);
        expectLocated(r.error, 'x.atelier.json');
      }
    }
  });
});
