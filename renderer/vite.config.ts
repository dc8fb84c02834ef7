// Vite build of the renderer as a web page (dist/web), loaded by Electron through atelier://app and served by
// `atelier serve`. The catalog is not bundled: /assets/ is served from the repo's assets/ by the dev and preview
// servers (same as `atelier serve` and atelier://assets), so hashed build output goes to dist/web/app/.
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Connect, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const assetsRoot = path.resolve(here, '../assets');

const TYPES: Record<string, string> = {
  '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.env': 'application/octet-stream',
  '.ttf': 'font/ttf', '.otf': 'font/otf', '.woff': 'font/woff', '.woff2': 'font/woff2', '.stl': 'model/stl', '.3mf': 'model/3mf', '.txt': 'text/plain',
};

/** Serves GET /assets/<path> from the repo's assets/ folder (no traversal, files only). */
function serveAssets(): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = req.url ?? '';
    if (!url.startsWith('/assets/')) return next();
    const rel = decodeURIComponent(url.slice('/assets/'.length).split('?')[0] ?? '');
    const file = path.resolve(assetsRoot, rel);
    if (!file.startsWith(assetsRoot + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
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
});

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
