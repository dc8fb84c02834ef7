// The hand-off against idle sockets and racing starts, over real HTTP on 127.0.0.1: 64 idle connections do not
// lock a real request out and are dropped within seconds; two concurrent starts leave exactly one server, and a
// stop while a start is preparing leaves none; a public-only machine is refused with a reason.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { HandoffManager } from './index';
import { startHandoffServer } from './server';

const design = { title: 'Mug', glb: new Uint8Array([1, 2, 3]), usdz: new Uint8Array([4, 5]) };
const nic = (address: string) => ({ address, netmask: '255.0.0.0', family: 'IPv4' as const, mac: '00:00:00:00:00:00', internal: false, cidr: `${address}/8` });
const loopback = () => ({ lo: [nic('127.0.0.1')] });
const config = () => ({ expiryMinutes: 5, interface: null });

function idleSocket(url: string): Promise<{ sock: net.Socket; closed: Promise<number> }> {
  const { hostname, port } = new URL(url);
  const t0 = Date.now();
  return new Promise((resolve) => {
    const sock = net.connect(Number(port), hostname, () => resolve({ sock, closed }));
    const closed = new Promise<number>((r) => sock.on('close', () => r(Date.now() - t0)));
    sock.on('error', () => {});
  });
}

describe('hand-off server under idle connections', () => {
  it('serves a real request while 64 idle sockets are open, and drops the idle ones within seconds', async () => {
    const s = await startHandoffServer(design, { host: '127.0.0.1' });
    try {
      const idle = await Promise.all(Array.from({ length: 64 }, () => idleSocket(s.url)));
      const res = await fetch(`${s.url}model.glb`, { signal: AbortSignal.timeout(3_000) });
      expect(res.status).toBe(200);
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(design.glb);
      const times = await Promise.all(idle.map((i) => i.closed));
      expect(Math.max(...times)).toBeLessThan(8_000);
    } finally {
      await s.stop();
    }
  }, 20_000);
});

describe('HandoffManager', () => {
  it('leaves exactly one server after two concurrent starts, and stop() closes it', async () => {
    const m = new HandoffManager(config, loopback);
    const results = await Promise.allSettled([m.start(design), m.start(design)]);
    const urls = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.url] : []));
    expect(urls.length).toBeGreaterThanOrEqual(1);
    const alive = await Promise.all(
      results.map(async (r) => (r.status === 'fulfilled' ? fetch(r.value.url).then((x) => x.status, () => 0) : 0)),
    );
    expect(alive.filter((x) => x === 200)).toHaveLength(1);
    await m.stop();
    for (const u of urls) await expect(fetch(u)).rejects.toThrow();
  });

  it('leaves no server running when stopped while a start is preparing', async () => {
    const m = new HandoffManager(config, loopback);
    const starting = m.start(design);
    await m.stop();
    const r = await starting.then((i) => i.url, (e: Error) => e.message);
    if (r.startsWith('http')) await expect(fetch(r)).rejects.toThrow();
    else expect(r).toMatch(/closed before it was ready/);
  });

  it('refuses a machine with only public addresses and says why', async () => {
    const m = new HandoffManager(config, () => ({ eth0: [nic('203.0.113.5')] }));
    await expect(m.start(design)).rejects.toThrow(/public network address.*private/);
  });
});
