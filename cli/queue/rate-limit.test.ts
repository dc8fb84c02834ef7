import { describe, expect, it } from 'vitest';
import { RateLimit } from './rate-limit';

describe('intake rate limit', () => {
  it('allows a burst of twice the rate, then the rate, per client', () => {
    let t = 0;
    const r = new RateLimit(5, () => t);
    const burst = Array.from({ length: 12 }, () => r.take('a'));
    expect(burst.filter(Boolean)).toHaveLength(10);
    expect(r.take('b')).toBe(true); // another client has its own bucket
    t += 1000;
    expect(Array.from({ length: 8 }, () => r.take('a')).filter(Boolean)).toHaveLength(5);
  });
});
