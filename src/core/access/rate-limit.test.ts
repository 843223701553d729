import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

describe('RateLimiter', () => {
  it('allows `limit` requests per window and says when the next one is allowed', () => {
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000 });
    expect(limiter.take('a', 0)).toEqual({ allowed: true, remaining: 2 });
    expect(limiter.take('a', 10_000)).toEqual({ allowed: true, remaining: 1 });
    expect(limiter.take('a', 20_000)).toEqual({ allowed: true, remaining: 0 });
    expect(limiter.take('a', 30_000)).toEqual({ allowed: false, retryAfterMs: 30_000 });
    // Another client is counted apart.
    expect(limiter.take('b', 30_000).allowed).toBe(true);
    // The window slides: the first request leaves it at 60 s.
    expect(limiter.take('a', 59_999).allowed).toBe(false);
    expect(limiter.take('a', 60_000)).toEqual({ allowed: true, remaining: 0 });
  });

  it('refused requests do not count', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 1000 });
    expect(limiter.take('a', 0).allowed).toBe(true);
    for (let t = 1; t < 1000; t += 100) expect(limiter.take('a', t).allowed).toBe(false);
    expect(limiter.take('a', 1000).allowed).toBe(true);
  });

  it('never allows more than `limit` in any window, whatever the request times', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 60 }),
        (limit, gaps) => {
          const limiter = new RateLimiter({ limit, windowMs: 1000 });
          const allowed: number[] = [];
          let now = 0;
          for (const gap of gaps) {
            now += gap;
            if (limiter.take('k', now).allowed) allowed.push(now);
          }
          for (const t of allowed)
            expect(allowed.filter((u) => u > t - 1000 && u <= t).length).toBeLessThanOrEqual(limit);
        },
      ),
    );
  });

  it('keeps memory bounded: expired keys go first, then the least recently seen', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 1000 }, 3);
    for (const k of ['a', 'b', 'c']) limiter.take(k, 0);
    limiter.take('d', 2000);
    expect(limiter.size).toBe(1);
    for (const k of ['e', 'f', 'g']) limiter.take(k, 2001);
    expect(limiter.size).toBe(3);
    // 'd' was dropped as the least recently seen, so it may ask again at once.
    expect(limiter.take('d', 2002).allowed).toBe(true);
  });

  it('refuses a nonsensical rule', () => {
    expect(() => new RateLimiter({ limit: 0, windowMs: 1000 })).toThrow('限流次数应为正整数');
    expect(() => new RateLimiter({ limit: 1, windowMs: 0 })).toThrow('限流时间窗应为正数');
  });
});
