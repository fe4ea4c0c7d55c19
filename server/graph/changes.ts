// One curation write = one transaction: let the caller read what it will touch (under the nodes'
// write locks, see entity-state.ts) and write the new states, then number and record the change.
// Any error rolls all of it back, audit record included.
import type { ManagedTransaction } from 'neo4j-driver';
import { recordChange, type Actor, type ChangeInput, type ChangeRecord } from './audit.ts';
import type { Stamp } from './entity-state.ts';
import type { GraphContext } from './executor.ts';
import { writeTransaction } from './writer.ts';

export type ChangeBuilder = (tx: ManagedTransaction, stamp: Stamp) => Promise<ChangeInput>;

export async function commitChange(
  ctx: GraphContext,
  actor: Actor,
  build: ChangeBuilder,
): Promise<ChangeRecord> {
  const change = await writeTransaction(ctx, async (tx) => {
    const stamp = { at: new Date().toISOString(), by: actor.email };
    const input = await build(tx, stamp);
    return recordChange(tx, actor, stamp.at, input);
  });
  // Committed: the writer, and everyone after, must read the new graph rather than a cached one.
  ctx.cache?.invalidate();
  return change;
}
