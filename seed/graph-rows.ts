// Turns the curated files (relationships written beside the node that owns them) into the rows the
// loader writes: node rows per label and relationship rows per type, each with a content hash.
import { createHash } from 'node:crypto';
import {
  NODE_LABELS,
  RELATIONSHIP_TYPES,
  nodeProperties,
  relationshipSpec,
  type NodeLabel,
  type PropertySpec,
  type RelationshipType,
  type SeedEmbedding,
} from '../model/data-model.ts';
import { linkSourceKey, SEED_KIND_OF_LABEL, type SeedData } from './read.ts';

export type { Properties, PropertyValue } from '../model/values.ts';
import type { Properties, PropertyValue } from '../model/values.ts';

export interface NodeRow {
  id: string;
  props: Properties;
  hash: string;
  /** Where it came from, when not the load's own source; provenance, so not in the hash. */
  source?: string;
}

export interface RelationshipRow {
  type: RelationshipType;
  fromLabel: NodeLabel;
  toLabel: NodeLabel;
  from: string;
  to: string;
  props: Properties;
  hash: string;
  source?: string;
}

function hashOf(props: Properties): string {
  return createHash('sha256').update(JSON.stringify(props)).digest('hex').slice(0, 32);
}

function node(id: string, props: Properties, source: string | undefined): NodeRow {
  return { id, props, hash: hashOf(props), ...(source ? { source } : {}) };
}

type SeedRecordValues = Readonly<Record<string, unknown>> & { id: string };

const recordsOf = (data: SeedData, label: NodeLabel): readonly SeedRecordValues[] =>
  data[SEED_KIND_OF_LABEL[label]];

/** Only the properties the data model gives the kind, in the model's order (the hash depends on it). */
function propertiesOf(
  properties: readonly PropertySpec[],
  record: Readonly<Record<string, unknown>>,
): Properties {
  const props: Properties = {};
  for (const property of properties) {
    const value = record[property.name];
    if (value !== undefined) props[property.name] = value as PropertyValue;
  }
  return props;
}

export function nodeRows(data: SeedData): Map<NodeLabel, NodeRow[]> {
  return new Map(
    NODE_LABELS.map((label) => [
      label,
      recordsOf(data, label).map((record) =>
        node(record.id, propertiesOf(nodeProperties(label), record), data.sources?.nodes.get(record.id)),
      ),
    ]),
  );
}

/** The links written inside one record under `key`: a list, or one object for a `single` embedding. */
function linksIn(
  record: SeedRecordValues,
  embedding: SeedEmbedding,
): readonly Readonly<Record<string, unknown>>[] {
  const value = record[embedding.key];
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as readonly Readonly<Record<string, unknown>>[];
}

/**
 * Every relationship the records hold, as the data model's seed embeddings say where each is
 * written: a link is stored from the record's kind when the type starts there (LEADS_TO in a
 * subject), and towards it otherwise (INCLUDES, written in the career it includes).
 */
export function relationshipRows(data: SeedData): RelationshipRow[] {
  const rows: RelationshipRow[] = [];
  for (const type of RELATIONSHIP_TYPES) {
    const spec = relationshipSpec(type);
    for (const embedding of spec.seed) {
      const forward = spec.from.includes(embedding.in);
      for (const record of recordsOf(data, embedding.in)) {
        for (const link of linksIn(record, embedding)) {
          const other = String(link[embedding.end]);
          const props = propertiesOf(spec.properties, link);
          const [fromLabel, from, toLabel, to] = forward
            ? [embedding.in, record.id, embedding.endKind, other]
            : [embedding.endKind, other, embedding.in, record.id];
          const source = data.sources?.links.get(linkSourceKey(type, from, to));
          rows.push({
            type,
            fromLabel,
            toLabel,
            from,
            to,
            props,
            hash: hashOf(props),
            ...(source ? { source } : {}),
          });
        }
      }
    }
  }
  return rows;
}
