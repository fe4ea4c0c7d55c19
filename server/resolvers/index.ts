// Resolvers: validate arguments, call one graph function, shape the result. No Cypher, no driver;
// every top-level field is one round trip, and nested fields read what that trip brought back.
import type { Resolvers } from './generated/graphql.ts';
import { authMutations, authQueries } from './auth.ts';
import { careerQueries } from './careers.ts';
import { ENUM_VALUES } from './enum-values.ts';
import { curationMutations, curationQueries } from './curation.ts';
import { exploreQueries } from './explore.ts';
import { fieldRuleQueries } from './field-rules.ts';
import { matchQueries } from './matches.ts';
import { pathQueries } from './paths.ts';
import { planMutations, planQueries } from './plans.ts';
import { transferMutations, transferQueries } from './transfer.ts';

export const resolvers: Resolvers = {
  ...ENUM_VALUES,
  Query: {
    ...exploreQueries,
    ...pathQueries,
    ...careerQueries,
    ...authQueries,
    ...curationQueries,
    ...fieldRuleQueries,
    ...matchQueries,
    ...planQueries,
    ...transferQueries,
  },
  Mutation: { ...authMutations, ...curationMutations, ...planMutations, ...transferMutations },
  Node: {
    __resolveType: (node) => node.__typename,
  },
};
