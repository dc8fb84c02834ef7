// A tiny static server for the end-to-end tests and the app benchmark: the production build (dist/web) at /,
// the repo's catalog at /assets/ (like `atelier serve`). Binds to 127.0.0.1 on a random port; no traversal.
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ensureWebBuild, ROOT } from './build';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ttf': 'font/ttf', '.otf': 'font/otf', '.woff2': 'font/woff2', '.stl': 'model/stl', '.3mf': 'model/3mf',
};

export interface StaticServer { url: string; close(): Promise<void> }

/**
 * The app the browser tests drive: the production build, (re)built if stale and served here, or an already
 * running app when ATELIER_E2E_URL points at one (e.g. `npm run dev:web`).
 */
export async function appUnderTest(): Promise<StaticServer> {
  const url = process.env.ATELIER_E2E_URL;
  if (url) return { url: url.replace(/\/$/, ''), close: () => Promise.resolve() };
  await ensureWebBuild();
  return serveApp(ROOT);
}

export async function serveApp(root: string): Promise<StaticServer> {
  const web = path.join(root, 'dist/web');
  const assets = path.join(root, 'assets');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let rel = decodeURIComponent(url.pathname);
    let base = web;
    if (rel.startsWith('/assets/')) {
      base = assets;
      rel = rel.slice('/assets'.length);
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(base, '.' + rel);
    if (!file.startsWith(base + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
