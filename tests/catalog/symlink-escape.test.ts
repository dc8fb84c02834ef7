// A mesh file that is a symlink out of its model's folder is refused by every catalog reader (the app's catalog,
// the CLI's loader and `atelier export`), with a one-line message naming the file; a link inside the folder still
// works. Uses the real wall-hook model and its hook.stl.
import { copyFileSync, cpSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModelSource } from '../../main/catalog';
import { catalogData, loadModelFile } from '../../cli/catalog';
import { resolveInsideFolder } from '../../node/safe-path';
import { ASSETS } from './catalog-support';
import { STACK_RE, runCli, tempDir } from '../manufacturing/tools';

function linkedModel(inside: boolean): string {
  const dir = tempDir('symlink-mesh');
  const model = path.join(dir, 'wall-hook');
  cpSync(path.join(ASSETS, 'models', 'wall-hook'), model, { recursive: true });
  rmSync(path.join(model, 'hook.stl'));
  const target = inside ? path.join(model, 'meshes', 'real-hook.stl') : path.join(dir, 'outside', 'secret.stl');
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(path.join(ASSETS, 'models', 'wall-hook', 'hook.stl'), target);
  symlinkSync(target, path.join(model, 'hook.stl'));
  return path.join(model, 'wall-hook.model.json');
}

describe('symlinks in a model folder', () => {
  it('the shared resolver refuses a link out of the folder and returns the real path inside it', () => {
    const out = linkedModel(false);
    expect(() => resolveInsideFolder(path.dirname(out), 'hook.stl', 'Mesh file')).toThrow(/hook\.stl links to a place outside/);
    const inn = linkedModel(true);
    expect(resolveInsideFolder(path.dirname(inn), 'hook.stl')).toBe(path.join(path.dirname(inn), 'meshes', 'real-hook.stl'));
    expect(resolveInsideFolder(path.dirname(inn), 'missing.stl')).toBeUndefined();
  });

  it('the app catalog reader refuses the linked mesh', async () => {
    await expect(readModelSource(linkedModel(false))).rejects.toThrow(/hook\.stl links to a place outside/);
    const ok = await readModelSource(linkedModel(true));
    expect(ok.assets['hook.stl']?.byteLength).toBeGreaterThan(84);
  });

  it('the CLI loader and atelier export refuse it with exit 2', async () => {
    const file = linkedModel(false);
    expect(() => loadModelFile(file, catalogData())).toThrow(/hook\.stl links to a place outside/);
    const out = tempDir('symlink-out');
    const r = await runCli(['export', file, '--out', path.join(out, 'x.stl')]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/hook\.stl links to a place outside/);
    expect(r.stderr).not.toMatch(STACK_RE);
  });
});
