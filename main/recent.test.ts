// Recent designs with a real userData folder: order, de-duplication, the limit of 10, corrupt files.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addRecent, MAX_RECENT, RecentDesigns, sanitizeRecent } from './recent';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), 'atelier-recent-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('recent designs', () => {
  it('keeps the newest first, without duplicates, at most 10, across restarts', async () => {
    const r = await RecentDesigns.load(dir);
    expect(r.list()).toEqual([]);
    for (let i = 0; i < 12; i++) await r.add(`/designs/d${i}.atelier.json`, 1000 + i);
    await r.add('/designs/d5.atelier.json', 2000);
    const again = await RecentDesigns.load(dir);
    const paths = again.list().map((i) => i.path);
    expect(paths).toHaveLength(MAX_RECENT);
    expect(paths[0]).toBe('/designs/d5.atelier.json');
    expect(paths[1]).toBe('/designs/d11.atelier.json');
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).not.toContain('/designs/d0.atelier.json');
    expect(again.list()[0]).toEqual({ path: '/designs/d5.atelier.json', name: 'd5.atelier.json', openedAt: 2000 });
    await again.remove('/designs/d5.atelier.json');
    expect((await RecentDesigns.load(dir)).list()[0]!.path).toBe('/designs/d11.atelier.json');
    expect(JSON.parse(readFileSync(path.join(dir, 'recent.json'), 'utf8')).version).toBe(1);
  });

  it('reads a corrupt or hand-edited file as far as it is valid', async () => {
    writeFileSync(path.join(dir, 'recent.json'), '{not json');
    expect((await RecentDesigns.load(dir)).list()).toEqual([]);
    const items = [{ path: '/a.3mf', openedAt: 1 }, { path: 7 }, { path: '/a.3mf', openedAt: 2 }, null, { path: '/b.atelier.json', name: 'B', openedAt: 3 }];
    expect(sanitizeRecent({ items })).toEqual([
      { path: '/a.3mf', name: 'a.3mf', openedAt: 1 },
      { path: '/b.atelier.json', name: 'B', openedAt: 3 },
    ]);
    expect(sanitizeRecent([1, 2])).toEqual([]);
  });

  it('addRecent is pure', () => {
    const list = [{ path: '/a', name: 'a', openedAt: 1 }];
    const next = addRecent(list, { path: '/b', name: 'b', openedAt: 2 });
    expect(list).toHaveLength(1);
    expect(next.map((i) => i.path)).toEqual(['/b', '/a']);
  });
});
