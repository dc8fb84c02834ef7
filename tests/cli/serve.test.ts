// `atelier serve` through the real CLI: binds 127.0.0.1, serves the web build and /assets/ with correct content
// types, refuses path traversal and other methods, and explains a missing web build.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, STACK_RE, runCli, tempDir } from '../manufacturing/tools';

let child: ChildProcess;
let base: string;
let web: string;

/** Raw GET that keeps the path exactly as written (fetch would normalise `..`). */
function get(p: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(base);
    const req = request({ host: u.hostname, port: u.port, path: p, method }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const dir = tempDir('cli-serve');
  web = path.join(dir, 'web');
  mkdirSync(path.join(web, 'js'), { recursive: true });
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>Atelier</title>');
  writeFileSync(path.join(web, 'js', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(web, 'core.wasm'), new Uint8Array([0, 97, 115, 109]));
  writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  const assets = path.join(dir, 'assets');
  mkdirSync(path.join(assets, 'materials'), { recursive: true });
  writeFileSync(path.join(assets, 'materials', 'materials.json'), '{"currency":"EUR","materials":[]}');
  child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { env: { ...process.env, ATELIER_WEB_DIR: web, ATELIER_ASSETS: assets }, stdio: ['ignore', 'pipe', 'pipe'] });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /http:\/\/[^\s/]+:\d+\//.exec(out);
      if (m) resolve(m[0]);
    });
    child.on('exit', (c) => reject(new Error(`serve exited with ${c}`)));
  });
});

afterAll(() => {
  child?.kill('SIGTERM');
});

describe('atelier serve', () => {
  it('binds 127.0.0.1 by default', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });
  it('serves the web build and the catalog with correct content types', async () => {
    expect(await get('/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(await get('/js/app.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: 'console.log(1)' });
    expect(await get('/core.wasm')).toMatchObject({ status: 200, type: 'application/wasm' });
    const mats = await get('/assets/materials/materials.json');
    expect(mats).toMatchObject({ status: 200, type: 'application/json; charset=utf-8' });
    expect(JSON.parse(mats.body)).toHaveProperty('materials');
    expect((await get('/missing.js')).status).toBe(404);
    expect((await get('/', 'POST')).status).toBe(405);
  });
  it('refuses path traversal', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/js/..%2f..%2fsecret.txt', '/assets/../package.json', '/assets/%2e%2e/package.json', '/..%5csecret.txt', '/%00', '/assets/..%2f..%2fpackage.json'])
      expect((await get(p)).status, p).toBe(404);
  });
  it('says how to build the web app when it is missing', async () => {
    const r = await runCli(['serve', '--port', '0'], { env: { ATELIER_WEB_DIR: path.join(web, 'nope') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/npm run build:web/);
    expect(r.stderr).not.toMatch(STACK_RE);
  });
});
