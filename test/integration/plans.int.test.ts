// The student tools over real HTTP against the real Neo4j: the interests quiz, skill match, career
// comparison, and anonymous plans (create, read, update, conflicts, delete, limits), including what a
// plan shows when a node it refers to is retired or removed. Probe nodes get random ids.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CompareCareersDocument,
  CreateNodeDocument,
  CreatePlanDocument,
  DeletePlanDocument,
  InterestMatchesDocument,
  PlanDocument,
  QuizItemsDocument,
  RetireNodeDocument,
  SkillMatchesDocument,
  UpdatePlanDocument,
  type CreatePlanInput,
  type MilestoneInput,
  type PlanFieldsFragment,
  type UpdatePlanInput,
} from '../../client/src/api/generated/graphql.ts';
import { QUIZ_ITEMS } from '../../server/scoring/riasec.ts';
import { CreatePlanFullDocument } from '../generated/graphql.ts';
import { codeOf, useHarness } from '../support/harness.ts';

const api = useHarness();
const { cypher } = api;

afterAll(async () => {
  await cypher('MATCH (p:Plan) WHERE p.id IN $ids DETACH DELETE p', { ids: made });
});

const answers = (value: (letter: string) => number) =>
  QUIZ_ITEMS.map((i) => ({ item: i.id, value: value(i.letter) }));

describe('interests quiz', () => {
  it('serves thirty items', async () => {
    const result = await api.request(QuizItemsDocument);
    expect(result.data?.quizItems.map((i) => i.id)).toEqual(QUIZ_ITEMS.map((i) => i.id));
  });

  it('ranks careers by the fit of their Holland codes, with reasons', async () => {
    // I all 5 → 1, R all 4 → 0.75, C all 3 → 0.5, the rest 0.
    const values: Record<string, number> = { I: 5, R: 4, C: 3 };
    const result = await api.request(InterestMatchesDocument, {
      answers: answers((l) => values[l] ?? 1),
      first: 50,
    });
    expect(result.errors).toBeUndefined();
    const matches = result.data!.interestMatches;
    expect(matches.code).toBe('IRC');
    expect(matches.profile[0]).toMatchObject({ interest: 'INVESTIGATIVE', letter: 'I', score: 1 });
    // Best first, and every fit as the 3-2-1 formula gives it from the career's own code.
    const scores: Record<string, number> = { I: 1, R: 0.75, C: 0.5 };
    for (const m of matches.careers) {
      const letters = [...(m.career.riasec ?? '')];
      const weights = [3, 2, 1].slice(0, letters.length);
      const expected =
        letters.reduce((sum, l, i) => sum + (weights[i] ?? 0) * (scores[l] ?? 0), 0) /
        weights.reduce((a, b) => a + b, 0);
      expect(m.fit).toBeCloseTo(expected, 10);
    }
    const fits = matches.careers.map((m) => m.fit);
    expect(fits).toEqual([...fits].sort((a, b) => b - a));
    expect(matches.careers[0]?.reason).toMatch(/^You scored high on Investigative \(100%\)/);
    for (const m of matches.careers) expect(m.reason).toContain(`${m.career.name} is ${m.career.riasec}:`);
    expect(matches.fields.length).toBeGreaterThan(0);
    const firstField = matches.fields[0]!;
    expect(firstField.fit).toBeCloseTo(
      firstField.careers.reduce((s, c) => s + c.fit, 0) / firstField.careers.length,
      10,
    );
  });

  it('names the item that is wrong', async () => {
    const bad = answers(() => 3).map((a) => (a.item === 'e2' ? { ...a, value: 9 } : a));
    const result = await api.request(InterestMatchesDocument, { answers: bad });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions).toMatchObject({ argument: 'answers', item: 'e2' });
    const missing = await api.request(InterestMatchesDocument, { answers: answers(() => 3).slice(1) });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', item: 'r1' });
  });
});

describe('skill match and comparison', () => {
  const skillMatches = (have: string[], enjoy?: string[]) =>
    api.request(SkillMatchesDocument, { have, enjoy, first: 50 });

  it('ranks careers by the skills the student has, and lists what is missing by importance', async () => {
    const have = ['data-analysis', 'critical-thinking', 'writing'];
    const result = await skillMatches(have);
    expect(result.errors).toBeUndefined();
    const matches = result.data!.skillMatches.matches;
    expect(matches.length).toBeGreaterThan(3);
    for (const m of matches.slice(0, 5)) {
      const rows = await cypher<{ id: string; importance: number }>(
        `MATCH (:Career {id: $id})-[r:REQUIRES]->(k:Skill) WHERE k.retiredAt IS NULL
         RETURN k.id AS id, r.importance AS importance`,
        { id: m.career.id },
      );
      const owned = rows.filter((r) => have.includes(r.id));
      expect(m.haveCount).toBe(owned.length);
      expect(m.skillCount).toBe(rows.length);
      const total = rows.reduce((s, r) => s + r.importance, 0);
      expect(m.coverage).toBeCloseTo(owned.reduce((s, r) => s + r.importance, 0) / total, 10);
      expect(m.reason).toContain(`You have ${owned.length} of the ${rows.length} skills`);
      const importances = m.missing.map((s) => s.importance);
      expect(importances).toEqual([...importances].sort((a, b) => b - a));
      expect(m.missing.some((s) => have.includes(s.skill.id))).toBe(false);
    }
    const scores = matches.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('refuses unknown skills and subjects, naming the argument', async () => {
    const skill = await skillMatches(['no-such-skill']);
    expect(skill.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'have' });
    const subject = await skillMatches([], ['writing']);
    expect(subject.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'enjoy' });
  });

  it('compares careers side by side', async () => {
    const compare = (ids: string[]) => api.request(CompareCareersDocument, { ids });
    const ids = ['hydrologist', 'environmental-scientist'];
    const result = await compare(ids);
    expect(result.errors).toBeUndefined();
    const [a, b] = result.data!.compareCareers.careers;
    expect([a?.career.id, b?.career.id]).toEqual(ids);
    const [row] = await cypher<{ shared: string[] }>(
      `MATCH (:Career {id: $a})-[:REQUIRES]->(k:Skill)<-[:REQUIRES]-(:Career {id: $b}) WHERE k.retiredAt IS NULL
       RETURN collect(k.id) AS shared`,
      { a: ids[0], b: ids[1] },
    );
    expect(result.data!.compareCareers.sharedSkills.map((s) => s.id).sort()).toEqual([...row!.shared].sort());
    const aSkills = new Set(a!.skills.map((s) => s.skill.id));
    const bSkills = new Set(b!.skills.map((s) => s.skill.id));
    expect(a!.distinctSkills.map((s) => s.id).sort()).toEqual(
      [...aSkills].filter((s) => !bSkills.has(s)).sort(),
    );

    expect(codeOf(await compare(['hydrologist']))).toBe('BAD_USER_INPUT');
    expect(codeOf(await compare(['hydrologist', 'no-such-career']))).toBe('NOT_FOUND');
  });
});

type Plan = PlanFieldsFragment;
type Milestone = Plan['milestones'][number];

const readPlan = (id: string) => api.request(PlanDocument, { id });
const updatePlan = (id: string, version: number, input: UpdatePlanInput) =>
  api.request(UpdatePlanDocument, { id, version, input });

/** A milestone as updatePlan takes it back. */
const asInput = (m: Milestone): MilestoneInput => ({
  id: m.id,
  kind: m.kind,
  title: m.title,
  why: m.why,
  ref: m.ref?.id ?? null,
  hours: m.hours,
  due: m.due,
  done: m.done,
  note: m.note,
});

/** Every plan this file makes, deleted after, so other test files see no plans of ours. */
const made: string[] = [];

async function createPlan(input: CreatePlanInput): Promise<Plan> {
  const result = await api.request(CreatePlanFullDocument, { input });
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  made.push(result.data.createPlan.id);
  return result.data.createPlan;
}

describe('plans', () => {
  it('generates a plan for a career in a sensible order, without signing in', async () => {
    const plan = await createPlan({ career: 'hydrologist', start: '2026-09-01' });
    expect(plan.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(plan.version).toBe(1);
    expect(plan.goal).toMatchObject({ id: 'hydrologist', status: 'ACTIVE' });
    const kinds = plan.milestones.map((m) => m.kind);
    const order = ['SUBJECT', 'COURSE', 'APPLICATION', 'SOFT_SKILL', 'MENTOR'];
    expect(kinds.map((k) => order.indexOf(k))).toEqual([...kinds.map((k) => order.indexOf(k))].sort());
    expect(kinds.at(-1)).toBe('MENTOR');

    const subjects = await cypher<{ id: string }>(
      `MATCH (:Career {id: 'hydrologist'})-[r:DRAWS_ON]->(s:Subject) WHERE s.retiredAt IS NULL
       RETURN s.id AS id ORDER BY r.importance DESC, s.name LIMIT 2`,
    );
    expect(plan.milestones.filter((m) => m.kind === 'SUBJECT').map((m) => m.ref?.id)).toEqual(
      subjects.map((s) => s.id),
    );
    const courses = plan.milestones.filter((m) => m.kind === 'COURSE');
    expect(courses.length).toBeGreaterThan(0);
    for (const c of courses) {
      const [row] = await cypher<{ hours: number }>('MATCH (c:Course {id: $id}) RETURN c.hours AS hours', {
        id: c.ref?.id,
      });
      expect(c.hours).toBe(row!.hours);
      expect(c.title).toContain(`about ${row!.hours} hours`);
    }
    expect(plan.milestones.every((m) => m.why.length > 10 && m.due !== null && !m.done)).toBe(true);
    const dues = plan.milestones.map((m) => m.due!);
    expect(dues).toEqual([...dues].sort());
    expect(dues[0]! > '2026-09-01').toBe(true);

    const read = await readPlan(plan.id);
    expect(read.data?.plan).toEqual(plan);
  });

  it('starts a plan made from a subject → field → career path with that subject', async () => {
    const plan = await createPlan({ career: 'hydrologist', subject: 'physics' });
    expect(plan.milestones[0]).toMatchObject({ kind: 'SUBJECT', ref: { id: 'physics', status: 'ACTIVE' } });
    const [row] = await cypher<{ why: string | null }>(
      "OPTIONAL MATCH (:Career {id: 'hydrologist'})-[d:DRAWS_ON]->(:Subject {id: 'physics'}) RETURN d.why AS why",
    );
    if (row?.why) expect(plan.milestones[0]?.why).toBe(row.why);
    else expect(plan.milestones[0]?.why).toMatch(/^Physics leads to |^You chose to start from Physics/);
    const bad = await api.request(CreatePlanDocument, {
      input: { career: 'hydrologist', subject: 'no-such-subject' },
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.subject' });
  });

  it('leaves out courses for skills the student already has', async () => {
    const full = await createPlan({ career: 'hydrologist' });
    const courseWhys = (plan: Plan) => plan.milestones.filter((m) => m.kind === 'COURSE').map((m) => m.why);
    const [skill] = await cypher<{ id: string; name: string }>(
      `MATCH (:Career {id: 'hydrologist'})-[r:REQUIRES]->(k:Skill) WHERE k.name IN $names
       RETURN k.id AS id, k.name AS name LIMIT 1`,
      { names: courseWhys(full).map((why) => /^It teaches (.+?), which/.exec(why)?.[1] ?? '') },
    );
    expect(skill).toBeDefined();
    expect(courseWhys(full).some((why) => why.startsWith(`It teaches ${skill!.name},`))).toBe(true);
    const fewer = await createPlan({ career: 'hydrologist', have: [skill!.id] });
    expect(courseWhys(fewer).some((why) => why.startsWith(`It teaches ${skill!.name},`))).toBe(false);
  });

  it('saves reordering, edits, notes, ticks and new milestones, and refuses a stale version', async () => {
    const plan = await createPlan({ career: 'hydrologist' });
    const [first, second, ...rest] = plan.milestones.map(asInput);
    const milestones: MilestoneInput[] = [
      second!,
      { ...first!, done: true, note: 'Asked my teacher about the field trip.' },
      ...rest,
      { kind: 'OWN', title: 'Visit the river monitoring station open day', due: '2027-03-14' },
    ];
    const result = await updatePlan(plan.id, 1, { title: 'Becoming a hydrologist', milestones });
    expect(result.errors).toBeUndefined();
    const updated = result.data!.updatePlan;
    expect(updated.version).toBe(2);
    expect(updated.title).toBe('Becoming a hydrologist');
    expect(updated.milestones.map((m) => m.id).slice(0, 2)).toEqual([second!.id, first!.id]);
    expect(updated.milestones[1]).toMatchObject({
      done: true,
      note: 'Asked my teacher about the field trip.',
    });
    const added = updated.milestones.at(-1)!;
    expect(added).toMatchObject({ kind: 'OWN', ref: null, due: '2027-03-14', done: false });
    expect(added.id).toMatch(/^[A-Za-z0-9_-]+$/);

    const stale = await updatePlan(plan.id, 1, { title: 'Lost edit', milestones: [] });
    expect(codeOf(stale)).toBe('CONFLICT');
    const read = await readPlan(plan.id);
    expect(read.data?.plan.title).toBe('Becoming a hydrologist');
  });

  it('checks every field and the size limits, naming the field', async () => {
    const plan = await createPlan({ career: 'hydrologist' });
    const update = (input: UpdatePlanInput) => updatePlan(plan.id, plan.version, input);
    const base = plan.milestones.map(asInput);
    const cases: [UpdatePlanInput, string][] = [
      [{ title: '', milestones: base }, 'input.title'],
      [{ title: 'x'.repeat(121), milestones: base }, 'input.title'],
      [
        { title: 'ok', milestones: Array.from({ length: 41 }, () => ({ kind: 'OWN', title: 'step' })) },
        'input.milestones',
      ],
      [
        { title: 'ok', milestones: [{ kind: 'OWN', title: 'step', due: '2026-02-30' }] },
        'input.milestones[0].due',
      ],
      [
        { title: 'ok', milestones: [{ kind: 'OWN', title: 'step', note: 'n'.repeat(2001) }] },
        'input.milestones[0].note',
      ],
      [
        { title: 'ok', milestones: [{ kind: 'OWN', title: 'step', ref: 'no-such-node' }] },
        'input.milestones',
      ],
      [
        { title: 'ok', milestones: [{ kind: 'OWN', title: 'step', ref: 'Not An Id' }] },
        'input.milestones[0].ref',
      ],
      [{ title: 'ok', milestones: [base[0]!, { ...base[1]!, id: base[0]!.id }] }, 'input.milestones[1].id'],
    ];
    for (const [input, argument] of cases) {
      const result = await update(input);
      expect(result.errors?.[0]?.extensions, argument).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
    const read = await readPlan(plan.id);
    expect(read.data?.plan.version).toBe(plan.version);

    const create = (input: CreatePlanInput) => api.request(CreatePlanDocument, { input });
    expect(codeOf(await create({ career: 'no-such-career' }))).toBe('NOT_FOUND');
    expect(codeOf(await create({ career: 'hydrologist', start: 'soon' }))).toBe('BAD_USER_INPUT');
  });

  it('answers NOT_FOUND for unknown plans and BAD_USER_INPUT for malformed ids', async () => {
    const unknown = 'A'.repeat(22);
    expect(codeOf(await readPlan(unknown))).toBe('NOT_FOUND');
    expect(codeOf(await api.request(DeletePlanDocument, { id: unknown }))).toBe('NOT_FOUND');
    expect(codeOf(await updatePlan(unknown, 1, { title: 'x', milestones: [] }))).toBe('NOT_FOUND');
    expect(codeOf(await readPlan('hydrologist'))).toBe('BAD_USER_INPUT');
  });

  it('deletes a plan for good', async () => {
    const plan = await createPlan({ career: 'hydrologist' });
    const deleted = await api.request(DeletePlanDocument, { id: plan.id });
    expect(deleted.data?.deletePlan).toBe(true);
    expect(codeOf(await readPlan(plan.id))).toBe('NOT_FOUND');
    const rows = await cypher<{ n: number }>('MATCH (p:Plan {id: $id}) RETURN count(p) AS n', {
      id: plan.id,
    });
    expect(rows[0]?.n).toBe(0);
  });

  it('shows when a node a plan refers to is retired, and when it is gone', async () => {
    const counsellor = await api.signInAs('counsellor');
    const id = `plan-probe-${randomUUID().slice(0, 8)}`;
    const created = await api.request(
      CreateNodeDocument,
      {
        input: {
          kind: 'APPLICATION',
          id,
          fields: {
            name: 'Plan Probe Application',
            description: 'A made-up application the plan tests refer to, retire and remove.',
            example: 'Nothing real: this node exists only while the plan tests run.',
            reflectionPrompt: 'Would a plan still read well without me?',
          },
        },
      },
      { session: counsellor },
    );
    expect(created.errors).toBeUndefined();
    try {
      const plan = await createPlan({ career: 'hydrologist' });
      const withProbe = await updatePlan(plan.id, 1, {
        title: plan.title,
        milestones: [
          ...plan.milestones.map(asInput),
          { kind: 'APPLICATION', title: 'Try the probe', ref: id },
        ],
      });
      expect(withProbe.data?.updatePlan.milestones.at(-1)?.ref).toMatchObject({
        id,
        name: 'Plan Probe Application',
        kind: 'APPLICATION',
        status: 'ACTIVE',
      });

      const retired = await api.request(RetireNodeDocument, { id, version: 1 }, { session: counsellor });
      expect(retired.errors).toBeUndefined();
      const afterRetire = (await readPlan(plan.id)).data!.plan;
      expect(afterRetire.outdated).toBe(1);
      expect(afterRetire.milestones.at(-1)?.ref).toMatchObject({ id, status: 'RETIRED' });
      expect(afterRetire.milestones.at(-1)?.ref?.retiredAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

      // A plan that already refers to the retired node can still be saved.
      const saved = await updatePlan(plan.id, 2, {
        title: plan.title,
        milestones: afterRetire.milestones.map(asInput),
      });
      expect(saved.errors).toBeUndefined();

      await cypher('MATCH (n:Entity {id: $id}) DETACH DELETE n', { id });
      const afterDelete = (await readPlan(plan.id)).data!.plan;
      expect(afterDelete.milestones.at(-1)?.ref).toEqual({
        id,
        name: 'Plan Probe Application',
        kind: null,
        status: 'MISSING',
        retiredAt: null,
      });
    } finally {
      await cypher('MATCH (n:Entity {id: $id}) DETACH DELETE n', { id });
    }
  });

  // Last in the file: it spends this server's write budget.
  it('limits plan writes per client, and still serves reads', async () => {
    const plan = await createPlan({ career: 'hydrologist' });
    let limited: { extensions?: Record<string, unknown> } | undefined;
    for (let i = 0; i < 40 && !limited; i++) {
      const result = await api.request(CreatePlanDocument, { input: { career: 'hydrologist' } });
      if (result.data) made.push(result.data.createPlan.id);
      limited = result.errors?.[0];
    }
    expect(limited?.extensions?.code).toBe('RATE_LIMITED');
    expect(limited?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    const read = await readPlan(plan.id);
    expect(read.data?.plan.id).toBe(plan.id);
  });
});
