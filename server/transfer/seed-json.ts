// The curated seed's own files (subjects.json, careers-….json, …) as an import: each record checked
// with the seed's schema, then turned into nodes and relationships exactly as the loader does.
import { nodeRows, relationshipRows } from '../../seed/graph-rows.ts';
import { kindOfFile, SEED_SCHEMAS, type SeedData, type SeedKind } from '../../seed/read.ts';
import type { RelationshipType } from '../../model/data-model.ts';
import { problem } from './validate.ts';
import type { ImportNode, ImportOrigin, ImportProblem, ImportRelationship } from './types.ts';

/** Seed files keep a relationship in the record at one end; this is the end, and the field. */
const OWNER: Record<RelationshipType, { end: 'from' | 'to'; field: string }> = {
  LEADS_TO: { end: 'from', field: 'leadsTo' },
  DEVELOPS: { end: 'from', field: 'develops' },
  PART_OF: { end: 'from', field: 'partOf' },
  INCLUDES: { end: 'to', field: 'fields' },
  REQUIRES: { end: 'from', field: 'requires' },
  DRAWS_ON: { end: 'from', field: 'drawsOn' },
  RELATED_TO: { end: 'from', field: 'relatedTo' },
  TEACHES: { end: 'from', field: 'teaches' },
  APPLIED_IN: { end: 'to', field: 'applies' },
  USED_IN: { end: 'from', field: 'usedIn' },
  USES: { end: 'from', field: 'uses' },
};

export function isSeedFile(name: string): boolean {
  return kindOfFile(name) !== undefined;
}

export interface SeedParts {
  nodes: ImportNode[];
  relationships: ImportRelationship[];
  problems: ImportProblem[];
}

/** `files`: seed file name → its parsed JSON. */
export function readSeedFiles(files: readonly { name: string; value: unknown }[]): SeedParts {
  const data: SeedData = { subjects: [], fields: [], skills: [], careers: [], courses: [], applications: [] };
  const origins = new Map<string, ImportOrigin>();
  const problems: ImportProblem[] = [];
  for (const { name, value } of files) {
    const kind = kindOfFile(name);
    if (!kind) continue;
    if (!Array.isArray(value)) {
      problems.push(problem({ file: name, row: null }, null, `${name} must hold a JSON array of ${kind}.`));
      continue;
    }
    value.forEach((record: unknown, index) => {
      const parsed = SEED_SCHEMAS[kind].safeParse(record);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const column = issue.path.length > 0 ? issue.path.join('.') : null;
          problems.push(problem({ file: name, row: index + 1 }, column, issue.message));
        }
        return;
      }
      (data[kind] as SeedData[SeedKind][number][]).push(parsed.data);
      origins.set(parsed.data.id, { file: name, row: index + 1, column: 'id' });
    });
  }

  const nodes: ImportNode[] = [];
  for (const [label, rows] of nodeRows(data)) {
    for (const row of rows) {
      const origin = origins.get(row.id);
      nodes.push({ label, id: row.id, props: row.props, ...(origin ? { origin } : {}) });
    }
  }
  const relationships = relationshipRows(data).map((row): ImportRelationship => {
    const owner = OWNER[row.type];
    const found = origins.get(owner.end === 'from' ? row.from : row.to);
    const origin = found ? { ...found, column: owner.field } : undefined;
    return { type: row.type, from: row.from, to: row.to, props: row.props, ...(origin ? { origin } : {}) };
  });
  return { nodes, relationships, problems };
}
