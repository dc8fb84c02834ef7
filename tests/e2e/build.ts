// Builds the web app once for browser tests and the benchmark when dist/web is missing or older than its sources
// (renderer/, core/). A lock directory keeps two test files from building at the same time.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function webBuildIsStale(): boolean {
  const index = path.join(ROOT, 'dist/web/index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return newest(path.join(ROOT, 'renderer')) > built || newest(path.join(ROOT, 'core')) > built;
}

export async function ensureWebBuild(): Promise<void> {
  const lock = path.join(ROOT, 'dist/.web-build.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (i > 600) rmSync(lock, { recursive: true, force: true }); // a crashed build left its lock behind
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (webBuildIsStale()) execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
