// Where the order queue lives: parses a `redis://[user:pass@]HOST:PORT[/DB]` address into connection options and
// checks, with a bounded wait, that a Redis answers there; failures are UserErrors that say how to start one.
// Node only; imports core/errors and ioredis, never the batch or the geometry.
import type { RedisOptions as QueueRedisOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { UserError } from '../../core/errors';

export interface RedisAddress {
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls: boolean;
}

const FORM = 'redis://HOST:PORT (optionally redis://:PASSWORD@HOST:PORT/DB, or rediss:// for TLS)';

/** Parses a --queue address; anything else is a UserError naming the form allowed. */
export function parseRedisUrl(text: string): RedisAddress {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new UserError(`--queue "${text}" is not a Redis address; use ${FORM}.`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new UserError(`--queue "${text}" must start with redis:// or rediss://; use ${FORM}.`);
  if (u.hostname === '') throw new UserError(`--queue "${text}" has no host; use ${FORM}.`);
  if (u.search !== '' || u.hash !== '') throw new UserError(`--queue "${text}" must not have ?query or #fragment; use ${FORM}.`);
  const port = u.port === '' ? 6379 : Number(u.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UserError(`--queue "${text}" has a bad port; ports are 1 to 65535.`);
  const dbText = u.pathname.replace(/^\//, '');
  if (dbText !== '' && !/^\d{1,2}$/.test(dbText)) throw new UserError(`--queue "${text}": the database after / must be a number such as 0; use ${FORM}.`);
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    host,
    port,
    db: dbText === '' ? 0 : Number(dbText),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    tls: u.protocol === 'rediss:',
  };
}

/** ioredis options for long-lived queue connections: retry forever (a Redis restart makes us wait, not crash). */
export function redisOptions(a: RedisAddress): RedisOptions {
  return {
    host: a.host,
    port: a.port,
    db: a.db,
    ...(a.username ? { username: a.username } : {}),
    ...(a.password ? { password: a.password } : {}),
    ...(a.tls ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(100 * times, 2000),
  };
}

/** The same options typed for BullMQ (whose type wants a retry function, never null). */
export function queueConnection(a: RedisAddress): QueueRedisOptions {
  const { retryStrategy: _unused, ...rest } = redisOptions(a);
  return { ...rest, retryStrategy: (times: number) => Math.min(100 * times, 2000) };
}

/** Waits at most `waitMs` for a PONG from the Redis at `text`; a UserError (exit 2) that says what to do if none. */
export async function reachRedis(text: string, waitMs = Number(process.env.ATELIER_REDIS_WAIT_MS ?? 10_000)): Promise<RedisAddress> {
  const a = parseRedisUrl(text);
  const deadline = Date.now() + waitMs;
  let last = 'no answer';
  const client = new Redis({ ...redisOptions(a), lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null, connectTimeout: Math.max(200, Math.min(waitMs, 2000)) });
  client.on('error', (e: Error) => (last = e.message.split('\n')[0]!));
  try {
    while (Date.now() < deadline) {
      try {
        if (client.status !== 'ready') await client.connect();
        if ((await client.ping()) === 'PONG') return a;
      } catch (e) {
        last = (e as Error).message.split('\n')[0]!;
        if (/NOAUTH|WRONGPASS|invalid password/i.test(last)) throw new UserError(`Redis at ${a.host}:${a.port} refused the password in --queue (${last}).`);
        client.disconnect();
        await new Promise((r) => setTimeout(r, Math.min(250, Math.max(0, deadline - Date.now()))));
      }
    }
  } finally {
    client.disconnect();
  }
  throw new UserError(
    `No Redis answered at ${a.host}:${a.port} within ${(waitMs / 1000).toFixed(1)} s (${last}). ` +
      `Start one with "redis-server --port ${a.port}" (Debian/Ubuntu: apt-get install redis-server) or check the --queue address.`,
  );
}
