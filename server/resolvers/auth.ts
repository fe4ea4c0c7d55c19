// me, signIn, signOut, createUser.
import { BadUserInputError, ConflictError, UnauthenticatedError } from '../errors.ts';
import { createUser, findUserByEmail } from '../graph/accounts.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/passwords.ts';
import type { MutationResolvers, QueryResolvers, Viewer } from './generated/graphql.ts';
import type { SessionRecord } from '../graph/accounts.ts';
import { createRateLimiter, type RateLimiter } from '../rate-limit.ts';
import { requireAdmin } from './guards.ts';

const FIFTEEN_MINUTES = 15 * 60;
const signInMessage = (retryAfterSeconds: number) => {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many sign-in attempts that did not match. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
};

/** Failed sign-ins per email: 10 in 15 minutes, then one more every 90 s. Slows guessing one password. */
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
const byEmail: RateLimiter = createRateLimiter(SIGN_IN_EMAIL_LIMIT);
const byIp: RateLimiter = createRateLimiter(SIGN_IN_IP_LIMIT);

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

export function normaliseEmail(value: string): string {
  const email = value.trim().toLowerCase();
  if (!EMAIL.test(email))
    throw new BadUserInputError(`"${value.slice(0, 80)}" is not an email address.`, 'email');
  return email;
}

const viewer = (session: SessionRecord): Viewer => ({
  email: session.user.email,
  role: session.user.role,
  csrfToken: session.csrfToken,
  expiresAt: session.expiresAt,
});

export const authQueries: Pick<QueryResolvers, 'me'> = {
  me: async (_parent, _args, ctx) => {
    const session = await ctx.auth.session();
    return session ? viewer(session) : null;
  },
};

export const authMutations: Pick<MutationResolvers, 'signIn' | 'signOut' | 'createUser'> = {
  signIn: async (_parent, args, ctx) => {
    const email = normaliseEmail(args.email);
    const ip = ctx.clientIp ?? 'unknown';
    // Taken before the password is checked, so parallel guesses cannot all pass; given back on success.
    byIp.take(ip);
    try {
      byEmail.take(email);
    } catch (error) {
      byIp.refund(ip);
      throw error;
    }
    const user = await findUserByEmail(ctx.graph, email);
    if (!(await verifyPassword(user?.passwordHash ?? null, args.password)) || !user) {
      throw new UnauthenticatedError(
        'That email and password do not match an account. Check both and try again.',
      );
    }
    byIp.refund(ip);
    byEmail.refund(email);
    return viewer(await ctx.auth.signIn({ id: user.id, email: user.email, role: user.role }));
  },

  signOut: async (_parent, _args, ctx) => {
    await ctx.auth.signOut();
    return true;
  },

  createUser: async (_parent, args, ctx) => {
    await requireAdmin(ctx);
    const email = normaliseEmail(args.email);
    const problem = passwordProblem(args.password, [email]);
    if (problem) throw new BadUserInputError(problem, 'password');
    const role = args.role;
    const user = await createUser(ctx.graph, {
      email,
      role,
      passwordHash: await hashPassword(args.password),
    });
    if (!user) throw new ConflictError(`There is already an account for ${email}.`, { email });
    return user;
  },
};
