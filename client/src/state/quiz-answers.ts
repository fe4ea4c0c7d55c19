// The interests quiz's answers, its questions and the last results, in this page's memory only:
// nothing is stored, and a reload starts afresh. Leaving the quiz and coming back keeps them.
import type { InterestMatchesQuery, QuizItemsQuery } from '../api/generated/graphql.ts';

export type QuizItems = QuizItemsQuery['quizItems'];
export type QuizResults = InterestMatchesQuery['interestMatches'];

/** Item id → 1 ("not for me") to 5 ("love it"). */
export const answers = new Map<string, number>();

export const quiz: { items: QuizItems | null; results: QuizResults | null } = {
  items: null,
  results: null,
};
