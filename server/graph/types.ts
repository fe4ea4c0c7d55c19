// Plain objects the graph layer returns. They know nothing of GraphQL; resolvers shape them.
import type { NodeLabel, RelationshipType } from './model.ts';

interface NodeBase {
  id: string;
  name: string;
  description: string;
  aliases: string[];
}

export type SubjectNode = NodeBase & { label: 'Subject' };
export type FieldNode = NodeBase & { label: 'Field' };
export type SkillNode = NodeBase & { label: 'Skill'; skillKind: 'hard' | 'soft' | 'tool' };
export type CareerNode = NodeBase & {
  label: 'Career';
  onetSoc: string;
  jobZone: number;
  education: string;
  riasec: string;
  outlook: 'bright' | 'steady' | 'limited';
  outlookNote: string;
};
export type CourseNode = NodeBase & {
  label: 'Course';
  provider: string;
  format: 'school' | 'university' | 'online' | 'workshop';
  level: 'secondary' | 'introductory' | 'intermediate' | 'advanced';
  hours: number;
};
export type ApplicationNode = NodeBase & { label: 'Application'; example: string; reflectionPrompt: string };

export type GraphNode = SubjectNode | FieldNode | SkillNode | CareerNode | CourseNode | ApplicationNode;

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
