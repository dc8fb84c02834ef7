// Atelier's version (package.json), for --version, 3MF metadata and batch reports. Node only.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from './package-root';

let version: string | undefined;

export function atelierVersion(): string {
  if (version) return version;
  try {
    const pkg = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version?: string };
    version = pkg.version ?? '0.0.0';
  } catch {
    version = '0.0.0';
  }
  return version;
}
