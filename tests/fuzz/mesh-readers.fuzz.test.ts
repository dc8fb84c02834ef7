// Mutation fuzzing of the hardened mesh readers (core/export: read3mf, readStl): valid packages from write3mf and
// writeStl with flipped and truncated bytes, mutated model XML, forged zips (bombs, lying sizes, many entries,
// unsafe names), DTDs and entities, NaN/1e999 coordinates, out-of-range indices, runaway components. Each ends in
// a UserError or a valid mesh, within a time bound and without allocating what a bomb promises.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync, strToU8, unzipSync, zipSync } from 'fflate';
import { read3mf, LIMITS_3MF, type Read3mfResult } from '../../core/import/read-3mf';
import { writeStl } from '../../core/export/stl';
import { readStl } from '../../core/import/read-stl';
import { write3mf } from '../../core/export/write-3mf';
import type { MeshData, PartMesh } from '../../core/geometry/mesh-data';
import { parseMaterialCatalog } from '../../core/model';
import { expectNoPollution, mutateText, outcome, prototypeSnapshot, seed } from './fuzz-support';
import { forge3mf, modelXml, TETRA_OBJECT } from './zip-forge';

const materials = parseMaterialCatalog(readFileSync(path.resolve(import.meta.dirname, '../../assets/materials/materials.json'), 'utf8'));
const HOOK_STL = new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../../assets/models/wall-hook/hook.stl')));
const enc = new TextEncoder();

let before = '';
beforeAll(() => {
  before = prototypeSnapshot();
});
afterAll(() => expectNoPollution(before));

/** A mesh the readers may return: finite coordinates, indices inside the vertex list, whole triangles. */
function expectSaneMesh(m: MeshData): void {
  expect(m.positions).toBeInstanceOf(Float32Array);
  expect(m.indices).toBeInstanceOf(Uint32Array);
  expect(m.positions.length % 3).toBe(0);
  expect(m.indices.length % 3).toBe(0);
  for (const v of m.positions) if (!Number.isFinite(v)) throw new Error(`non-finite coordinate ${v}`);
  const n = m.positions.length / 3;
  for (const i of m.indices) if (i >= n) throw new Error(`index ${i} out of ${n} vertices`);
}

function expectSane3mf(r: Read3mfResult): void {
  for (const o of r.objects) expectSaneMesh(o.mesh);
  expect(Object.getPrototypeOf(r.metadata)).toBe(Object.prototype);
  for (const v of Object.values(r.metadata)) expect(typeof v).toBe('string');
}

function read(bytes: Uint8Array, label: string, maxMs?: number) {
  const r = outcome(() => read3mf(bytes, 'fuzz.3mf'), label, maxMs);
  if (r.ok) expectSane3mf(r.value);
  return r;
}

function refused(bytes: Uint8Array, label: string, pattern: RegExp, maxMs?: number): void {
  const r = read(bytes, label, maxMs);
  expect(r.ok, `${label}: expected a refusal`).toBe(false);
  if (!r.ok) expect(r.error.message).toMatch(pattern);
}

/** Heap and array-buffer growth while `f` runs (after a GC when it is exposed). */
function memoryGrowth(f: () => void): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const m0 = process.memoryUsage();
  let peak = 0;
  f();
  const m1 = process.memoryUsage();
  peak = Math.max(m1.heapUsed - m0.heapUsed, 0) + Math.max(m1.arrayBuffers - m0.arrayBuffers, 0);
  return peak;
}

const MB = 1024 * 1024;

// ---- valid inputs to mutate ---------------------------------------------------------------------------------------

const meshArb = fc
  .tuple(
    fc.array(fc.tuple(fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })), { minLength: 3, maxLength: 30 }),
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 40 }),
  )
  .map(([verts, tris]): MeshData => {
    const n = verts.length;
    const idx: number[] = [];
    for (const [a, b, c] of tris) {
      const i = a % n;
      const j = (i + 1 + (b % (n - 1))) % n;
      let k = c % n;
      while (k === i || k === j) k = (k + 1) % n;
      idx.push(i, j, k);
    }
    return { positions: new Float32Array(verts.flat()), indices: new Uint32Array(idx) };
  });

function part(name: string, mesh: MeshData): PartMesh {
  return { name, material: materials.materials[0]!.id, color: '#336699', mesh, volume: 0, surfaceArea: 0, bbox: { min: [0, 0, 0], max: [1, 1, 1] }, genus: 0 };
}

const META = { title: 'Fuzz <&> "title"', application: 'Atelier fuzz', creationDate: '2026-01-01T00:00:00Z' };
const design = { format: 'atelier-design/1' as const, model: { id: 'mug', version: '1.0.0' }, values: { height: 90 } };
const valid3mf = write3mf([part('Body', { positions: new Float32Array([0, 0, 0, 10, 0, 0, 0, 10, 0, 0, 0, 10]), indices: new Uint32Array([0, 2, 1, 0, 1, 3, 1, 2, 3, 0, 3, 2]) }), part('Lid & "top"', { positions: new Float32Array([0, 0, 20, 5, 0, 20, 0, 5, 20]), indices: new Uint32Array([0, 1, 2]) })], materials, { ...META, design });
const validXml = new TextDecoder().decode(unzipSync(valid3mf)['3D/3dmodel.model']!);

/** Re-packs the valid package with a replaced model part, as a real writer would. */
function repack(xml: string | Uint8Array): Uint8Array {
  const files: Record<string, Uint8Array> = unzipSync(valid3mf);
  files['3D/3dmodel.model'] = typeof xml === 'string' ? strToU8(xml) : xml;
  return zipSync(files, { level: 1 });
}

const byteOps = fc.array(fc.record({ kind: fc.nat(4), at: fc.double({ min: 0, max: 1, noNaN: true }), value: fc.nat(255), len: fc.integer({ min: 1, max: 64 }) }), { minLength: 1, maxLength: 6 });

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) out.set(p, (o += p.length) - p.length);
  return out;
}

function mutateBytes(b: Uint8Array, ops: { kind: number; at: number; value: number; len: number }[]): Uint8Array {
  let out: Uint8Array = b.slice();
  for (const op of ops) {
    const at = Math.floor(op.at * out.length);
    if (op.kind === 0) out[at] = op.value; // set a byte
    else if (op.kind === 1) out[at] = out[at]! ^ (1 << op.value % 8); // flip a bit
    else if (op.kind === 2) out = out.slice(0, at); // truncate
    else if (op.kind === 3) out = concat(out.subarray(0, at), out.subarray(at + op.len)); // delete
    else out = concat(out.subarray(0, at), new Uint8Array(op.len).fill(op.value), out.subarray(at)); // insert
  }
  return out;
}

// ---- 3MF ------------------------------------------------------------------------------------------------------------

describe('3MF reader fuzz', () => {
  it('reads what write3mf writes (the fuzz starts from a valid package)', () => {
    const r = read(valid3mf, 'valid');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.objects.map((o) => o.name)).toEqual(['Body', 'Lid & "top"']);
      expect(JSON.parse(r.value.designJson!)).toEqual(design);
      expect(r.value.metadata.Title).toBe(META.title);
    }
  });

  it('generated meshes round-trip through write3mf and read3mf', () => {
    fc.assert(
      fc.property(fc.array(meshArb, { minLength: 1, maxLength: 3 }), (meshes) => {
        const bytes = write3mf(meshes.map((m, i) => part(`P${i}`, m)), materials, META);
        const r = read(bytes, 'round trip');
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.objects.length).toBe(meshes.length);
        r.value.objects.forEach((o, i) => {
          expect([...o.mesh.indices]).toEqual([...meshes[i]!.indices]);
          // Written with 4 decimals.
          o.mesh.positions.forEach((v, k) => expect(Math.abs(v - meshes[i]!.positions[k]!)).toBeLessThanOrEqual(Math.abs(v) * 1e-6 + 6e-5));
        });
      }),
      { ...seed(31), numRuns: 150 },
    );
  });

  it('flipped, set, inserted, deleted and truncated bytes of a package end cleanly', () => {
    let refusedCount = 0;
    fc.assert(
      fc.property(byteOps, (ops) => {
        if (!read(mutateBytes(valid3mf, ops), 'mutated package').ok) refusedCount++;
      }),
      { ...seed(32), numRuns: 1500 },
    );
    expect(refusedCount).toBeGreaterThan(750);
  });

  it('mutations aimed at the zip directory and local headers (sizes, offsets, counts, methods) end cleanly', () => {
    // The central directory and end record are the last few hundred bytes; local headers start each entry.
    const dirStart = valid3mf.length - 400;
    const field = fc.record({
      region: fc.constantFrom('directory', 'start'),
      at: fc.nat(399),
      width: fc.constantFrom(1, 2, 4),
      value: fc.oneof(fc.constantFrom(0, 1, 0xff, 0xffff, 0xffffffff, 0x7fffffff, 8, 9, 12, 99), fc.nat()),
    });
    let readOk = 0;
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 3 }), (edits) => {
        const b = valid3mf.slice();
        const dv = new DataView(b.buffer);
        for (const e of edits) {
          const at = Math.min((e.region === 'directory' ? dirStart : 0) + e.at, b.length - 4);
          if (e.width === 1) dv.setUint8(at, e.value & 0xff);
          else if (e.width === 2) dv.setUint16(at, e.value & 0xffff, true);
          else dv.setUint32(at, e.value >>> 0, true);
        }
        if (read(b, 'mutated zip headers').ok) readOk++;
      }),
      { ...seed(35), numRuns: 1000 },
    );
    expect(readOk).toBeGreaterThan(0); // some edits hit fields that do not matter (times, versions)
  });

  const XML_SNIPPETS = [
    '<!DOCTYPE model [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    '<!ENTITY x SYSTEM "file:///etc/passwd">',
    '&xxe;', '&b;', '&#0;', '&#x110000;', '&#xD800;', '&#99999999999999;', '&lt;', '&amp;amp;',
    'NaN', 'nan', 'Infinity', '-Infinity', '1e999', '-1e999', '1e38', '1e39', '3.5e38', '0x10', '1_000', '', ' ', '-0', '+1', '.', '1.', '.5', '1e', '١٢',
    '4294967296', '99999999999999999999', '-1', '4', '3',
    '<vertex x="1" y="2" z="3"/>', '<triangle v1="0" v2="1" v3="9999999"/>', '<triangle v1="0" v2="0" v3="0"/>',
    '<component objectid="2"/>', '<component objectid="999"/>', '<item objectid="999"/>', '<item objectid="2" transform="1 0 0 0 1 0 0 0 1 1e999 0 0"/>',
    '<metadata name="__proto__">x</metadata>', '<metadata name="constructor">x</metadata>',
    '<![CDATA[', ']]>', '<!--', '-->', '<?', '?>', '<', '>', '"', "'", '/>', '</model>', '<model>', '</object>', '<object id="2">',
    'unit="inch"', 'unit="parsec"', 'xmlns:p="http://x" requiredextensions="p"',
    '\u0000', '\uFEFF', '\uD800', '😀',
  ];

  it('mutated model XML (entities, DTDs, bad numbers and indices, broken tags) ends cleanly', () => {
    const ops = fc.array(
      fc.record({
        kind: fc.nat(),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        len: fc.integer({ min: 1, max: 60 }),
        payload: fc.oneof(fc.constantFrom(...XML_SNIPPETS), fc.string({ maxLength: 5 })),
      }),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(ops, (o) => {
        read(repack(mutateText(validXml, o)), 'mutated XML');
      }),
      { ...seed(33), numRuns: 1200 },
    );
  });

  it('generated model parts with hostile numbers, indices, components and transforms end cleanly', () => {
    const num = fc.oneof(
      { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e4, max: 1e4 }).map(String), weight: 6 },
      fc.constantFrom('NaN', 'Infinity', '1e999', '-1e999', '1e308', '3.5e38', '', '0x1', '1e', '-0', ' 1 ', '1,5'),
    );
    const idx = fc.oneof({ arbitrary: fc.nat(6), weight: 6 }, fc.constantFrom('-1', '4294967296', '1e2', '', 'x', '99999999999999999999999'));
    const object = fc.record({
      verts: fc.array(fc.tuple(num, num, num), { maxLength: 8 }),
      tris: fc.array(fc.tuple(idx, idx, idx), { maxLength: 8 }),
      comps: fc.array(fc.tuple(fc.nat(6), fc.option(fc.array(num, { minLength: 11, maxLength: 13 }))), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(object, { minLength: 1, maxLength: 5 }), fc.array(fc.tuple(fc.nat(6), fc.option(fc.array(num, { minLength: 12, maxLength: 12 }))), { maxLength: 4 }), (objs, items) => {
        const resources = objs
          .map((o, i) => {
            const mesh = o.verts.length || o.tris.length
              ? `<mesh><vertices>${o.verts.map(([x, y, z]) => `<vertex x="${x}" y="${y}" z="${z}"/>`).join('')}</vertices><triangles>${o.tris.map(([a, b, c]) => `<triangle v1="${a}" v2="${b}" v3="${c}"/>`).join('')}</triangles></mesh>`
              : '';
            const comps = o.comps.length ? `<components>${o.comps.map(([id, t]) => `<component objectid="${id}"${t ? ` transform="${t.join(' ')}"` : ''}/>`).join('')}</components>` : '';
            return `<object id="${i + 1}" type="model">${mesh || comps || '<mesh><vertices/><triangles/></mesh>'}</object>`;
          })
          .join('');
        const build = items.map(([id, t]) => `<item objectid="${id}"${t ? ` transform="${t.join(' ')}"` : ''}/>`).join('');
        read(forge3mf(modelXml(resources, build)), 'generated model');
      }),
      { ...seed(34), numRuns: 800 },
    );
  });

  it('refuses DTDs and entity expansion before expanding anything', () => {
    const laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol">' + Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') + ']>';
    refused(forge3mf(modelXml(TETRA_OBJECT(1), '<item objectid="1"/>', laughs).replace('name="Tetra"', 'name="&lol9;"')), 'billion laughs', /DTD|entit/);
    refused(forge3mf(modelXml(TETRA_OBJECT(1).replace('name="Tetra"', 'name="&xxe;"'), '<item objectid="1"/>')), 'undeclared entity', /entit/);
    refused(forge3mf(modelXml(TETRA_OBJECT(1), '<item objectid="1"/>', '<!DOCTYPE model SYSTEM "http://example.com/x.dtd">')), 'external DTD', /DTD/);
  });

  it('refuses NaN, infinite and out-of-range coordinates and indices', () => {
    for (const bad of ['NaN', 'Infinity', '1e999', '-1e999', 'x', '']) {
      refused(forge3mf(modelXml(TETRA_OBJECT(1).replace('x="10"', `x="${bad}"`), '<item objectid="1"/>')), `vertex ${bad}`, /not a number|out of range/);
      refused(forge3mf(modelXml(TETRA_OBJECT(1), `<item objectid="1" transform="1 0 0 0 1 0 0 0 1 ${bad} 0 0"/>`)), `transform ${bad}`, /not a number|out of range|12 numbers/);
    }
    for (const bad of ['4', '-1', '4294967296', '1e2', '99999999999999999999999'])
      refused(forge3mf(modelXml(TETRA_OBJECT(1).replace('v3="1"', `v3="${bad}"`), '<item objectid="1"/>')), `index ${bad}`, /vertex/);
  });

  it('refuses components that multiply into a runaway build, quickly and without building it', () => {
    // 10 copies of 10 copies … of a tetrahedron, 8 levels deep: 10^7 placements from a few hundred bytes.
    let objs = TETRA_OBJECT(1);
    for (let l = 2; l <= 8; l++) objs += `<object id="${l}" type="model"><components>${`<component objectid="${l - 1}"/>`.repeat(10)}</components></object>`;
    let grown = 0;
    grown = memoryGrowth(() => refused(forge3mf(modelXml(objs, '<item objectid="8"/>')), 'component fan-out', /more than 100000 objects and components|triangles/, 2000));
    expect(grown).toBeLessThan(200 * MB);
    // Without meshes the placements still count.
    let empty = '<object id="1" type="model"><components></components></object>';
    for (let l = 2; l <= 9; l++) empty += `<object id="${l}" type="model"><components>${`<component objectid="${l - 1}"/>`.repeat(10)}</components></object>`;
    refused(forge3mf(modelXml(empty, '<item objectid="9"/>')), 'empty fan-out', /more than 100000/, 2000);
    // A modest shared component is still fine: 10 × 10 copies.
    let ok = TETRA_OBJECT(1);
    ok += `<object id="2" type="model"><components>${'<component objectid="1"/>'.repeat(10)}</components></object>`;
    ok += `<object id="3" type="model"><components>${'<component objectid="2"/>'.repeat(10)}</components></object>`;
    const r = read(forge3mf(modelXml(ok, '<item objectid="3"/>')), '100 copies');
    expect(r.ok && r.value.objects[0]!.mesh.indices.length).toBe(100 * 12);
    // Cycles end at the depth limit.
    refused(forge3mf(modelXml(`${TETRA_OBJECT(1)}<object id="2" type="model"><components><component objectid="2"/></components></object>`, '<item objectid="2"/>')), 'cycle', /nested more than|cycle/);
  });

  it('keeps metadata names such as __proto__ and constructor as plain data', () => {
    const head = '<metadata name="__proto__">polluted</metadata><metadata name="constructor">c</metadata><metadata name="toString">t</metadata>';
    const r = read(forge3mf(modelXml(TETRA_OBJECT(1), '<item objectid="1"/>').replace('<resources>', `${head}<resources>`)), 'metadata names');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.getOwnPropertyDescriptor(r.value.metadata, '__proto__')?.value).toBe('polluted');
    expect(Object.getOwnPropertyDescriptor(r.value.metadata, 'constructor')?.value).toBe('c');
    expect(r.value.metadata.toString).toBe('t');
    expect(Object.getPrototypeOf(r.value.metadata)).toBe(Object.prototype);
  });

  it('refuses unsafe entry names, too many entries and absurd declared sizes', () => {
    for (const name of ['../evil.model', 'a/../../evil.model', '/abs.model', 'C:/x.model', 'a\\b.model', 'x\u0000.model'])
      refused(forge3mf(modelXml(TETRA_OBJECT(1), '<item objectid="1"/>'), [{ name, data: enc.encode('x') }]), `entry ${JSON.stringify(name)}`, /unsafe path/);
    const tiny = deflateSync(new Uint8Array(1));
    const many = Array.from({ length: LIMITS_3MF.entries + 1 }, (_, i) => ({ name: `m/${i}.png`, deflated: tiny, size: 1 }));
    refused(forge3mf(modelXml(TETRA_OBJECT(1), '<item objectid="1"/>'), many), 'too many entries', /more than 2000 entries/);
    // A declared 1 GB entry is refused from the directory alone, without inflating or allocating it.
    const grown = memoryGrowth(() =>
      refused(forge3mf(modelXml(TETRA_OBJECT(1), '<item objectid="1"/>'), [{ name: 'big.model', deflated: tiny, size: 1024 * MB + 1 }]), 'declared 1 GB', /unpacks to more than|zip bomb/),
    );
    expect(grown).toBeLessThan(64 * MB);
  });

  it('refuses entries whose declared sizes the file cannot hold, without allocating them', () => {
    // 1 kB of zip claiming 200 MB compressed and 1000 MB unpacked: a plausible ratio, an impossible size.
    const tiny = deflateSync(new Uint8Array(16));
    const zip = forge3mf(modelXml(TETRA_OBJECT(1), '<item objectid="1"/>'), [{ name: 'big.model', deflated: tiny, size: 1000 * MB }]);
    const dv = new DataView(zip.buffer);
    for (let o = zip.length - 22; o > 0; o--)
      if (dv.getUint32(o, true) === 0x02014b50 && new TextDecoder().decode(zip.subarray(o + 46, o + 46 + dv.getUint16(o + 28, true))) === 'big.model') dv.setUint32(o + 20, 200 * MB, true);
    const grown = memoryGrowth(() => refused(zip, 'impossible compressed size', /damaged|zip bomb|unpacks to more/));
    expect(grown).toBeLessThan(64 * MB);
  });

  it('refuses a zip bomb of one highly compressed entry without allocating it', () => {
    const payload = deflateSync(new Uint8Array(8 * MB), { level: 9 }); // ~8 kB of deflate for 8 MB of zeros
    const grown = memoryGrowth(() =>
      refused(forge3mf(modelXml(TETRA_OBJECT(1), '<item objectid="1"/>'), [{ name: 'bomb.model', deflated: payload, size: 8 * MB }]), 'one-entry bomb', /zip bomb/),
    );
    expect(grown).toBeLessThan(64 * MB);
  });

  it('refuses a 1 GB zip bomb spread over many small entries without allocating it', () => {
    // 1000 entries of 1 MB of zeros, each just under the per-entry check: about 1 MB of zip, 1000 MB unpacked.
    const payload = deflateSync(new Uint8Array(MB), { level: 9 });
    const entries = Array.from({ length: 1000 }, (_, i) => ({ name: `bomb/${i}.model`, deflated: payload, size: MB }));
    const zip = forge3mf(modelXml(TETRA_OBJECT(1), '<item objectid="1"/>'), entries);
    expect(zip.length).toBeLessThan(4 * MB);
    const grown = memoryGrowth(() => refused(zip, 'many-entry bomb', /zip bomb/, 1000));
    expect(grown).toBeLessThan(64 * MB);
  });

  it('does not trust declared sizes: an entry that inflates to far more than it claims is refused quickly', () => {
    // Each directory entry says 100 kB; each deflate stream holds 16 MB of zeros: 512 MB of work from 500 kB.
    const payload = deflateSync(new Uint8Array(16 * MB), { level: 9 });
    const liars = Array.from({ length: 32 }, (_, i) => ({ name: `liar/${i}.model`, deflated: payload, size: 100_000 }));
    const zip = forge3mf(modelXml(TETRA_OBJECT(1), '<item objectid="1"/>'), liars);
    const grown = memoryGrowth(() => refused(zip, 'lying size', /unpacks to more than the 100000 bytes/, 500));
    expect(grown).toBeLessThan(64 * MB);
  });
});

// ---- STL ------------------------------------------------------------------------------------------------------------

function asciiStl(tris: [string, string, string][][]): string {
  return `solid fuzz\n${tris.map((t) => `facet normal 0 0 1\n outer loop\n${t.map((v) => `  vertex ${v.join(' ')}\n`).join('')} endloop\nendfacet\n`).join('')}endsolid fuzz\n`;
}

describe('STL reader fuzz', () => {
  it('generated meshes round-trip through writeStl and readStl', () => {
    fc.assert(
      fc.property(meshArb, (m) => {
        const r = outcome(() => readStl(writeStl(m)), 'round trip');
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expectSaneMesh(r.value);
        expect(r.value.indices.length).toBe(m.indices.length);
        for (let t = 0; t < m.indices.length; t++)
          for (let c = 0; c < 3; c++) expect(r.value.positions[r.value.indices[t]! * 3 + c]).toBe(m.positions[m.indices[t]! * 3 + c]);
      }),
      { ...seed(41), numRuns: 300 },
    );
  });

  it('mutated binary STL bytes (the wall hook) end in a UserError or a sane mesh', () => {
    expectSaneMesh(readStl(HOOK_STL));
    fc.assert(
      fc.property(byteOps, (ops) => {
        const r = outcome(() => readStl(mutateBytes(HOOK_STL, ops), 'fuzz.stl'), 'mutated binary STL');
        if (r.ok) expectSaneMesh(r.value);
      }),
      { ...seed(42), numRuns: 800 },
    );
  });

  it('generated ASCII STL with hostile numbers ends in a UserError or a sane mesh', () => {
    const num = fc.oneof(
      { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String), weight: 5 },
      fc.constantFrom('1e999', '-1e999', '1e39', '3.4e38', '3.5e38', 'NaN', 'inf', '0x1', '', '1e', '-0', '1.5e-50', '9'.repeat(400)),
    );
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(num, num, num), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (tris) => {
        const r = outcome(() => readStl(strToU8(asciiStl(tris)), 'fuzz.stl'), 'ASCII STL');
        if (r.ok) expectSaneMesh(r.value);
      }),
      { ...seed(43), numRuns: 800 },
    );
  });

  it('refuses ASCII coordinates beyond 32-bit floats instead of returning Infinity', () => {
    for (const bad of ['1e999', '-1e999', '1e39', '3.5e38']) {
      const r = outcome(() => readStl(strToU8(asciiStl([[['0', '0', '0'], [bad, '0', '0'], ['0', '1', '0']]])), 'fuzz.stl'), `ASCII ${bad}`);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/out of range/);
    }
  });

  it('refuses binary STL with NaN or infinite coordinates, and sizes that do not add up', () => {
    const b = writeStl({ positions: new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0]), indices: new Uint32Array([0, 1, 2]) });
    for (const v of [NaN, Infinity, -Infinity]) {
      const bad = b.slice();
      new DataView(bad.buffer).setFloat32(84 + 12 + 4, v, true);
      expect(outcome(() => readStl(bad), `binary ${v}`).ok).toBe(false);
    }
    const lying = b.slice();
    new DataView(lying.buffer).setUint32(80, 0xffffffff, true);
    expect(outcome(() => readStl(lying), 'huge count').ok).toBe(false);
    expect(outcome(() => readStl(new Uint8Array(0)), 'empty').ok).toBe(false);
    expect(outcome(() => readStl(strToU8('solid x\nendsolid x\n')), 'no facets').ok).toBe(false);
  });
});
