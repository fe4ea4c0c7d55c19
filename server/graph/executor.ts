// The one module that runs Cypher. Reads go through managed read transactions with a timeout;
// driver failures that mean "the database is not there" become ServiceUnavailableError.
import { Neo4jError, type Driver, type RecordShape } from 'neo4j-driver';
import { ServiceUnavailableError } from '../errors.ts';
import type { ResultCache } from './result-cache.ts';

export interface GraphContext {
  driver: Driver;
  database: string | undefined;
  timeoutMs: number;
  /** Called once per round trip; tests use it to prove a request makes no N+1 queries. */
  onQuery?: (cypher: string) => void;
  /** Public reads are answered from here while the graph is unchanged; absent, every read runs. */
  cache?: ResultCache;
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
  // Neo4j 5 files a transaction stopped while it waited for a lock (its timeout passed) under ClientError.
  'Neo.ClientError.Transaction.LockClientStopped',
]);

export function isUnavailable(error: unknown): boolean {
  return error instanceof Neo4jError && (UNAVAILABLE_CODES.has(error.code) || error.retriable);
}

export async function readQuery<T extends RecordShape>(
  ctx: GraphContext,
  cypher: string,
  params: Record<string, unknown>,
): Promise<T[]> {
  ctx.onQuery?.(cypher);
  try {
    const result = await ctx.driver.executeQuery(cypher, params, {
      database: ctx.database,
      routing: 'READ',
      transactionConfig: { timeout: ctx.timeoutMs },
    });
    // The Cypher beside each call fixes the record's shape; this is the one place it is asserted.
    return result.records.map((record) => record.toObject() as T);
  } catch (error) {
    if (isUnavailable(error)) throw new ServiceUnavailableError();
    throw error;
  }
}

/**
 * readQuery for the public graph reads (what students and tutors see): the same statement with the
 * same parameters gives the same rows until the graph changes, so they may come from the cache.
 * Not for sessions, history or plans, which change without the graph changing.
 */
export function cachedReadQuery<T extends RecordShape>(
  ctx: GraphContext,
  cypher: string,
  params: Record<string, unknown>,
): Promise<readonly T[]> {
  if (!ctx.cache) return readQuery<T>(ctx, cypher, params);
  return ctx.cache.read(`${cypher}\u0000${JSON.stringify(params)}`, () => readQuery<T>(ctx, cypher, params));
}
