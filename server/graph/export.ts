// Export: every Entity node of the chosen kinds and the links among them, read in one read transaction
// so the file is one state of the graph even while counsellors write.
import type { Properties } from './entity-state.ts';
import { readTransaction, type GraphContext } from './executor.ts';
import {
  ENTITY_LABEL,
  NODE_LABELS,
  RELATIONSHIP_TYPES,
  isNodeLabel,
  type NodeLabel,
  type RelationshipType,
} from './model.ts';
import { IMPORT_TIMEOUT_MS } from './state-writer.ts';
import { fileProperties, type ExportedGraph } from '../transfer/records.ts';
import { run } from './writer.ts';

/**
 * Every Entity node of the given labels (all by default), retired ones included, and the relationships
 * whose both ends are among them. Leaves out what a file must not carry (INTERNAL_PROPERTIES: the
 * derived `aliasText`, the loader's `seedHash`, provenance `version`/`updatedAt`/`updatedBy`) and the
 * audit log, which is history rather than graph.
 */
export async function exportGraph(
  ctx: GraphContext,
  options: { labels?: readonly NodeLabel[] } = {},
): Promise<ExportedGraph> {
  const labels = [...(options.labels ?? NODE_LABELS)].filter(isNodeLabel);
  return readTransaction({ ...ctx, timeoutMs: Math.max(ctx.timeoutMs, IMPORT_TIMEOUT_MS) }, async (tx) => {
    const nodes = await run<{ label: NodeLabel; id: string; props: Properties }>(
      tx,
      `MATCH (n:${ENTITY_LABEL})
       WITH n, [l IN labels(n) WHERE l IN $labels][0] AS label
       WHERE label IS NOT NULL
       RETURN label, n.id AS id, properties(n) AS props`,
      { labels },
    );
    const relationships = await run<{ type: RelationshipType; from: string; to: string; props: Properties }>(
      tx,
      `MATCH (a:${ENTITY_LABEL})-[r]->(b:${ENTITY_LABEL})
       WHERE type(r) IN $types AND any(l IN labels(a) WHERE l IN $labels) AND any(l IN labels(b) WHERE l IN $labels)
       RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props`,
      { labels, types: [...RELATIONSHIP_TYPES] },
    );
    return {
      nodes: nodes.map((n) => ({ label: n.label, id: n.id, props: fileProperties(n.props) })),
      relationships: relationships.map((r) => ({
        type: r.type,
        from: r.from,
        to: r.to,
        props: fileProperties(r.props),
      })),
    };
  });
}
