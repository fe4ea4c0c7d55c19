// subjectCareers and paths: the path queries.
import { BadUserInputError, NotFoundError } from '../errors.ts';
import { MAX_HOPS, PATH_CANDIDATES, findPaths } from '../graph/paths.ts';
import { defaultPathTypes } from '../../model/data-model.ts';
import { findSubjectCareers, UNNAMED_SUBJECT_RELEVANCE } from '../graph/subject-careers.ts';
import type { QueryResolvers } from './generated/graphql.ts';
import { requireId, requireIntInRange, requireNonEmpty } from './arguments.ts';
import { formatScore, shapePath } from './explain.ts';
import { pageInfo, pageRequest } from './paging.ts';
import { shapeAs } from './shape.ts';

export const MAX_CAREER_PATHS = 100;
export const MAX_PATHS = 20;

export const pathQueries: Pick<QueryResolvers, 'subjectCareers' | 'paths'> = {
  subjectCareers: async (_parent, args, { graph }) => {
    const subject = requireId(args.subject, 'subject');
    const via = args.via === null || args.via === undefined ? null : requireId(args.via, 'via');
    const request = pageRequest(args.first, args.after, { fallback: 20, max: MAX_CAREER_PATHS });
    const found = await findSubjectCareers(graph, subject, via, request);
    if (!found) throw new NotFoundError('subject', subject);
    if (via && !found.via) throw new NotFoundError('field', via);
    const subjectName = found.subject.name;
    return {
      subject: shapeAs(found.subject, 'Subject'),
      via: found.via ? shapeAs(found.via, 'Field') : null,
      paths: found.page.items.map((p) => ({
        career: shapeAs(p.career, 'Career'),
        field: shapeAs(p.field, 'Field'),
        path: shapePath(p.path, {
          value: p.drawsOn ?? UNNAMED_SUBJECT_RELEVANCE,
          reason:
            p.drawsOn === null
              ? `${p.career.name} does not name ${subjectName} among the subjects it draws on`
              : `${p.career.name} draws on ${subjectName} with importance ${formatScore(p.drawsOn)}`,
        }),
      })),
      pageInfo: pageInfo(found.page, request),
    };
  },

  paths: async (_parent, args, { graph }) => {
    const from = requireId(args.from, 'from');
    const to = requireId(args.to, 'to');
    if (from === to)
      throw new BadUserInputError('`from` and `to` are the same node; choose two different ones.', 'to');
    const maxHops = requireIntInRange(args.maxHops, 'maxHops', 1, MAX_HOPS, 4);
    const types = requireNonEmpty(args.relationships, 'relationships', defaultPathTypes());
    const request = pageRequest(args.first, args.after, { fallback: 5, max: MAX_PATHS });
    if (request.offset + request.first > PATH_CANDIDATES) {
      throw new BadUserInputError(
        `Only the ${PATH_CANDIDATES} shortest paths are ranked; page within them.`,
        'after',
      );
    }
    const found = await findPaths(graph, from, to, maxHops, types, request);
    if (!found.from) throw new NotFoundError('node', from);
    if (!found.to) throw new NotFoundError('node', to);
    return {
      paths: found.page.items.map((p) => shapePath(p)),
      pageInfo: pageInfo(found.page, request),
    };
  },
};
