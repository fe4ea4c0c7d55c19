import type { GraphContext } from '../graph/executor.ts';

export interface ResolverContext {
  /** Quoted in INTERNAL_SERVER_ERROR responses and in the log, so a report can be matched to its cause. */
  requestId: string;
  graph: GraphContext;
}
