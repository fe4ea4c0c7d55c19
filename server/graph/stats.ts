// Counts per label and of relationships, skipping retired nodes, in one round trip.
import { cachedReadQuery, type GraphContext } from './executor.ts';
import { ENTITY_LABEL, NODE_LABELS, type NodeLabel } from './model.ts';
import type { GraphStats } from './types.ts';

const STATS = `
  CALL () {
    MATCH (n:${ENTITY_LABEL}) WHERE n.retiredAt IS NULL
    UNWIND labels(n) AS label
    WITH label WHERE label IN $labels
    RETURN label AS l, count(*) AS c
  }
  WITH collect({label: l, count: c}) AS nodes
  CALL () {
    MATCH (a:${ENTITY_LABEL})-[r]->(b:${ENTITY_LABEL})
    WHERE a.retiredAt IS NULL AND b.retiredAt IS NULL
    RETURN count(r) AS relationships
  }
  RETURN nodes, relationships`;

export async function getStats(ctx: GraphContext): Promise<GraphStats> {
  const [row] = await cachedReadQuery<{
    nodes: { label: NodeLabel; count: number }[];
    relationships: number;
  }>(ctx, STATS, { labels: [...NODE_LABELS] });
  const byLabel = new Map((row?.nodes ?? []).map((n) => [n.label, n.count]));
  const nodes = NODE_LABELS.map((label) => ({ label, count: byLabel.get(label) ?? 0 }));
  return {
    nodes,
    totalNodes: nodes.reduce((sum, n) => sum + n.count, 0),
    totalRelationships: row?.relationships ?? 0,
  };
}
