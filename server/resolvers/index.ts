// Resolvers: validate arguments, call one graph function, shape the result. No Cypher, no driver;
// every top-level field is one round trip, and nested fields read what that trip brought back.
import type { Resolvers } from '../generated/graphql.ts';
import { authMutations, authQueries } from './auth.ts';
import { careerQueries } from './careers.ts';
import { curationMutations, curationQueries } from './curation.ts';
import { exploreQueries } from './explore.ts';
import { pathQueries } from './paths.ts';

export const resolvers: Resolvers = {
  Query: { ...exploreQueries, ...pathQueries, ...careerQueries, ...authQueries, ...curationQueries },
  Mutation: { ...authMutations, ...curationMutations },
  Node: {
    __resolveType: (node) => node.__typename,
  },
};
