// Rate limits and sign-in throttles kept in Neo4j, as one :RateLimit node per key, so that every API
// server on the database counts against the same limit and a restart forgets nothing. The arithmetic
// is server/rate-limit.ts's; this module only stores it, one write transaction per step.
//
// Keys are stored as SHA-256 hashes, never as the emails or addresses they are made of. That keeps
// them out of the database at a glance and bounds their length; it is not secrecy: anyone who can read
// the database can hash every IPv4 address or a list of emails and compare.
//
// The clock is the database's (datetime.realtime(), read after the node's lock is held), not the API
// server's: every server then measures refills and waits on one clock, so a server whose clock runs
// ahead cannot hand out tokens early or make someone wait longer. A clock that steps back (a leader
// switch in a cluster) refills nothing for a while; it never refunds more than a full bucket.
import { createHash } from 'node:crypto';
import type { LimitState, LimitStep, LimitStore } from '../rate-limit.ts';
import type { GraphContext } from './executor.ts';
import { run, writeStatement, writeTransaction } from './writer.ts';

export const RATE_LIMIT_LABEL = 'RateLimit';

/** The stored key of a limit key: 64 hex characters. */
export const rateLimitKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/**
 * MERGE finds or creates the node under the uniqueness constraint's lock; the SET then takes the node's
 * write lock before its properties are read (Neo4j's documented guard against lost updates), so two
 * servers' steps on one key queue here, each reading what the other committed.
 */
const LOCK = `MERGE (r:${RATE_LIMIT_LABEL} {key: $key})
  SET r.lockedAt = datetime.realtime().epochMillis
  RETURN properties(r) AS stored, datetime.realtime().epochMillis AS now`;

const WRITE = `MATCH (r:${RATE_LIMIT_LABEL} {key: $key}) SET r = $properties`;
const DELETE = `MATCH (r:${RATE_LIMIT_LABEL} {key: $key}) DELETE r`;

/** Idle limits, oldest first, a batch at a time; the expiresAt index finds them without a scan. */
const SWEEP = `WITH datetime.realtime().epochMillis AS now
  MATCH (r:${RATE_LIMIT_LABEL}) WHERE r.expiresAt < now
  WITH r LIMIT toInteger($batch)
  DELETE r
  RETURN count(*) AS deleted`;

const SWEEP_EVERY_MS = 60_000;
const SWEEP_BATCH = 1_000;
/** When this process last swept, per driver; only how often to sweep, never a limit's arithmetic. */
const lastSweep = new WeakMap<object, number>();

function stateOf(stored: Record<string, unknown>, now: number): LimitState | null {
  const expiresAt = stored.expiresAt;
  // A node just created has only its key; one past expiresAt is as good as gone (the sweep is lazy).
  if (typeof expiresAt !== 'number' || expiresAt <= now) return null;
  const state: Record<string, number> = {};
  for (const [name, value] of Object.entries(stored)) {
    if (typeof value === 'number' && name !== 'expiresAt' && name !== 'lockedAt') state[name] = value;
  }
  return state;
}

/** Deletes up to `batch` limits past their expiresAt; returns how many. */
export async function sweepIdleLimits(ctx: GraphContext, batch = SWEEP_BATCH): Promise<number> {
  const [row] = await writeStatement<{ deleted: number }>(ctx, SWEEP, { batch });
  return row?.deleted ?? 0;
}

/** At most once a minute per process, after a step: keeps the label to recently active keys. */
async function sweepNowAndThen(ctx: GraphContext): Promise<void> {
  const now = Date.now();
  if (now - (lastSweep.get(ctx.driver) ?? 0) < SWEEP_EVERY_MS) return;
  lastSweep.set(ctx.driver, now);
  // A failed sweep costs nothing but a larger label until the next one; the step itself stood.
  await sweepIdleLimits(ctx).catch(() => undefined);
}

/** Limits kept in the graph `ctx` reaches. */
export function graphLimitStore(ctx: GraphContext): LimitStore {
  return {
    async apply<R>(key: string, step: LimitStep<R>): Promise<R> {
      const hashed = rateLimitKey(key);
      const result = await writeTransaction(ctx, async (tx) => {
        const [row] = await run<{ stored: Record<string, unknown>; now: number }>(tx, LOCK, { key: hashed });
        if (!row) throw new Error('MERGE returned no row');
        const out = step(stateOf(row.stored, row.now), row.now);
        if (out.state) {
          await run(tx, WRITE, {
            key: hashed,
            properties: { ...out.state, key: hashed, expiresAt: out.expiresAt },
          });
        } else {
          await run(tx, DELETE, { key: hashed });
        }
        return out.result;
      });
      await sweepNowAndThen(ctx);
      return result;
    },
    async forget(key) {
      await writeTransaction(ctx, (tx) => run(tx, DELETE, { key: rateLimitKey(key) }));
    },
  };
}
