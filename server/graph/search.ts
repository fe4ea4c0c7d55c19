// Full-text search over the node_search index: each word may match exactly, as a prefix or with a
// small typo. The words are escaped, so a user's text can never become Lucene syntax, let alone Cypher.
import type { Node } from 'neo4j-driver';
import { cachedReadQuery, type GraphContext } from './executor.ts';
import { SEARCH_INDEX, type NodeLabel } from './model.ts';
import { toGraphNode } from './node-mapper.ts';
import { pageParams, toPage, type PageRequest } from './paging.ts';
import type { GraphNode, Page } from './types.ts';

export const SEARCH = `
  CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', $query) YIELD node, score
  WHERE node.retiredAt IS NULL AND any(label IN labels(node) WHERE label IN $labels)
  RETURN node, score
  ORDER BY score DESC, node.name, node.id
  SKIP $skip LIMIT $limit`;

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function searchTerms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(LUCENE_SPECIAL, ''))
    .filter((word) => word.length > 0)
    .slice(0, 8);
}

/**
 * Every word must match (AND): as itself, as a prefix, or within one edit when long enough. Matches in
 * the name count most, and the fuzzy name match is length-normalised, so "biolog" puts the subject
 * Biology above "A-level Biology (AQA)" and far above a description that mentions biology.
 */
export function luceneQuery(terms: readonly string[]): string {
  return terms
    .map((term) => {
      const options = [`name:${term}^6`, `name:${term}*^4`, `${term}^3`, `${term}*^2`];
      if (term.length >= 4) options.push(`name:${term}~1^4`, `${term}~1`);
      return `(${options.join(' OR ')})`;
    })
    .join(' AND ');
}

export interface SearchHitResult {
  node: GraphNode;
  score: number;
}

export async function searchNodes(
  ctx: GraphContext,
  terms: readonly string[],
  labels: readonly NodeLabel[],
  page: PageRequest,
): Promise<Page<SearchHitResult>> {
  const rows = await cachedReadQuery<{ node: Node; score: number }>(ctx, SEARCH, {
    query: luceneQuery(terms),
    labels,
    ...pageParams(page),
  });
  return toPage(
    rows.map((r) => ({ node: toGraphNode(r.node), score: r.score })),
    page,
  );
}
