// `atelier serve [--port N] [--host 127.0.0.1]`: serves the web build (dist/web) and the catalog under /assets/
// on 127.0.0.1 by default. Static files only: GET/HEAD, no directory listings, no path traversal, a content type
// per extension (others refused), nosniff. Node only.
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../core/errors';
import { mimeType } from '../../core/mime';
import { parseArgs } from '../args';
import { assetsDir } from '../assets-dir';
import { printLine } from '../output';

export function webDir(): string {
  return process.env.ATELIER_WEB_DIR ? path.resolve(process.env.ATELIER_WEB_DIR) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'web');
}

/** Maps a URL path onto a file under `root`, or null if it is malformed, escapes the root or is not a served type. */
export function resolveUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segs = decoded.split('/').filter((s) => s !== '');
  if (segs.some((s) => s === '..' || s === '.' || s.startsWith('.'))) return null;
  const file = path.join(root, ...segs);
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return null;
  }
  const realRoot = realpathSync(root);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return null; // a symlink pointing out of the root
  return real;
}

function send(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(text + '\n');
}

export function handler(web: string, assets: string): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'Only GET and HEAD are served.');
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let p = url.pathname;
    let root = web;
    if (p === '/assets' || p.startsWith('/assets/')) {
      root = assets;
      p = p.slice('/assets'.length);
    }
    if (p === '' || p.endsWith('/')) p += 'index.html';
    let file = resolveUnder(root, p);
    if (file && statSync(file).isDirectory()) file = resolveUnder(root, p + '/index.html');
    if (!file) return send(res, 404, `Not found: ${url.pathname}`);
    const type = mimeType(file);
    if (!type) return send(res, 404, `Not found: ${url.pathname}`);
    const st = statSync(file);
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': st.size,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  };
}

export async function runServe(argv: string[]): Promise<number> {
  const a = parseArgs(argv, { command: 'serve', positionals: [], options: { port: { kind: 'value', meta: 'N' }, host: { kind: 'value', meta: 'ADDRESS' } } });
  const portArg = a.values.get('port') ?? '8080';
  if (!/^\d+$/.test(portArg) || Number(portArg) > 65535) throw new UserError(`--port must be a number from 0 to 65535; got "${portArg}".`);
  const host = a.values.get('host') ?? '127.0.0.1';
  const web = webDir();
  if (!existsSync(path.join(web, 'index.html')))
    throw new UserError(`The web app is not built: ${path.join(web, 'index.html')} is missing. Run "npm run build:web" first, then "atelier serve" again.`);
  const server = createServer(handler(web, assetsDir()));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE' ? new UserError(`Port ${portArg} on ${host} is already in use; choose another with --port.`)
        : e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND' ? new UserError(`Cannot listen on "${host}": not an address of this machine.`)
        : e.code === 'EACCES' ? new UserError(`No permission to listen on port ${portArg}; use a port above 1023.`)
        : e,
      ),
    );
    server.listen(Number(portArg), host, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : Number(portArg);
  const shown = host.includes(':') ? `[${host}]` : host;
  printLine(`Atelier is served at http://${shown}:${port}/ (web app from ${web}, catalog at /assets/). Press Ctrl-C to stop.`);
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') printLine(`Note: ${host} is reachable from other machines on the network.`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      server.close(() => resolve());
      server.closeAllConnections();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
