// A token bucket per client address for the order intake: `perSecond` requests a second on average, bursts up to
// twice that; idle clients are forgotten. Pure TypeScript; imports nothing.
export class RateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly perSecond: number, private readonly now: () => number = Date.now) {}

  /** Takes one request's token for `who`; false if none is left (answer 429). */
  take(who: string): boolean {
    const t = this.now();
    const cap = Math.max(1, this.perSecond * 2);
    const b = this.buckets.get(who) ?? { tokens: cap, at: t };
    b.tokens = Math.min(cap, b.tokens + ((t - b.at) / 1000) * this.perSecond);
    b.at = t;
    if (this.buckets.size > 10_000) this.buckets.clear(); // a flood of addresses must not grow memory
    this.buckets.set(who, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}
