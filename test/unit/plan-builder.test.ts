// The action plan generator: milestone order, what each refers to, course hours and suggested dates.
import { describe, expect, it } from 'vitest';
import type { PlanSource } from '../../server/graph/plans.ts';
import { addDays, buildPlan, courseWeeks } from '../../server/scoring/plan-builder.ts';

const node = { description: '', aliases: [] };
const skill = (id: string, name: string, kind: 'hard' | 'soft' | 'tool') => ({
  ...node,
  id,
  name,
  label: 'Skill' as const,
  skillKind: kind,
});
const course = (id: string, hours: number) => ({
  why: `Course ${id} covers it.`,
  level: 'basic' as const,
  course: courseNode(id, hours),
});
const courseNode = (id: string, hours: number) => ({
  ...node,
  id,
  name: `Course ${id}`,
  label: 'Course' as const,
  provider: 'Provider',
  format: 'online' as const,
  level: 'introductory' as const,
  hours,
});

const source: PlanSource = {
  career: {
    ...node,
    id: 'hydrologist',
    name: 'Hydrologist',
    label: 'Career',
    onetSoc: '19-2043.00',
    alternateTitles: [],
    typicalDay: [],
    jobZone: 4,
    education: 'Degree',
    riasec: 'IRC',
    outlook: 'steady',
    outlookNote: '',
  },
  unknown: [],
  subjects: ['geography', 'chemistry', 'biology'].map((id, i) => ({
    subject: { ...node, id, name: id, label: 'Subject' as const },
    importance: 0.9 - i / 10,
    why: `why ${id}`,
  })),
  missing: [
    { skill: skill('gis', 'GIS', 'tool'), courses: [course('c1', 22), course('c2', 5)] },
    { skill: skill('teamwork', 'Teamwork', 'soft'), courses: [course('c9', 10)] },
    { skill: skill('modelling', 'Modelling', 'hard'), courses: [course('c1', 22), course('c3', 70)] },
    { skill: skill('listening', 'Active Listening', 'soft'), courses: [] },
    { skill: skill('stats', 'Statistics', 'hard'), courses: [] },
  ].map((m) => ({ ...m, importance: 0.8, level: 'basic' as const, why: `needs ${m.skill.name}.` })),
  applications: ['a1', 'a2', 'a3'].map((id) => ({
    application: {
      ...node,
      id,
      name: `App ${id}`,
      label: 'Application' as const,
      example: '',
      reflectionPrompt: `What about ${id}?`,
    },
    why: `Used for ${id}.`,
  })),
  start: null,
};

describe('buildPlan', () => {
  let n = 0;
  const plan = buildPlan(source, '2026-09-01', () => `m${++n}`);

  it('orders subjects, courses, applications, soft skills, then a conversation', () => {
    expect(plan.milestones.map((m) => `${m.kind}:${m.ref}`)).toEqual([
      'subject:geography',
      'subject:chemistry',
      'course:c1', // GIS's first course
      'course:c3', // Modelling's first course not already taken (c1 is)
      'application:a1',
      'application:a2',
      'soft-skill:teamwork',
      'soft-skill:listening',
      'mentor:hydrologist',
    ]);
    expect(plan.milestones.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9']);
    expect(plan).toMatchObject({
      title: 'My plan: Hydrologist',
      goal: 'hydrologist',
      goalName: 'Hydrologist',
    });
  });

  it('gives courses their hours and each step its why', () => {
    const c1 = plan.milestones[2]!;
    expect(c1).toMatchObject({
      hours: 22,
      title: '“Course c1” (Provider, about 22 hours)'.replace(/^/, 'Take '),
    });
    expect(c1.why).toBe('It teaches GIS, which a Hydrologist needs. needs GIS. Course c1 covers it.');
    expect(plan.milestones[4]?.why).toBe('Used for a1. Then ask yourself: What about a1?');
    expect(plan.milestones.every((m) => !m.done && m.note === '')).toBe(true);
  });

  it('dates steps one after another: 2 weeks a subject, hours ÷ 5 a week for a course (2 to 12 weeks)', () => {
    expect(courseWeeks(22)).toBe(5);
    expect(courseWeeks(5)).toBe(2);
    expect(courseWeeks(70)).toBe(12);
    // 2 + 2 subjects = 28 days; + 5 weeks = 63; + 12 weeks = 147; + 2 + 2 apps = 175; + 3 + 3 = 217; + 2 = 231
    expect(plan.milestones.map((m) => m.due)).toEqual(
      [14, 28, 63, 147, 161, 175, 196, 217, 231].map((d) => addDays('2026-09-01', d)),
    );
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
  });
});

describe('buildPlan from a subject → field → career path', () => {
  const physics = { ...node, id: 'physics', name: 'Physics', label: 'Subject' as const };
  it("starts with the path's subject and its reason, then the next subject the career draws on", () => {
    const plan = buildPlan(
      {
        ...source,
        start: {
          subject: physics,
          drawsOn: null,
          path: { field: 'Earth Science', why: 'Forces shape rivers.' },
        },
      },
      '2026-09-01',
      () => 'm',
    );
    expect(plan.milestones.slice(0, 3).map((m) => `${m.kind}:${m.ref}`)).toEqual([
      'subject:physics',
      'subject:geography',
      'course:c1',
    ]);
    expect(plan.milestones[0]?.why).toBe('Physics leads to Earth Science: Forces shape rivers.');
  });

  it("does not list a subject twice, and prefers the career's own reason for it", () => {
    const geography = source.subjects[0]!.subject;
    const plan = buildPlan(
      { ...source, start: { subject: geography, drawsOn: 'why geography', path: null } },
      '2026-09-01',
      () => 'm',
    );
    expect(plan.milestones.filter((m) => m.kind === 'subject').map((m) => m.ref)).toEqual([
      'geography',
      'chemistry',
    ]);
    expect(plan.milestones[0]?.why).toBe('why geography');
  });
});
