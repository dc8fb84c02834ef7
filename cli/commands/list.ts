// `atelier list [--json]`: the catalog's models (id, name, version, description); a model that fails to load is
// listed with its first problem instead of hiding it. Node only.
import { isUserError } from '../../core/errors';
import { parseArgs } from '../args';
import { catalogData, listCatalog, loadModelFile } from '../catalog';
import { printJson, printLine } from '../output';

export function runList(argv: string[]): number {
  const a = parseArgs(argv, { command: 'list', positionals: [], options: { json: { kind: 'flag' } } });
  const data = catalogData();
  const rows = listCatalog().map((item) => {
    try {
      const { model } = loadModelFile(item.file, data);
      return { id: model.id, name: model.name, version: model.version, description: model.description, tags: model.tags ?? [], parameters: model.parameters.length, parts: model.parts.length };
    } catch (e) {
      if (!isUserError(e)) throw e;
      return { id: item.id, error: e.problems[0]?.message ?? e.message };
    }
  });
  if (a.flags.has('json')) {
    printJson(rows);
    return 0;
  }
  const w = Math.max(2, ...rows.map((r) => r.id.length));
  for (const r of rows) printLine('error' in r ? `${r.id.padEnd(w)}  (cannot be loaded: ${r.error})` : `${r.id.padEnd(w)}  ${r.name} ${r.version}: ${r.description}`);
  if (rows.length === 0) printLine('The catalog is empty.');
  return 0;
}
