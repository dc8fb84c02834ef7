// The renderer's Content-Security-Policy in real Chromium: pages served through the atelier:// resolver
// (mapped onto http://127.0.0.1 here, since only Electron can register the scheme) may run module scripts,
// module and blob workers and WebAssembly, fetch their own files; inline scripts, eval, new Function and
// requests to any other origin are blocked.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAtelierRequest } from '../../main/protocol-resolver';

const dir = mkdtempSync(path.join(tmpdir(), 'atelier-csp-'));
let server: http.Server;
let other: http.Server;
let browser: Browser;
let base = '';
let otherHits = 0;

const listen = (s: http.Server) => new Promise<string>((r) => s.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)));

beforeAll(async () => {
  const web = path.join(dir, 'web');
  mkdirSync(web);
  other = http.createServer((_q, res) => {
    otherHits++;
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain' });
    res.end('leak');
  });
  const otherUrl = await listen(other);
  writeFileSync(path.join(web, 'index.html'), `<!doctype html><html><head><meta charset="utf-8">
    <script>window.inlineRan = true;</script>
    <script type="module" src="./main.js"></script></head><body></body></html>`);
  writeFileSync(path.join(web, 'data.json'), '{"ok":true}');
  writeFileSync(path.join(web, 'worker.js'), 'self.postMessage("module worker");');
  writeFileSync(path.join(web, 'main.js'), `
    const r = { inline: window.inlineRan === true };
    try { eval('1'); r.eval = true; } catch { r.eval = false; }
    try { new Function('return 1')(); r.newFunction = true; } catch { r.newFunction = false; }
    try { const m = await WebAssembly.instantiate(new Uint8Array([0,97,115,109,1,0,0,0])); r.wasm = !!m.instance; } catch (e) { r.wasm = String(e); }
    r.fetchSelf = (await (await fetch('./data.json')).json()).ok;
    try { await fetch(${JSON.stringify(otherUrl + '/x')}); r.fetchOther = true; } catch { r.fetchOther = false; }
    const fromWorker = (w) => new Promise((res) => { w.onmessage = (e) => res(e.data); w.onerror = () => res('blocked'); setTimeout(() => res('timeout'), 3000); });
    r.moduleWorker = await fromWorker(new Worker('./worker.js', { type: 'module' }));
    r.blobWorker = await fromWorker(new Worker(URL.createObjectURL(new Blob(['postMessage("blob worker")'], { type: 'text/javascript' }))));
    const img = new Image(); img.src = ${JSON.stringify(otherUrl + '/pixel.png')};
    await new Promise((res) => { img.onload = img.onerror = res; });
    window.results = r;
  `);
  server = http.createServer((req, res) => {
    void serveAtelierRequest(`atelier://app${req.url ?? '/'}`, { app: web, assets: path.join(dir, 'assets') }, req.method).then((r) => {
      res.writeHead(r.status, r.headers);
      res.end(Buffer.from(r.body));
    });
  });
  base = await listen(server);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  other?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Content-Security-Policy in Chromium', () => {
  it('lets the app run its code, workers and WebAssembly, and blocks inline script, eval and other origins', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${base}/index.html`);
    await page.waitForFunction(() => (window as unknown as { results?: unknown }).results !== undefined, null, { timeout: 20_000 });
    const r = await page.evaluate(() => (window as unknown as { results: Record<string, unknown> }).results);
    expect(r).toEqual({
      inline: false,
      eval: false,
      newFunction: false,
      wasm: true,
      fetchSelf: true,
      fetchOther: false,
      moduleWorker: 'module worker',
      blobWorker: 'blob worker',
    });
    expect(otherHits).toBe(0);
    expect(violations.length).toBeGreaterThanOrEqual(4);
    await page.close();
  });
});
