// Maps a Neo4j node's labels and properties onto our plain node types.
import type { Node } from 'neo4j-driver';
import { NODE_LABELS, type NodeLabel } from './model.ts';
import type { GraphNode } from './types.ts';

export function labelOf(labels: readonly string[]): NodeLabel {
  const label = NODE_LABELS.find((l) => labels.includes(l));
  if (!label) throw new Error(`Node with labels ${labels.join(',')} has no known label`);
  return label;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value ?? 0));
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function toGraphNode(node: Node): GraphNode {
  return nodeFromProperties(labelOf(node.labels), node.properties as Record<string, unknown>);
}

export function nodeFromProperties(label: NodeLabel, p: Readonly<Record<string, unknown>>): GraphNode {
  const base = {
    id: str(p.id),
    name: str(p.name),
    description: str(p.description),
    aliases: strings(p.aliases),
  };
  switch (label) {
    case 'Subject':
    case 'Field':
      return { ...base, label };
    case 'Skill':
      return { ...base, label, skillKind: str(p.kind) as 'hard' | 'soft' | 'tool' };
    case 'Career':
      return {
        ...base,
        label,
        onetSoc: str(p.onetSoc),
        jobZone: num(p.jobZone),
        education: str(p.education),
        riasec: str(p.riasec),
        outlook: str(p.outlook) as 'bright' | 'steady' | 'limited',
        outlookNote: str(p.outlookNote),
      };
    case 'Course':
      return {
        ...base,
        label,
        provider: str(p.provider),
        format: str(p.format) as 'school' | 'university' | 'online' | 'workshop',
        level: str(p.level) as 'secondary' | 'introductory' | 'intermediate' | 'advanced',
        hours: num(p.hours),
      };
    case 'Application':
      return { ...base, label, example: str(p.example), reflectionPrompt: str(p.reflectionPrompt) };
  }
}
