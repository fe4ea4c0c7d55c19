// The loader's Cypher, in two forms that must leave the same graph behind: the idempotent MERGE form
// for a graph that already holds data, and a CREATE form for the first load into an empty graph,
// which skips the existence and hash checks MERGE pays for on every row.
import { ENTITY_LABEL, type NodeLabel } from '../model/data-model.ts';
import type { RelationshipRow } from './graph-rows.ts';

/** `merge` is always safe; `create` only when no record of the load can already be in the graph. */
export type WriteMode = 'merge' | 'create';

/**
 * The Cypher for `aliasText`, the full-text index's copy of a node's other names (it indexes strings,
 * not lists): its aliases and, for careers, O*NET's alternate titles. `props` names the map the
 * statement writes from. Every writer (loader, curation, import, undo) derives it through this.
 */
export const aliasTextOf = (props: string): string =>
  `reduce(s = '', a IN coalesce(${props}.aliases, []) + coalesce(${props}.alternateTitles, []) | s + ' ' + a)`;

// Shared by both forms so that they cannot drift apart.
const NODE_CONTENT = `n += row.props,
        n.aliasText = ${aliasTextOf('row.props')},
        n.seedHash = row.hash, n.updatedAt = $now, n.updatedBy = $actor`;
const RELATIONSHIP_CONTENT =
  'rel += row.props, rel.seedHash = row.hash, rel.updatedAt = $now, rel.updatedBy = $actor';

export function nodeStatement(label: NodeLabel, mode: WriteMode): string {
  if (mode === 'create') {
    // Hands back where each node was put, so that relationships can find their ends without an index.
    return `
    UNWIND $rows AS row
    CREATE (n:${ENTITY_LABEL}:${label} {id: row.id})
    SET n.createdAt = $now, n.source = coalesce(row.source, $source), ${NODE_CONTENT}
    RETURN count(n) AS created, count(n) AS written, collect([row.id, elementId(n)]) AS placed`;
  }
  return `
    UNWIND $rows AS row
    MERGE (n:${ENTITY_LABEL}:${label} {id: row.id})
    ON CREATE SET n.createdAt = $now, n.source = coalesce(row.source, $source)
    WITH n, row, n.createdAt = $now AS created
    WHERE n.seedHash IS NULL OR n.seedHash <> row.hash
    SET ${NODE_CONTENT}
    RETURN count(CASE WHEN created THEN 1 END) AS created, count(n) AS written`;
}

export function relationshipStatement(
  r: Pick<RelationshipRow, 'type' | 'fromLabel' | 'toLabel'>,
  mode: WriteMode,
): string {
  if (mode === 'create') {
    // Both ends were created by this run, which knows their element ids (null for an end it never
    // created, which then writes nothing): a direct record lookup, and no index needed while loading.
    return `
    UNWIND $rows AS row
    MATCH (a:${r.fromLabel}) WHERE elementId(a) = row.fromElement
    MATCH (b:${r.toLabel}) WHERE elementId(b) = row.toElement
    CREATE (a)-[rel:${r.type}]->(b)
    SET rel.createdAt = $now, rel.source = coalesce(row.source, $source), ${RELATIONSHIP_CONTENT}
    RETURN count(rel) AS created, count(rel) AS written`;
  }
  // Each endpoint is found through its own label's uniqueness constraint; a missing one writes nothing.
  return `
    UNWIND $rows AS row
    MATCH (a:${r.fromLabel} {id: row.from})
    MATCH (b:${r.toLabel} {id: row.to})
    MERGE (a)-[rel:${r.type}]->(b)
    ON CREATE SET rel.createdAt = $now, rel.source = coalesce(row.source, $source)
    WITH rel, row, rel.createdAt = $now AS created
    WHERE rel.seedHash IS NULL OR rel.seedHash <> row.hash
    SET ${RELATIONSHIP_CONTENT}
    RETURN count(CASE WHEN created THEN 1 END) AS created, count(rel) AS written`;
}
