// A small in-memory token bucket per client, for anonymous writes (plans). Each client starts with
// `capacity` tokens, spends one per write and earns them back at `refillPerSecond`. It lives in one
// process: behind a load balancer each instance counts on its own, so the effective limit is the
// per-instance limit times the number of instances (a shared store such as Redis would fix that).
import { AppError } from './errors.ts';

export interface RateLimitSettings {
  capacity: number;
  refillPerSecond: number;
  /** Buckets idle this long are dropped, so memory stays bounded by recent clients. */
  idleMs?: number;
  /** What the person is told; the default suits writes. */
  message?: (retryAfterSeconds: number) => string;
}

const changesMessage = (retryAfterSeconds: number) =>
  `Too many changes in a short time. Wait ${retryAfterSeconds} s and try again.`;

/** Too many writes from one client: wait `retryAfterSeconds`, then try again. */
export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number, message = changesMessage(retryAfterSeconds)) {
    super('RATE_LIMITED', message, { retryAfterSeconds });
  }
}

interface Bucket {
  tokens: number;
  at: number;
}

export interface RateLimiter {
  /** Spends a token for `key`, or throws RateLimitedError when none is left. */
  take(key: string): void;
  /**
   * Gives back a token spent by `take`. Sign-in takes before checking the password (so parallel guesses
   * cannot all slip past the check) and refunds when the password was right, so only failures count.
   */
  refund(key: string): void;
}

export function createRateLimiter(settings: RateLimitSettings, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const idleMs = settings.idleMs ?? 10 * 60_000;
  let lastSweep = now();

  const sweep = (t: number) => {
    if (t - lastSweep < idleMs) return;
    lastSweep = t;
    for (const [key, bucket] of buckets) if (t - bucket.at > idleMs) buckets.delete(key);
  };

  return {
    take(key) {
      const t = now();
      sweep(t);
      const bucket = buckets.get(key) ?? { tokens: settings.capacity, at: t };
      bucket.tokens = Math.min(
        settings.capacity,
        bucket.tokens + ((t - bucket.at) / 1000) * settings.refillPerSecond,
      );
      bucket.at = t;
      buckets.set(key, bucket);
      if (bucket.tokens < 1) {
        const retryAfterSeconds = Math.ceil((1 - bucket.tokens) / settings.refillPerSecond);
        throw new RateLimitedError(
          retryAfterSeconds,
          (settings.message ?? changesMessage)(retryAfterSeconds),
        );
      }
      bucket.tokens -= 1;
    },
    refund(key) {
      const bucket = buckets.get(key);
      if (bucket) bucket.tokens = Math.min(settings.capacity, bucket.tokens + 1);
    },
  };
}
