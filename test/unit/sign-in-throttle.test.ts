// Sign-in throttling on a fake clock: growing delays per email and address together, so a stranger
// who knows a counsellor's email cannot delay them from elsewhere; one address is still held back
// across emails by a bucket. The same throttle over Neo4j: test/integration/two-servers.int.test.ts.
import { describe, expect, it } from 'vitest';
import { memoryLimitStore } from '../../server/rate-limit.ts';
import {
  createSignInThrottle,
  SIGN_IN_IP_LIMIT,
  SIGN_IN_PAIR_DELAYS,
} from '../../server/resolvers/sign-in-throttle.ts';

const email = 'counsellor@school.example';
const attacker = '203.0.113.9';
const school = '198.51.100.20';
const code = async (run: () => Promise<void>): Promise<string | null> => {
  try {
    await run();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'thrown';
  }
};
/** Tries allowed back to back before the first wait: the free failures and the one that starts it. */
const BACK_TO_BACK = SIGN_IN_PAIR_DELAYS.freeFailures + 1;

describe('sign-in throttle', () => {
  it('delays an email from the address that failed too often, and no other address', async () => {
    const throttle = createSignInThrottle(memoryLimitStore(() => 0));
    for (let i = 0; i < BACK_TO_BACK; i += 1)
      expect(await code(() => throttle.before(email, attacker))).toBeNull();
    expect(await code(() => throttle.before(email, attacker))).toBe('RATE_LIMITED');
    // The counsellor, signing in from school, is not delayed by the stranger's failures.
    expect(await code(() => throttle.before(email, school))).toBeNull();
    await throttle.succeeded(email, school);
  });

  it('doubles the wait with each failure and says so, in seconds and then minutes', async () => {
    let now = 0;
    const throttle = createSignInThrottle(memoryLimitStore(() => now));
    for (let i = 0; i < BACK_TO_BACK; i += 1) await throttle.before(email, attacker);
    const waits: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const refused = await throttle
        .before(email, attacker)
        .catch((e: unknown) => e as Error & { details?: unknown });
      const { retryAfterSeconds } = refused?.details as { retryAfterSeconds: number };
      waits.push(retryAfterSeconds);
      expect(refused?.message).toMatch(
        /^Too many sign-in attempts that did not match\. Try again in \d+ seconds?\.$/,
      );
      now += retryAfterSeconds * 1000;
      await throttle.before(email, attacker);
    }
    expect(waits).toEqual([1, 2, 4, 8]);
    now += 3_600_000; // past the cap: the wait stops growing at 15 minutes
    for (let i = 0; i < 8; i += 1) {
      await throttle.before(email, attacker);
      now += SIGN_IN_PAIR_DELAYS.maxDelayMs;
    }
    const capped = await throttle.before(email, attacker).then(
      () => null,
      (e: Error) => e,
    );
    expect(capped).toBeNull();
    const refused = await throttle.before(email, attacker).catch((e: Error) => e);
    expect(refused?.message).toBe('Too many sign-in attempts that did not match. Try again in 15 minutes.');
  });

  it('forgets the failures after a success', async () => {
    const throttle = createSignInThrottle(memoryLimitStore(() => 0));
    for (let i = 0; i < BACK_TO_BACK; i += 1) await throttle.before(email, school);
    expect(await code(() => throttle.before(email, school))).toBe('RATE_LIMITED');
    // (A success can only follow an allowed try; here the last allowed one turned out right.)
    await throttle.succeeded(email, school);
    for (let i = 0; i < BACK_TO_BACK; i += 1)
      expect(await code(() => throttle.before(email, school))).toBeNull();
  });

  it('holds one address back across many emails', async () => {
    const throttle = createSignInThrottle(memoryLimitStore(() => 0));
    for (let i = 0; i < SIGN_IN_IP_LIMIT.capacity; i += 1) {
      expect(await code(() => throttle.before(`guess-${i}@school.example`, attacker))).toBeNull();
    }
    expect(await code(() => throttle.before('another@school.example', attacker))).toBe('RATE_LIMITED');
    expect(await code(() => throttle.before('another@school.example', school))).toBeNull();
  });

  it('does not count sign-ins that succeed, nor tries refused for the pair, against the address', async () => {
    let now = 0;
    const throttle = createSignInThrottle(memoryLimitStore(() => now));
    for (let i = 0; i < SIGN_IN_IP_LIMIT.capacity * 3; i += 1) {
      await throttle.before(email, school);
      await throttle.succeeded(email, school);
    }
    for (let i = 0; i < BACK_TO_BACK; i += 1) await throttle.before(email, attacker);
    // Refused for the pair many times over: the address's bucket is not spent by those.
    for (let i = 0; i < SIGN_IN_IP_LIMIT.capacity; i += 1) {
      expect(await code(() => throttle.before(email, attacker))).toBe('RATE_LIMITED');
    }
    const left = SIGN_IN_IP_LIMIT.capacity - BACK_TO_BACK;
    for (let i = 0; i < left; i += 1) await throttle.before(`other-${i}@school.example`, attacker);
    expect(await code(() => throttle.before('one-more@school.example', attacker))).toBe('RATE_LIMITED');
    now += Math.ceil(1000 / SIGN_IN_IP_LIMIT.refillPerSecond);
    expect(await code(() => throttle.before('one-more@school.example', attacker))).toBeNull();
  });
});
