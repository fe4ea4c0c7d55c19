// Skill match: careers ranked by how much of what they need a student already has, with the subjects
// the student enjoys as a smaller second signal. Pure, so the ranking can be checked by hand.

export interface NeededSkill {
  skillId: string;
  /** How much the career needs it, 0 to 1. */
  importance: number;
}

export interface DrawnSubject {
  subjectId: string;
  importance: number;
}

export interface MatchCareer {
  id: string;
  name: string;
  skills: readonly NeededSkill[];
  subjects: readonly DrawnSubject[];
}

export interface SkillMatchResult<C extends MatchCareer = MatchCareer> {
  career: C;
  /** 0 to 1: SKILL_SHARE × coverage + SUBJECT_SHARE × subject share when subjects were given. */
  score: number;
  /** Share of the career's skill importance the student covers, 0 to 1 (as skillGap's coverage). */
  coverage: number;
  /** Share of the career's subject importance the student enjoys, 0 to 1; 0 when none were given. */
  subjectShare: number;
  haveCount: number;
  skillCount: number;
  /** Skills the student has, most important first. */
  have: NeededSkill[];
  /** Skills still to learn, most important first. */
  missing: NeededSkill[];
  /** Subjects the student enjoys that the career draws on, most important first. */
  enjoyed: DrawnSubject[];
  reason: string;
}

/** Skills decide; enjoyed subjects only break near-ties and lift careers the student would like. */
export const SKILL_SHARE = 0.8;
export const SUBJECT_SHARE = 0.2;

const byImportance =
  <T extends { importance: number }>(key: (t: T) => string) =>
  (a: T, b: T) =>
    b.importance - a.importance || key(a).localeCompare(key(b));

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const sum = (values: readonly { importance: number }[]) => values.reduce((s, v) => s + v.importance, 0);

export function matchCareer<C extends MatchCareer>(
  career: C,
  have: ReadonlySet<string>,
  enjoy: ReadonlySet<string>,
): SkillMatchResult<C> {
  const skills = [...career.skills].sort(byImportance((s) => s.skillId));
  const owned = skills.filter((s) => have.has(s.skillId));
  const missing = skills.filter((s) => !have.has(s.skillId));
  const subjects = [...career.subjects].sort(byImportance((s) => s.subjectId));
  const enjoyed = subjects.filter((s) => enjoy.has(s.subjectId));
  const coverage = share(sum(owned), sum(skills));
  const subjectShare = share(sum(enjoyed), sum(subjects));
  const score = enjoy.size > 0 ? SKILL_SHARE * coverage + SUBJECT_SHARE * subjectShare : coverage;
  const parts = [
    `You have ${owned.length} of the ${skills.length} skills ${career.name} needs (${Math.round(coverage * 100)}% of what matters most)`,
  ];
  if (enjoyed.length > 0) {
    parts.push(`it draws on ${enjoyed.length === 1 ? 'a subject' : `${enjoyed.length} subjects`} you enjoy`);
  }
  return {
    career,
    score,
    coverage,
    subjectShare,
    haveCount: owned.length,
    skillCount: skills.length,
    have: owned,
    missing,
    enjoyed,
    reason: `${parts.join(', and ')}.`,
  };
}

/**
 * Careers that use at least one of the student's skills or enjoyed subjects, best score first; ties go
 * to more skills in hand, then to the name, so the order never depends on the input order.
 */
export function rankSkillMatches<C extends MatchCareer>(
  careers: readonly C[],
  have: readonly string[],
  enjoy: readonly string[] = [],
): SkillMatchResult<C>[] {
  const haveSet = new Set(have);
  const enjoySet = new Set(enjoy);
  return careers
    .map((c) => matchCareer(c, haveSet, enjoySet))
    .filter((m) => m.haveCount > 0 || m.enjoyed.length > 0)
    .sort(
      (a, b) => b.score - a.score || b.haveCount - a.haveCount || a.career.name.localeCompare(b.career.name),
    );
}

export interface ComparedSkills {
  /** Skills every compared career needs. */
  shared: string[];
  /** Per career, in the order given: the skills none of the others needs. */
  only: string[][];
}

/** Which skills the compared careers share and which set each apart. */
export function compareSkills(careers: readonly { skills: readonly NeededSkill[] }[]): ComparedSkills {
  const sets = careers.map((c) => new Set(c.skills.map((s) => s.skillId)));
  const first = careers[0]?.skills ?? [];
  const shared = first.map((s) => s.skillId).filter((id) => sets.every((set) => set.has(id)));
  const only = careers.map((c, index) =>
    c.skills
      .map((s) => s.skillId)
      .filter((id) => sets.every((set, other) => other === index || !set.has(id))),
  );
  return { shared, only };
}
