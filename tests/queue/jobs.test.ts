// Job ids on a real Redis through BullMQ: the same order and row give the same id, and adding it twice keeps one job.
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAME, jobIdFor } from '../../cli/queue/jobs';
import { startRedis, type RedisServer } from './redis-server';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.stop();
});

describe('queue job ids', () => {
  it('are stable per order, row and target, and never BullMQ-invalid', () => {
    const a = jobIdFor({ order: 'A:1/Zoë', row: 2, file: '/out/a.3mf' }, 'k');
    expect(a).toBe(jobIdFor({ order: 'A:1/Zoë', row: 2, file: '/out/a.3mf' }, 'k'));
    expect(a).not.toContain(':');
    expect(a.startsWith('A%3A1%2FZo%C3%AB@2~')).toBe(true);
    expect(jobIdFor({ order: '12', row: 1, file: '/f' }, 'k')).not.toMatch(/^\d+$/);
    const others = [jobIdFor({ order: 'A:1/Zoë', row: 3, file: '/out/a.3mf' }, 'k'), jobIdFor({ order: 'A:1/Zoë', row: 2, file: '/x/a.3mf' }, 'k'), jobIdFor({ order: 'A:1/Zoë', row: 2, file: '/out/a.3mf' }, 'k2')];
    expect(new Set([a, ...others]).size).toBe(4);
  });

  it('make a resubmitted order one job, not two', async () => {
    const q = new Queue(QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null } });
    try {
      const id = jobIdFor({ order: 'W1', row: 1, file: '/out/w1.3mf' }, 'k');
      await q.add('order', { n: 1 }, { jobId: id });
      await q.add('order', { n: 2 }, { jobId: id });
      expect(await q.getJobCountByTypes('waiting')).toBe(1);
      expect((await q.getJob(id))?.data).toEqual({ n: 1 });
    } finally {
      await q.close();
    }
  });
});
