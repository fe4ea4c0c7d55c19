// A career with everything linked to it, and the skill gap between a student and a career; each one
// round trip, with COLLECT subqueries doing the joins inside Neo4j.
import type { Node } from 'neo4j-driver';
import { cachedReadQuery, type GraphContext } from './executor.ts';
import { toGraphNode } from './node-mapper.ts';
import type { GraphNode } from './types.ts';

export type Level = 'basic' | 'intermediate' | 'advanced';

/** Beginner-friendly first, then shorter courses. `skill` is a Cypher variable named by this module. */
const COURSES_FOR_SKILL = (skill: string, limit: number) => `
  COLLECT {
    MATCH (${skill})<-[t:TEACHES]-(co:Course) WHERE co.retiredAt IS NULL
    RETURN {course: co, teaches: ${skill}, level: t.level, why: t.why}
    ORDER BY CASE t.level WHEN 'basic' THEN 0 WHEN 'intermediate' THEN 1 ELSE 2 END, co.hours, co.name
    LIMIT ${limit}
  }`;

export const CAREER_DETAIL = `
  MATCH (c:Career {id: $id}) WHERE c.retiredAt IS NULL
  WITH c, COUNT { (:Career) } AS careers
  RETURN c,
    COLLECT {
      MATCH (f:Field)-[r:INCLUDES]->(c) WHERE f.retiredAt IS NULL
      RETURN {field: f, why: r.why} ORDER BY f.name
    } AS fields,
    COLLECT {
      MATCH (c)-[r:REQUIRES]->(k:Skill) WHERE k.retiredAt IS NULL
      RETURN {skill: k, importance: r.importance, level: r.level, why: r.why} ORDER BY r.importance DESC, k.name
    } AS skills,
    COLLECT {
      MATCH (c)-[r:DRAWS_ON]->(s:Subject) WHERE s.retiredAt IS NULL
      RETURN {subject: s, importance: r.importance, why: r.why} ORDER BY r.importance DESC, s.name
    } AS subjects,
    COLLECT {
      // What job postings for this career ask for first, then what employers ask for anywhere.
      MATCH (c)-[r:USES]->(k:Skill) WHERE k.retiredAt IS NULL
      RETURN {skill: k, inDemand: coalesce(r.inDemand, false), why: r.why}
      ORDER BY coalesce(r.inDemand, false) DESC, coalesce(k.hotTechnology, false) DESC, k.name
    } AS tools,
    COLLECT {
      // Courses for what sets this career apart: each skill or subject it needs, weighted by how rarely
      // careers need it (tf-idf), so Biology outranks Active Listening, which 900 careers need.
      CALL (c) {
        MATCH (c)-[q:REQUIRES]->(k:Skill)<-[t:TEACHES]-(co:Course)
        WHERE k.retiredAt IS NULL AND co.retiredAt IS NULL
        RETURN co, k AS taught, t, q.importance AS importance, COUNT { (k)<-[:REQUIRES]-() } AS demand
        UNION
        MATCH (c)-[d:DRAWS_ON]->(s:Subject)<-[t:TEACHES]-(co:Course)
        WHERE s.retiredAt IS NULL AND co.retiredAt IS NULL
        RETURN co, s AS taught, t, d.importance AS importance, COUNT { (s)<-[:DRAWS_ON]-() } AS demand
      }
      WITH co, taught, t, importance * log((1.0 + careers) / (1.0 + demand)) AS rank
      RETURN {course: co, teaches: taught, level: t.level, why: t.why}
      ORDER BY rank DESC, taught.name, co.name
      LIMIT 40
    } AS courses,
    COLLECT {
      MATCH (a:Application)-[u:USED_IN]->(c) WHERE a.retiredAt IS NULL
      RETURN {application: a, why: u.why} ORDER BY a.name
    } AS applications,
    COLLECT {
      MATCH (c)-[r:RELATED_TO]-(o:Career) WHERE o.retiredAt IS NULL
      WITH o, r ORDER BY r.score DESC
      // A pair may be related in both directions; keep the stronger link once.
      WITH o, head(collect(r)) AS r
      RETURN {career: o, score: r.score, why: r.why} ORDER BY r.score DESC, o.name
    } AS related`;

export const SKILL_GAP = `
  MATCH (c:Career {id: $career}) WHERE c.retiredAt IS NULL
  RETURN c,
    [id IN $have WHERE NOT EXISTS { MATCH (k:Skill {id: id}) WHERE k.retiredAt IS NULL }] AS unknown,
    COLLECT {
      MATCH (c)-[r:REQUIRES]->(k:Skill) WHERE k.retiredAt IS NULL AND k.id IN $have
      RETURN {skill: k, importance: r.importance, level: r.level, why: r.why} ORDER BY r.importance DESC, k.name
    } AS have,
    COLLECT {
      MATCH (c)-[r:REQUIRES]->(k:Skill) WHERE k.retiredAt IS NULL AND NOT k.id IN $have
      RETURN {skill: k, importance: r.importance, level: r.level, why: r.why, courses: ${COURSES_FOR_SKILL('k', 5)}}
      ORDER BY r.importance DESC, k.name
    } AS missing`;

export interface RequiredSkillResult {
  skill: GraphNode;
  importance: number;
  level: Level;
  why: string;
}

export interface CourseOfferResult {
  course: GraphNode;
  teaches: GraphNode;
  level: Level;
  why: string;
}

export interface CareerToolResult {
  skill: GraphNode;
  inDemand: boolean;
  why: string;
}

export interface CareerDetailResult {
  career: GraphNode;
  fields: { field: GraphNode; why: string }[];
  skills: RequiredSkillResult[];
  subjects: { subject: GraphNode; importance: number; why: string }[];
  tools: CareerToolResult[];
  courses: CourseOfferResult[];
  applications: { application: GraphNode; why: string }[];
  related: { career: GraphNode; score: number; why: string }[];
}

type Raw<T> = { [K in keyof T]: T[K] extends GraphNode ? Node : T[K] };

const skillOf = (r: Raw<RequiredSkillResult>): RequiredSkillResult => ({ ...r, skill: toGraphNode(r.skill) });
const offerOf = (r: Raw<CourseOfferResult>): CourseOfferResult => ({
  ...r,
  course: toGraphNode(r.course),
  teaches: toGraphNode(r.teaches),
});

export async function findCareerDetail(ctx: GraphContext, id: string): Promise<CareerDetailResult | null> {
  const [row] = await cachedReadQuery<{
    c: Node;
    fields: { field: Node; why: string }[];
    skills: Raw<RequiredSkillResult>[];
    subjects: { subject: Node; importance: number; why: string }[];
    tools: Raw<CareerToolResult>[];
    courses: Raw<CourseOfferResult>[];
    applications: { application: Node; why: string }[];
    related: { career: Node; score: number; why: string }[];
  }>(ctx, CAREER_DETAIL, { id });
  if (!row) return null;
  return {
    career: toGraphNode(row.c),
    fields: row.fields.map((f) => ({ ...f, field: toGraphNode(f.field) })),
    skills: row.skills.map(skillOf),
    subjects: row.subjects.map((s) => ({ ...s, subject: toGraphNode(s.subject) })),
    tools: row.tools.map((t) => ({ ...t, skill: toGraphNode(t.skill) })),
    courses: row.courses.map(offerOf),
    applications: row.applications.map((a) => ({ ...a, application: toGraphNode(a.application) })),
    related: row.related.map((r) => ({ ...r, career: toGraphNode(r.career) })),
  };
}

export interface SkillGapResult {
  career: GraphNode;
  unknown: string[];
  have: RequiredSkillResult[];
  missing: (RequiredSkillResult & { courses: CourseOfferResult[] })[];
}

export async function findSkillGap(
  ctx: GraphContext,
  career: string,
  have: readonly string[],
): Promise<SkillGapResult | null> {
  const [row] = await cachedReadQuery<{
    c: Node;
    unknown: string[];
    have: Raw<RequiredSkillResult>[];
    missing: (Raw<RequiredSkillResult> & { courses: Raw<CourseOfferResult>[] })[];
  }>(ctx, SKILL_GAP, { career, have });
  if (!row) return null;
  return {
    career: toGraphNode(row.c),
    unknown: row.unknown,
    have: row.have.map(skillOf),
    missing: row.missing.map((m) => ({ ...skillOf(m), courses: m.courses.map(offerOf) })),
  };
}
