// Bounded paths between any two nodes. SHORTEST k finds the candidates from both ends at once (so
// five hops stay cheap on hub-heavy graphs); the strongest of them, by the product of step
// strengths, come first, and shorter ones first on a tie.
import type { Node } from 'neo4j-driver';
import { edgeMap, pathScore } from './cypher-fragments.ts';
import { cachedReadQuery, type GraphContext } from './executor.ts';
import { ENTITY_LABEL, RELATIONSHIP_TYPES, type RelationshipType } from './model.ts';
import { pageParams, toPage, type PageRequest } from './paging.ts';
import { toGraphPath, type RawEdge } from './path-mapper.ts';
import { toGraphNode } from './node-mapper.ts';
import type { GraphNode, GraphPath, Page } from './types.ts';

export const MAX_HOPS = 5;
/** How many shortest paths are ranked by strength; a page can reach no further than this. */
export const PATH_CANDIDATES = 100;

/**
 * Hop bounds and relationship types cannot be parameters in a path pattern, so both are written into
 * the statement: the hops as a checked integer and the types only from the model's allow-list.
 */
export function pathsQuery(maxHops: number, types: readonly RelationshipType[]): string {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS)
    throw new RangeError(`maxHops ${maxHops}`);
  const allowed = types.filter((t) => (RELATIONSHIP_TYPES as readonly string[]).includes(t));
  if (allowed.length === 0) throw new RangeError('no relationship types');
  return `
    OPTIONAL MATCH (a:${ENTITY_LABEL} {id: $from}) WHERE a.retiredAt IS NULL
    OPTIONAL MATCH (b:${ENTITY_LABEL} {id: $to}) WHERE b.retiredAt IS NULL
    CALL (a, b) {
      MATCH p = SHORTEST ${PATH_CANDIDATES} (a)((x)-[:${[...new Set(allowed)].join('|')}]-(y) WHERE y.retiredAt IS NULL){1,${maxHops}}(b)
      WITH p, ${pathScore('relationships(p)')} AS score
      ORDER BY score DESC, length(p), [n IN nodes(p) | n.id]
      SKIP $skip LIMIT $limit
      RETURN collect({nodes: nodes(p), edges: [r IN relationships(p) | ${edgeMap('r')}], score: score}) AS paths
    }
    RETURN a, b, paths`;
}

export interface PathsResult {
  from: GraphNode | null;
  to: GraphNode | null;
  page: Page<GraphPath>;
}

export async function findPaths(
  ctx: GraphContext,
  from: string,
  to: string,
  maxHops: number,
  types: readonly RelationshipType[],
  page: PageRequest,
): Promise<PathsResult> {
  const [row] = await cachedReadQuery<{
    a: Node | null;
    b: Node | null;
    paths: { nodes: Node[]; edges: RawEdge[]; score: number }[];
  }>(ctx, pathsQuery(maxHops, types), { from, to, ...pageParams(page) });
  return {
    from: row?.a ? toGraphNode(row.a) : null,
    to: row?.b ? toGraphNode(row.b) : null,
    page: toPage(
      (row?.paths ?? []).map((p) => toGraphPath(p.nodes, p.edges, p.score)),
      page,
    ),
  };
}
