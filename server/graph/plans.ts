// Students' action plans, saved without an account as :Plan nodes whose random id is the only key.
// A plan keeps its milestones as one JSON document and lists the graph ids they refer to in `refs`,
// so reading a plan also tells which of those nodes were retired (or are gone) since it was made.
import type { Node } from 'neo4j-driver';
import { z } from 'zod';
import { readQuery, type GraphContext } from './executor.ts';
import { labelOf } from './node-mapper.ts';
import { ENTITY_LABEL, type NodeLabel } from './model.ts';
import { run, writeTransaction } from './writer.ts';
import type { Level } from './careers.ts';
import type { CareerNode, CourseNode, GraphNode, SkillNode, SubjectNode, ApplicationNode } from './types.ts';
import { toGraphNode } from './node-mapper.ts';

import { PLAN_LABEL } from './database-schema.ts';

export const MILESTONE_KINDS = ['subject', 'course', 'application', 'soft-skill', 'mentor', 'own'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

const storedMilestone = z.object({
  id: z.string(),
  kind: z.enum(MILESTONE_KINDS),
  title: z.string(),
  why: z.string(),
  ref: z.string().nullable(),
  refName: z.string().nullable(),
  hours: z.number().nullable(),
  due: z.string().nullable(),
  done: z.boolean(),
  note: z.string(),
});
export type StoredMilestone = z.infer<typeof storedMilestone>;
const storedMilestones = z.array(storedMilestone);

export interface PlanContent {
  title: string;
  /** The career the plan works towards, by id, and its name when the plan was made. */
  goal: string | null;
  goalName: string | null;
  milestones: StoredMilestone[];
}

/** A node a plan refers to, as it is now. */
export interface PlanRefState {
  id: string;
  name: string;
  label: NodeLabel;
  retiredAt: string | null;
}

export interface StoredPlan extends PlanContent {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Every referenced id that is still in the graph (retired or not); ids absent here are gone. */
  refs: Map<string, PlanRefState>;
}

const refsOf = (content: PlanContent): string[] => [
  ...new Set([content.goal, ...content.milestones.map((m) => m.ref)].filter((r): r is string => r !== null)),
];

const PLAN_RETURN = `
  RETURN p {.id, .version, .title, .goal, .goalName, .milestones, .createdAt, .updatedAt} AS plan,
    COLLECT { MATCH (n:${ENTITY_LABEL}) WHERE n.id IN p.refs RETURN n } AS refs`;

interface PlanRow {
  plan: {
    id: string;
    version: number | bigint;
    title: string;
    goal: string | null;
    goalName: string | null;
    milestones: string;
    createdAt: string;
    updatedAt: string;
  };
  refs: Node[];
}

function toPlan(row: PlanRow): StoredPlan {
  const refs = new Map<string, PlanRefState>();
  for (const node of row.refs) {
    const props = node.properties as Record<string, unknown>;
    const id = String(props.id);
    refs.set(id, {
      id,
      name: String(props.name ?? id),
      label: labelOf(node.labels),
      retiredAt: typeof props.retiredAt === 'string' ? props.retiredAt : null,
    });
  }
  return {
    id: row.plan.id,
    version: Number(row.plan.version),
    title: row.plan.title,
    goal: row.plan.goal ?? null,
    goalName: row.plan.goalName ?? null,
    milestones: storedMilestones.parse(JSON.parse(row.plan.milestones)),
    createdAt: row.plan.createdAt,
    updatedAt: row.plan.updatedAt,
    refs,
  };
}

export async function findPlan(ctx: GraphContext, id: string): Promise<StoredPlan | null> {
  // A plan may have been made or changed a moment ago through another API server.
  const [row] = await readQuery<PlanRow>(
    ctx,
    `MATCH (p:${PLAN_LABEL} {id: $id}) ${PLAN_RETURN}`,
    { id },
    { fresh: true },
  );
  return row ? toPlan(row) : null;
}

export async function insertPlan(ctx: GraphContext, id: string, content: PlanContent): Promise<StoredPlan> {
  const at = new Date().toISOString();
  return writeTransaction(ctx, async (tx) => {
    const [row] = await run<PlanRow & Record<string, unknown>>(
      tx,
      `CREATE (p:${PLAN_LABEL} {id: $id, version: 1, title: $title, goal: $goal, goalName: $goalName,
         milestones: $milestones, refs: $refs, createdAt: $at, updatedAt: $at})
       ${PLAN_RETURN}`,
      {
        id,
        title: content.title,
        goal: content.goal,
        goalName: content.goalName,
        milestones: JSON.stringify(content.milestones),
        refs: refsOf(content),
        at,
      },
    );
    if (!row) throw new Error('CREATE returned no plan');
    return toPlan(row);
  });
}

export type PlanUpdate =
  | { outcome: 'updated'; plan: StoredPlan }
  | { outcome: 'not-found' }
  | { outcome: 'stale'; version: number }
  | { outcome: 'unknown-refs'; ids: string[] };

/**
 * Replaces a plan's title and milestones when `version` is still current. A milestone may refer only
 * to ids in the graph, or to ids the plan already referred to (which may since have gone).
 */
export async function replacePlan(
  ctx: GraphContext,
  id: string,
  version: number,
  content: Omit<PlanContent, 'goal' | 'goalName'>,
): Promise<PlanUpdate> {
  return writeTransaction(ctx, async (tx) => {
    const [current] = await run<{
      version: number | bigint;
      refs: string[];
      goal: string | null;
      milestones: string;
    }>(
      tx,
      `MATCH (p:${PLAN_LABEL} {id: $id})
       RETURN p.version AS version, p.refs AS refs, p.goal AS goal, p.milestones AS milestones`,
      { id },
    );
    if (!current) return { outcome: 'not-found' };
    if (Number(current.version) !== version) return { outcome: 'stale', version: Number(current.version) };
    const known = new Set(current.refs);
    const asked = [...new Set(content.milestones.map((m) => m.ref).filter((r): r is string => r !== null))];
    const [check] = await run<{ unknown: string[]; names: { id: string; name: string }[] }>(
      tx,
      `RETURN [r IN $asked WHERE NOT r IN $known AND NOT EXISTS { MATCH (n:${ENTITY_LABEL} {id: r}) }] AS unknown,
         COLLECT { MATCH (n:${ENTITY_LABEL}) WHERE n.id IN $asked RETURN {id: n.id, name: n.name} } AS names`,
      { asked, known: [...known] },
    );
    if (check && check.unknown.length > 0) return { outcome: 'unknown-refs', ids: check.unknown };
    // A milestone keeps the name of what it refers to, so it still reads well if that node goes.
    const names = new Map<string, string | null>(
      storedMilestones.parse(JSON.parse(current.milestones)).map((m) => [m.ref ?? '', m.refName]),
    );
    for (const n of check?.names ?? []) names.set(n.id, n.name);
    content = {
      ...content,
      milestones: content.milestones.map((m) => ({
        ...m,
        refName: m.ref ? (names.get(m.ref) ?? null) : null,
      })),
    };
    const refs = refsOf({ ...content, goal: current.goal, goalName: null });
    const [row] = await run<PlanRow & Record<string, unknown>>(
      tx,
      `MATCH (p:${PLAN_LABEL} {id: $id})
       SET p.version = p.version + 1, p.title = $title, p.milestones = $milestones, p.refs = $refs,
           p.updatedAt = $at
       ${PLAN_RETURN}`,
      {
        id,
        title: content.title,
        milestones: JSON.stringify(content.milestones),
        refs,
        at: new Date().toISOString(),
      },
    );
    if (!row) return { outcome: 'not-found' };
    return { outcome: 'updated', plan: toPlan(row) };
  });
}

/** True when there was such a plan; it is gone for good afterwards. */
export async function deletePlan(ctx: GraphContext, id: string): Promise<boolean> {
  return writeTransaction(ctx, async (tx) => {
    const [row] = await run<{ deleted: number | bigint }>(
      tx,
      `OPTIONAL MATCH (p:${PLAN_LABEL} {id: $id})
       WITH p, CASE WHEN p IS NULL THEN 0 ELSE 1 END AS deleted
       DETACH DELETE p
       RETURN deleted`,
      { id },
    );
    return Number(row?.deleted ?? 0) === 1;
  });
}

// What a plan for a career is made from: one read.
const PLAN_SOURCE = `
  MATCH (c:Career {id: $career}) WHERE c.retiredAt IS NULL
  RETURN c,
    [id IN $have WHERE NOT EXISTS { MATCH (k:Skill {id: id}) WHERE k.retiredAt IS NULL }] AS unknown,
    COLLECT {
      MATCH (c)-[r:DRAWS_ON]->(s:Subject) WHERE s.retiredAt IS NULL
      RETURN {subject: s, importance: r.importance, why: r.why} ORDER BY r.importance DESC, s.name LIMIT 3
    } AS subjects,
    COLLECT {
      MATCH (c)-[r:REQUIRES]->(k:Skill) WHERE k.retiredAt IS NULL AND NOT k.id IN $have
      RETURN {skill: k, importance: r.importance, level: r.level, why: r.why, courses: COLLECT {
        MATCH (k)<-[t:TEACHES]-(co:Course) WHERE co.retiredAt IS NULL
        RETURN {course: co, why: t.why, level: t.level}
        ORDER BY CASE t.level WHEN 'basic' THEN 0 WHEN 'intermediate' THEN 1 ELSE 2 END, co.hours, co.name
        LIMIT 3
      }}
      ORDER BY r.importance DESC, k.name
    } AS missing,
    COLLECT {
      MATCH (a:Application)-[u:USED_IN]->(c) WHERE a.retiredAt IS NULL
      RETURN {application: a, why: u.why} ORDER BY a.name LIMIT 3
    } AS applications,
    COLLECT {
      MATCH (s:Subject {id: $subject}) WHERE s.retiredAt IS NULL
      RETURN {
        subject: s,
        drawsOn: head(COLLECT { MATCH (c)-[d:DRAWS_ON]->(s) RETURN d.why }),
        path: head(COLLECT {
          MATCH (s)-[l:LEADS_TO]->(top:Field) WHERE top.retiredAt IS NULL
          MATCH (f:Field)-[:INCLUDES]->(c) WHERE f.retiredAt IS NULL AND (f = top OR (f)-[:PART_OF]->(top))
          RETURN {field: top.name, why: l.why} ORDER BY l.weight DESC, top.name
        })
      }
    } AS start`;

export interface PlanSource {
  career: CareerNode;
  unknown: string[];
  subjects: { subject: SubjectNode; importance: number; why: string }[];
  missing: {
    skill: SkillNode;
    importance: number;
    level: Level;
    why: string;
    courses: { course: CourseNode; why: string; level: Level }[];
  }[];
  applications: { application: ApplicationNode; why: string }[];
  /** The subject the plan starts from, when one was asked for and exists: why it leads here. */
  start: {
    subject: SubjectNode;
    drawsOn: string | null;
    path: { field: string; why: string } | null;
  } | null;
}

const as = <N extends GraphNode>(node: Node) => toGraphNode(node) as N;

export async function findPlanSource(
  ctx: GraphContext,
  career: string,
  have: readonly string[],
  subject: string | null = null,
): Promise<PlanSource | null> {
  const [row] = await readQuery<{
    c: Node;
    unknown: string[];
    subjects: { subject: Node; importance: number; why: string }[];
    missing: {
      skill: Node;
      importance: number;
      level: Level;
      why: string;
      courses: { course: Node; why: string; level: Level }[];
    }[];
    applications: { application: Node; why: string }[];
    start: { subject: Node; drawsOn: string | null; path: { field: string; why: string } | null }[];
  }>(ctx, PLAN_SOURCE, { career, have, subject });
  if (!row) return null;
  return {
    career: as<CareerNode>(row.c),
    unknown: row.unknown,
    subjects: row.subjects.map((s) => ({ ...s, subject: as<SubjectNode>(s.subject) })),
    missing: row.missing.map((m) => ({
      ...m,
      skill: as<SkillNode>(m.skill),
      courses: m.courses.map((c) => ({ ...c, course: as<CourseNode>(c.course) })),
    })),
    applications: row.applications.map((a) => ({ ...a, application: as<ApplicationNode>(a.application) })),
    start: row.start[0] ? { ...row.start[0], subject: as<SubjectNode>(row.start[0].subject) } : null,
  };
}
