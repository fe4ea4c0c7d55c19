// The audit log: one :Change per write, in the write's own transaction, holding who, when, what,
// and the before and after states of everything it touched. A single counter node numbers the
// changes. It is taken by the statement that records the change, the last of its transaction, and
// held until the commit: so numbers follow commit order (which makes "the later change that blocks
// this undo" well defined), while writers queue on it only for that one statement rather than for
// their whole work.
import { randomUUID } from 'node:crypto';
import { int, type ManagedTransaction } from 'neo4j-driver';
import { readQuery, type GraphContext } from './executor.ts';
import { stateKey, stateNodeIds, type EntityState } from './entity-state.ts';
import { run } from './writer.ts';

export const CHANGE_ACTIONS = [
  'CREATE_NODE',
  'UPDATE_NODE',
  'RETIRE_NODE',
  'RESTORE_NODE',
  'LINK',
  'UNLINK',
  'IMPORT',
  'UNDO',
] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

export interface Actor {
  id: string;
  email: string;
}

export interface ChangeInput {
  action: ChangeAction;
  summary: string;
  before: EntityState[];
  after: EntityState[];
  undoOf?: string;
}

export interface ChangeRecord {
  id: string;
  seq: number;
  at: string;
  byId: string;
  byEmail: string;
  action: ChangeAction;
  summary: string;
  nodeIds: string[];
  before: EntityState[];
  after: EntityState[];
  undoOf: string | null;
  undoneBy: string | null;
}

interface StoredChange extends Omit<ChangeRecord, 'before' | 'after'> {
  before: string;
  after: string;
}

const CHANGE_FIELDS = `c {.id, .seq, .at, .byId, .byEmail, .action, .summary, .nodeIds, .before, .after,
  undoOf: c.undoOf, undoneBy: c.undoneBy}`;

function parse(stored: StoredChange): ChangeRecord {
  return {
    ...stored,
    undoOf: stored.undoOf ?? null,
    undoneBy: stored.undoneBy ?? null,
    before: JSON.parse(stored.before) as EntityState[],
    after: JSON.parse(stored.after) as EntityState[],
  };
}

/** Numbers and records the change; call it last in the transaction (see above). */
export async function recordChange(
  tx: ManagedTransaction,
  actor: Actor,
  at: string,
  input: ChangeInput,
): Promise<ChangeRecord> {
  const touched = [...input.before, ...input.after];
  const keys = [...new Set(touched.map(stateKey))].sort();
  const nodeIds = [...new Set(touched.flatMap(stateNodeIds))].sort();
  const [row] = await run<{ c: StoredChange }>(
    tx,
    `MERGE (log:ChangeLog {id: 'changes'}) ON CREATE SET log.seq = 0
     SET log.seq = log.seq + 1
     CREATE (c:Change {id: $id, seq: log.seq, at: $at, byId: $byId, byEmail: $byEmail, action: $action,
       summary: $summary, keys: $keys, nodeIds: $nodeIds, before: $before, after: $after})
     SET c.undoOf = $undoOf
     WITH c
     OPTIONAL MATCH (target:Change {id: $undoOf})
     SET target.undoneBy = c.id
     RETURN ${CHANGE_FIELDS} AS c`,
    {
      id: randomUUID(),
      at,
      byId: actor.id,
      byEmail: actor.email,
      action: input.action,
      summary: input.summary,
      keys,
      nodeIds,
      before: JSON.stringify(input.before),
      after: JSON.stringify(input.after),
      undoOf: input.undoOf ?? null,
    },
  );
  if (!row) throw new Error('The change record was not written');
  return parse(row.c);
}

export async function getChange(tx: ManagedTransaction, id: string): Promise<ChangeRecord | null> {
  const [row] = await run<{ c: StoredChange }>(
    tx,
    `MATCH (c:Change {id: $id}) RETURN ${CHANGE_FIELDS} AS c`,
    { id },
  );
  return row ? parse(row.c) : null;
}

/**
 * The first later change that still has an effect on something `change` touched. A later change
 * that was undone, or that undoes another later change, has no net effect and does not block.
 */
export async function findBlockingChange(
  tx: ManagedTransaction,
  change: ChangeRecord,
): Promise<ChangeRecord | null> {
  const keys = [...new Set([...change.before, ...change.after].map(stateKey))];
  // Undoing a creation deletes the node, so a later link to it blocks that too.
  const deleting = change.before
    .filter((s) => s.kind === 'node' && s.props === null)
    .map(stateNodeIds)
    .flat();
  const [row] = await run<{ c: StoredChange }>(
    tx,
    `MATCH (c:Change) WHERE c.seq > $seq
       AND (any(k IN c.keys WHERE k IN $keys) OR any(id IN c.nodeIds WHERE id IN $deleting))
       AND c.undoneBy IS NULL
       AND NOT EXISTS { MATCH (undone:Change {id: c.undoOf}) WHERE undone.seq > $seq }
     RETURN ${CHANGE_FIELDS} AS c ORDER BY c.seq ASC LIMIT 1`,
    { seq: change.seq, keys, deleting },
  );
  return row ? parse(row.c) : null;
}

export interface ChangePage {
  items: ChangeRecord[];
  hasMore: boolean;
}

/** Newest first; `before` is a sequence number (exclusive) to page from. */
export async function listChanges(
  ctx: GraphContext,
  options: { nodeId?: string; first: number; before?: number },
): Promise<ChangePage> {
  const rows = await readQuery<{ c: StoredChange }>(
    ctx,
    `MATCH (c:Change)
     WHERE ($nodeId IS NULL OR $nodeId IN c.nodeIds) AND ($before IS NULL OR c.seq < $before)
     RETURN ${CHANGE_FIELDS} AS c ORDER BY c.seq DESC LIMIT $limit`,
    { nodeId: options.nodeId ?? null, before: options.before ?? null, limit: int(options.first + 1) },
  );
  return { items: rows.slice(0, options.first).map((r) => parse(r.c)), hasMore: rows.length > options.first };
}

/** One change by id, outside a write (for reports that name the change they made). */
export async function findChange(ctx: GraphContext, id: string): Promise<ChangeRecord | null> {
  const [row] = await readQuery<{ c: StoredChange }>(
    ctx,
    `MATCH (c:Change {id: $id}) RETURN ${CHANGE_FIELDS} AS c`,
    { id },
  );
  return row ? parse(row.c) : null;
}
