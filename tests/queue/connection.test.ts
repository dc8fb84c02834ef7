// The queue's Redis address and reachability check against a real redis-server: malformed addresses are refused
// with the form allowed, an unreachable Redis fails after a bounded wait saying how to start one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUserError } from '../../core/errors';
import { parseRedisUrl, reachRedis } from '../../cli/queue/connection';
import { startRedis, type RedisServer } from './redis-server';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

async function userMessage(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isUserError(e)) return e.problems.map((x) => x.message).join('; ');
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('queue address', () => {
  it('parses redis:// addresses', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6380')).toMatchObject({ host: '127.0.0.1', port: 6380, db: 0, tls: false });
    expect(parseRedisUrl('redis://:s%40cret@farm.local/3')).toMatchObject({ host: 'farm.local', port: 6379, db: 3, password: 's@cret' });
    expect(parseRedisUrl('rediss://[::1]:7000')).toMatchObject({ host: '::1', port: 7000, tls: true });
  });

  it.each(['localhost:6379', 'http://127.0.0.1:6379', 'redis://', 'redis://host:99999', 'redis://host:6379/x', 'redis://host:6379?db=1'])('refuses %s', async (u) => {
    const m = await userMessage(Promise.resolve().then(() => parseRedisUrl(u)));
    expect(m).toContain('--queue');
    expect(m).toMatch(/redis:\/\//);
  });

  it('reaches a running Redis', async () => {
    await expect(reachRedis(redis.url, 3000)).resolves.toMatchObject({ port: redis.port });
  });

  it('gives up on an unreachable Redis after a bounded wait and says how to start one', async () => {
    const dead = await startRedis();
    await dead.stop();
    const t0 = Date.now();
    const m = await userMessage(reachRedis(dead.url, 1500));
    expect(Date.now() - t0).toBeLessThan(6000);
    expect(m).toContain(`127.0.0.1:${dead.port}`);
    expect(m).toContain(`redis-server --port ${dead.port}`);
  });
});
