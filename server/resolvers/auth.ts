// me, signIn, signOut, createUser.
import { BadUserInputError, ConflictError, UnauthenticatedError } from '../errors.ts';
import { createUser, findUserByEmail } from '../graph/accounts.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/passwords.ts';
import type { MutationResolvers, QueryResolvers, Viewer } from './generated/graphql.ts';
import type { SessionRecord } from '../graph/accounts.ts';
import { graphLimitStore } from '../graph/rate-limits.ts';
import { createSignInThrottle } from './sign-in-throttle.ts';
import { requireAdmin } from './guards.ts';

export { SIGN_IN_PAIR_DELAYS, SIGN_IN_IP_LIMIT } from './sign-in-throttle.ts';

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
    // The counts are in the graph, so every API server on it holds the same ones.
    const throttle = createSignInThrottle(graphLimitStore(ctx.graph));
    await throttle.before(email, ip);
    const user = await findUserByEmail(ctx.graph, email);
    if (!(await verifyPassword(user?.passwordHash ?? null, args.password)) || !user) {
      throw new UnauthenticatedError(
        'That email and password do not match an account. Check both and try again.',
      );
    }
    await throttle.succeeded(email, ip);
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
