// Who may change the graph. Reading is open to everyone; every write needs a signed-in counsellor or
// admin whose request also carries the session's CSRF token.
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import type { Actor } from '../graph/audit.ts';
import type { Role } from '../graph/accounts.ts';
import type { ResolverContext } from './context.ts';

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
