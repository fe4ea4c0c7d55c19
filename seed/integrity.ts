// The rules a curated graph must keep beyond each record's shape: ids unique across kinds, every
// reference resolvable, enough of each kind, and no orphans (every career reachable from a subject).
import type { NodeLabel } from '../model/data-model.ts';
import { nodeRows, relationshipRows } from './graph-rows.ts';
import type { SeedData } from './read.ts';

export const MINIMUM_COUNTS: Readonly<Record<NodeLabel, number>> = {
  Subject: 20,
  Field: 40,
  Career: 150,
  Skill: 100,
  Course: 80,
  Application: 120,
};

/** A career must be this close to some subject over LEADS_TO → (PART_OF) → INCLUDES. */
export const MAX_HOPS_FROM_SUBJECT = 3;
export const MIN_CAREERS_PER_SUBJECT = 3;

export interface IntegrityReport {
  counts: Record<NodeLabel, number>;
  relationships: number;
  violations: string[];
}

export interface IntegrityOptions {
  /**
   * Curated careers must name a soft skill among their needs. O*NET's ratings are what they are: a
   * few occupations rate only technical skills at 3 of 5 or more, and the default graph keeps them so.
   */
  softSkillPerCareer?: boolean;
}

export function checkIntegrity(data: SeedData, options: IntegrityOptions = {}): IntegrityReport {
  const { softSkillPerCareer = true } = options;
  const violations: string[] = [];
  const labelOf = new Map<string, NodeLabel>();
  const counts = {} as Record<NodeLabel, number>;

  for (const [label, rows] of nodeRows(data)) {
    counts[label] = rows.length;
    for (const row of rows) {
      const existing = labelOf.get(row.id);
      if (existing)
        violations.push(`id "${row.id}" is used by a ${existing} and a ${label}; ids must be unique`);
      labelOf.set(row.id, label);
    }
    if (rows.length < MINIMUM_COUNTS[label]) {
      violations.push(`only ${rows.length} ${label} nodes; at least ${MINIMUM_COUNTS[label]} are wanted`);
    }
  }

  const relationships = relationshipRows(data);
  const seen = new Set<string>();
  for (const r of relationships) {
    for (const [end, id, label] of [
      ['from', r.from, r.fromLabel],
      ['to', r.to, r.toLabel],
    ] as const) {
      if (labelOf.get(id) !== label) {
        violations.push(`${r.type} ${r.from} → ${r.to}: ${end} "${id}" is not a known ${label}`);
      }
    }
    const key = `${r.type}:${r.from}:${r.to}`;
    if (seen.has(key)) violations.push(`${r.type} ${r.from} → ${r.to} is listed twice`);
    seen.add(key);
    if (r.type === 'RELATED_TO' && r.from === r.to)
      violations.push(`career "${r.from}" is related to itself`);
    // Similarity is symmetric and read in both directions, so each pair is listed once.
    if (r.type === 'RELATED_TO' && seen.has(`RELATED_TO:${r.to}:${r.from}`)) {
      violations.push(`RELATED_TO ${r.from} ↔ ${r.to} is listed in both directions; list it once`);
    }
  }

  const skillKind = new Map(data.skills.map((s) => [s.id, s.kind]));
  for (const c of data.careers) {
    if (softSkillPerCareer && !c.requires.some((r) => skillKind.get(r.skill) === 'soft')) {
      violations.push(`career "${c.id}" requires no soft skill`);
    }
    // USES lists the software people in a career work with; a hard or soft skill is REQUIRES.
    for (const u of c.uses) {
      const kind = skillKind.get(u.skill);
      if (kind !== undefined && kind !== 'tool')
        violations.push(`career "${c.id}" uses "${u.skill}", a ${kind} skill; USES ends at a tool`);
    }
  }
  for (const a of data.applications) {
    if (a.appliesSubjects.length + a.appliesSkills.length === 0) {
      violations.push(`application "${a.id}" applies no subject or skill`);
    }
  }
  for (const c of data.courses) {
    if (c.teachesSubjects.length + c.teachesSkills.length === 0)
      violations.push(`course "${c.id}" teaches nothing`);
  }

  violations.push(...reachabilityViolations(data));
  return { counts, relationships: relationships.length, violations };
}

function reachabilityViolations(data: SeedData): string[] {
  // Subject → Field (1 hop) → Career (2), or via a field's cluster: Subject → cluster ← sub-field → Career (3).
  const adjacency = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (!adjacency.has(a)) adjacency.set(a, new Set());
    adjacency.get(a)?.add(b);
  };
  for (const s of data.subjects) for (const l of s.leadsTo) link(s.id, l.field);
  for (const f of data.fields) {
    if (f.partOf) {
      link(f.id, f.partOf.field);
      link(f.partOf.field, f.id);
    }
  }
  const careerIds = new Set(data.careers.map((c) => c.id));
  for (const c of data.careers) for (const f of c.fields) link(f.field, c.id);

  const reached = new Set<string>();
  const violations: string[] = [];
  for (const s of data.subjects) {
    let frontier = [s.id];
    const visited = new Set(frontier);
    for (let hop = 0; hop < MAX_HOPS_FROM_SUBJECT; hop++) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const n of adjacency.get(id) ?? []) {
          // Careers end a walk: the model has no Career → Field step.
          if (!visited.has(n)) {
            visited.add(n);
            if (!careerIds.has(n)) next.push(n);
          }
        }
      }
      frontier = next;
    }
    const careers = [...visited].filter((id) => careerIds.has(id));
    careers.forEach((id) => reached.add(id));
    if (careers.length < MIN_CAREERS_PER_SUBJECT) {
      violations.push(
        `subject "${s.id}" leads to ${careers.length} careers; at least ${MIN_CAREERS_PER_SUBJECT} are wanted`,
      );
    }
  }
  for (const id of careerIds) {
    if (!reached.has(id)) {
      violations.push(
        `career "${id}" is not reachable from any subject within ${MAX_HOPS_FROM_SUBJECT} hops`,
      );
    }
  }
  return violations;
}
