// A node or relationship as a value: what it holds, or null when it does not exist. Every change is
// recorded as the states of what it touched before and after, so any change can be replayed
// backwards (undo) by writing its "before" states, whatever kind of change it was.
import { aliasTextOf } from '../../seed/load-statements.ts';
import type { ManagedTransaction } from 'neo4j-driver';
import { labelOf } from './node-mapper.ts';
import { ENTITY_LABEL, type NodeLabel, type RelationshipType } from './model.ts';
import { run } from './writer.ts';

export type { Properties, PropertyValue } from '../../model/values.ts';
import type { Properties } from '../../model/values.ts';

export interface NodeState {
  kind: 'node';
  label: NodeLabel;
  id: string;
  props: Properties | null;
}

export interface RelationshipState {
  kind: 'relationship';
  type: RelationshipType;
  from: string;
  to: string;
  props: Properties | null;
}

export type EntityState = NodeState | RelationshipState;

/**
 * Provenance moves forward on every write, undo included, and `aliasText` (the search index's copy of
 * the aliases) is derived, so neither is part of what is written back or compared.
 */
export const PROVENANCE = ['version', 'updatedAt', 'updatedBy', 'aliasText'] as const;

/** A link's key: in the audit log's `keys`, and in the maps that batched reads and plans keep. */
export function linkKey(link: { type: RelationshipType; from: string; to: string }): string {
  return `rel:${link.from}|${link.type}|${link.to}`;
}

export function stateKey(state: EntityState): string {
  return state.kind === 'node' ? `node:${state.id}` : linkKey(state);
}

/** The node ids a state concerns: a node's own id, or a relationship's two ends. */
export function stateNodeIds(state: EntityState): string[] {
  return state.kind === 'node' ? [state.id] : [state.from, state.to];
}

// A write reads the state it will replace (its "before") under the node's write lock, taken by
// setting and removing a property: the Cypher manual's idiom against lost updates. A concurrent writer
// of the same node then waits for this transaction to end, and reads what it committed, so every
// recorded "before" is the state the write really replaced. Writes of different nodes do not wait
// for each other.
const LOCK_PROPERTY = '_lock';
const TAKE_LOCK = (v: string) => `SET ${v}.${LOCK_PROPERTY} = true REMOVE ${v}.${LOCK_PROPERTY}`;
const LOCK_CHUNK = 5_000;

/** Takes the write lock on each of these nodes that exists, in id order (fewer deadlocks). */
export async function lockNodes(tx: ManagedTransaction, ids: Iterable<string>): Promise<void> {
  const sorted = [...new Set(ids)].sort();
  for (let i = 0; i < sorted.length; i += LOCK_CHUNK) {
    await run(tx, `UNWIND $ids AS id MATCH (n:${ENTITY_LABEL} {id: id}) ${TAKE_LOCK('n')}`, {
      ids: sorted.slice(i, i + LOCK_CHUNK),
    });
  }
}

/** The node as it is now, read under its write lock (the caller is about to write it). */
export async function readNodeState(tx: ManagedTransaction, id: string): Promise<NodeState | null> {
  const [row] = await run<{ labels: string[]; props: Properties }>(
    tx,
    `MATCH (n:${ENTITY_LABEL} {id: $id}) ${TAKE_LOCK('n')}
     RETURN labels(n) AS labels, properties(n) AS props`,
    { id },
  );
  return row ? { kind: 'node', label: labelOf(row.labels), id, props: row.props } : null;
}

// Relationship types cannot be parameters, so each type gets its own statement, built from the
// allow-list only; the caller's strings travel as parameters.
const relationshipPattern = (type: RelationshipType) =>
  `(a:${ENTITY_LABEL} {id: $from})-[r:${type}]->(b:${ENTITY_LABEL} {id: $to})`;

export async function readRelationshipState(
  tx: ManagedTransaction,
  type: RelationshipType,
  from: string,
  to: string,
): Promise<RelationshipState> {
  // Both ends are locked: a link is written only under its ends' locks.
  const [row] = await run<{ props: Properties }>(
    tx,
    `MATCH (a:${ENTITY_LABEL} {id: $from}), (b:${ENTITY_LABEL} {id: $to})
     ${TAKE_LOCK('a')} ${TAKE_LOCK('b')}
     WITH a, b
     OPTIONAL MATCH (a)-[r:${type}]->(b)
     RETURN properties(r) AS props LIMIT 1`,
    { from, to },
  );
  return { kind: 'relationship', type, from, to, props: row?.props ?? null };
}

export async function readState(tx: ManagedTransaction, state: EntityState): Promise<EntityState> {
  if (state.kind === 'relationship') return readRelationshipState(tx, state.type, state.from, state.to);
  return (await readNodeState(tx, state.id)) ?? { ...state, props: null };
}

export interface Stamp {
  at: string;
  by: string;
}

/**
 * Makes the graph hold `state`: creates, replaces or deletes the node or relationship. Provenance is
 * stamped anew and a node's version moves forward, even when an undo writes older properties back.
 */
export async function applyState(tx: ManagedTransaction, state: EntityState, stamp: Stamp): Promise<void> {
  if (state.kind === 'node') {
    if (state.props === null) {
      await run(tx, `MATCH (n:${ENTITY_LABEL} {id: $id}) DETACH DELETE n`, { id: state.id });
      return;
    }
    const [row] = await run<{ version: number }>(
      tx,
      `OPTIONAL MATCH (old:${ENTITY_LABEL} {id: $id})
       WITH coalesce(old.version, 0) AS previous
       MERGE (n:${ENTITY_LABEL}:${state.label} {id: $id})
       SET n = $props, n.id = $id, n.version = previous + 1, n.updatedAt = $at, n.updatedBy = $by,
           n.aliasText = ${aliasTextOf('$props')}
       RETURN n.version AS version`,
      { id: state.id, props: withoutProvenance(state.props), at: stamp.at, by: stamp.by },
    );
    if (!row) throw new Error(`Node ${state.id} was not written`);
    return;
  }
  const params = { from: state.from, to: state.to };
  if (state.props === null) {
    await run(tx, `MATCH ${relationshipPattern(state.type)} DELETE r`, params);
    return;
  }
  const [row] = await run<{ written: boolean }>(
    tx,
    `MATCH (a:${ENTITY_LABEL} {id: $from}), (b:${ENTITY_LABEL} {id: $to})
     MERGE (a)-[r:${state.type}]->(b)
     SET r = $props, r.updatedAt = $at, r.updatedBy = $by
     RETURN true AS written`,
    { ...params, props: withoutProvenance(state.props), at: stamp.at, by: stamp.by },
  );
  if (!row) throw new Error(`Relationship ${stateKey(state)} has a missing end`);
}

export function withoutProvenance(props: Properties): Properties {
  const rest: Properties = {};
  for (const [key, value] of Object.entries(props)) {
    if (!(PROVENANCE as readonly string[]).includes(key)) rest[key] = value;
  }
  return rest;
}

/**
 * What a record is compared and written as in bulk: no provenance or derived `aliasText` (the write
 * derives it, as applyState does), and the id kept outside the properties.
 */
export function storedProperties(props: Properties): Properties {
  const rest = withoutProvenance(props);
  delete rest.id;
  return rest;
}
