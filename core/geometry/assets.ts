// Which files a model needs besides itself (mesh parts), so a host can load them before a build. Pure TypeScript.
import type { ProductModel, Solid } from '../model/types';

export function collectAssetPaths(model: ProductModel): string[] {
  const out = new Set<string>();
  const walk = (s: Solid) => {
    if (s.type === 'mesh') out.add(s.file);
    if ('children' in s) s.children.forEach(walk);
  };
  model.parts.forEach((p) => walk(p.solid));
  return [...out];
}
