// `atelier serve` against hostile clients, through the real CLI: malformed request targets get an answer and the
// server keeps serving; every answer carries a CSP with frame-ancestors and X-Frame-Options; a foreign Host header
// is refused; a slow-loris client that never finishes its headers is dropped within seconds.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, tempDir } from '../manufacturing/tools';

let child: ChildProcess;
let port = 0;

/** Sends a request exactly as written over a raw socket; resolves with the status line's code (0 if closed silently). */
function raw(target: string, host = `127.0.0.1:${port}`): Promise<{ status: number; head: string }> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1', () => sock.write(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
    let text = '';
    sock.setEncoding('latin1').on('data', (d: string) => (text += d));
    sock.on('error', reject);
    sock.on('close', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), head: text.split('\r\n\r\n')[0]!.toLowerCase() }));
  });
}

beforeAll(async () => {
  const dir = tempDir('cli-serve-hard');
  const web = path.join(dir, 'web');
  mkdirSync(web, { recursive: true });
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>Atelier</title>');
  child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { env: { ...process.env, ATELIER_WEB_DIR: web }, stdio: ['ignore', 'pipe', 'pipe'] });
  port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (c) => reject(new Error(`serve exited with ${c}`)));
  });
});

afterAll(() => {
  child?.kill('SIGTERM');
});

describe('atelier serve under hostile requests', () => {
  it('answers malformed request targets and keeps serving the app page', async () => {
    for (const t of ['//', '//[', '//a@', '//:99999', '*', 'http://x/']) {
      const r = await raw(t);
      expect(r.status, t).toBeGreaterThanOrEqual(400);
      expect(r.status, t).toBeLessThan(500);
    }
    expect(child.exitCode).toBeNull();
    expect((await raw('/')).status).toBe(200);
  });
  it('sends a Content-Security-Policy with frame-ancestors and X-Frame-Options', async () => {
    for (const t of ['/', '/missing.js']) {
      const { head } = await raw(t);
      expect(head).toMatch(/content-security-policy: [^\r\n]*frame-ancestors 'none'/);
      expect(head).toMatch(/content-security-policy: [^\r\n]*default-src 'none'/);
      expect(head).toMatch(/x-frame-options: deny/);
    }
  });
  it('refuses a foreign Host header (DNS rebinding) but answers localhost and IP literals', async () => {
    expect((await raw('/', 'evil.example:80')).status).toBe(421);
    expect((await raw('/', `localhost:${port}`)).status).toBe(200);
    expect((await raw('/', `[::1]:${port}`)).status).toBe(200);
  });
  it('drops a client that never finishes its headers within seconds', async () => {
    const t0 = Date.now();
    const closed = await new Promise<number>((resolve) => {
      const sock = net.connect(port, '127.0.0.1', () => sock.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n'));
      const drip = setInterval(() => sock.writable && sock.write('X-a: b\r\n'), 500);
      sock.on('error', () => {});
      sock.on('close', () => {
        clearInterval(drip);
        resolve(Date.now() - t0);
      });
    });
    expect(closed).toBeLessThan(12_000);
    expect((await raw('/')).status).toBe(200);
  }, 20_000);
});
