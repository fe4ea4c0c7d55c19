// Failed sign-ins are counted per email *and address together*, and per address. Counting per email
// alone let anyone who knew a counsellor's email lock them out from anywhere with ten wrong passwords;
// now a stranger's failures spend only the stranger's own buckets. What this still allows is
// spelled out in SECURITY.md: guesses at one account from many addresses, each held to the pair limit,
// against an Argon2id hash and a password zxcvbn-ts rates hard to guess.
import { createRateLimiter } from '../rate-limit.ts';

const FIFTEEN_MINUTES = 15 * 60;

const signInMessage = (retryAfterSeconds: number) => {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many sign-in attempts that did not match. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
};

/** Failed sign-ins per email from one address: 10 in 15 minutes, then one more every 90 s. */
export const SIGN_IN_EMAIL_LIMIT = {
  capacity: 10,
  refillPerSecond: 10 / FIFTEEN_MINUTES,
  idleMs: FIFTEEN_MINUTES * 1000,
  message: signInMessage,
};

// A school shares one address among many people, so the address gets more room than one email does;
// it still stops one machine spraying a password across many accounts.
export const SIGN_IN_IP_LIMIT = {
  ...SIGN_IN_EMAIL_LIMIT,
  capacity: 30,
  refillPerSecond: 30 / FIFTEEN_MINUTES,
};

export interface SignInThrottle {
  /** Spends a try before the password is checked, so parallel guesses cannot all pass; may throw RATE_LIMITED. */
  before(email: string, ip: string): void;
  /** The password was right: the try is given back, so only failures count. */
  succeeded(email: string, ip: string): void;
}

export function createSignInThrottle(now: () => number = Date.now): SignInThrottle {
  const byPair = createRateLimiter(SIGN_IN_EMAIL_LIMIT, now);
  const byIp = createRateLimiter(SIGN_IN_IP_LIMIT, now);
  const pair = (email: string, ip: string) => `${email}\u0000${ip}`;
  return {
    before(email, ip) {
      byIp.take(ip);
      try {
        byPair.take(pair(email, ip));
      } catch (error) {
        byIp.refund(ip);
        throw error;
      }
    },
    succeeded(email, ip) {
      byIp.refund(ip);
      byPair.refund(pair(email, ip));
    },
  };
}
