import type { CodegenConfig } from '@graphql-codegen/cli';
import { ENUM_VALUES } from './server/resolvers/enum-values.ts';

// schema.graphql is the one contract: server resolver types and client operation types both come from it.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: 'client/src/api/operations/*.graphql',
  generates: {
    'server/resolvers/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context.ts#ResolverContext',
        mappers: {},
        // Resolvers see the stored values; Apollo maps them to the API's names (server/resolvers/index.ts).
        enumValues: ENUM_VALUES,
        resolversNonOptionalTypename: { interfaceImplementingType: true },
      },
    },
    'client/src/api/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      // String documents: the browser bundle needs no GraphQL runtime to send them.
      config: { useTypeImports: true, enumsAsTypes: true, documentMode: 'string' },
    },
    // The integration tests' own operations, typed the same way. The client's operations (the root
    // `documents`) come along, so test operations spread the client's fragments instead of copying them.
    'test/generated/graphql.ts': {
      documents: 'test/operations/*.graphql',
      // ESLint's ignore list names the other generated folders; this one says so itself.
      plugins: [{ add: { content: '/* eslint-disable */' } }, 'typescript-operations', 'typed-document-node'],
      config: { useTypeImports: true, enumsAsTypes: true, documentMode: 'string' },
    },
  },
  hooks: {},
};

export default config;
