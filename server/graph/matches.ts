// What the interests quiz, the skill match and the career comparison read: careers with their codes,
// fields, skills and subjects. One round trip each; the ranking itself is pure (server/scoring).
import type { Node } from 'neo4j-driver';
import { cachedReadQuery, type GraphContext } from './executor.ts';
import { toGraphNode } from './node-mapper.ts';
import type { CareerNode, FieldNode, GraphNode, SkillNode, SubjectNode } from './types.ts';
import type { Level } from './careers.ts';

const RIASEC_CAREERS = `
  MATCH (c:Career) WHERE c.retiredAt IS NULL
  RETURN c, COLLECT {
    MATCH (f:Field)-[:INCLUDES]->(c) WHERE f.retiredAt IS NULL RETURN f ORDER BY f.id
  } AS fields
  ORDER BY c.id`;

export interface RiasecCareerRow {
  career: CareerNode;
  fields: FieldNode[];
}

function asCareer(node: GraphNode): CareerNode {
  if (node.label !== 'Career') throw new Error(`expected a Career, got ${node.label} ${node.id}`);
  return node;
}

/** Every career that is not retired, with its Holland code and the fields that include it. */
export async function findRiasecCareers(ctx: GraphContext): Promise<RiasecCareerRow[]> {
  const rows = await cachedReadQuery<{ c: Node; fields: Node[] }>(ctx, RIASEC_CAREERS, {});
  return rows.map((r) => ({
    career: asCareer(toGraphNode(r.c)),
    fields: r.fields.map((f) => toGraphNode(f) as FieldNode),
  }));
}

const SKILLS_OF = (c: string) => `COLLECT {
    MATCH (${c})-[r:REQUIRES]->(k:Skill) WHERE k.retiredAt IS NULL
    RETURN {skill: k, importance: r.importance, level: r.level, why: r.why} ORDER BY r.importance DESC, k.name
  }`;

const SUBJECTS_OF = (c: string) => `COLLECT {
    MATCH (${c})-[r:DRAWS_ON]->(s:Subject) WHERE s.retiredAt IS NULL
    RETURN {subject: s, importance: r.importance, why: r.why} ORDER BY r.importance DESC, s.name
  }`;

const MATCH_CANDIDATES = `
  WITH [id IN $have WHERE NOT EXISTS { MATCH (k:Skill {id: id}) WHERE k.retiredAt IS NULL }] AS unknownSkills,
       [id IN $enjoy WHERE NOT EXISTS { MATCH (s:Subject {id: id}) WHERE s.retiredAt IS NULL }] AS unknownSubjects
  CALL () {
    MATCH (c:Career) WHERE c.retiredAt IS NULL AND (
      EXISTS { MATCH (c)-[:REQUIRES]->(k:Skill) WHERE k.id IN $have AND k.retiredAt IS NULL } OR
      EXISTS { MATCH (c)-[:DRAWS_ON]->(s:Subject) WHERE s.id IN $enjoy AND s.retiredAt IS NULL })
    WITH c ORDER BY c.id
    RETURN collect({career: c, skills: ${SKILLS_OF('c')}, subjects: ${SUBJECTS_OF('c')}}) AS careers
  }
  RETURN unknownSkills, unknownSubjects, careers,
    COLLECT { UNWIND $have AS id MATCH (k:Skill {id: id}) WHERE k.retiredAt IS NULL RETURN k } AS chosenSkills,
    COLLECT { UNWIND $enjoy AS id MATCH (s:Subject {id: id}) WHERE s.retiredAt IS NULL RETURN s } AS chosenSubjects`;

export interface NeedRow {
  skill: SkillNode;
  importance: number;
  level: Level;
  why: string;
}

export interface SubjectNeedRow {
  subject: SubjectNode;
  importance: number;
  why: string;
}

export interface CareerNeeds {
  career: CareerNode;
  skills: NeedRow[];
  subjects: SubjectNeedRow[];
}

interface RawNeeds {
  skills: { skill: Node; importance: number; level: Level; why: string }[];
  subjects: { subject: Node; importance: number; why: string }[];
}

function needsOf(career: Node, raw: RawNeeds): CareerNeeds {
  return {
    career: asCareer(toGraphNode(career)),
    skills: raw.skills.map((s) => ({ ...s, skill: toGraphNode(s.skill) as SkillNode })),
    subjects: raw.subjects.map((s) => ({ ...s, subject: toGraphNode(s.subject) as SubjectNode })),
  };
}

export interface MatchCandidates {
  chosenSkills: SkillNode[];
  chosenSubjects: SubjectNode[];
  unknownSkills: string[];
  unknownSubjects: string[];
  careers: CareerNeeds[];
}

/** Careers that use any of the skills or draw on any of the subjects, with all they need. */
export async function findMatchCandidates(
  ctx: GraphContext,
  have: readonly string[],
  enjoy: readonly string[],
): Promise<MatchCandidates> {
  const [row] = await cachedReadQuery<{
    unknownSkills: string[];
    unknownSubjects: string[];
    careers: ({ career: Node } & RawNeeds)[];
    chosenSkills: Node[];
    chosenSubjects: Node[];
  }>(ctx, MATCH_CANDIDATES, { have, enjoy });
  return {
    chosenSkills: (row?.chosenSkills ?? []).map((n) => toGraphNode(n) as SkillNode),
    chosenSubjects: (row?.chosenSubjects ?? []).map((n) => toGraphNode(n) as SubjectNode),
    unknownSkills: row?.unknownSkills ?? [],
    unknownSubjects: row?.unknownSubjects ?? [],
    careers: (row?.careers ?? []).map((c) => needsOf(c.career, c)),
  };
}

const COMPARE = `
  UNWIND range(0, size($ids) - 1) AS i
  OPTIONAL MATCH (c:Career {id: $ids[i]}) WHERE c.retiredAt IS NULL
  RETURN $ids[i] AS id, c, ${SKILLS_OF('c')} AS skills, ${SUBJECTS_OF('c')} AS subjects
  ORDER BY i`;

/** The careers in the order asked for; `missing` lists ids that are not (or no longer) careers. */
export async function findComparison(
  ctx: GraphContext,
  ids: readonly string[],
): Promise<{ careers: CareerNeeds[]; missing: string[] }> {
  const rows = await cachedReadQuery<{ id: string; c: Node | null } & RawNeeds>(ctx, COMPARE, { ids });
  const careers: CareerNeeds[] = [];
  const missing: string[] = [];
  for (const row of rows) {
    if (row.c) careers.push(needsOf(row.c, row));
    else missing.push(row.id);
  }
  return { careers, missing };
}
