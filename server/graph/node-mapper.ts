// Maps a Neo4j node's labels and properties onto our plain node types.
import type { Node } from 'neo4j-driver';
import { apiName, nodeProperties, type PropertySpec } from '../../model/data-model.ts';
import type { PropertyValue } from '../../model/values.ts';
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

function valueOf(property: PropertySpec, value: unknown): PropertyValue {
  switch (property.type) {
    case 'text':
    case 'enum':
      return str(value);
    case 'integer':
    case 'number':
      return num(value);
    case 'textList':
      return strings(value);
    case 'boolean':
      return value === true;
  }
}

/** Every property the data model gives the kind, under its API name, whatever the stored node lacks. */
export function nodeFromProperties(label: NodeLabel, p: Readonly<Record<string, unknown>>): GraphNode {
  const node: Record<string, unknown> = { label, id: str(p.id) };
  for (const property of nodeProperties(label)) {
    const value = p[property.name];
    // Unknown stays unknown (null in the API): a missing job zone is not job zone 0.
    if ((value === undefined || value === null) && !property.required && property.type !== 'textList')
      continue;
    node[apiName(property)] = valueOf(property, value);
  }
  // Built from the same model entries GraphNode is read from (model/types.ts), so the two agree by
  // construction; test/unit/data-model.test.ts maps a stored node of every kind to prove it.
  return node as GraphNode;
}
