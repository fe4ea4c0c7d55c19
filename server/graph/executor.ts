// The one module that runs Cypher. Reads go through managed read transactions with a timeout;
// driver failures that mean "the database is not there" become ServiceUnavailableError.
import { Neo4jError, type Driver, type RecordShape } from 'neo4j-driver';
import { ServiceUnavailableError } from '../errors.ts';

export interface GraphContext {
  driver: Driver;
  database: string | undefined;
  timeoutMs: number;
  /** Called once per round trip; tests use it to prove a request makes no N+1 queries. */
  onQuery?: (cypher: string) => void;
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
