/**
 * Request rate limits per client (the public query kiosk, logins): a sliding window of `limit` requests per
 * `windowMs`, counted per key (the client's address). Pure: the caller passes the time; memory is bounded by
 * dropping keys whose window has passed once there are more than `maxKeys`, and, if every key is still
 * live, the oldest key.
 */
export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

export class RateLimiter {
  /** Key → the times of its requests in the current window, oldest first. */
  private readonly hits = new Map<string, number[]>();

  constructor(
    readonly rule: RateLimit,
    private readonly maxKeys = 10_000,
  ) {
    if (!(Number.isInteger(rule.limit) && rule.limit > 0)) throw new RangeError('限流次数应为正整数');
    if (!(rule.windowMs > 0)) throw new RangeError('限流时间窗应为正数');
  }

  /** Counts a request of `key` at `nowMs` if it is allowed. */
  take(key: string, nowMs: number): RateDecision {
    const since = nowMs - this.rule.windowMs;
    const times = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (times.length >= this.rule.limit) {
      this.hits.set(key, times);
      return { allowed: false, retryAfterMs: (times[0] as number) + this.rule.windowMs - nowMs };
    }
    times.push(nowMs);
    this.hits.delete(key);
    this.hits.set(key, times);
    if (this.hits.size > this.maxKeys) this.prune(since);
    return { allowed: true, remaining: this.rule.limit - times.length };
  }

  /** Keys tracked (for tests and monitoring). */
  get size(): number {
    return this.hits.size;
  }

  private prune(since: number): void {
    for (const [key, times] of this.hits) if ((times.at(-1) ?? 0) <= since) this.hits.delete(key);
    // Still too many live keys: drop the least recently seen (Map keeps insertion order; take re-inserts).
    for (const key of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys) break;
      this.hits.delete(key);
    }
  }
}
