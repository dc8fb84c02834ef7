// Builds the emulated-AR page script for the browser tests: iwer + @iwer/sem from node_modules bundled by esbuild
// into one IIFE (nothing fetched), followed by the room capture that ships inside the @iwer/sem package. Node only.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** The room the emulated device stands in: a small office (floor, four walls, a table) from @iwer/sem's captures. */
export const ROOM = 'office_small';

export function roomJson(name = ROOM): { spatialEntities: { semanticLabel_META?: string; locatable_META?: { position: { x: number; y: number; z: number } } }[] } {
  const semDir = path.dirname(require.resolve('@iwer/sem/package.json'));
  return JSON.parse(readFileSync(path.join(semDir, 'captures', `${name}.json`), 'utf8'));
}

/** JavaScript for page.addInitScript: installs the emulator and loads the room. */
export async function xrEmulatorScript(): Promise<string> {
  const out = await build({
    entryPoints: [path.join(HERE, 'xr-emulator-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    // @iwer/sem's ES build imports its five room captures lazily (4.6 MB an IIFE would inline); the test hands one
    // in through loadRoom instead, so its registry is replaced by an empty one.
    define: { __IS_UMD__: 'false' },
    plugins: [
      {
        name: 'no-bundled-rooms',
        setup(b) {
          b.onResolve({ filter: /^\.\/registry\.js$/ }, (a) => (a.importer.includes(`${path.sep}@iwer${path.sep}sem${path.sep}`) ? { path: 'registry', namespace: 'empty-rooms' } : undefined));
          b.onLoad({ filter: /.*/, namespace: 'empty-rooms' }, () => ({ contents: 'export const Environments = {};', loader: 'js' }));
        },
      },
    ],
  });
  const js = out.outputFiles[0]!.text;
  return `${js}\n;window.__atelierXr.loadRoom(${JSON.stringify(roomJson())});`;
}
