// Shapes the graph layer's plain objects into the GraphQL types generated from schema.graphql.
import type { GraphEdge, GraphNode, GraphStats } from '../graph/types.ts';
import type { Application, Career, Course, Edge, Field, Skill, Stats, Subject } from './generated/graphql.ts';

type Typed<T extends { __typename?: string }> = T & { __typename: NonNullable<T['__typename']> };

/** A node as GraphQL sees it; the typename lets the Node interface resolve without another lookup. */
export type ShapedNode =
  Typed<Subject> | Typed<Field> | Typed<Skill> | Typed<Career> | Typed<Course> | Typed<Application>;

export function shapeNode(node: GraphNode): ShapedNode {
  const base = {
    id: node.id,
    kind: node.label,
    name: node.name,
    description: node.description,
    aliases: node.aliases,
  };
  switch (node.label) {
    case 'Subject':
    case 'Field':
      return { __typename: node.label, ...base };
    case 'Skill':
      return { __typename: 'Skill', ...base, skillKind: node.skillKind };
    case 'Career':
      return {
        __typename: 'Career',
        ...base,
        onetSoc: node.onetSoc,
        jobZone: node.jobZone,
        education: node.education,
        riasec: node.riasec,
        outlook: node.outlook,
        outlookNote: node.outlookNote,
      };
    case 'Course':
      return {
        __typename: 'Course',
        ...base,
        provider: node.provider,
        format: node.format,
        level: node.level,
        hours: node.hours,
      };
    case 'Application':
      return {
        __typename: 'Application',
        ...base,
        example: node.example,
        reflectionPrompt: node.reflectionPrompt,
      };
  }
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
