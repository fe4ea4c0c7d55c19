// The one module that runs read Cypher. Reads are auto-commit transactions with a timeout;
// driver failures that mean "the database is not there" become ServiceUnavailableError.
import { setTimeout as sleep } from 'node:timers/promises';
import {
  isRetryableError,
  Neo4jError,
  type Driver,
  type ManagedTransaction,
  type RecordShape,
} from 'neo4j-driver';
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

/**
 * Retries of a read that failed with an error Neo4j calls retriable (a leader switch, a connection
 * dropped mid-flight): reads are safe to repeat. Bounded well below a person's patience.
 */
const READ_RETRY_DELAYS_MS = [50, 250, 1_000];

/**
 * The driver's own bookmark manager, shared by every session this process opens: on a cluster each
 * read waits for the writes this server made before it (read-your-own-writes); on one instance it
 * costs nothing. Writes made by another API server carry no bookmark here, hence `fresh` reads.
 */
export const bookmarksOf = (driver: Driver) => driver.executeQueryBookmarkManager;

async function autoCommitRead<T extends RecordShape>(
  ctx: GraphContext,
  cypher: string,
  params: Record<string, unknown>,
  fresh: boolean,
): Promise<T[]> {
  // A fresh read goes where writes go (the leader of a cluster), which has every committed write,
  // whichever server made it: a session just made on another server, a plan just created.
  const session = ctx.driver.session({
    database: ctx.database,
    defaultAccessMode: fresh ? 'WRITE' : 'READ',
    bookmarkManager: bookmarksOf(ctx.driver),
  });
  try {
    const result = await session.run(cypher, params, { timeout: ctx.timeoutMs });
    // The Cypher beside each call fixes the record's shape; this is the one place it is asserted.
    return result.records.map((record) => record.toObject() as T);
  } finally {
    await session.close();
  }
}

/**
 * One read statement as an auto-commit transaction: RUN and PULL go out together, one round trip.
 * A managed transaction (executeQuery, executeRead) adds BEGIN and COMMIT, which here halved the
 * reads per second Neo4j could serve (bench/RESULTS.md). A single statement needs no more isolation
 * than its own transaction gives it.
 */
export async function readQuery<T extends RecordShape>(
  ctx: GraphContext,
  cypher: string,
  params: Record<string, unknown>,
  options: { retry?: boolean; fresh?: boolean } = {},
): Promise<T[]> {
  ctx.onQuery?.(cypher);
  const delays = options.retry === false ? [] : READ_RETRY_DELAYS_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await autoCommitRead<T>(ctx, cypher, params, options.fresh ?? false);
    } catch (error) {
      const delay = delays[attempt];
      if (delay !== undefined && isRetryableError(error)) {
        await sleep(delay);
        continue;
      }
      if (isUnavailable(error)) throw new ServiceUnavailableError();
      throw error;
    }
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

/** Several reads that must see one state of the graph (an import's plan): one managed read transaction. */
export async function readTransaction<T>(
  ctx: GraphContext,
  work: (tx: ManagedTransaction) => Promise<T>,
): Promise<T> {
  ctx.onQuery?.('read transaction');
  const session = ctx.driver.session({
    database: ctx.database,
    defaultAccessMode: 'READ',
    bookmarkManager: bookmarksOf(ctx.driver),
  });
  try {
    return await session.executeRead(work, { timeout: ctx.timeoutMs });
  } catch (error) {
    if (isUnavailable(error)) throw new ServiceUnavailableError();
    throw error;
  } finally {
    await session.close();
  }
}

/** True when the server answers a trivial query within the timeout; never retries, never throws. */
export async function isReachable(
  driver: Driver,
  database: string | undefined,
  timeoutMs = 2_000,
): Promise<boolean> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  let timer: NodeJS.Timeout | undefined;
  try {
    const answered = session.run('RETURN 1', {}, { timeout: timeoutMs }).then(
      () => true,
      () => false,
    );
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
    void session.close().catch(() => undefined);
  }
}
