// Reads and validates every seed file before anything touches the graph. A problem names the
// file, the record and the field, so a curator can go straight to it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { SEED_SCHEMAS as RECORD_SCHEMAS } from '../model/rules.ts';
import type { NodeLabel } from '../model/data-model.ts';
import type { SeedRecord } from '../model/types.ts';

export interface SeedData {
  subjects: SeedRecord<'Subject'>[];
  fields: SeedRecord<'Field'>[];
  skills: SeedRecord<'Skill'>[];
  careers: SeedRecord<'Career'>[];
  courses: SeedRecord<'Course'>[];
  applications: SeedRecord<'Application'>[];
  /**
   * Where a node or link came from, when not from the load's own `source` (a built graph mixes the
   * curated seed and O*NET): by node id, and by `type|from|to` for links. Stamped when created only.
   */
  sources?: SeedSources;
}

export interface SeedSources {
  nodes: ReadonlyMap<string, string>;
  links: ReadonlyMap<string, string>;
}

export const linkSourceKey = (type: string, from: string, to: string): string => `${type}|${from}|${to}`;

export type SeedKind = Exclude<keyof SeedData, 'sources'>;

/** The seed file (and SeedData key) each node kind is written in. */
export const SEED_KIND_OF_LABEL: { readonly [L in NodeLabel]: SeedKind } = {
  Subject: 'subjects',
  Field: 'fields',
  Skill: 'skills',
  Career: 'careers',
  Course: 'courses',
  Application: 'applications',
};

/** The schema each kind of seed record is checked with. */
export const SEED_SCHEMAS: { [K in SeedKind]: z.ZodType<SeedData[K][number]> } = {
  subjects: RECORD_SCHEMAS.Subject,
  fields: RECORD_SCHEMAS.Field,
  skills: RECORD_SCHEMAS.Skill,
  careers: RECORD_SCHEMAS.Career,
  courses: RECORD_SCHEMAS.Course,
  applications: RECORD_SCHEMAS.Application,
};

/** `careers.json` and `careers-anything.json` both hold careers. */
export function kindOfFile(fileName: string): SeedKind | undefined {
  const match = /^([a-z]+)(?:-[a-z0-9-]+)?\.json$/.exec(fileName);
  const kind = match?.[1];
  return kind && kind in SEED_SCHEMAS ? (kind as SeedKind) : undefined;
}

export class SeedFileError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The seed data has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SeedFileError';
  }
}

export interface SeedFiles {
  data: SeedData;
  /** Which file each record came from, for messages. */
  fileOf: Map<string, string>;
}

export function readSeedDirectory(dir: string): SeedFiles {
  const data: SeedData = { subjects: [], fields: [], skills: [], careers: [], courses: [], applications: [] };
  const fileOf = new Map<string, string>();
  const problems: string[] = [];

  for (const fileName of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const kind = kindOfFile(fileName);
    if (!kind) {
      problems.push(
        `${fileName}: unknown seed file; name it after its kind (${Object.keys(SEED_SCHEMAS).join(', ')})`,
      );
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(join(dir, fileName), 'utf8'));
    } catch (error) {
      problems.push(`${fileName}: not valid JSON: ${(error as Error).message}`);
      continue;
    }
    if (!Array.isArray(parsed)) {
      problems.push(`${fileName}: must hold a JSON array of records`);
      continue;
    }
    parsed.forEach((record: unknown, index) => {
      const id =
        typeof record === 'object' && record !== null && 'id' in record ? String(record.id) : `(no id)`;
      const result = SEED_SCHEMAS[kind].safeParse(record);
      if (!result.success) {
        for (const issue of result.error.issues) {
          const field = issue.path.length > 0 ? issue.path.join('.') : '(record)';
          problems.push(`${fileName}: record ${index + 1} "${id}": field ${field}: ${issue.message}`);
        }
        return;
      }
      (data[kind] as SeedData[SeedKind][number][]).push(result.data);
      fileOf.set(result.data.id, fileName);
    });
  }
  if (problems.length > 0) throw new SeedFileError(problems);
  return { data, fileOf };
}
