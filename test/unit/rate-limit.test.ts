// The per-client token bucket behind plan writes, on a fake clock.
import { describe, expect, it } from 'vitest';
import { RateLimitedError, createRateLimiter } from '../../server/rate-limit.ts';

describe('createRateLimiter', () => {
  it('allows a burst of `capacity`, then refills at `refillPerSecond`, per key', () => {
    let now = 0;
    const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 0.5 }, () => now);
    for (let i = 0; i < 3; i++) limiter.take('a');
    expect(() => limiter.take('a')).toThrow(RateLimitedError);
    limiter.take('b'); // another client has its own bucket
    now = 1_000; // half a token back: still not enough
    expect(() => limiter.take('a')).toThrowError(/Wait 1 s/);
    now = 2_000; // one token back
    limiter.take('a');
    expect(() => limiter.take('a')).toThrow(RateLimitedError);
  });

  it('says how long to wait, and never refills beyond capacity', () => {
    let now = 0;
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 0.25 }, () => now);
    limiter.take('a');
    limiter.take('a');
    try {
      limiter.take('a');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as RateLimitedError).code).toBe('RATE_LIMITED');
      expect((error as RateLimitedError).details).toEqual({ retryAfterSeconds: 4 });
    }
    now = 3_600_000;
    limiter.take('a');
    limiter.take('a');
    expect(() => limiter.take('a')).toThrow(RateLimitedError);
  });
});
