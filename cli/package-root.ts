// The folder of Atelier's package.json: the one place the CLI finds its catalog, version and web build from,
// whether it runs from its TypeScript sources (cli/) or from the bundle built by scripts/build-cli.mjs (dist/cli/).
// Node only.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** Walks up from this module to the first folder holding a package.json (cli/ → .., dist/cli/ → ../..). */
export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('Atelier cannot find its own package.json');
    dir = up;
  }
  return (root = dir);
}
