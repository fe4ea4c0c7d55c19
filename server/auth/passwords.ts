// Password hashing with Argon2id (OWASP's first choice), through a maintained native binding, and a
// strength check with zxcvbn-ts, which estimates guesses from common passwords, names, keyboard
// patterns, repeats and dates rather than counting character classes.
import { hash, verify } from '@node-rs/argon2';
import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonWords } from '@zxcvbn-ts/language-common';
import { dictionary as englishWords, translations } from '@zxcvbn-ts/language-en';

zxcvbnOptions.setOptions({
  dictionary: { ...commonWords, ...englishWords },
  graphs: adjacencyGraphs,
  translations,
});

/**
 * zxcvbn's score 3 of 4: "safely unguessable", about 10^8 guesses or more, which with Argon2id's cost
 * per guess is out of reach offline; a passphrase of three unrelated words passes.
 */
const MIN_SCORE = 3;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against this when the email is unknown makes a wrong email cost as long as a wrong
// password, so timing does not tell which accounts exist.
let decoy: Promise<string> | null = null;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  decoy ??= hash('not-a-real-password-just-for-timing');
  const target = storedHash ?? (await decoy);
  const matches = await verify(target, password).catch(() => false);
  return storedHash !== null && matches;
}

/**
 * A reason the password is not acceptable, or null when it is. `related` are words an attacker would
 * try first for this account (its email).
 */
export function passwordProblem(password: string, related: readonly string[] = []): string | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`;
  if (password.length > PASSWORD_MAX_LENGTH)
    return `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`;
  // "harriet.okafor@school.example" gives harriet, okafor, school, example and harrietokafor.
  const words = related
    .flatMap((r) => {
      const lower = r.toLowerCase();
      const local = lower.split('@')[0] ?? '';
      return [...lower.split(/[^a-z0-9]+/), local.replace(/[^a-z0-9]+/g, '')];
    })
    .filter((w) => w.length > 2);
  const { score, feedback } = zxcvbn(password, words);
  if (score >= MIN_SCORE) return null;
  const why = feedback.warning ? ` ${feedback.warning}` : '';
  return `The password is too easy to guess.${why} Use three or four unrelated words, or let a password manager make one.`;
}
