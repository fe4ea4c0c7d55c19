// The arithmetic of every limit, written once and kept pure: a token bucket (writes, sign-in failures
// per address) and growing delays (sign-in failures per email and address). Where the state lives is
// a LimitStore's job: server/graph/rate-limits.ts keeps it in Neo4j so that several API servers share
// one count and a restart forgets nothing; memoryLimitStore keeps it in one process, for unit tests.
import { AppError } from './errors.ts';

const changesMessage = (retryAfterSeconds: number) =>
  `Too many changes in a short time. Wait ${retryAfterSeconds} s and try again.`;

/** Too many tries from one client: wait `retryAfterSeconds`, then try again. */
export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number, message = changesMessage(retryAfterSeconds)) {
    super('RATE_LIMITED', message, { retryAfterSeconds });
  }
}

/** What a limit decided about one try. */
export interface Verdict {
  allowed: boolean;
  /** When refused: whole seconds until the next try can be allowed. 0 when allowed. */
  retryAfterSeconds: number;
}

/** Stored state is a flat record of numbers, so a store can keep it as plain properties. */
export type LimitState = Readonly<Record<string, number>>;

/**
 * One step of a limit: the state as stored (null when there is none, or it is past `expiresAt`) and
 * the store's clock in milliseconds, to the state to store (null: delete it) and when it may be
 * forgotten, because from then on it says no more than no state at all.
 */
export type LimitStep<R> = (
  stored: LimitState | null,
  now: number,
) => { state: LimitState | null; expiresAt: number; result: R };

export interface LimitStore {
  /** Runs `step` on `key`'s state atomically: no other step on the same key runs in between. */
  apply<R>(key: string, step: LimitStep<R>): Promise<R>;
  /** Forgets `key`'s state. */
  forget(key: string): Promise<void>;
}

const number = (state: LimitState | null, name: string): number | null => {
  const value = state?.[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

// ——— Token bucket ———

export interface BucketLimit {
  capacity: number;
  refillPerSecond: number;
  /** What the person is told; the default suits writes. */
  message?: (retryAfterSeconds: number) => string;
}

/** Tokens in the bucket at `now`: what was left at `at`, plus what has trickled back since, up to capacity. */
function tokensAt(stored: LimitState | null, limit: BucketLimit, now: number): number {
  const tokens = number(stored, 'tokens');
  const at = number(stored, 'at');
  if (tokens === null || at === null) return limit.capacity;
  // A clock that went backwards (another server's, a leader switch) refills nothing rather than taking back.
  const elapsedSeconds = Math.max(0, now - at) / 1000;
  return Math.min(limit.capacity, tokens + elapsedSeconds * limit.refillPerSecond);
}

/** A bucket's state, or none when it is full: a full bucket is the same as one never used. */
function bucketState(tokens: number, limit: BucketLimit, now: number) {
  if (tokens >= limit.capacity) return { state: null, expiresAt: now };
  const fullInMs = ((limit.capacity - tokens) / limit.refillPerSecond) * 1000;
  return { state: { tokens, at: now }, expiresAt: now + Math.ceil(fullInMs) };
}

/** Spends one token, or refuses with the wait until one is back. */
export function takeToken(limit: BucketLimit): LimitStep<Verdict> {
  return (stored, now) => {
    const tokens = tokensAt(stored, limit, now);
    if (tokens < 1) {
      const retryAfterSeconds = Math.ceil((1 - tokens) / limit.refillPerSecond);
      return { ...bucketState(tokens, limit, now), result: { allowed: false, retryAfterSeconds } };
    }
    return { ...bucketState(tokens - 1, limit, now), result: { allowed: true, retryAfterSeconds: 0 } };
  };
}

/** Gives one token back (never beyond capacity). */
export function refundToken(limit: BucketLimit): LimitStep<void> {
  return (stored, now) => ({
    ...bucketState(tokensAt(stored, limit, now) + 1, limit, now),
    result: undefined,
  });
}

// ——— Growing delays ———

export interface BackoffLimit {
  /** Failures that cost no wait. */
  freeFailures: number;
  /** The wait after the first failure past the free ones; each further failure doubles it… */
  firstDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
  /** A count with no failure for this long after its wait ended is forgotten. */
  forgetAfterMs: number;
  message: (retryAfterSeconds: number) => string;
}

/** The wait after the `failures`-th failure before the next try is checked. */
export function delayAfter(failures: number, limit: BackoffLimit): number {
  const beyond = failures - limit.freeFailures;
  if (beyond <= 0) return 0;
  // 2 ** 60 is still exact; past that the cap has long since applied.
  return Math.min(limit.maxDelayMs, limit.firstDelayMs * 2 ** Math.min(beyond - 1, 60));
}

/**
 * A try before the password is checked: refused while the wait after the last failure runs; otherwise
 * counted as a failure at once (so parallel tries cannot all pass) until a success forgets the count.
 * A refused try is not counted: it was never checked.
 */
export function tryAfterFailures(limit: BackoffLimit): LimitStep<Verdict> {
  return (stored, now) => {
    const failures = number(stored, 'failures') ?? 0;
    const nextAt = number(stored, 'nextAt') ?? now;
    if (stored && now < nextAt) {
      return {
        state: stored,
        expiresAt: nextAt + limit.forgetAfterMs,
        result: { allowed: false, retryAfterSeconds: Math.ceil((nextAt - now) / 1000) },
      };
    }
    const counted = failures + 1;
    const next = now + delayAfter(counted, limit);
    return {
      state: { failures: counted, nextAt: next },
      expiresAt: next + limit.forgetAfterMs,
      result: { allowed: true, retryAfterSeconds: 0 },
    };
  };
}

// ——— Limiters over a store ———

export interface RateLimiter {
  /** Spends a token for `key`, or throws RateLimitedError when none is left. */
  take(key: string): Promise<void>;
  /**
   * Gives back a token spent by `take`. Sign-in takes before checking the password (so parallel guesses
   * cannot all slip past the check) and refunds when the password was right, so only failures count.
   */
  refund(key: string): Promise<void>;
}

/** A token bucket per key under `name` (which keeps one limit's keys apart from another's). */
export function createRateLimiter(store: LimitStore, name: string, limit: BucketLimit): RateLimiter {
  const keyOf = (key: string) => `${name}\u0000${key}`;
  return {
    async take(key) {
      const verdict = await store.apply(keyOf(key), takeToken(limit));
      if (!verdict.allowed) {
        const wait = verdict.retryAfterSeconds;
        throw new RateLimitedError(wait, (limit.message ?? changesMessage)(wait));
      }
    },
    refund: (key) => store.apply(keyOf(key), refundToken(limit)),
  };
}

/**
 * State in this process's memory, on the given clock: what the unit tests run the arithmetic on. Not
 * for a server: with two servers each would count alone, and a restart would forget.
 */
export function memoryLimitStore(now: () => number): LimitStore {
  const kept = new Map<string, { state: LimitState; expiresAt: number }>();
  return {
    apply(key, step) {
      const t = now();
      const found = kept.get(key);
      const out = step(found && found.expiresAt > t ? found.state : null, t);
      if (out.state) kept.set(key, { state: out.state, expiresAt: out.expiresAt });
      else kept.delete(key);
      return Promise.resolve(out.result);
    },
    forget(key) {
      kept.delete(key);
      return Promise.resolve();
    },
  };
}
