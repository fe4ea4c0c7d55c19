// Who may change the graph. Reading is open to everyone; every write needs a signed-in counsellor or
// admin whose request also carries the session's CSRF token.
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import type { Actor } from '../graph/audit.ts';
import type { Role } from '../graph/accounts.ts';
import { graphLimitStore } from '../graph/rate-limits.ts';
import { createRateLimiter } from '../rate-limit.ts';
import type { ResolverContext } from './context.ts';

/**
 * Writes per signed-in account: a burst of 120, then two a second (120 a minute). Far above what a
 * person clicks, it stops a stolen session or a runaway script from flooding the graph and the audit log.
 */
export const CURATOR_WRITE_LIMIT = { capacity: 120, refillPerSecond: 2 };
/** Counted in the graph, so every API server on it spends the same bucket. */
const writes = (ctx: ResolverContext) =>
  createRateLimiter(graphLimitStore(ctx.graph), 'curator-write', CURATOR_WRITE_LIMIT);

export interface Curator extends Actor {
  role: Role;
}

async function signedIn(ctx: ResolverContext, options: { write: boolean }): Promise<Curator> {
  const session = await ctx.auth.session();
  if (!session) throw new UnauthenticatedError();
  if (options.write && !ctx.auth.csrfMatches(session)) {
    throw new ForbiddenError(
      'This change did not carry the page’s security token (x-csrf-token). Reload the page and try again.',
    );
  }
  if (options.write) await writes(ctx).take(session.user.id);
  return session.user;
}

/** Any counsellor or admin; `write` also demands the CSRF token. */
export function requireCurator(ctx: ResolverContext, options = { write: true }): Promise<Curator> {
  return signedIn(ctx, options);
}

export async function requireAdmin(ctx: ResolverContext): Promise<Curator> {
  const user = await signedIn(ctx, { write: true });
  if (user.role !== 'admin')
    throw new ForbiddenError('Only an admin can do this; ask an admin to do it for you.');
  return user;
}
