// Where the catalog lives: assets/ of this checkout or install; ATELIER_ASSETS overrides it (tests use a temporary
// catalog). Kept apart from catalog.ts so `serve` does not load the model parser. Node only.
import path from 'node:path';
import { packageRoot } from './package-root';

export function assetsDir(): string {
  const env = process.env.ATELIER_ASSETS;
  if (env) return path.resolve(env);
  return path.join(packageRoot(), 'assets');
}
