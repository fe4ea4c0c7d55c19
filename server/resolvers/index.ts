// Resolvers: validate arguments, call one graph function, shape the result. No Cypher, no driver.
import { NotFoundError } from '../errors.ts';
import { findNeighbourhood, findNode } from '../graph/explore.ts';
import { getStats } from '../graph/stats.ts';
import type { Resolvers } from '../generated/graphql.ts';
import { requireId, requireIntInRange } from './arguments.ts';
import { shapeEdge, shapeNode, shapeStats } from './shape.ts';

export const MAX_NEIGHBOURS = 200;

export const resolvers: Resolvers = {
  Query: {
    stats: async (_parent, _args, { graph }) => shapeStats(await getStats(graph)),

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
      const found = await findNeighbourhood(graph, id, depth, first);
      if (!found) throw new NotFoundError('node', id);
      const center = shapeNode(found.center);
      return {
        center,
        nodes: [center, ...found.neighbours.map(shapeNode)],
        edges: found.edges.map(shapeEdge),
        truncated: found.truncated,
      };
    },
  },

  Node: {
    __resolveType: (node) => node.__typename,
  },
};
