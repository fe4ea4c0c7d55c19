// The one bulk writer of states, shared by import and undo: entity-state's readState and applyState for
// many states at once, in UNWIND batches of a few hundred rows rather than one statement per state, so
// a change of two states and one of thousands take the same path and fail the same way.
import type { ManagedTransaction } from 'neo4j-driver';
import { aliasTextOf } from '../../seed/load-statements.ts';
import { chunks, existingNodeIds, readLinks, readNodes } from './entity-reads.ts';
import {
  linkKey,
  lockNodes,
  stateNodeIds,
  storedProperties,
  type EntityState,
  type Properties,
  type Stamp,
} from './entity-state.ts';
import { ENTITY_LABEL, NODE_LABELS, RELATIONSHIP_TYPES } from './model.ts';
import { run } from './writer.ts';

/**
 * A transaction that reads or writes the whole graph (an import, its undo, an export) may take longer
 * than a query's usual timeout.
 */
export const IMPORT_TIMEOUT_MS = 120_000;
const WRITE_BATCH = 500;

/**
 * A link was to be written whose end is not there, and will not be once the other states are written.
 * Nothing has been written when it is thrown; the caller words it (an undo says which change it blocks).
 */
export class MissingLinkEndError extends Error {
  constructor(readonly id: string) {
    super(`"${id}" does not exist, so a link to it cannot be written`);
    this.name = 'MissingLinkEndError';
  }
}

interface Batch {
  statement: string;
  rows: Record<string, unknown>[];
  /** Deletions may find nothing to delete; writes must write every row. */
  exact: boolean;
}

function upsertBatches(states: readonly EntityState[]): Batch[] {
  const batches: Batch[] = [];
  for (const label of NODE_LABELS) {
    const rows = states.flatMap((s) =>
      s.kind === 'node' && s.label === label && s.props !== null
        ? [{ id: s.id, props: storedProperties(s.props) }]
        : [],
    );
    for (const chunk of chunks(rows, WRITE_BATCH)) {
      batches.push({
        statement: `UNWIND $rows AS row
          MERGE (n:${ENTITY_LABEL}:${label} {id: row.id})
          WITH n, row, coalesce(n.version, 0) AS previous
          SET n = row.props, n.id = row.id, n.version = previous + 1, n.updatedAt = $at, n.updatedBy = $by,
              n.aliasText = ${aliasTextOf('row.props')}
          RETURN count(n) AS written`,
        rows: chunk,
        exact: true,
      });
    }
  }
  for (const type of RELATIONSHIP_TYPES) {
    const rows = states.flatMap((s) =>
      s.kind === 'relationship' && s.type === type && s.props !== null
        ? [{ from: s.from, to: s.to, props: storedProperties(s.props) }]
        : [],
    );
    for (const chunk of chunks(rows, WRITE_BATCH)) {
      batches.push({
        statement: `UNWIND $rows AS row
          MATCH (a:${ENTITY_LABEL} {id: row.from})
          MATCH (b:${ENTITY_LABEL} {id: row.to})
          MERGE (a)-[r:${type}]->(b)
          SET r = row.props, r.updatedAt = $at, r.updatedBy = $by
          RETURN count(r) AS written`,
        rows: chunk,
        exact: true,
      });
    }
  }
  return batches;
}

function deleteBatches(states: readonly EntityState[], kind: 'node' | 'relationship'): Batch[] {
  const batches: Batch[] = [];
  if (kind === 'node') {
    const rows = states.flatMap((s) => (s.kind === 'node' && s.props === null ? [{ id: s.id }] : []));
    for (const chunk of chunks(rows, WRITE_BATCH)) {
      batches.push({
        statement: `UNWIND $rows AS row MATCH (n:${ENTITY_LABEL} {id: row.id}) DETACH DELETE n RETURN count(*) AS written`,
        rows: chunk,
        exact: false,
      });
    }
    return batches;
  }
  for (const type of RELATIONSHIP_TYPES) {
    const rows = states.flatMap((s) =>
      s.kind === 'relationship' && s.type === type && s.props === null ? [{ from: s.from, to: s.to }] : [],
    );
    for (const chunk of chunks(rows, WRITE_BATCH)) {
      batches.push({
        statement: `UNWIND $rows AS row
          MATCH (:${ENTITY_LABEL} {id: row.from})-[r:${type}]->(:${ENTITY_LABEL} {id: row.to})
          DELETE r RETURN count(*) AS written`,
        rows: chunk,
        exact: false,
      });
    }
  }
  return batches;
}

/**
 * The first end, in the order the states are given, of a link to be written that will not exist once
 * the node states are written: a node the states delete, or one they do not mention and the graph
 * does not hold. One read, however many links.
 */
async function missingLinkEnd(
  tx: ManagedTransaction,
  states: readonly EntityState[],
): Promise<string | null> {
  const nodeWill = new Map<string, boolean>();
  // Deletions run after writes (see applyStates), so a node both written and deleted ends up deleted.
  for (const s of states) if (s.kind === 'node' && s.props !== null) nodeWill.set(s.id, true);
  for (const s of states) if (s.kind === 'node' && s.props === null) nodeWill.set(s.id, false);
  const ends = states.flatMap((s) => (s.kind === 'relationship' && s.props !== null ? [s.from, s.to] : []));
  const unknown = ends.filter((id) => !nodeWill.has(id));
  const inGraph = unknown.length > 0 ? await existingNodeIds(tx, unknown) : new Set<string>();
  return ends.find((id) => !(nodeWill.get(id) ?? inGraph.has(id))) ?? null;
}

/**
 * Makes the graph hold every one of `states`, with applyState's semantics (a node's properties
 * replaced, its version moved on, provenance stamped, `aliasText` derived; null props delete). Runs
 * link deletions, then node writes, then node deletions, then link writes, so no write needs a node
 * that is not there yet, whatever order the states come in. A link whose end would be missing throws
 * MissingLinkEndError before anything is written; any other shortfall throws, which rolls the
 * transaction back.
 */
export async function applyStates(
  tx: ManagedTransaction,
  states: readonly EntityState[],
  stamp: Stamp,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const missing = await missingLinkEnd(tx, states);
  if (missing !== null) throw new MissingLinkEndError(missing);
  const nodeWrites = upsertBatches(states.filter((s) => s.kind === 'node'));
  const linkWrites = upsertBatches(states.filter((s) => s.kind === 'relationship'));
  const batches = [
    ...deleteBatches(states, 'relationship'),
    ...nodeWrites,
    ...deleteBatches(states, 'node'),
    ...linkWrites,
  ];
  for (const [index, batch] of batches.entries()) {
    const [row] = await run<{ written: number }>(tx, batch.statement, {
      rows: batch.rows,
      at: stamp.at,
      by: stamp.by,
    });
    if (batch.exact && row?.written !== batch.rows.length) {
      throw new Error(`Batch ${index + 1} wrote ${String(row?.written)} of ${batch.rows.length} records`);
    }
    onProgress?.(index + 1, batches.length);
  }
}

/** What the graph holds now for each of `states`, read under the write locks of the nodes concerned. */
export async function readStates(
  tx: ManagedTransaction,
  states: readonly EntityState[],
): Promise<EntityState[]> {
  await lockNodes(tx, states.flatMap(stateNodeIds));
  const nodes = await readNodes(
    tx,
    states.flatMap((s) => (s.kind === 'node' ? [s.id] : [])),
  );
  const links = new Map<string, Properties>();
  for (const type of RELATIONSHIP_TYPES) {
    const pairs = states.flatMap((s) =>
      s.kind === 'relationship' && s.type === type ? [{ from: s.from, to: s.to }] : [],
    );
    if (pairs.length > 0) for (const [key, props] of await readLinks(tx, type, pairs)) links.set(key, props);
  }
  return states.map((s): EntityState => {
    if (s.kind === 'relationship') return { ...s, props: links.get(linkKey(s)) ?? null };
    const found = nodes.get(s.id);
    return found ? { ...s, label: found.label, props: found.props } : { ...s, props: null };
  });
}
