// The real CLI on real files: list, info and export JSON shapes, exact dimensions, check verdicts, a foreign 3MF,
// and the round trip export → re-open → change one parameter → export.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { read3mf } from '../../core/import';
import { STACK_RE, lib3mfRead, runCli, tempDir } from '../manufacturing/tools';
import { makeCatalog, plateModel, writeJson } from './fixtures';

let dir: string;
let model: string;
let env: Record<string, string>;

beforeAll(() => {
  dir = tempDir('cli-commands');
  model = writeJson(dir, 'plate.model.json', plateModel());
  env = { ATELIER_ASSETS: makeCatalog(dir) };
});

const PARAM_KEYS = ['id', 'label', 'type', 'default', 'min', 'max', 'step', 'unit', 'options', 'maxLength'];

async function ok(args: string[]): Promise<string> {
  const r = await runCli(args, { cwd: dir, env });
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  expect(r.stderr + r.stdout).not.toMatch(STACK_RE);
  return r.stdout;
}

describe('atelier list / info', () => {
  it('--version and --help', async () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string };
    expect((await ok(['--version'])).trim()).toBe(pkg.version);
    expect(await ok(['--help'])).toMatch(/atelier batch <orders\.csv \| orders\.json> --out-dir DIR/);
  });

  it('lists the catalog, and info --json has exactly the documented shape for every model', async () => {
    const list = JSON.parse(await ok(['list', '--json'])) as { id: string; name: string; error?: string }[];
    expect(list.length).toBeGreaterThanOrEqual(9); // the catalog's 8 or more, plus the test plate
    expect(list.filter((m) => m.error)).toEqual([]);
    expect(await ok(['list'])).toContain(list[0]!.id);
    for (const m of list) {
      const info = JSON.parse(await ok(['info', m.id, '--json'])) as Record<string, unknown> & { parameters: Record<string, unknown>[] };
      expect(Object.keys(info).sort()).toEqual(['id', 'materials', 'name', 'parameters', 'presets', 'units', 'version']);
      expect(info).toMatchObject({ id: m.id, units: 'mm' });
      for (const p of info.parameters) {
        for (const k of Object.keys(p)) expect(PARAM_KEYS, `${m.id}.${String(p.id)} has ${k}`).toContain(k);
        const numeric = p.type === 'number' || p.type === 'integer';
        expect('min' in p && 'max' in p, `${m.id}.${String(p.id)} min/max`).toBe(numeric);
        expect('options' in p).toBe(p.type === 'choice' || p.type === 'material');
        expect('maxLength' in p).toBe(p.type === 'text');
      }
    }
  });

  it('info of a model file and its parameters', async () => {
    const info = JSON.parse(await ok(['info', model, '--json'])) as { parameters: Record<string, unknown>[]; presets: unknown[] };
    expect(info.parameters[0]).toEqual({ id: 'width', label: 'Width', type: 'number', default: 60, min: 20, max: 300, step: 0.5, unit: 'mm' });
    expect(info.parameters.find((p) => p.id === 'stand')).toEqual({ id: 'stand', label: 'Stand', type: 'boolean', default: true });
    expect(info.parameters.find((p) => p.id === 'finish')).toMatchObject({ options: [{ value: 'flat', label: 'Flat' }, { value: 'bevel', label: 'Bevelled' }] });
    expect(info.presets).toEqual([{ id: 'large', name: 'Large', values: { width: 120, depth: 40 } }]);
    expect(await ok(['info', model])).toMatch(/width\s+number\s+default 60 20\.\.300 mm/);
  });
});

describe('atelier export', () => {
  it('writes STL and 3MF of exactly the asked size, with the documented JSON', async () => {
    for (const ext of ['stl', '3mf'] as const) {
      const out = path.join(dir, `plate80.${ext}`);
      const j = JSON.parse(await ok(['export', model, '--set', 'width=80', '--set', 'depth=25.5', '--set', 'height=3.2', '--set', 'stand=false', '--out', out, '--json'])) as Record<string, unknown>;
      expect(Object.keys(j).sort()).toEqual(['bbox', 'cost', 'currency', 'file', 'format', 'mass', 'parts', 'printable', 'printer', 'triangles', 'volume']);
      expect(j.file).toBe(out);
      expect(j.format).toBe(ext);
      const b = j.bbox as { x: number; y: number; z: number };
      expect(b.x).toBeCloseTo(80, 2);
      expect(b.y).toBeCloseTo(25.5, 2);
      expect(b.z).toBeCloseTo(3.2, 2);
      expect(j.volume as number).toBeCloseTo(80 * 25.5 * 3.2, 0);
      expect(j.parts).toEqual([{ name: 'plate', material: expect.any(String), triangles: 12, volume: expect.closeTo(80 * 25.5 * 3.2, 0) }]);
      expect(j.mass as number).toBeGreaterThan(0);
      expect(j.cost as number).toBeGreaterThan(0);
    }
    const l = await lib3mfRead(readFileSync(path.join(dir, 'plate80.3mf')));
    expect(l.warnings).toEqual([]);
    expect(l.millimetres).toBe(true);
    expect(l.hasThumbnail).toBe(true);
    expect(l.objects.map((o) => [o.name, o.manifoldAndOriented])).toEqual([['plate', true]]);
    expect(await ok(['export', model, '--preset', 'large', '--out', 'large.glb'])).toMatch(/^Wrote large\.glb: GLB, 2 parts, \d+ triangles, 120 × 40 × 7 mm/);
  });

  it('round trip: export 3MF, re-open it, change one parameter, export again; geometry and design match', async () => {
    const first = path.join(dir, 'rt1.3mf');
    await ok(['export', 'test-plate', '--set', 'width=90', '--set', 'holes=3', '--out', first]);
    const info = JSON.parse(await ok(['info', first, '--json'])) as { id: string; design: { model: { id: string }; values: Record<string, unknown> } };
    expect(info.id).toBe('test-plate');
    expect(info.design.values).toMatchObject({ width: 90, holes: 3, depth: 20 });
    const second = path.join(dir, 'rt2.3mf');
    await ok(['export', first, '--set', 'depth=30', '--out', second]);
    const direct = path.join(dir, 'rt3.3mf');
    await ok(['export', 'test-plate', '--set', 'width=90', '--set', 'holes=3', '--set', 'depth=30', '--out', direct]);
    const a = read3mf(readFileSync(second));
    const b = read3mf(readFileSync(direct));
    const design = JSON.parse(a.designJson!) as { model: { id: string }; values: Record<string, unknown> };
    expect(design.model.id).toBe('test-plate');
    expect(design.values).toEqual(JSON.parse(b.designJson!).values);
    expect(design.values).toMatchObject({ width: 90, holes: 3, depth: 30 });
    expect(a.objects.map((o) => o.name)).toEqual(b.objects.map((o) => o.name));
    a.objects.forEach((o, i) => {
      expect(Array.from(o.mesh.positions)).toEqual(Array.from(b.objects[i]!.mesh.positions));
      expect(Array.from(o.mesh.indices)).toEqual(Array.from(b.objects[i]!.mesh.indices));
    });
  });

  it('round trip of a catalog model changes only what was asked', async () => {
    const list = JSON.parse(await ok(['list', '--json'])) as { id: string }[];
    const id = list.find((m) => m.id !== 'test-plate')!.id;
    const info = JSON.parse(await ok(['info', id, '--json'])) as { parameters: { id: string; type: string; default: number; min: number; max: number }[] };
    const p = info.parameters.find((x) => (x.type === 'number' || x.type === 'integer') && x.max > x.min)!;
    const v = p.type === 'integer' ? Math.round((p.default + p.max) / 2) : (p.default + p.max) / 2;
    const f1 = path.join(dir, `${id}-1.3mf`);
    const f2 = path.join(dir, `${id}-2.3mf`);
    const f3 = path.join(dir, `${id}-3.3mf`);
    await ok(['export', id, '--out', f1]);
    const j2 = JSON.parse(await ok(['export', f1, '--set', `${p.id}=${v}`, '--out', f2, '--json', '--force'])) as Record<string, unknown>;
    const j3 = JSON.parse(await ok(['export', id, '--set', `${p.id}=${v}`, '--out', f3, '--json', '--force'])) as Record<string, unknown>;
    expect({ ...j2, file: '' }).toEqual({ ...j3, file: '' });
    const d1 = JSON.parse(read3mf(readFileSync(f1)).designJson!) as { values: Record<string, unknown> };
    const d2 = JSON.parse(read3mf(readFileSync(f2)).designJson!) as { values: Record<string, unknown> };
    expect(d2.values).toEqual({ ...d1.values, [p.id]: v });
  });
});

describe('atelier info on a foreign 3MF', () => {
  it('shows plain geometry', async () => {
    const v = [[0, 0, 0], [10, 0, 0], [10, 10, 0], [0, 10, 0], [0, 0, 10], [10, 0, 10], [10, 10, 10], [0, 10, 10]];
    const t = [[0, 2, 1], [0, 3, 2], [4, 5, 6], [4, 6, 7], [0, 1, 5], [0, 5, 4], [1, 2, 6], [1, 6, 5], [2, 3, 7], [2, 7, 6], [3, 0, 4], [3, 4, 7]];
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<model unit="millimeter" xml:lang="en-US" xmlns="http://schemas.microsoft.com/3dmanufacturing/core/2015/02">' +
      '<resources><object id="1" type="model" name="cube"><mesh><vertices>' +
      v.map(([x, y, z]) => `<vertex x="${x}" y="${y}" z="${z}"/>`).join('') +
      '</vertices><triangles>' +
      t.map(([a, b, c]) => `<triangle v1="${a}" v2="${b}" v3="${c}"/>`).join('') +
      '</triangles></mesh></object></resources><build><item objectid="1"/></build></model>';
    const zip = zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="model" ContentType="application/vnd.ms-package.3dmanufacturing-3dmodel+xml"/></Types>'),
      '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Target="/3D/3dmodel.model" Id="rel0" Type="http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel"/></Relationships>'),
      '3D/3dmodel.model': strToU8(xml),
    });
    const f = path.join(dir, 'foreign.3mf');
    writeFileSync(f, zip);
    expect(read3mf(zip).designJson).toBeUndefined();
    const j = JSON.parse(await ok(['info', f, '--json'])) as Record<string, unknown>;
    expect(j).toMatchObject({ format: '3mf', triangles: 12, bbox: { x: 10, y: 10, z: 10 }, objects: [{ name: 'cube', triangles: 12 }] });
    expect(await ok(['info', f])).toMatch(/plain geometry/);
    const r = await runCli(['export', f, '--out', 'x.stl'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did not write/);
  });
});
