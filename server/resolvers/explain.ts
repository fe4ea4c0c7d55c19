// Paths in GraphQL's shape, with the score explained in words a student can follow.
import type { GraphEdge, GraphNode, GraphPath } from '../graph/types.ts';
import type { RelationshipType } from '../graph/model.ts';
import { shapeEdge, shapeNode, type ShapedNode } from './shape.ts';

const VERBS: Record<RelationshipType, string> = {
  LEADS_TO: 'leads to',
  INCLUDES: 'includes',
  REQUIRES: 'requires',
  DRAWS_ON: 'draws on',
  DEVELOPS: 'develops',
  TEACHES: 'teaches',
  APPLIED_IN: 'is applied in',
  USED_IN: 'is used by',
  RELATED_TO: 'is related to',
  PART_OF: 'is part of',
  USES: 'uses',
};

export const formatScore = (n: number): string => String(Math.round(n * 100) / 100);

export function describeEdge(edge: GraphEdge, names: ReadonlyMap<string, string>): string {
  return `${names.get(edge.from) ?? edge.from} ${VERBS[edge.type]} ${names.get(edge.to) ?? edge.to}`;
}

export interface ExtraFactor {
  value: number;
  reason: string;
}

export interface ShapedPath {
  nodes: ShapedNode[];
  steps: { from: ShapedNode; to: ShapedNode; edge: ReturnType<typeof shapeEdge>; strength: number }[];
  hops: number;
  score: number;
  explanation: string;
}

export function shapePath(path: GraphPath, extra?: ExtraFactor): ShapedPath {
  const nodes = path.nodes.map(shapeNode);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const names = new Map(path.nodes.map((n: GraphNode) => [n.id, n.name]));
  const factors = path.steps.map((s) => `${formatScore(s.strength)} (${describeEdge(s.edge, names)})`);
  if (extra) factors.push(`${formatScore(extra.value)} (${extra.reason})`);
  return {
    nodes,
    steps: path.steps.map((s) => {
      const from = byId.get(s.from);
      const to = byId.get(s.to);
      if (!from || !to) throw new Error(`path step ${s.from} → ${s.to} names a node outside the path`);
      return { from, to, edge: shapeEdge(s.edge), strength: s.strength };
    }),
    hops: path.steps.length,
    score: path.score,
    explanation: `${factors.join(' × ')} = ${formatScore(path.score)}`,
  };
}
