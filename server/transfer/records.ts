// The values an import and an export are made of, whatever the file format: nodes and relationships as
// plain values, plus every problem found, each pointing at a file, a row and a column. server/transfer
// produces them from files; server/graph, above it, plans and writes them.
import type { NodeLabel, RelationshipType } from '../../model/data-model.ts';
import type { Properties } from '../../model/values.ts';

export type ImportFormat = 'JSON' | 'CSV' | 'ONET';

export interface ImportProblem {
  file: string;
  /** 1-based data row (or record) within the file; null when the problem is the file as a whole. */
  row: number | null;
  column: string | null;
  message: string;
}

/** Where a record came from, so a problem found later (against the graph) can still point at it. */
export interface ImportOrigin {
  file: string;
  row: number | null;
  /** The column that names the record: the id, or for O*NET the code. */
  column: string;
}

/**
 * A natural key that identifies a node better than the id we made up for it: an O*NET career is the
 * same career as the graph's one with its O*NET-SOC code, whatever either is called.
 */
export interface NodeMatch {
  property: 'onetSoc' | 'onetElementId';
  value: string;
}

export interface ImportNode {
  label: NodeLabel;
  id: string;
  props: Properties;
  origin?: ImportOrigin;
  /** Resolve to the existing node(s) of this label with this key; `id` is used only for a new node. */
  match?: NodeMatch;
  /** Properties that an existing node keeps: curated wording wins over generated text. */
  keepExisting?: readonly string[];
  /** The record only adds facts to a node that must already exist (O*NET rows of an unlisted code). */
  updateOnly?: boolean;
  /** Appended to a message about a missing property: which file would supply it. */
  hints?: Readonly<Record<string, string>>;
}

export interface ImportRelationship {
  type: RelationshipType;
  from: string;
  to: string;
  props: Properties;
  origin?: ImportOrigin;
  keepExisting?: readonly string[];
}

export interface ParsedImport {
  format: ImportFormat;
  /**
   * Replace (false): a record is the whole truth about its node, as in a JSON or CSV export.
   * Merge (true): a record adds to what the node holds (O*NET knows codes and ratings, not our wording).
   */
  merge: boolean;
  nodes: ImportNode[];
  relationships: ImportRelationship[];
  problems: ImportProblem[];
}

/** A graph as export returns it and the formatters write it. */
export interface ExportedGraph {
  nodes: ExportedNode[];
  relationships: ExportedRelationship[];
}

export type ExportedNode = Pick<ImportNode, 'label' | 'id' | 'props'>;
export type ExportedRelationship = Pick<ImportRelationship, 'type' | 'from' | 'to' | 'props'>;

/**
 * Properties no file carries: `aliasText` is derived from `aliases` for the full-text index on every
 * write; `seedHash` is the loader's memory of what it last wrote; `version`, `updatedAt` and
 * `updatedBy` are provenance that every write moves forward. Exporting them would make a round trip
 * differ on every run; importing them would let a file forge history.
 */
export const INTERNAL_PROPERTIES = ['aliasText', 'seedHash', 'version', 'updatedAt', 'updatedBy'] as const;

export function isInternalProperty(key: string): boolean {
  return (INTERNAL_PROPERTIES as readonly string[]).includes(key);
}

/** A record's properties as a file holds them: nothing internal, and the id kept outside. */
export function fileProperties(props: Properties): Properties {
  const rest: Properties = {};
  for (const [key, value] of Object.entries(props))
    if (!isInternalProperty(key) && key !== 'id') rest[key] = value;
  return rest;
}
