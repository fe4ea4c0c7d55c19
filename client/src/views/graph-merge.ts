// Expanding a node in place draws its neighbours beside the ones already shown. Each expansion is
// its own neighbourhood answer; this folds them into one graph, in a fixed order, so the same URL
// always gives the same nodes in the same order (and so the same seeded layout).

export interface MergeNode {
  id: string;
  name: string;
}

export interface MergeEdge {
  from: string;
  to: string;
  type: string;
}

export interface Part<N extends MergeNode, E extends MergeEdge> {
  center: N;
  nodes: readonly N[];
  edges: readonly E[];
}

export interface Merged<N extends MergeNode, E extends MergeEdge> {
  center: N;
  nodes: N[];
  edges: E[];
  /** For each node a later part brought in, the expanded node it came from: new nodes start there. */
  origin: Map<string, string>;
}

const edgeKey = (e: MergeEdge) => `${e.from}|${e.type}|${e.to}`;

/** The first part is the centre's neighbourhood; the rest are expansions in the order they were opened. */
export function mergeNeighbourhoods<N extends MergeNode, E extends MergeEdge>(
  first: Part<N, E>,
  expansions: readonly Part<N, E>[],
): Merged<N, E> {
  const nodes = new Map<string, N>();
  const edges = new Map<string, E>();
  const origin = new Map<string, string>();
  for (const [index, part] of [first, ...expansions].entries()) {
    for (const node of [part.center, ...part.nodes]) {
      if (nodes.has(node.id)) continue;
      nodes.set(node.id, node);
      if (index > 0) origin.set(node.id, part.center.id);
    }
    for (const edge of part.edges) if (!edges.has(edgeKey(edge))) edges.set(edgeKey(edge), edge);
  }
  return { center: first.center, nodes: [...nodes.values()], edges: [...edges.values()], origin };
}
