// The atelier:// resolver against real files in a temp dir: right bytes and types, traversal and symlinks refused.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, resolveAtelierPath, serveAtelierRequest, type ProtocolRoots } from './protocol-resolver';

let dir: string;
let roots: ProtocolRoots;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'atelier-proto-'));
  roots = { app: path.join(dir, 'web'), assets: path.join(dir, 'assets') };
  mkdirSync(path.join(roots.app, 'app'), { recursive: true });
  mkdirSync(path.join(roots.assets, 'models', 'mug'), { recursive: true });
  writeFileSync(path.join(roots.app, 'index.html'), '<!doctype html><title>Atelier</title>');
  writeFileSync(path.join(roots.app, 'app', 'main-abc.js'), 'console.log(1)');
  writeFileSync(path.join(roots.app, 'app', 'manifold.wasm'), new Uint8Array([0, 97, 115, 109]));
  writeFileSync(path.join(roots.assets, 'models', 'mug', 'thumb.png'), new Uint8Array([137, 80, 78, 71]));
  writeFileSync(path.join(roots.assets, 'models', 'mug', 'handle.stl'), 'solid x\nendsolid x\n');
  writeFileSync(path.join(roots.assets, 'models', 'mug', 'a file.json'), '{}');
  writeFileSync(path.join(dir, 'secret.json'), '{"secret":true}');
  writeFileSync(path.join(roots.app, '.env'), 'SECRET=1');
  writeFileSync(path.join(roots.app, 'noext'), 'x');
  symlinkSync(path.join(dir, 'secret.json'), path.join(roots.assets, 'models', 'link.json'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('serveAtelierRequest', () => {
  it('serves index.html for the app root with the CSP', async () => {
    for (const url of ['atelier://app/', 'atelier://app', 'atelier://app/index.html']) {
      const r = await serveAtelierRequest(url, roots);
      expect(r.status, url).toBe(200);
      expect(r.headers['Content-Type']).toBe('text/html; charset=utf-8');
      expect(r.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers['X-Content-Type-Options']).toBe('nosniff');
      expect(text(r.body)).toContain('<title>Atelier</title>');
    }
  });

  it('serves scripts, wasm and catalog assets with their content types', async () => {
    const js = await serveAtelierRequest('atelier://app/app/main-abc.js?v=1#x', roots);
    expect([js.status, js.headers['Content-Type']]).toEqual([200, 'text/javascript; charset=utf-8']);
    const wasm = await serveAtelierRequest('atelier://app/app/manifold.wasm', roots);
    expect([wasm.status, wasm.headers['Content-Type'], wasm.body.length]).toEqual([200, 'application/wasm', 4]);
    const png = await serveAtelierRequest('atelier://assets/models/mug/thumb.png', roots);
    expect([png.status, png.headers['Content-Type'], png.body[1]]).toEqual([200, 'image/png', 80]);
    // the catalog is another origin: the app may fetch it (CORS) and embed it (CORP); app files stay same-origin
    expect(png.headers['Access-Control-Allow-Origin']).toBe('atelier://app');
    expect(png.headers['Cross-Origin-Resource-Policy']).toBe('cross-origin');
    expect(js.headers['Cross-Origin-Resource-Policy']).toBe('same-origin');
    expect(js.headers['Access-Control-Allow-Origin']).toBeUndefined();
    const stl = await serveAtelierRequest('atelier://assets/models/mug/handle.stl', roots);
    expect([stl.status, stl.headers['Content-Type']]).toEqual([200, 'model/stl']);
    // the catalog is also under the app's own origin, at assets/ (as in the web build)
    const same = await serveAtelierRequest('atelier://app/assets/models/mug/thumb.png', roots);
    expect([same.status, same.headers['Content-Type'], same.headers['Cross-Origin-Resource-Policy'], same.body[1]]).toEqual([200, 'image/png', 'same-origin', 80]);
    expect((await serveAtelierRequest('atelier://app/assets/app/main-abc.js', roots)).status).toBe(404); // the build's own files are not under assets/
    const spaced = await serveAtelierRequest('atelier://assets/models/mug/a%20file.json', roots);
    expect(spaced.status).toBe(200);
  });

  it('answers 404 for missing files, directories, dotfiles and unknown types', async () => {
    for (const url of [
      'atelier://app/missing.js',
      'atelier://assets/models/mug',
      'atelier://assets/',
      'atelier://app/.env',
      'atelier://app/noext',
      'atelier://other/index.html',
    ]) {
      expect((await serveAtelierRequest(url, roots)).status, url).toBe(404);
    }
  });

  it('refuses every traversal attempt', async () => {
    const attempts = [
      'atelier://assets/../secret.json',
      'atelier://assets/models/../../secret.json',
      'atelier://assets/%2e%2e/secret.json',
      'atelier://assets/..%2fsecret.json',
      'atelier://assets/..%2Fsecret.json',
      'atelier://assets/%2e%2e%2fsecret.json',
      'atelier://assets/%252e%252e%252fsecret.json',
      'atelier://assets/..%5csecret.json',
      'atelier://assets/..\\secret.json',
      'atelier://assets/models/mug/..%00/thumb.png',
      'atelier://assets/models/link.json',
      'atelier://app/assets/../index.html/../../secret.json',
      'atelier://app/assets/%2e%2e/secret.json',
      'atelier://app/assets/..%2fsecret.json',
      'atelier://app/assets/models/link.json',
    ];
    for (const url of attempts) {
      const r = await serveAtelierRequest(url, roots);
      expect(r.status === 404 || r.status === 400, `${url} → ${r.status}`).toBe(true);
      expect(text(r.body)).not.toContain('secret');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await serveAtelierRequest('atelier://app/index.html', roots, 'POST')).status).toBe(405);
    const head = await serveAtelierRequest('atelier://app/index.html', roots, 'HEAD');
    expect([head.status, head.body.length]).toEqual([200, 0]);
  });
});

describe('resolveAtelierPath', () => {
  it('maps URLs inside the root and rejects other schemes', () => {
    const r = resolveAtelierPath('atelier://assets/models/mug/thumb.png', roots);
    expect(r).toEqual({ path: path.join(roots.assets, 'models', 'mug', 'thumb.png'), root: roots.assets });
    expect(resolveAtelierPath('file:///etc/passwd', roots)).toMatchObject({ status: 400 });
    expect(resolveAtelierPath('not a url', roots)).toMatchObject({ status: 400 });
  });
});
