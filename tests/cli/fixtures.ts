// Model files written by the CLI tests themselves (a plate with a constraint, known exact dimensions), so the
// tests do not depend on how a catalog model is drawn. Node only; test code.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../manufacturing/tools';

export function catalogMaterialIds(): string[] {
  const m = JSON.parse(readFileSync(path.join(ROOT, 'assets/materials/materials.json'), 'utf8')) as { materials: { id: string }[] };
  return m.materials.map((x) => x.id);
}

/** A rectangular plate: width × depth × height mm, with a constraint (width ≥ 2 × depth) and a second part. */
export function plateModel(id = 'test-plate'): object {
  const [a, b] = catalogMaterialIds();
  return {
    format: 'atelier-model/1',
    id,
    name: 'Test plate',
    description: 'A plate whose size is exactly its parameters.',
    version: '1.0.0',
    units: 'mm',
    parameters: [
      { id: 'width', label: 'Width', type: 'number', default: 60, min: 20, max: 300, step: 0.5, unit: 'mm' },
      { id: 'depth', label: 'Depth', type: 'number', default: 20, min: 5, max: 150, unit: 'mm' },
      { id: 'height', label: 'Height', type: 'number', default: 4, min: 1, max: 300, unit: 'mm' },
      { id: 'holes', label: 'Holes', type: 'integer', default: 2, min: 0, max: 6, unit: 'count' },
      { id: 'stand', label: 'Stand', type: 'boolean', default: true },
      { id: 'finish', label: 'Finish', type: 'choice', default: 'flat', options: [{ value: 'flat', label: 'Flat' }, { value: 'bevel', label: 'Bevelled' }] },
    ],
    derived: [{ id: 'half', expr: 'width / 2' }],
    constraints: [{ expr: 'width >= 2 * depth', message: 'The plate must be at least twice as wide as it is deep.', parameters: ['width', 'depth'] }],
    presets: [{ id: 'large', name: 'Large', values: { width: 120, depth: 40 } }],
    parts: [
      { name: 'plate', material: a, solid: { type: 'box', size: ['width', 'depth', 'height'] } },
      { name: 'foot', material: b ?? a, when: 'stand', solid: { type: 'translate', offset: [0, 0, 'height'], children: [{ type: 'box', size: [10, 'depth', 3] }] } },
    ],
  };
}

export function writeJson(dir: string, name: string, v: unknown): string {
  const f = path.join(dir, name);
  writeFileSync(f, typeof v === 'string' ? v : JSON.stringify(v, null, 2));
  return f;
}

/** Files in a folder except the ones named (inputs): what a failed command must not have left behind. */
export function leftovers(dir: string, inputs: string[]): string[] {
  return readdirSync(dir).filter((f) => !inputs.includes(f));
}

/**
 * A catalog for tests: the real one (models linked, materials/fonts/printers linked) plus the test plate, so designs
 * of the plate re-open by id. Pass it to the CLI as ATELIER_ASSETS.
 */
export function makeCatalog(dir: string): string {
  const real = path.join(ROOT, 'assets');
  const assets = path.join(dir, 'assets');
  const models = path.join(assets, 'models');
  mkdirSync(models, { recursive: true });
  for (const d of ['materials', 'fonts', 'printers', 'environment']) symlinkSync(path.join(real, d), path.join(assets, d));
  const realModels = path.join(real, 'models');
  for (const e of readdirSync(realModels)) if (e !== 'catalog.json') symlinkSync(path.join(realModels, e), path.join(models, e));
  mkdirSync(path.join(models, 'test-plate'));
  writeJson(path.join(models, 'test-plate'), 'test-plate.model.json', plateModel());
  if (existsSync(path.join(realModels, 'catalog.json'))) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'cli/bin/atelier.mjs'), 'list', '--json'], { encoding: 'utf8' });
    const ids = (JSON.parse(r.stdout) as { id: string }[]).map((m) => m.id);
    const raw = JSON.parse(readFileSync(path.join(realModels, 'catalog.json'), 'utf8')) as unknown;
    const list = Array.isArray(raw) ? raw : ((raw as { models?: unknown[] }).models ?? []);
    writeJson(models, 'catalog.json', [...list.filter((x) => typeof x === 'object' || ids.includes(String(x))), { id: 'test-plate', file: 'test-plate/test-plate.model.json' }]);
  }
  return assets;
}
