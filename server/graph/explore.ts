// Reading single nodes and their neighbourhoods for the explorer.
import { int, type Node } from 'neo4j-driver';
import { cachedReadQuery, type GraphContext } from './executor.ts';
import { edgeMap } from './cypher-fragments.ts';
import { ENTITY_LABEL, NODE_LABELS, type NodeLabel } from './model.ts';
import { toGraphNode } from './node-mapper.ts';
import { toGraphEdge, type RawEdge } from './path-mapper.ts';
import type { GraphEdge, GraphNode, NeighbourhoodResult } from './types.ts';

const NODE_BY_ID = `MATCH (n:${ENTITY_LABEL} {id: $id}) WHERE n.retiredAt IS NULL RETURN n`;

export async function findNode(ctx: GraphContext, id: string): Promise<GraphNode | null> {
  const [row] = await cachedReadQuery<{ n: Node }>(ctx, NODE_BY_ID, { id });
  return row ? toGraphNode(row.n) : null;
}

export type NeighbourhoodDepth = 1 | 2;

// Variable-length bounds cannot be parameters, so each allowed depth has its own fixed statement.
function neighbourhoodQuery(depth: NeighbourhoodDepth): string {
  return `
    MATCH (c:${ENTITY_LABEL} {id: $id}) WHERE c.retiredAt IS NULL
    CALL (c) {
      MATCH path = (c)-[*1..${depth}]-(m:${ENTITY_LABEL})
      WHERE m <> c AND any(l IN labels(m) WHERE l IN $labels) AND all(x IN nodes(path) WHERE x.retiredAt IS NULL)
      WITH m, type(relationships(path)[0]) AS via, length(path) AS distance,
           reduce(s = 1.0, r IN relationships(path) | s * coalesce(r.weight, r.importance, r.score, 0.5)) AS strength
      ORDER BY distance, strength DESC, m.id
      WITH m, head(collect(via)) AS via, head(collect(distance)) AS distance, head(collect(strength)) AS strength
      // Round-robin over the kind of first step, strongest first within each, so a subject's view shows
      // its fields, skills, careers and applications rather than only the most numerous kind.
      ORDER BY distance, strength DESC, m.id
      WITH distance, via, collect(m) AS group
      UNWIND range(0, size(group) - 1) AS rank
      WITH group[rank] AS m, distance, rank, via
      ORDER BY distance, rank, via
      LIMIT $limit
      RETURN collect(m) AS found
    }
    WITH c, found[0..$first] AS neighbours, size(found) > $first AS truncated
    CALL (c, neighbours) {
      WITH [c] + neighbours AS members
      UNWIND members AS a
      MATCH (a)-[r]->(b) WHERE b IN members
      RETURN collect(${edgeMap('r')}) AS edges
    }
    RETURN c, neighbours, edges, truncated`;
}

const QUERIES: Record<NeighbourhoodDepth, string> = { 1: neighbourhoodQuery(1), 2: neighbourhoodQuery(2) };

export async function findNeighbourhood(
  ctx: GraphContext,
  id: string,
  depth: NeighbourhoodDepth,
  first: number,
  labels: readonly NodeLabel[] = NODE_LABELS,
): Promise<NeighbourhoodResult | null> {
  const [row] = await cachedReadQuery<{
    c: Node;
    neighbours: Node[];
    edges: RawEdge[];
    truncated: boolean;
  }>(ctx, QUERIES[depth], { id, labels, first: int(first), limit: int(first + 1) });
  if (!row) return null;
  const edges: GraphEdge[] = row.edges.map(toGraphEdge);
  edges.sort((a, b) => `${a.type}${a.from}${a.to}`.localeCompare(`${b.type}${b.from}${b.to}`));
  return {
    center: toGraphNode(row.c),
    neighbours: row.neighbours.map(toGraphNode),
    edges,
    truncated: row.truncated,
  };
}
