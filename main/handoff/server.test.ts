// The hand-off server with real HTTP on 127.0.0.1: token required, the right bytes and content types,
// traversal attempts refused (sent raw over a socket, so nothing normalises them first), expiry, stop.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startHandoffServer, type HandoffServer } from './server';

const glb = new Uint8Array([0x67, 0x6c, 0x54, 0x46, 2, 0, 0, 0, 9, 9]);
const usdz = new Uint8Array([0x50, 0x4b, 3, 4, 7, 7, 7]);
let servers: HandoffServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
});
async function start(expiryMs?: number) {
  const s = await startHandoffServer({ title: 'Mug for <Ada> & "Bob"', glb, usdz }, { host: '127.0.0.1', ...(expiryMs ? { expiryMs } : {}) });
  servers.push(s);
  return s;
}

/** Sends a request line exactly as given and returns status, headers and body. */
function raw(url: string, path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const sock = net.connect(Number(port), hostname, () => sock.write(`${method} ${path} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`));
    const chunks: Buffer[] = [];
    sock.on('data', (d) => chunks.push(d));
    sock.on('error', reject);
    sock.on('end', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, split).toString().split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status: Number(head[0]!.split(' ')[1]), headers, body: all.subarray(split + 4) });
    });
  });
}

describe('hand-off server', () => {
  it('serves the page, GLB and USDZ with the right content types behind the token', async () => {
    const s = await start();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{32}\/$/);
    const page = await fetch(s.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('Mug for &#60;Ada&#62; &#38; &#34;Bob&#34;');
    expect(html).not.toContain('<Ada>');
    expect(html).toContain(`href="${s.url}model.usdz#allowsContentScaling=0"`);
    expect(html).toMatch(/rel="ar" href="[^"]+"><img /);
    expect(html).toContain(`intent://arvr.google.com/scene-viewer/1.2?file=${encodeURIComponent(`${s.url}model.glb`)}`);
    expect(html).toContain('resizable=false');

    const g = await fetch(`${s.url}model.glb`);
    expect([g.status, g.headers.get('content-type'), g.headers.get('content-length')]).toEqual([200, 'model/gltf-binary', String(glb.length)]);
    expect(new Uint8Array(await g.arrayBuffer())).toEqual(glb);
    const u = await fetch(`${s.url}model.usdz`);
    expect([u.status, u.headers.get('content-type')]).toEqual([200, 'model/vnd.usdz+zip']);
    expect(new Uint8Array(await u.arrayBuffer())).toEqual(usdz);
    expect((await fetch(`${s.url}model.glb`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${s.url}model.glb`, { method: 'POST', body: 'x' })).status).toBe(405);
    expect((await fetch(`${s.url}other.glb`)).status).toBe(404);
  });

  it('answers 403 without the right token and gives each design its own token and port', async () => {
    const s = await start();
    const t = await start();
    expect(s.token).not.toBe(t.token);
    expect(new URL(s.url).port).not.toBe(new URL(t.url).port);
    expect(Buffer.from(s.token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    const origin = new URL(s.url).origin;
    const flipped = s.token.slice(0, -1) + (s.token.endsWith('A') ? 'B' : 'A');
    for (const p of ['/', '/model.glb', `/${flipped}/model.glb`, `/${t.token}/model.glb`, `/${s.token.slice(0, 16)}/model.glb`, `/${s.token}`, `/${s.token}x/model.glb`, '/favicon.ico']) {
      const r = await raw(origin, p);
      expect(r.status, p).toBe(403);
      expect(r.body.includes(Buffer.from(glb))).toBe(false);
    }
  });

  it('refuses traversal and listing attempts even with the token', async () => {
    const s = await start();
    const origin = new URL(s.url).origin;
    const k = s.token;
    const attempts = [
      `/${k}/../${k}/model.glb`,
      `/${k}/..%2fmodel.glb`,
      `/${k}/..%2Fmodel.glb`,
      `/${k}/%2e%2e%2fmodel.glb`,
      `/${k}/%252e%252e%252fmodel.glb`,
      `/${k}/..\\model.glb`,
      `/${k}\\model.glb`,
      `/${k}/model.glb/..`,
      `/${k}/./model.glb`,
      `//${k}/model.glb`,
      `/${k}/model.glb%00.html`,
      `/${k}/%6dodel.glb`,
      `/${k}/../../etc/passwd`,
      `/${k}/..`,
      `/${k}/.`,
    ];
    for (const p of attempts) {
      const r = await raw(origin, p);
      expect([403, 404, 400], `${p} → ${r.status}`).toContain(r.status);
      expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
    }
  });

  it('expires: the same link answers 403 after its time', async () => {
    const s = await start(400);
    expect((await fetch(`${s.url}model.glb`)).status).toBe(200);
    expect(s.expiresAt - Date.now()).toBeLessThanOrEqual(400);
    await new Promise((r) => setTimeout(r, s.expiresAt - Date.now() + 50));
    const r = await fetch(`${s.url}model.glb`);
    expect(r.status).toBe(403);
    expect(await r.text()).toContain('expired');
    expect((await fetch(s.url)).status).toBe(403);
  });

  it('stops: nothing listens afterwards', async () => {
    const s = await start();
    expect((await fetch(s.url)).status).toBe(200);
    await s.stop();
    await s.stop();
    await expect(fetch(s.url)).rejects.toThrow();
  });

  it('defaults to 15 minutes', async () => {
    const s = await start();
    expect(Math.round((s.expiresAt - Date.now()) / 60000)).toBe(15);
  });
});
