// Failed sign-ins are held back per email *and address together*, with growing delays, and per
// address, with a bucket. Counting per email alone let anyone who knew a counsellor's email lock them
// out from anywhere; now a stranger's failures delay only the stranger's own pair. Growing delays
// rather than a hard lock: the first few mistakes cost nothing, each further one doubles the wait
// before the next try is checked (capped), and a success forgets them. The counts live in Neo4j
// (server/graph/rate-limits.ts), so several API servers hold one count. What this still allows is
// spelled out in SECURITY.md: guesses at one account from many addresses, each held to the delays,
// against an Argon2id hash and a password zxcvbn-ts rates hard to guess.
import {
  createRateLimiter,
  RateLimitedError,
  tryAfterFailures,
  type BackoffLimit,
  type LimitStore,
} from '../rate-limit.ts';

const FIFTEEN_MINUTES = 15 * 60;

function signInMessage(retryAfterSeconds: number): string {
  if (retryAfterSeconds < 60) {
    const s = Math.max(1, retryAfterSeconds);
    return `Too many sign-in attempts that did not match. Try again in ${s} second${s === 1 ? '' : 's'}.`;
  }
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many sign-in attempts that did not match. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}

/**
 * Failed sign-ins per email from one address: five cost nothing; after the sixth the next try waits
 * 1 s, then 2 s, 4 s, … up to 15 minutes. A day without a failure, or one success, forgets them.
 */
export const SIGN_IN_PAIR_DELAYS: BackoffLimit = {
  freeFailures: 5,
  firstDelayMs: 1_000,
  maxDelayMs: FIFTEEN_MINUTES * 1000,
  forgetAfterMs: 24 * 3_600_000,
  message: signInMessage,
};

// A school shares one address among many people, so the address gets a bucket with room for a class
// of mistakes; it still stops one machine spraying a password across many accounts.
/** Failed sign-ins from one address, across emails: 30 in 15 minutes, then one more every 30 s. */
export const SIGN_IN_IP_LIMIT = {
  capacity: 30,
  refillPerSecond: 30 / FIFTEEN_MINUTES,
  message: signInMessage,
};

export interface SignInThrottle {
  /** Spends a try before the password is checked, so parallel guesses cannot all pass; may throw RATE_LIMITED. */
  before(email: string, ip: string): Promise<void>;
  /** The password was right: the address's try is given back and the pair's failures forgotten. */
  succeeded(email: string, ip: string): Promise<void>;
}

export function createSignInThrottle(store: LimitStore): SignInThrottle {
  const byIp = createRateLimiter(store, 'sign-in-address', SIGN_IN_IP_LIMIT);
  const pair = (email: string, ip: string) => `sign-in-pair\u0000${email}\u0000${ip}`;
  return {
    async before(email, ip) {
      await byIp.take(ip);
      const verdict = await store
        .apply(pair(email, ip), tryAfterFailures(SIGN_IN_PAIR_DELAYS))
        .catch(async (error: unknown) => {
          await byIp.refund(ip);
          throw error;
        });
      if (!verdict.allowed) {
        // A try refused unchecked is no failure: the address gets it back.
        await byIp.refund(ip);
        const wait = verdict.retryAfterSeconds;
        throw new RateLimitedError(wait, SIGN_IN_PAIR_DELAYS.message(wait));
      }
    },
    async succeeded(email, ip) {
      await Promise.all([byIp.refund(ip), store.forget(pair(email, ip))]);
    },
  };
}
