// The files a model names besides itself: which paths it may name (inside its own folder) and where its mesh parts
// are. One rule for every host: the CLI and the app's main process (node/catalog-scan.ts), the web host
// (renderer/host/web.ts) and the model's own validation. Pure TypeScript.

/** A path in a model file (mesh, thumbnail) is safe if it stays inside the model's folder. */
export function isSafeRelativePath(p: string): boolean {
  if (p.length === 0 || p.length > 1024 || p.includes('\\') || p.includes('\0') || p.startsWith('/') || /^[a-zA-Z]:/.test(p)) return false;
  return p.split('/').every((s) => s.length > 0 && s !== '.' && s !== '..');
}

/**
 * Every `{ "type": "mesh", "file": ... }` in a model, wherever it is nested, each once, in document order. Takes
 * parsed JSON that is not validated yet (a host loads the meshes before core judges the model), so a validated
 * model gives the same list.
 */
export function meshPaths(model: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, depth: number): void => {
    if (depth > 200 || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, depth + 1));
    const o = v as Record<string, unknown>;
    if (o.type === 'mesh' && typeof o.file === 'string') out.add(o.file);
    for (const x of Object.values(o)) walk(x, depth + 1);
  };
  walk(model, 0);
  return [...out];
}
