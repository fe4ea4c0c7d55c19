// Batched reads of nodes and links by id, inside a transaction the caller holds: an import's plan reads
// what it will compare against, and the state writer what it will replace, in the same transaction as
// the write that follows (or in one read transaction, for a dry run), so both see one state of the graph.
import type { ManagedTransaction } from 'neo4j-driver';
import { linkKey, type Properties } from './entity-state.ts';
import {
  ENTITY_LABEL,
  isNodeLabel,
  isRelationshipType,
  type NodeLabel,
  type RelationshipType,
} from './model.ts';
import { labelOf } from './node-mapper.ts';
import { run } from './writer.ts';

// Big enough that a whole-graph import reads in a handful of round trips, small enough that one
// statement's parameters stay well within what Bolt carries comfortably.
const READ_CHUNK = 2_000;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface ExistingNode {
  label: NodeLabel;
  props: Properties;
}

/** Nodes of one label to find by a natural key (an O*NET code) rather than by id. */
export interface MatchLookup {
  label: NodeLabel;
  property: string;
  values: readonly string[];
}

export const matchKey = (label: NodeLabel, property: string, value: string): string =>
  `${label}|${property}|${value}`;

/** Ids of the nodes each lookup finds, in id order, keyed by matchKey. */
export async function readMatches(
  tx: ManagedTransaction,
  lookups: readonly MatchLookup[],
): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const { label, property, values } of lookups) {
    if (!isNodeLabel(label)) throw new Error(`Unknown label ${label}`);
    const rows = await run<{ value: string; id: string }>(
      tx,
      `MATCH (n:${label}) WHERE n[$property] IN $values RETURN n[$property] AS value, n.id AS id ORDER BY id`,
      { property, values: [...values] },
    );
    for (const row of rows) {
      const key = matchKey(label, property, row.value);
      found.set(key, [...(found.get(key) ?? []), row.id]);
    }
  }
  return found;
}

/** Each of these nodes that exists, retired or not, with every property it holds. */
export async function readNodes(
  tx: ManagedTransaction,
  ids: Iterable<string>,
): Promise<Map<string, ExistingNode>> {
  const out = new Map<string, ExistingNode>();
  for (const chunk of chunks([...new Set(ids)], READ_CHUNK)) {
    const rows = await run<{ id: string; labels: string[]; props: Properties }>(
      tx,
      `UNWIND $ids AS id MATCH (n:${ENTITY_LABEL} {id: id}) RETURN id, labels(n) AS labels, properties(n) AS props`,
      { ids: chunk },
    );
    for (const row of rows) out.set(row.id, { label: labelOf(row.labels), props: row.props });
  }
  return out;
}

/** Which of these ids a node holds. */
export async function existingNodeIds(tx: ManagedTransaction, ids: Iterable<string>): Promise<Set<string>> {
  const out = new Set<string>();
  for (const chunk of chunks([...new Set(ids)], READ_CHUNK)) {
    const rows = await run<{ id: string }>(
      tx,
      `UNWIND $ids AS id MATCH (n:${ENTITY_LABEL} {id: id}) RETURN id`,
      { ids: chunk },
    );
    for (const row of rows) out.add(row.id);
  }
  return out;
}

/** The properties of each of these links of one type that exists, keyed by linkKey. */
export async function readLinks(
  tx: ManagedTransaction,
  type: RelationshipType,
  pairs: readonly { from: string; to: string }[],
): Promise<Map<string, Properties>> {
  // Types cannot be parameters; this one reaches the statement only from the allow-list.
  if (!isRelationshipType(type)) throw new Error(`Unknown relationship type ${type}`);
  const out = new Map<string, Properties>();
  for (const chunk of chunks(pairs, READ_CHUNK)) {
    const rows = await run<{ from: string; to: string; props: Properties }>(
      tx,
      `UNWIND $pairs AS p
       MATCH (a:${ENTITY_LABEL} {id: p.from})
       MATCH (b:${ENTITY_LABEL} {id: p.to})
       MATCH (a)-[r:${type}]->(b)
       RETURN p.from AS from, p.to AS to, properties(r) AS props`,
      { pairs: chunk },
    );
    for (const row of rows) out.set(linkKey({ type, from: row.from, to: row.to }), row.props);
  }
  return out;
}
