// Slicer-ready 3MF projects of the two-colour nameplate and keychain: the configs PrusaSlicer and Bambu Studio /
// OrcaSlicer read, parsed here against the grammar those readers use, with ids and triangle runs that exist in the
// model; lib3mf strict with no warnings, the 3MF core XSD (our own schema of the subset we write, and the official one where it is at hand), and re-opening.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAMBU_CONFIG_PART, PRUSA_CONFIG_PART, type SlicerLayout } from '../../core/export';
import { read3mf } from '../../core/import';
import { tokenizeXml } from '../../core/formats/xml';
import { createGeometryKernel, type GeometryKernel } from '../../core/geometry';
import { ROOT, lib3mfRead, tempDir } from '../manufacturing/tools';
import { slicerProject } from './slicer-fixtures';

let kernel: GeometryKernel;
beforeAll(async () => {
  kernel = await createGeometryKernel();
});
afterAll(() => kernel.dispose());

const project = (id: string, layout: SlicerLayout) => slicerProject(kernel, id, layout);

interface El { name: string; attrs: Map<string, string>; children: El[] }
function tree(xml: string): El {
  const root: El = { name: '#root', attrs: new Map(), children: [] };
  const stack = [root];
  for (const e of tokenizeXml(xml, 'config')) {
    if (e.t === 'open') {
      const el = { name: e.name, attrs: e.attrs, children: [] };
      stack[stack.length - 1]!.children.push(el);
      stack.push(el);
    } else if (e.t === 'close') stack.pop();
    else if (e.text.trim()) throw new Error(`unexpected text ${e.text}`);
  }
  return root.children[0]!;
}

/** Mesh objects (id → triangle count), components objects (id → component ids) and the build's object ids. */
function modelShape(xml: string) {
  const meshes = new Map<number, number>();
  const assemblies = new Map<number, number[]>();
  const build: number[] = [];
  let cur: number | undefined;
  for (const e of tokenizeXml(xml, 'model')) {
    if (e.t !== 'open') continue;
    if (e.name === 'object') cur = Number(e.attrs.get('id'));
    else if (e.name === 'mesh') meshes.set(cur!, 0);
    else if (e.name === 'triangle') meshes.set(cur!, meshes.get(cur!)! + 1);
    else if (e.name === 'component') assemblies.set(cur!, [...(assemblies.get(cur!) ?? []), Number(e.attrs.get('objectid'))]);
    else if (e.name === 'item') build.push(Number(e.attrs.get('objectid')));
  }
  return { meshes, assemblies, build };
}

const meta = (el: El) => Object.fromEntries(el.children.filter((c) => c.name === 'metadata').map((c) => [c.attrs.get('key'), c.attrs.get('value')]));

describe.each(['nameplate', 'keychain'])('slicer project: %s', (id) => {
  it.each(['one-object', 'assembly'] as const)('%s: model_settings.config is what Bambu Studio / OrcaSlicer read, with part ids that exist', (layout) => {
    const { b, files } = project(id, layout);
    const shape = modelShape(strFromU8(files['3D/3dmodel.model']!));
    expect(shape.build).toHaveLength(1);
    const config = tree(strFromU8(files[BAMBU_CONFIG_PART]!));
    expect(config.name).toBe('config');
    expect(config.children.map((c) => c.name)).toEqual(['object']);
    const object = config.children[0]!;
    // <object id> is the object the build places; each <part id> one of its mesh objects (itself or a component)
    expect(Number(object.attrs.get('id'))).toBe(shape.build[0]);
    const meshIds = shape.assemblies.get(shape.build[0]!) ?? [shape.build[0]!];
    const parts = object.children.filter((c) => c.name === 'part');
    expect(object.children.every((c) => c.name === 'part' || c.name === 'metadata')).toBe(true);
    for (const p of parts) {
      expect(p.attrs.get('subtype')).toBe('normal_part');
      expect(meshIds).toContain(Number(p.attrs.get('id')));
      expect(shape.meshes.has(Number(p.attrs.get('id')))).toBe(true);
      expect(p.children.every((c) => c.name === 'metadata' && c.attrs.has('key') && c.attrs.has('value'))).toBe(true);
    }
    expect(meta(object)).toMatchObject({ name: id, extruder: '1' });
    if (layout === 'assembly') {
      // one part per product part, each on its own filament, in part order
      expect(parts.map((p) => meta(p))).toEqual(b.parts.map((p, i) => ({ name: p.name, extruder: String(i + 1) })));
      expect(new Set(parts.map((p) => p.attrs.get('id'))).size).toBe(b.parts.length);
    } else expect(parts).toHaveLength(1);
  });

  it('one-object: Slic3r_PE_model.config splits the one mesh into the parts, each on its own extruder', () => {
    const { b, files } = project(id, 'one-object');
    const shape = modelShape(strFromU8(files['3D/3dmodel.model']!));
    expect([...shape.meshes.keys()]).toEqual(shape.build);
    const config = tree(strFromU8(files[PRUSA_CONFIG_PART]!));
    const objects = config.children.filter((c) => c.name === 'object');
    expect(objects.map((o) => Number(o.attrs.get('id')))).toEqual(shape.build);
    const volumes = objects[0]!.children.filter((c) => c.name === 'volume');
    const typed = (el: El, type: string) => Object.fromEntries(el.children.filter((c) => c.name === 'metadata' && c.attrs.get('type') === type).map((c) => [c.attrs.get('key'), c.attrs.get('value')]));
    expect(typed(objects[0]!, 'object')).toMatchObject({ name: id });
    expect(volumes.map((v) => typed(v, 'volume'))).toEqual(b.parts.map((p, i) => ({ name: p.name, volume_type: 'ModelPart', extruder: String(i + 1) })));
    // consecutive runs covering every triangle of the mesh exactly once
    let next = 0;
    volumes.forEach((v, i) => {
      expect(Number(v.attrs.get('firstid'))).toBe(next);
      next = Number(v.attrs.get('lastid')) + 1;
      expect(next - Number(v.attrs.get('firstid'))).toBe(b.parts[i]!.mesh.indices.length / 3);
    });
    expect(next).toBe(shape.meshes.get(shape.build[0]!));
  });

  it.each(['one-object', 'assembly'] as const)('%s: lib3mf strict reads it with no warnings, thumbnails where slicers look, no print settings, design re-opens', async (layout) => {
    const { b, design, bytes, files } = project(id, layout);
    const l = await lib3mfRead(bytes);
    expect(l.warnings).toEqual([]);
    expect(l.hasThumbnail).toBe(true);
    expect(l.objects.every((o) => o.manifoldAndOriented)).toBe(true);
    expect(l.objects.reduce((s, o) => s + o.triangles, 0)).toBe(b.triangles);
    expect(l.objects.map((o) => o.name)).toEqual(layout === 'one-object' ? [id] : b.parts.map((p) => p.name));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['Metadata/thumbnail.png', 'Metadata/plate_1.png']));
    // settings files that would replace the user's printer profile are never written
    for (const f of ['Metadata/Slic3r_PE.config', 'Metadata/project_settings.config', 'Metadata/print_profile.config']) expect(files[f]).toBeUndefined();
    expect(strFromU8(files['3D/3dmodel.model']!)).toMatch(/<metadata name="Application">Atelier test<\/metadata>/);
    const r = read3mf(bytes);
    expect(JSON.parse(r.designJson!)).toEqual(design);
  });

  // Our own schema of the core subset we write (tests/export/fixtures), always; the 3MF Consortium's official XSD too
  // where this machine has it (it is not ours to copy into the project).
  const official = [process.env.ATELIER_3MF_SAMPLES, path.resolve(ROOT, '../shared/data/3mf'), '/work/shared/data/3mf'].map((d) => d && path.join(d, '3mf-core-1.4.0.offline.xsd')).find((f): f is string => !!f && existsSync(f));
  const schemas = [path.join(import.meta.dirname, 'fixtures/3mf-core-subset.xsd'), ...(official ? [official] : [])];
  it.each(schemas)('the model part validates against %s', (xsd) => {
    expect(spawnSync('xmllint', ['--version']).status, 'xmllint (Debian libxml2-utils) is installed').toBe(0);
    const dir = tempDir('slicer-xsd');
    for (const layout of ['one-object', 'assembly'] as const) {
      const f = path.join(dir, `${id}-${layout}.model`);
      writeFileSync(f, project(id, layout).files['3D/3dmodel.model']!);
      const r = spawnSync('xmllint', ['--nonet', '--noout', '--schema', xsd, f], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }
  });
});
