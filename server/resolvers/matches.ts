// quizItems, interestMatches, skillMatches and compareCareers: validate, read once, rank with the pure
// scoring modules, shape.
import { AppError, BadUserInputError, NotFoundError } from '../errors.ts';
import { findComparison, findMatchCandidates, findRiasecCareers } from '../graph/matches.ts';
import type { QueryResolvers } from './generated/graphql.ts';
import {
  QUIZ_ITEMS,
  RIASEC_MEANINGS,
  checkAnswers,
  interestProfile,
  profileCode,
  rankCareers,
  rankFields,
} from '../scoring/riasec.ts';
import { compareSkills, rankSkillMatches } from '../scoring/skill-match.ts';
import { requireIds, requireIntInRange } from './arguments.ts';
import { requiredSkill } from './careers.ts';
import { shapeAs } from './shape.ts';

export const MAX_MATCHES = 50;
export const MAX_FIELDS = 10;
export const MAX_ENJOY = 50;
export const MAX_HAVE = 200;

export const matchQueries: Pick<
  QueryResolvers,
  'quizItems' | 'interestMatches' | 'skillMatches' | 'compareCareers'
> = {
  quizItems: () => QUIZ_ITEMS.map((i) => ({ id: i.id, text: i.text })),

  interestMatches: async (_parent, args, { graph }) => {
    const first = requireIntInRange(args.first, 'first', 1, MAX_MATCHES, 20);
    if (args.answers.length > QUIZ_ITEMS.length * 2) {
      throw new BadUserInputError(`answers may list at most ${QUIZ_ITEMS.length} items.`, 'answers');
    }
    const answers = args.answers.map((a) => ({ item: a.item, value: a.value }));
    const problem = checkAnswers(answers);
    if (problem) {
      throw new AppError('BAD_USER_INPUT', problem.message, { argument: 'answers', item: problem.item });
    }
    const profile = interestProfile(answers);
    const rows = await findRiasecCareers(graph);
    // A career O*NET rates no interests for cannot be matched on them.
    const careers = rows.flatMap((r) =>
      r.career.riasec
        ? [
            {
              id: r.career.id,
              name: r.career.name,
              riasec: r.career.riasec,
              fields: r.fields.map((f) => f.id),
              node: r.career,
            },
          ]
        : [],
    );
    const fieldNodes = new Map(rows.flatMap((r) => r.fields.map((f) => [f.id, f] as const)));
    const ranked = rankCareers(careers, profile);
    const fields = rankFields(ranked, new Map([...fieldNodes].map(([id, f]) => [id, f.name])));
    const shapeFit = (f: (typeof ranked)[number]) => ({
      career: shapeAs(f.career.node, 'Career'),
      fit: f.fit,
      reason: f.reason,
    });
    return {
      profile: profile.map((p) => ({
        interest: p.letter,
        letter: p.letter,
        meaning: RIASEC_MEANINGS[p.letter],
        score: p.score,
      })),
      code: profileCode(profile),
      careers: ranked.slice(0, first).map(shapeFit),
      fields: fields.slice(0, MAX_FIELDS).flatMap((f) => {
        const node = fieldNodes.get(f.fieldId);
        return node
          ? [
              {
                field: shapeAs(node, 'Field'),
                fit: f.fit,
                reason: f.reason,
                careers: f.careers.map(shapeFit),
              },
            ]
          : [];
      }),
    };
  },

  skillMatches: async (_parent, args, { graph }) => {
    const first = requireIntInRange(args.first, 'first', 1, MAX_MATCHES, 20);
    const have = requireIds(args.have, 'have', MAX_HAVE);
    const enjoy = requireIds(args.enjoy ?? [], 'enjoy', MAX_ENJOY);
    if (have.length === 0 && enjoy.length === 0) {
      throw new BadUserInputError('Pick at least one skill you have or one subject you enjoy.', 'have');
    }
    const found = await findMatchCandidates(graph, have, enjoy);
    if (found.unknownSkills.length > 0) {
      throw new BadUserInputError(
        `These are not skills in the graph: ${found.unknownSkills.join(', ')}. Search for the skill to find its id.`,
        'have',
      );
    }
    if (found.unknownSubjects.length > 0) {
      throw new BadUserInputError(
        `These are not subjects in the graph: ${found.unknownSubjects.join(', ')}.`,
        'enjoy',
      );
    }
    const candidates = found.careers.map((c) => ({
      id: c.career.id,
      name: c.career.name,
      skills: c.skills.map((s) => ({ skillId: s.skill.id, importance: s.importance })),
      subjects: c.subjects.map((s) => ({ subjectId: s.subject.id, importance: s.importance })),
      needs: c,
    }));
    return {
      have: found.chosenSkills.map((k) => shapeAs(k, 'Skill')),
      enjoy: found.chosenSubjects.map((k) => shapeAs(k, 'Subject')),
      matches: rankSkillMatches(candidates, have, enjoy)
        .slice(0, first)
        .map((m) => {
          const missing = new Set(m.missing.map((s) => s.skillId));
          const enjoyed = new Set(m.enjoyed.map((s) => s.subjectId));
          return {
            career: shapeAs(m.career.needs.career, 'Career'),
            score: m.score,
            coverage: m.coverage,
            haveCount: m.haveCount,
            skillCount: m.skillCount,
            reason: m.reason,
            missing: m.career.needs.skills.filter((s) => missing.has(s.skill.id)).map(requiredSkill),
            enjoyed: m.career.needs.subjects
              .filter((s) => enjoyed.has(s.subject.id))
              .map((s) => shapeAs(s.subject, 'Subject')),
          };
        }),
    };
  },

  compareCareers: async (_parent, args, { graph }) => {
    const ids = requireIds(args.ids, 'ids', 3);
    if (ids.length < 2) {
      throw new BadUserInputError('Name two or three different careers to compare.', 'ids');
    }
    const found = await findComparison(graph, ids);
    const [missing] = found.missing;
    if (missing) throw new NotFoundError('career', missing);
    const compared = compareSkills(
      found.careers.map((c) => ({
        skills: c.skills.map((s) => ({ skillId: s.skill.id, importance: s.importance })),
      })),
    );
    const skillNodes = new Map(
      found.careers.flatMap((c) => c.skills.map((s) => [s.skill.id, s.skill] as const)),
    );
    const skill = (id: string) => {
      const node = skillNodes.get(id);
      return node ? [shapeAs(node, 'Skill')] : [];
    };
    return {
      careers: found.careers.map((c, index) => ({
        career: shapeAs(c.career, 'Career'),
        skills: c.skills.map(requiredSkill),
        subjects: c.subjects.map((s) => ({
          subject: shapeAs(s.subject, 'Subject'),
          importance: s.importance,
          why: s.why,
        })),
        distinctSkills: (compared.only[index] ?? []).flatMap(skill),
      })),
      sharedSkills: compared.shared.flatMap(skill),
    };
  },
};
