// career detail and skill gap.
import { BadUserInputError, NotFoundError } from '../errors.ts';
import {
  findCareerDetail,
  findSkillGap,
  type CourseOfferResult,
  type RequiredSkillResult,
} from '../graph/careers.ts';
import type { QueryResolvers } from './generated/graphql.ts';
import { requireId, requireIds } from './arguments.ts';
import { shapeAs, shapeNode } from './shape.ts';

export const MAX_HAVE_SKILLS = 200;

export const requiredSkill = (r: RequiredSkillResult) => ({
  skill: shapeAs(r.skill, 'Skill'),
  importance: r.importance,
  level: r.level,
  why: r.why,
});

const courseOffer = (o: CourseOfferResult) => ({
  course: shapeAs(o.course, 'Course'),
  teaches: shapeNode(o.teaches),
  level: o.level,
  why: o.why,
});

export const careerQueries: Pick<QueryResolvers, 'career' | 'skillGap'> = {
  career: async (_parent, args, { graph }) => {
    const id = requireId(args.id);
    const found = await findCareerDetail(graph, id);
    if (!found) throw new NotFoundError('career', id);
    return {
      career: shapeAs(found.career, 'Career'),
      fields: found.fields.map((f) => ({ field: shapeAs(f.field, 'Field'), why: f.why })),
      skills: found.skills.map(requiredSkill),
      subjects: found.subjects.map((s) => ({
        subject: shapeAs(s.subject, 'Subject'),
        importance: s.importance,
        why: s.why,
      })),
      tools: found.tools.map((t) => ({ skill: shapeAs(t.skill, 'Skill'), inDemand: t.inDemand, why: t.why })),
      courses: found.courses.map(courseOffer),
      applications: found.applications.map((a) => ({
        application: shapeAs(a.application, 'Application'),
        why: a.why,
      })),
      related: found.related.map((r) => ({
        career: shapeAs(r.career, 'Career'),
        score: r.score,
        why: r.why,
      })),
    };
  },

  skillGap: async (_parent, args, { graph }) => {
    const career = requireId(args.career, 'career');
    const have = requireIds(args.have, 'have', MAX_HAVE_SKILLS);
    const found = await findSkillGap(graph, career, have);
    if (!found) throw new NotFoundError('career', career);
    if (found.unknown.length > 0) {
      throw new BadUserInputError(
        `These are not skills in the graph: ${found.unknown.join(', ')}. Search for the skill to find its id.`,
        'have',
      );
    }
    const total = [...found.have, ...found.missing].reduce((sum, s) => sum + s.importance, 0);
    const covered = found.have.reduce((sum, s) => sum + s.importance, 0);
    return {
      career: shapeAs(found.career, 'Career'),
      have: found.have.map(requiredSkill),
      missing: found.missing.map((m) => ({ ...requiredSkill(m), courses: m.courses.map(courseOffer) })),
      coverage: total === 0 ? 1 : covered / total,
    };
  },
};
