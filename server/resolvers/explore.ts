// stats, search, node, neighbourhood.
import { BadUserInputError, NotFoundError } from '../errors.ts';
import { findNeighbourhood, findNode } from '../graph/explore.ts';
import { NODE_LABELS } from '../graph/model.ts';
import { searchNodes, searchTerms } from '../graph/search.ts';
import { getStats } from '../graph/stats.ts';
import type { NodeKind, QueryResolvers } from './generated/graphql.ts';
import { requireId, requireIntInRange, requireNonEmpty } from './arguments.ts';
import { pageInfo, pageRequest } from './paging.ts';
import { shapeEdge, shapeNode, shapeStats } from './shape.ts';

export const MAX_NEIGHBOURS = 200;
export const MAX_SEARCH_RESULTS = 50;
export const MAX_SEARCH_TEXT = 100;

const labelsOf = (kinds: readonly NodeKind[] | null | undefined) =>
  kinds ? requireNonEmpty(kinds, 'kinds', NODE_LABELS) : NODE_LABELS;

export const exploreQueries: Pick<QueryResolvers, 'stats' | 'search' | 'node' | 'neighbourhood'> = {
  stats: async (_parent, _args, { graph }) => shapeStats(await getStats(graph)),

  search: async (_parent, args, { graph }) => {
    const text = args.text.trim();
    if (text.length === 0) throw new BadUserInputError('Type something to search for.', 'text');
    if (text.length > MAX_SEARCH_TEXT) {
      throw new BadUserInputError(`Search text may be at most ${MAX_SEARCH_TEXT} characters.`, 'text');
    }
    const terms = searchTerms(text);
    if (terms.length === 0)
      throw new BadUserInputError('Search with letters or digits, such as "biology".', 'text');
    const request = pageRequest(args.first, args.after, { fallback: 10, max: MAX_SEARCH_RESULTS });
    const page = await searchNodes(graph, terms, labelsOf(args.kinds), request);
    return {
      hits: page.items.map((hit) => ({ node: shapeNode(hit.node), score: hit.score })),
      pageInfo: pageInfo(page, request),
    };
  },

  node: async (_parent, args, { graph }) => {
    const id = requireId(args.id);
    const node = await findNode(graph, id);
    if (!node) throw new NotFoundError('node', id);
    return shapeNode(node);
  },

  neighbourhood: async (_parent, args, { graph }) => {
    const id = requireId(args.id);
    const depth = requireIntInRange(args.depth, 'depth', 1, 2, 1) as 1 | 2;
    const first = requireIntInRange(args.first, 'first', 1, MAX_NEIGHBOURS, 60);
    const found = await findNeighbourhood(graph, id, depth, first, labelsOf(args.kinds));
    if (!found) throw new NotFoundError('node', id);
    const center = shapeNode(found.center);
    return {
      center,
      nodes: [center, ...found.neighbours.map(shapeNode)],
      edges: found.edges.map(shapeEdge),
      truncated: found.truncated,
    };
  },
};
