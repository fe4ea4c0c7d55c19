// Shapes the graph layer's plain objects into the GraphQL types generated from schema.graphql.
import type { GraphEdge, GraphNode, GraphStats } from '../graph/types.ts';
import type { Application, Career, Course, Edge, Field, Skill, Stats, Subject } from './generated/graphql.ts';

type Typed<T extends { __typename?: string }> = T & { __typename: NonNullable<T['__typename']> };

/** A node as GraphQL sees it; the typename lets the Node interface resolve without another lookup. */
export type ShapedNode =
  Typed<Subject> | Typed<Field> | Typed<Skill> | Typed<Career> | Typed<Course> | Typed<Application>;

export function shapeNode(node: GraphNode): ShapedNode {
  const { label, ...fields } = node;
  // The graph layer already names each property as schema.graphql does (the data model's API names),
  // so shaping only adds the typename and kind; test/unit/data-model.test.ts checks every kind's
  // fields against schema.graphql.
  return { ...fields, __typename: label, kind: label } as ShapedNode;
}

/** Shapes a node that the query guarantees to be of one kind, and says so loudly if it is not. */
export function shapeAs<L extends ShapedNode['__typename']>(
  node: GraphNode,
  typename: L,
): Extract<ShapedNode, { __typename: L }> {
  const shaped = shapeNode(node);
  if (shaped.__typename !== typename)
    throw new Error(`expected a ${typename}, got a ${shaped.__typename} (${node.id})`);
  return shaped as Extract<ShapedNode, { __typename: L }>;
}

export function shapeEdge(edge: GraphEdge): Edge {
  return { ...edge, id: `${edge.type}:${edge.from}:${edge.to}` };
}

export function shapeStats(stats: GraphStats): Stats {
  return {
    nodes: stats.nodes.map((n) => ({ kind: n.label, count: n.count })),
    totalNodes: stats.totalNodes,
    totalRelationships: stats.totalRelationships,
  };
}
