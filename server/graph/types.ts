// Plain objects the graph layer returns. They know nothing of GraphQL; resolvers shape them.
import type { ApiProperties } from '../../model/types.ts';
import type { NodeLabel, RelationshipType } from './model.ts';

/** A node as the graph layer returns it: its kind, id and properties by their API names (the data model's). */
export type NodeOf<L extends NodeLabel> = { label: L; id: string } & ApiProperties<L>;

export type SubjectNode = NodeOf<'Subject'>;
export type FieldNode = NodeOf<'Field'>;
export type SkillNode = NodeOf<'Skill'>;
export type CareerNode = NodeOf<'Career'>;
export type CourseNode = NodeOf<'Course'>;
export type ApplicationNode = NodeOf<'Application'>;

export type GraphNode = { [L in NodeLabel]: NodeOf<L> }[NodeLabel];

export interface GraphEdge {
  type: RelationshipType;
  from: string;
  to: string;
  why: string;
  weight: number | null;
}

export interface GraphStats {
  nodes: { label: NodeLabel; count: number }[];
  totalNodes: number;
  totalRelationships: number;
}

export interface NeighbourhoodResult {
  center: GraphNode;
  neighbours: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

export interface PathStepResult {
  from: string;
  to: string;
  edge: GraphEdge;
  strength: number;
}

export interface GraphPath {
  nodes: GraphNode[];
  steps: PathStepResult[];
  score: number;
}

export interface Page<T> {
  items: T[];
  hasMore: boolean;
}
