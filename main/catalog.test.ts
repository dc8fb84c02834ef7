// The catalog reader against a real assets/ tree in a temp dir: listing, model text + mesh bytes, fonts,
// materials, printers; broken and hostile entries are skipped or refused.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSafeRelativePath, loadCatalogModel, meshPaths, readCatalogData, readModelSource, scanCatalog } from './catalog';

let dir: string;
const put = (rel: string, data: string | Uint8Array) => {
  const f = path.join(dir, rel);
  mkdirSync(path.dirname(f), { recursive: true });
  writeFileSync(f, data);
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'atelier-catalog-'));
  put('models/mug/mug.model.json', JSON.stringify({
    format: 'atelier-model/1', id: 'mug', name: 'Mug', description: 'A mug', tags: ['kitchen', 3], thumbnail: 'thumb.png',
    parts: [{ name: 'body', solid: { type: 'union', children: [{ type: 'mesh', file: 'meshes/handle.stl' }, { type: 'mesh', file: '../../secret.stl' }, { type: 'mesh', file: 'missing.stl' }] } }],
  }));
  put('models/mug/meshes/handle.stl', new Uint8Array([1, 2, 3]));
  put('models/mug/thumb.png', new Uint8Array([137, 80]));
  put('secret.stl', 'secret');
  put('models/plate.model.json', '// a comment\n{ "id": "plate", "name": "Name plate", "parts": [], }');
  put('models/broken/broken.model.json', '{ "id": "broken", ');
  put('models/evil/evil.model.json', JSON.stringify({ id: '../evil', name: 'x' }));
  put('models/zz-dup/mug.model.json', JSON.stringify({ id: 'mug', name: 'Second mug' }));
  put('fonts/fonts.json', JSON.stringify([{ id: 'inter', name: 'Inter', file: 'Inter.ttf', license: 'OFL-1.1' }, { id: 'bad', file: '../x.ttf' }]));
  put('fonts/Inter.ttf', new Uint8Array([0, 1, 0, 0]));
  put('materials/materials.json', '{"currency":"EUR","materials":[]}');
  put('printers/mk4.json', '{"id":"mk4"}');
  put('printers/a1.json', '{"id":"a1"}');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('catalog', () => {
  it('lists valid models once, with thumbnails under atelier://assets', async () => {
    const list = (await scanCatalog(dir, 'atelier://assets')).map((f) => f.entry);
    expect(list.map((e) => e.id).sort()).toEqual(['mug', 'plate']);
    expect(list.find((e) => e.id === 'mug')).toEqual({
      id: 'mug', name: 'Mug', description: 'A mug', tags: ['kitchen'], thumbnailUrl: 'atelier://assets/models/mug/thumb.png',
    });
    expect(list.find((e) => e.id === 'plate')!.thumbnailUrl).toBe('');
  });

  it('loads a model with its mesh files, never from outside its folder', async () => {
    const src = await loadCatalogModel(dir, 'atelier://assets', 'mug');
    expect(src.origin).toBe('catalog:mug');
    expect(JSON.parse(src.text).id).toBe('mug');
    expect(Object.keys(src.assets)).toEqual(['meshes/handle.stl']);
    expect([...src.assets['meshes/handle.stl']!]).toEqual([1, 2, 3]);
    await expect(loadCatalogModel(dir, 'atelier://assets', 'lamp')).rejects.toThrow('There is no product "lamp" in the catalog.');
  });

  it('returns a broken model file as text for core to report', async () => {
    const src = await readModelSource(path.join(dir, 'models/broken/broken.model.json'));
    expect(src).toEqual({ origin: path.join(dir, 'models/broken/broken.model.json'), text: '{ "id": "broken", ', assets: {} });
  });

  it('reads fonts, materials and printers', async () => {
    const d = await readCatalogData(dir);
    expect(d.fonts).toEqual([{ id: 'inter', name: 'Inter', license: 'OFL-1.1', bytes: new Uint8Array([0, 1, 0, 0]) }]);
    expect(JSON.parse(d.materialsJson).currency).toBe('EUR');
    expect(d.printersJson.map((p) => JSON.parse(p).id)).toEqual(['a1', 'mk4']);
  });

  it('judges relative paths and finds nested mesh references', () => {
    for (const p of ['a.stl', 'meshes/a b.3mf']) expect(isSafeRelativePath(p), p).toBe(true);
    for (const p of ['', '../a.stl', 'a/../../b', '/etc/passwd', 'C:/x.stl', 'a\\..\\b', './a', 'a//b']) expect(isSafeRelativePath(p), p).toBe(false);
    expect(meshPaths({ a: [{ b: { type: 'mesh', file: 'x.stl' } }, { type: 'mesh', file: 'x.stl' }] })).toEqual(['x.stl']);
  });
});
