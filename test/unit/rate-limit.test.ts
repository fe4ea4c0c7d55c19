// The arithmetic every limit shares (server/rate-limit.ts), on a fake clock: the token bucket behind
// curator and plan writes and sign-in failures per address, and the growing delays behind sign-in
// failures per email and address. The same steps run inside Neo4j transactions in production
// (server/graph/rate-limits.ts, tested in test/integration/two-servers.int.test.ts).
import { describe, expect, it } from 'vitest';
import {
  RateLimitedError,
  createRateLimiter,
  delayAfter,
  memoryLimitStore,
  takeToken,
  tryAfterFailures,
  type BackoffLimit,
} from '../../server/rate-limit.ts';

describe('createRateLimiter', () => {
  it('allows a burst of `capacity`, then refills at `refillPerSecond`, per key', async () => {
    let now = 0;
    const limiter = createRateLimiter(
      memoryLimitStore(() => now),
      'test',
      { capacity: 3, refillPerSecond: 0.5 },
    );
    for (let i = 0; i < 3; i++) await limiter.take('a');
    await expect(limiter.take('a')).rejects.toThrow(RateLimitedError);
    await limiter.take('b'); // another client has its own bucket
    now = 1_000; // half a token back: still not enough
    await expect(limiter.take('a')).rejects.toThrowError(/Wait 1 s/);
    now = 2_000; // one token back
    await limiter.take('a');
    await expect(limiter.take('a')).rejects.toThrow(RateLimitedError);
  });

  it('says how long to wait, and never refills beyond capacity', async () => {
    let now = 0;
    const limiter = createRateLimiter(
      memoryLimitStore(() => now),
      'test',
      { capacity: 2, refillPerSecond: 0.25 },
    );
    await limiter.take('a');
    await limiter.take('a');
    const error = await limiter.take('a').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).code).toBe('RATE_LIMITED');
    expect((error as RateLimitedError).details).toEqual({ retryAfterSeconds: 4 });
    now = 3_600_000;
    await limiter.take('a');
    await limiter.take('a');
    await expect(limiter.take('a')).rejects.toThrow(RateLimitedError);
  });

  it('keeps two limits with the same key apart, and a refund gives one token back', async () => {
    const store = memoryLimitStore(() => 0);
    const one = createRateLimiter(store, 'one', { capacity: 1, refillPerSecond: 1 });
    const two = createRateLimiter(store, 'two', { capacity: 1, refillPerSecond: 1 });
    await one.take('k');
    await two.take('k');
    await expect(one.take('k')).rejects.toThrow(RateLimitedError);
    await one.refund('k');
    await one.take('k');
  });
});

describe('takeToken', () => {
  const limit = { capacity: 4, refillPerSecond: 2 };

  it('stores nothing for a full bucket, and says when a used one is full again', () => {
    const first = takeToken(limit)(null, 10_000);
    expect(first.result).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(first.state).toEqual({ tokens: 3, at: 10_000 });
    // One token short refills in half a second; from then on the state says nothing.
    expect(first.expiresAt).toBe(10_500);
  });

  it('refills nothing when the clock steps backwards', () => {
    const step = takeToken(limit)({ tokens: 0.5, at: 10_000 }, 9_000);
    expect(step.result).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(step.state).toEqual({ tokens: 0.5, at: 9_000 });
  });
});

describe('growing delays', () => {
  const limit: BackoffLimit = {
    freeFailures: 5,
    firstDelayMs: 1_000,
    maxDelayMs: 900_000,
    forgetAfterMs: 86_400_000,
    message: (s) => `wait ${s}`,
  };

  it('costs nothing for five failures, then doubles from one second, capped at 15 minutes', () => {
    expect([1, 2, 3, 4, 5].map((f) => delayAfter(f, limit))).toEqual([0, 0, 0, 0, 0]);
    expect([6, 7, 8, 9].map((f) => delayAfter(f, limit))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(delayAfter(15, limit)).toBe(512_000);
    expect(delayAfter(16, limit)).toBe(900_000);
    expect(delayAfter(10_000, limit)).toBe(900_000);
  });

  it('refuses a try before the wait is over, without counting it, and counts the next one', () => {
    const step = tryAfterFailures(limit);
    let state = null as ReturnType<typeof step>['state'];
    for (let i = 0; i < 6; i += 1) {
      const out = step(state, 0);
      expect(out.result.allowed, `try ${i + 1}`).toBe(true);
      state = out.state;
    }
    expect(state).toEqual({ failures: 6, nextAt: 1_000 });
    const early = step(state, 400);
    expect(early.result).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(early.state).toEqual(state);
    const onTime = step(state, 1_000);
    expect(onTime.result.allowed).toBe(true);
    expect(onTime.state).toEqual({ failures: 7, nextAt: 3_000 });
    expect(onTime.expiresAt).toBe(3_000 + limit.forgetAfterMs);
  });
});
