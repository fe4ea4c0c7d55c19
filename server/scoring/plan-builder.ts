// Turns what the graph knows about a career into an action plan: milestones in a sensible order
// (subjects to focus on, courses with their hours, applications to try, soft skills to practise, a
// conversation with someone in the job), each with a why and a suggested date. Pure and testable.
import type { MilestoneKind, PlanContent, PlanSource, StoredMilestone } from '../graph/plans.ts';

export const MAX_SUBJECTS = 2;
export const MAX_COURSES = 3;
export const MAX_APPLICATIONS = 2;
export const MAX_SOFT_SKILLS = 2;

/** Suggested weeks for each milestone, one after another; a course takes its hours at 5 h a week. */
export const HOURS_PER_WEEK = 5;
const WEEKS: Readonly<Record<Exclude<MilestoneKind, 'course'>, number>> = {
  subject: 2,
  application: 2,
  'soft-skill': 3,
  mentor: 2,
  own: 2,
};

export function courseWeeks(hours: number): number {
  return Math.min(12, Math.max(2, Math.ceil(hours / HOURS_PER_WEEK)));
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

type Draft = Omit<StoredMilestone, 'id' | 'due' | 'done' | 'note'>;

/** The plan for a career; `start` (YYYY-MM-DD) is when the student begins; ids come from `newId`. */
export function buildPlan(source: PlanSource, start: string, newId: () => string): PlanContent {
  const career = source.career.name;
  const drafts: Draft[] = [];

  // A plan made from a subject → field → career path starts with that subject.
  const from = source.start;
  if (from) {
    const name = from.subject.name;
    drafts.push({
      kind: 'subject',
      title: `Focus on ${name}`,
      why:
        from.drawsOn ??
        (from.path
          ? `${name} leads to ${from.path.field}: ${from.path.why}`
          : `You chose to start from ${name}.`),
      ref: from.subject.id,
      refName: name,
      hours: null,
    });
  }
  const others = source.subjects.filter((s) => s.subject.id !== from?.subject.id);
  for (const s of others.slice(0, MAX_SUBJECTS - (from ? 1 : 0))) {
    drafts.push({
      kind: 'subject',
      title: `Focus on ${s.subject.name}`,
      why: s.why,
      ref: s.subject.id,
      refName: s.subject.name,
      hours: null,
    });
  }

  const courses = new Set<string>();
  for (const m of source.missing) {
    if (courses.size >= MAX_COURSES) break;
    if (m.skill.skillKind === 'soft') continue;
    const offer = m.courses.find((c) => !courses.has(c.course.id));
    if (!offer) continue;
    courses.add(offer.course.id);
    const c = offer.course;
    drafts.push({
      kind: 'course',
      title: `Take “${c.name}” (${c.provider}, about ${c.hours} hours)`,
      why: `It teaches ${m.skill.name}, which ${article(career)} ${career} needs. ${m.why} ${offer.why}`,
      ref: c.id,
      refName: c.name,
      hours: c.hours,
    });
  }

  for (const a of source.applications.slice(0, MAX_APPLICATIONS)) {
    drafts.push({
      kind: 'application',
      title: `Try it yourself: ${a.application.name}`,
      why: `${a.why} Then ask yourself: ${a.application.reflectionPrompt}`,
      ref: a.application.id,
      refName: a.application.name,
      hours: null,
    });
  }

  for (const m of source.missing.filter((s) => s.skill.skillKind === 'soft').slice(0, MAX_SOFT_SKILLS)) {
    drafts.push({
      kind: 'soft-skill',
      title: `Practise ${m.skill.name.toLowerCase()}`,
      why: m.why,
      ref: m.skill.id,
      refName: m.skill.name,
      hours: null,
    });
  }

  drafts.push({
    kind: 'mentor',
    title: `Talk to someone who works as ${article(career)} ${career}`,
    why: 'Ask what a normal week is like and what they wish they had learned at school. Your tutor, a teacher or a counsellor can help you find someone to ask.',
    ref: source.career.id,
    refName: career,
    hours: null,
  });

  let day = 0;
  const milestones = drafts.map((d): StoredMilestone => {
    day += 7 * (d.kind === 'course' ? courseWeeks(d.hours ?? 0) : WEEKS[d.kind]);
    return { ...d, id: newId(), due: addDays(start, day), done: false, note: '' };
  });

  return {
    title: `My plan: ${career}`,
    goal: source.career.id,
    goalName: career,
    milestones,
  };
}
