// The password check: length bounds, then zxcvbn-ts's guess estimate, with a message that says what
// to do instead.
import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, passwordProblem } from '../../server/auth/passwords.ts';

describe('passwordProblem', () => {
  it.each(['aaaaaaaaaaaa', 'password1234', 'qwertyuiop12', '123456789012'])(
    'refuses %s, long enough but easy to guess, and says what to do',
    (password) => {
      const problem = passwordProblem(password);
      expect(problem).toMatch(/^The password is too easy to guess\./);
      expect(problem).toContain('Use three or four unrelated words');
    },
  );

  it('names the pattern it found when it can', () => {
    expect(passwordProblem('aaaaaaaaaaaa')).toContain('Repeated characters');
  });

  it('refuses a password made of the account’s own email', () => {
    const email = 'harriet.okafor@school.example';
    expect(passwordProblem('harrietokafor2', [email])).toMatch(/too easy to guess/);
  });

  it('accepts passphrases of unrelated words', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('river-lantern-oboe-77')).toBeNull();
  });

  it('keeps the length bounds, checked first', () => {
    expect(passwordProblem('short')).toBe('The password must be at least 12 characters long.');
    expect(passwordProblem('x'.repeat(PASSWORD_MAX_LENGTH + 1))).toBe(
      `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`,
    );
  });
});
