// Sign-in throttling counts failures per email and address together, so a stranger who knows a
// counsellor's email cannot lock them out from elsewhere; one address is still held back across emails.
import { describe, expect, it } from 'vitest';
import {
  createSignInThrottle,
  SIGN_IN_EMAIL_LIMIT,
  SIGN_IN_IP_LIMIT,
} from '../../server/resolvers/sign-in-throttle.ts';

const email = 'counsellor@school.example';
const attacker = '203.0.113.9';
const school = '198.51.100.20';
const code = (run: () => void): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'thrown';
  }
};

describe('sign-in throttle', () => {
  it('refuses an email from the address that failed too often, and no other address', () => {
    const throttle = createSignInThrottle(() => 0);
    for (let i = 0; i < SIGN_IN_EMAIL_LIMIT.capacity; i += 1)
      expect(code(() => throttle.before(email, attacker))).toBeNull();
    expect(code(() => throttle.before(email, attacker))).toBe('RATE_LIMITED');
    // The counsellor, signing in from school, is not locked out by the stranger's failures.
    expect(code(() => throttle.before(email, school))).toBeNull();
    throttle.succeeded(email, school);
  });

  it('holds one address back across many emails', () => {
    const throttle = createSignInThrottle(() => 0);
    for (let i = 0; i < SIGN_IN_IP_LIMIT.capacity; i += 1) {
      expect(code(() => throttle.before(`guess-${i}@school.example`, attacker))).toBeNull();
    }
    expect(code(() => throttle.before('another@school.example', attacker))).toBe('RATE_LIMITED');
    expect(code(() => throttle.before('another@school.example', school))).toBeNull();
  });

  it('does not count sign-ins that succeed, and lets tries trickle back', () => {
    let now = 0;
    const throttle = createSignInThrottle(() => now);
    for (let i = 0; i < SIGN_IN_EMAIL_LIMIT.capacity * 3; i += 1) {
      throttle.before(email, school);
      throttle.succeeded(email, school);
    }
    for (let i = 0; i < SIGN_IN_EMAIL_LIMIT.capacity; i += 1) throttle.before(email, attacker);
    expect(code(() => throttle.before(email, attacker))).toBe('RATE_LIMITED');
    now += Math.ceil(1000 / SIGN_IN_EMAIL_LIMIT.refillPerSecond);
    expect(code(() => throttle.before(email, attacker))).toBeNull();
  });
});
