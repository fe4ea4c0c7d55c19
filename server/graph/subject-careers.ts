// "Biology → Environmental Science → careers": every Subject → Field (→ sub-field) → Career path,
// ranked by the strength of the way there and by how much the career itself draws on the subject.
import type { Node } from 'neo4j-driver';
import { edgeMap, pathScore } from './cypher-fragments.ts';
import { cachedReadQuery, type GraphContext } from './executor.ts';
import { pageParams, toPage, type PageRequest } from './paging.ts';
import { toGraphPath, type RawEdge } from './path-mapper.ts';
import { toGraphNode } from './node-mapper.ts';
import type { GraphNode, GraphPath, Page } from './types.ts';

/** How much a career that does not name the subject among those it draws on still counts. */
export const UNNAMED_SUBJECT_RELEVANCE = 0.5;

export const SUBJECT_CAREERS = `
  MATCH (s:Subject {id: $subject}) WHERE s.retiredAt IS NULL
  OPTIONAL MATCH (v:Field {id: $via}) WHERE v.retiredAt IS NULL
  CALL (s) {
    CALL (s) {
      MATCH (s)-[l:LEADS_TO]->(f:Field)-[i:INCLUDES]->(c:Career)
      WHERE f.retiredAt IS NULL AND c.retiredAt IS NULL AND ($via IS NULL OR f.id = $via)
      RETURN c, f AS through, [s, f, c] AS nodes, [l, i] AS rels
      UNION
      MATCH (s)-[l:LEADS_TO]->(f:Field)<-[p:PART_OF]-(sf:Field)-[i:INCLUDES]->(c:Career)
      WHERE f.retiredAt IS NULL AND sf.retiredAt IS NULL AND c.retiredAt IS NULL
        AND ($via IS NULL OR f.id = $via OR sf.id = $via)
      RETURN c, sf AS through, [s, f, sf, c] AS nodes, [l, p, i] AS rels
    }
    OPTIONAL MATCH (c)-[d:DRAWS_ON]->(s)
    WITH c, through, nodes, rels, d,
         ${pathScore('rels')} * coalesce(d.importance, ${UNNAMED_SUBJECT_RELEVANCE}) AS score
    ORDER BY score DESC, size(rels), c.name, through.id
    SKIP $skip LIMIT $limit
    // An aggregate in a subquery always yields one row, so a subject without paths still answers.
    RETURN collect({career: c, through: through, nodes: nodes, score: score,
                    edges: [r IN rels | ${edgeMap('r')}],
                    drawsOn: d.importance}) AS paths
  }
  RETURN s, v, paths`;

export interface CareerPathResult {
  career: GraphNode;
  field: GraphNode;
  path: GraphPath;
  /** How much the career draws on the subject (null: it does not name it). */
  drawsOn: number | null;
}

export interface SubjectCareersResult {
  subject: GraphNode;
  via: GraphNode | null;
  page: Page<CareerPathResult>;
}

interface Row {
  s: Node;
  v: Node | null;
  paths: {
    career: Node;
    through: Node;
    nodes: Node[];
    edges: RawEdge[];
    score: number;
    drawsOn: number | null;
  }[];
}

export async function findSubjectCareers(
  ctx: GraphContext,
  subject: string,
  via: string | null,
  page: PageRequest,
): Promise<SubjectCareersResult | null> {
  const [row] = await cachedReadQuery<Row>(ctx, SUBJECT_CAREERS, { subject, via, ...pageParams(page) });
  if (!row) return null;
  return {
    subject: toGraphNode(row.s),
    via: row.v ? toGraphNode(row.v) : null,
    page: toPage(
      row.paths.map((p) => ({
        career: toGraphNode(p.career),
        field: toGraphNode(p.through),
        path: toGraphPath(p.nodes, p.edges, p.score),
        drawsOn: p.drawsOn,
      })),
      page,
    ),
  };
}
