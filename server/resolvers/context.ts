import type { RequestAuth } from '../auth/request-auth.ts';
import type { GraphContext } from '../graph/executor.ts';

export interface ResolverContext {
  /** Quoted in INTERNAL_SERVER_ERROR responses and in the log, so a report can be matched to its cause. */
  requestId: string;
  graph: GraphContext;
  /** The request's session: who is signed in, and the means to sign in and out. */
  auth: RequestAuth;
  /** The client's address (Express `req.ip`), for per-client limits on anonymous writes. */
  clientIp?: string;
}
