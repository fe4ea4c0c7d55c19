// Turns the curated files (relationships written beside the node that owns them) into the rows the
// loader writes: node rows per label and relationship rows per type, each with a content hash.
import { createHash } from 'node:crypto';
import type { NodeLabel, RelationshipType } from '../model/data-model.ts';
import type { SeedData } from './read.ts';

export type { Properties, PropertyValue } from '../model/values.ts';
import type { Properties } from '../model/values.ts';

export interface NodeRow {
  id: string;
  props: Properties;
  hash: string;
}

export interface RelationshipRow {
  type: RelationshipType;
  fromLabel: NodeLabel;
  toLabel: NodeLabel;
  from: string;
  to: string;
  props: Properties;
  hash: string;
}

function hashOf(props: Properties): string {
  return createHash('sha256').update(JSON.stringify(props)).digest('hex').slice(0, 32);
}

function node(id: string, props: Properties): NodeRow {
  return { id, props, hash: hashOf(props) };
}

export function nodeRows(data: SeedData): Map<NodeLabel, NodeRow[]> {
  const base = (n: { name: string; description: string; aliases: string[] }) => ({
    name: n.name,
    description: n.description,
    aliases: n.aliases,
  });
  return new Map<NodeLabel, NodeRow[]>([
    ['Subject', data.subjects.map((s) => node(s.id, base(s)))],
    ['Field', data.fields.map((f) => node(f.id, base(f)))],
    ['Skill', data.skills.map((s) => node(s.id, { ...base(s), kind: s.kind }))],
    [
      'Career',
      data.careers.map((c) =>
        node(c.id, {
          ...base(c),
          onetSoc: c.onetSoc,
          jobZone: c.jobZone,
          education: c.education,
          riasec: c.riasec,
          outlook: c.outlook,
          outlookNote: c.outlookNote,
        }),
      ),
    ],
    [
      'Course',
      data.courses.map((c) =>
        node(c.id, { ...base(c), provider: c.provider, format: c.format, level: c.level, hours: c.hours }),
      ),
    ],
    [
      'Application',
      data.applications.map((a) =>
        node(a.id, { ...base(a), example: a.example, reflectionPrompt: a.reflectionPrompt }),
      ),
    ],
  ]);
}

export function relationshipRows(data: SeedData): RelationshipRow[] {
  const rows: RelationshipRow[] = [];
  const add = (
    type: RelationshipType,
    fromLabel: NodeLabel,
    from: string,
    toLabel: NodeLabel,
    to: string,
    props: Properties,
  ) => rows.push({ type, fromLabel, toLabel, from, to, props, hash: hashOf(props) });

  for (const s of data.subjects) {
    for (const l of s.leadsTo)
      add('LEADS_TO', 'Subject', s.id, 'Field', l.field, { why: l.why, weight: l.weight });
    for (const d of s.develops)
      add('DEVELOPS', 'Subject', s.id, 'Skill', d.skill, { why: d.why, weight: d.weight });
  }
  for (const f of data.fields) {
    if (f.partOf) add('PART_OF', 'Field', f.id, 'Field', f.partOf.field, { why: f.partOf.why });
  }
  for (const c of data.careers) {
    for (const f of c.fields) add('INCLUDES', 'Field', f.field, 'Career', c.id, { why: f.why });
    for (const r of c.requires) {
      add('REQUIRES', 'Career', c.id, 'Skill', r.skill, {
        why: r.why,
        importance: r.importance,
        level: r.level,
      });
    }
    for (const d of c.drawsOn) {
      add('DRAWS_ON', 'Career', c.id, 'Subject', d.subject, { why: d.why, importance: d.importance });
    }
    for (const r of c.relatedTo)
      add('RELATED_TO', 'Career', c.id, 'Career', r.career, { why: r.why, score: r.score });
  }
  for (const c of data.courses) {
    for (const t of c.teachesSubjects)
      add('TEACHES', 'Course', c.id, 'Subject', t.subject, { why: t.why, level: t.level });
    for (const t of c.teachesSkills)
      add('TEACHES', 'Course', c.id, 'Skill', t.skill, { why: t.why, level: t.level });
  }
  for (const a of data.applications) {
    for (const s of a.appliesSubjects)
      add('APPLIED_IN', 'Subject', s.subject, 'Application', a.id, { why: s.why });
    for (const s of a.appliesSkills) add('APPLIED_IN', 'Skill', s.skill, 'Application', a.id, { why: s.why });
    for (const u of a.usedIn) add('USED_IN', 'Application', a.id, 'Career', u.career, { why: u.why });
  }
  return rows;
}
