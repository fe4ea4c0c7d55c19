// Every change to the graph runs here: one managed write transaction, so a change and its audit
// record commit together or not at all. A failure of any kind leaves the graph as it was.
import { Neo4jError, type ManagedTransaction } from 'neo4j-driver';
import { AppError, ConflictError, ServiceUnavailableError } from '../errors.ts';
import { bookmarksOf, isUnavailable, type GraphContext } from './executor.ts';

export type WriteWork<T> = (tx: ManagedTransaction) => Promise<T>;

/**
 * Curation writes queue on the change counter (see audit.ts), so under heavy load a write may wait
 * behind others for longer than a read should take; it waits up to this long rather than fail.
 */
export const WRITE_TIMEOUT_MS = 30_000;

export async function writeTransaction<T>(ctx: GraphContext, work: WriteWork<T>): Promise<T> {
  ctx.onQuery?.('write transaction');
  const session = ctx.driver.session({
    database: ctx.database,
    defaultAccessMode: 'WRITE',
    bookmarkManager: bookmarksOf(ctx.driver),
  });
  try {
    return await session.executeWrite(work, { timeout: Math.max(ctx.timeoutMs, WRITE_TIMEOUT_MS) });
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      // Two writers raced past our own existence check; the constraint had the last word.
      throw new ConflictError('Something with that id was created at the same moment. Reload and try again.');
    }
    if (isUnavailable(error)) throw new ServiceUnavailableError();
    throw error;
  } finally {
    await session.close();
  }
}

/**
 * One statement in its own managed write transaction, retried by the driver on transient errors: the
 * loader's batches, schema statements and version moves, which need no audit record of their own.
 */
export async function writeStatement<T extends Record<string, unknown>>(
  ctx: GraphContext,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<T[]> {
  ctx.onQuery?.(cypher);
  try {
    const result = await ctx.driver.executeQuery(cypher, params, {
      database: ctx.database,
      routing: 'WRITE',
    });
    return result.records.map((record) => record.toObject() as T);
  } catch (error) {
    if (isUnavailable(error)) throw new ServiceUnavailableError();
    throw error;
  }
}

/** Runs one statement inside a write transaction and returns its records as plain objects. */
export async function run<T extends Record<string, unknown>>(
  tx: ManagedTransaction,
  cypher: string,
  params: Record<string, unknown>,
): Promise<T[]> {
  const result = await tx.run(cypher, params);
  return result.records.map((record) => record.toObject() as T);
}
