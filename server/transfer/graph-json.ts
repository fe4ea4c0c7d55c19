// The flat graph file that export writes and import reads back:
//   { "format": "pathways-graph", "version": 1, "nodes": [...], "relationships": [...] }
// Written canonically (sorted records, sorted keys, fixed indentation) so two exports of the same
// graph are byte-identical and a diff between two exports shows only what changed.
import { z } from 'zod';
import type { Properties } from '../../model/values.ts';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../model/data-model.ts';
import { isPropertyValue } from '../../model/values.ts';
import { nodeProblems, problem, relationshipProblems } from './validate.ts';
import type {
  ExportedGraph,
  ExportedNode,
  ExportedRelationship,
  ImportNode,
  ImportProblem,
  ImportRelationship,
} from './types.ts';

export const GRAPH_FORMAT = 'pathways-graph';
export const GRAPH_VERSION = 1;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function sortNodes<T extends ExportedNode>(nodes: readonly T[]): T[] {
  return [...nodes].sort((a, b) => compare(a.label, b.label) || compare(a.id, b.id));
}

export function sortRelationships<T extends ExportedRelationship>(rels: readonly T[]): T[] {
  return [...rels].sort((a, b) => compare(a.type, b.type) || compare(a.from, b.from) || compare(a.to, b.to));
}

/** Keys sorted at every level, and -0 written as 0, so equal values always print the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'number') return Object.is(value, -0) ? 0 : value;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => compare(a, b));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

export function toGraphJson(graph: ExportedGraph): string {
  const body = {
    format: GRAPH_FORMAT,
    version: GRAPH_VERSION,
    nodes: sortNodes(graph.nodes).map((n) => ({ label: n.label, id: n.id, properties: n.props })),
    relationships: sortRelationships(graph.relationships).map((r) => ({
      type: r.type,
      from: r.from,
      to: r.to,
      properties: r.props,
    })),
  };
  return `${JSON.stringify(canonical(body), null, 2)}\n`;
}

const envelope = z.looseObject({
  format: z.literal(GRAPH_FORMAT),
  version: z.literal(GRAPH_VERSION, { error: `this reader knows version ${GRAPH_VERSION} only` }),
  nodes: z.array(z.unknown()),
  relationships: z.array(z.unknown()),
});

const properties = z.record(z.string(), z.unknown()).refine((p) => Object.values(p).every(isPropertyValue), {
  error: 'every value must be text, a number, true/false, or a list of only texts or only numbers',
});

const nodeRecord = z.strictObject({
  label: z.enum(NODE_LABELS, { error: `must be one of ${NODE_LABELS.join(', ')}` }),
  id: z.string(),
  properties,
});

const relationshipRecord = z.strictObject({
  type: z.enum(RELATIONSHIP_TYPES, { error: `must be one of ${RELATIONSHIP_TYPES.join(', ')}` }),
  from: z.string(),
  to: z.string(),
  properties,
});

export function isGraphJson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'format' in value && value.format === GRAPH_FORMAT;
}

export interface GraphJsonParts {
  nodes: ImportNode[];
  relationships: ImportRelationship[];
  problems: ImportProblem[];
}

export function readGraphJson(file: string, value: unknown): GraphJsonParts {
  const out: GraphJsonParts = { nodes: [], relationships: [], problems: [] };
  const top = envelope.safeParse(value);
  if (!top.success) {
    for (const issue of top.error.issues) {
      out.problems.push(problem({ file, row: null }, issue.path.join('.') || null, issue.message));
    }
    return out;
  }
  top.data.nodes.forEach((raw, index) => {
    const at = { file, row: index + 1, column: 'nodes.id' };
    const parsed = nodeRecord.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        out.problems.push(problem(at, `nodes.${issue.path.join('.')}`, issue.message));
      }
      return;
    }
    const { label, id } = parsed.data;
    const node: ImportNode = { label, id, props: parsed.data.properties as Properties, origin: at };
    out.problems.push(...nodeProblems(node, (p) => (p === null ? 'nodes' : `nodes.properties.${p}`)));
    out.nodes.push(node);
  });
  top.data.relationships.forEach((raw, index) => {
    const at = { file, row: index + 1, column: 'relationships.from' };
    const parsed = relationshipRecord.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        out.problems.push(problem(at, `relationships.${issue.path.join('.')}`, issue.message));
      }
      return;
    }
    const { type, from, to } = parsed.data;
    const rel: ImportRelationship = {
      type,
      from,
      to,
      props: parsed.data.properties as Properties,
      origin: at,
    };
    out.problems.push(
      ...relationshipProblems(rel, (p) =>
        p === null
          ? 'relationships'
          : p === 'from' || p === 'to'
            ? `relationships.${p}`
            : `relationships.properties.${p}`,
      ),
    );
    out.relationships.push(rel);
  });
  return out;
}
