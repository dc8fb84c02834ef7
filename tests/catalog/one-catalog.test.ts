// One catalog for every reader: a model `atelier list` shows without a problem is in the app's gallery
// (main/catalog.ts) and in the web build's catalog-index.json, with the same ids in the same order; a model file that
// does not parse is flagged by list and left out of both galleries. On the real catalog and on a temporary one with
// every layout case (top-level file, folder, repeated id, bad id, dot files, a file over the size limit).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanCatalog } from '../../main/catalog';
import { buildCatalogIndex } from '../../node/catalog-index';
import { MAX_MODEL_BYTES } from '../../node/catalog-scan';
import { ASSETS, loadCatalog } from './catalog-support';
import { runCli } from '../manufacturing/tools';

interface ListRow { id: string; error?: string }

async function cliList(assets: string): Promise<ListRow[]> {
  const r = await runCli(['list', '--json'], { env: { ATELIER_ASSETS: assets } });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ListRow[];
}

const tmp = mkdtempSync(path.join(tmpdir(), 'atelier-one-catalog-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function put(rel: string, data: string): void {
  const f = path.join(tmp, rel);
  mkdirSync(path.dirname(f), { recursive: true });
  writeFileSync(f, data);
}

const model = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'atelier-model/1', id, name: `Model ${id}`, version: '1.0.0', units: 'mm', description: 'A plate.', parameters: [], parts: [{ name: 'plate', material: 'pla-white', solid: { type: 'box', size: [10, 10, 2] } }], ...extra });

describe('one catalog for atelier list, the app and the web index', () => {
  it('the real catalog: same ids, same order, every model loads', async () => {
    const list = await cliList(ASSETS);
    expect(list.filter((r) => r.error)).toEqual([]);
    const ids = list.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(3);
    expect((await scanCatalog(ASSETS, 'atelier://assets')).map((f) => f.entry.id)).toEqual(ids);
    const index = buildCatalogIndex(ASSETS);
    expect(index.models.map((m) => m.id)).toEqual(ids);
    // the cross-layer tests see the same catalog
    expect(loadCatalog().models.map((m) => m.model.id)).toEqual(ids);
    // thumbnails: the app's URL and the web index's path name the same file
    const app = await scanCatalog(ASSETS, 'atelier://assets');
    for (const m of index.models) expect(app.find((f) => f.entry.id === m.id)!.entry.thumbnailUrl).toBe(m.thumbnail ? `atelier://assets/models/${m.thumbnail}` : '');
  }, 60_000);

  it('a catalog with every layout case: list flags what the galleries leave out, the rest agree', async () => {
    put('materials/materials.json', readFileSync(path.join(ASSETS, 'materials/materials.json'), 'utf8'));
    put('fonts/fonts.json', '[]');
    put('models/top.model.json', model('top'));
    put('models/alpha/alpha.model.json', model('alpha', { thumbnail: 'thumb.png' }));
    put('models/alpha/extra.model.json', model('zeta'));
    put('models/beta/beta.model.json', model('alpha')); // repeated id: the first file in path order wins
    put('models/named/named.model.json', model('Bad Id')); // not a catalog id: in no list
    put('models/broken/broken.model.json', '{ "id": "broken", ');
    put('models/.hidden/hidden.model.json', model('hidden'));
    put('models/.dot.model.json', model('dot'));
    put('models/deep/inner/deep.model.json', model('deep')); // two levels down: not the layout
    put('models/notes.json', model('notes'));
    put('models/huge/huge.model.json', model('huge', { description: 'x'.repeat(MAX_MODEL_BYTES) }));

    const list = await cliList(tmp);
    expect(list.map((r) => r.id)).toEqual(['alpha', 'broken', 'huge', 'top', 'zeta']);
    expect(list.find((r) => r.id === 'broken')!.error).toBeTruthy();
    expect(list.find((r) => r.id === 'huge')!.error).toMatch(/at most 4194304/);
    expect(list.filter((r) => r.error).map((r) => r.id)).toEqual(['broken', 'huge']);
    const shown = list.filter((r) => !r.error).map((r) => r.id);

    const app = await scanCatalog(tmp, 'atelier://assets');
    expect(app.map((f) => f.entry.id)).toEqual(shown);
    expect(app.find((f) => f.entry.id === 'alpha')!.file).toBe(path.join(tmp, 'models/alpha/alpha.model.json'));
    expect(app.find((f) => f.entry.id === 'alpha')!.entry.thumbnailUrl).toBe('atelier://assets/models/alpha/thumb.png');
    const index = buildCatalogIndex(tmp);
    expect(index.models.map((m) => m.id)).toEqual(shown);
    expect(index.models.find((m) => m.id === 'alpha')).toMatchObject({ file: 'alpha/alpha.model.json', thumbnail: 'alpha/thumb.png' });
  }, 60_000);
});
