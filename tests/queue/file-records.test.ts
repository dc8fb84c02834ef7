// The intake's file → job records are pruned only when both the job and the file are gone (cli/queue/file-records.ts),
// on a real redis-server and a real BullMQ queue.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILES_KEY, pruneFileRecords } from '../../cli/queue/file-records';
import { tempDir } from '../manufacturing/tools';
import { startRedis, type RedisServer } from './redis-server';

let redis: RedisServer;
let client: Redis;
let queue: Queue;
beforeAll(async () => {
  redis = await startRedis();
  client = new Redis({ host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null });
  queue = new Queue('atelier-records-test', { connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null } });
});
afterAll(async () => {
  await queue.close();
  await client.quit();
  await redis.stop();
});

describe('intake file records', () => {
  it('drop a record only when its job has expired and its file is gone', async () => {
    const dir = tempDir('records');
    mkdirSync(dir, { recursive: true });
    const kept = path.join(dir, 'kept.3mf');
    writeFileSync(kept, 'x');
    await queue.add('order', {}, { jobId: 'live-job' });
    const records = {
      [kept]: 'expired-job-file-kept', // file still in the folder: the order id stays bound to it
      [path.join(dir, 'archived-live.3mf')]: 'live-job', // job still in the queue
      [path.join(dir, 'archived.3mf')]: 'expired-job', // both gone
    };
    for (let i = 0; i < 1200; i++) records[path.join(dir, `old-${i}.3mf`)] = `old-${i}`; // more than one HSCAN step
    await client.hset(FILES_KEY, records);
    const removed = await pruneFileRecords(client, async (id) => (await queue.getJob(id)) !== undefined, existsSync);
    expect(removed).toBe(1201);
    expect(await client.hgetall(FILES_KEY)).toEqual({ [kept]: 'expired-job-file-kept', [path.join(dir, 'archived-live.3mf')]: 'live-job' });
    expect(await pruneFileRecords(client, async () => false, () => false)).toBe(2);
    expect(await client.hlen(FILES_KEY)).toBe(0);
  });

  it('keep a record another order took meanwhile', async () => {
    const file = '/nowhere/taken.3mf';
    await client.hset(FILES_KEY, file, 'first');
    const removed = await pruneFileRecords(client, async () => {
      await client.hset(FILES_KEY, file, 'second'); // a new order claims the name while the old record is looked at
      return false;
    }, () => false);
    expect(removed).toBe(0);
    expect(await client.hget(FILES_KEY, file)).toBe('second');
  });
});
