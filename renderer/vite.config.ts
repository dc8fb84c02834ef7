// Vite build of the renderer as a web page (dist/web), loaded by Electron through atelier://app and served by
// `atelier serve`. The catalog is not bundled: /assets/ is served from the repo's assets/ by the dev and preview
// servers (same as `atelier serve` and atelier://assets), so hashed build output goes to dist/web/app/.
// The build also writes dist/web/catalog-index.json (models and printer files) for the web host.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Connect, type Plugin } from 'vite';
import { resolveInsideFolder } from '../node/safe-path';
import { buildCatalogIndex } from '../node/catalog-index';

const here = path.dirname(fileURLToPath(import.meta.url));
const assetsRoot = path.resolve(here, '../assets');

// ---- catalog-index.json: node/catalog-index.ts (the models `atelier list` and the app show, same ids, same order) ----

const TYPES: Record<string, string> = {
  '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.env': 'application/octet-stream',
  '.ttf': 'font/ttf', '.otf': 'font/otf', '.woff': 'font/woff', '.woff2': 'font/woff2', '.stl': 'model/stl', '.3mf': 'model/3mf', '.txt': 'text/plain',
};

/** Serves GET /assets/<path> from the repo's assets/ folder (no traversal, files only). */
function serveAssets(): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = req.url ?? '';
    if (url.split('?')[0] === '/catalog-index.json') {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(buildCatalogIndex(assetsRoot)));
      return;
    }
    if (!url.startsWith('/assets/')) return next();
    let file: string | undefined;
    try {
      const rel = decodeURIComponent(url.slice('/assets/'.length).split('?')[0] ?? '');
      // real path inside assets/, so neither `..` nor a symlink leads out of it
      file = rel.includes('\0') || rel.includes('\\') ? undefined : resolveInsideFolder(assetsRoot, rel);
    } catch {
      file = undefined;
    }
    if (!file || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader('Content-Type', TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
    createReadStream(file).pipe(res);
  };
}

const catalogAssets = (): Plugin => ({
  name: 'atelier-catalog-assets',
  configureServer: (server) => void server.middlewares.use(serveAssets()),
  configurePreviewServer: (server) => void server.middlewares.use(serveAssets()),
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'catalog-index.json', source: JSON.stringify(buildCatalogIndex(assetsRoot), null, 1) });
  },
});

// The app says the release it is (host info, the 3MF Application) as the CLI does: package.json's version.
process.env.VITE_APP_VERSION ??= (JSON.parse(readFileSync(path.resolve(here, '../package.json'), 'utf8')) as { version: string }).version;

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  plugins: [svelte(), catalogAssets()],
  worker: { format: 'es' },
  build: {
    outDir: path.resolve(here, '../dist/web'),
    emptyOutDir: true,
    assetsDir: 'app',
    target: 'es2022',
    chunkSizeWarningLimit: 3000,
  },
  server: { host: '127.0.0.1', fs: { allow: [path.resolve(here, '..')] } },
});
