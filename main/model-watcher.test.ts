// Designer-mode watching with real files: edits (in place and by rename) are reported once, debounced,
// mesh-file edits count, unchanged touches do not, and dispose stops reports.
import { mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModelSource } from '../core/host';
import { watchModelFile, type ModelWatcher } from './model-watcher';

let dir: string;
let w: ModelWatcher | undefined;
beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), 'atelier-watch-'))));
afterEach(() => {
  w?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const model = (v: number) => JSON.stringify({ id: 'lamp', version: `1.0.${v}`, parts: [{ solid: { type: 'mesh', file: 'shade.stl' } }, { solid: { type: 'mesh', file: 'meshes/base.stl' } }] });

async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await sleep(20);
}

describe('watchModelFile', () => {
  it('reports each edit once after a burst of writes, with its mesh files', async () => {
    const f = path.join(dir, 'lamp.model.json');
    writeFileSync(f, model(0));
    writeFileSync(path.join(dir, 'shade.stl'), 'a');
    mkdirSync(path.join(dir, 'meshes'));
    writeFileSync(path.join(dir, 'meshes', 'base.stl'), 'x');
    const seen: ModelSource[] = [];
    w = watchModelFile(f, (s) => seen.push(s), { debounceMs: 80 });
    await sleep(100);
    for (let i = 1; i <= 5; i++) writeFileSync(f, model(i)); // one burst
    await until(() => seen.length > 0);
    await sleep(250);
    expect(seen).toHaveLength(1);
    expect(JSON.parse(seen[0]!.text).version).toBe('1.0.5');
    expect(new TextDecoder().decode(seen[0]!.assets['shade.stl'])).toBe('a');

    writeFileSync(path.join(dir, 'shade.stl'), 'bb'); // a mesh edit is a change too
    await until(() => seen.length > 1);
    expect(new TextDecoder().decode(seen[1]!.assets['shade.stl'])).toBe('bb');

    writeFileSync(path.join(dir, 'meshes', 'base.stl'), 'yy'); // a mesh in a subfolder counts too
    await until(() => seen.length > 2);
    expect(new TextDecoder().decode(seen[2]!.assets['meshes/base.stl'])).toBe('yy');

    const tmp = path.join(dir, 'lamp.model.json.tmp~'); // save-by-rename, as editors do
    writeFileSync(tmp, model(9));
    renameSync(tmp, f);
    await until(() => seen.length > 3);
    expect(JSON.parse(seen[3]!.text).version).toBe('1.0.9');

    utimesSync(f, new Date(), new Date()); // touched, not changed
    await sleep(300);
    expect(seen).toHaveLength(4);

    w.dispose();
    writeFileSync(f, model(10));
    await sleep(300);
    expect(seen).toHaveLength(4);
  });
});
