// Turns the node list and edge maps a path query returns into a GraphPath with per-step strengths.
import type { Node } from 'neo4j-driver';
import { PLAIN_LINK_STRENGTH, type RelationshipType } from './model.ts';
import { toGraphNode } from './node-mapper.ts';
import type { GraphEdge, GraphPath } from './types.ts';

export interface RawEdge {
  type: RelationshipType;
  from: string;
  to: string;
  why: string | null;
  weight: number | null;
}

export function toGraphEdge(raw: RawEdge): GraphEdge {
  return { ...raw, why: raw.why ?? '' };
}

export function toGraphPath(nodes: Node[], edges: RawEdge[], score: number): GraphPath {
  const graphNodes = nodes.map(toGraphNode);
  return {
    nodes: graphNodes,
    steps: edges.map((raw, i) => ({
      from: graphNodes[i]?.id ?? raw.from,
      to: graphNodes[i + 1]?.id ?? raw.to,
      edge: toGraphEdge(raw),
      strength: raw.weight ?? PLAIN_LINK_STRENGTH[raw.type],
    })),
    score,
  };
}
