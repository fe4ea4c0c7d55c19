// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.cache/',
      '.data/',
      '.scratch/',
      'test-results/',
      'server/resolvers/generated/',
      'client/src/api/generated/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // Tests assert on data they just checked exists; a non-null assertion there reads better than a guard.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The architecture's layering, enforced: resolvers never touch the driver or Cypher;
    // graph queries know nothing of GraphQL or HTTP; the client never imports server code.
    files: ['server/resolvers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['neo4j-driver', '**/neo4j/*'] }],
    },
  },
  {
    files: ['server/graph/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['graphql', '@apollo/*', 'express', '**/resolvers/*', '**/generated/*'] },
      ],
    },
  },
  {
    // One door to Neo4j: reads go through server/graph/executor.ts and writes through writer.ts, so
    // every call gets the SERVICE_UNAVAILABLE mapping, the retries and the query counter.
    files: ['server/**/*.ts', 'seed/**/*.ts'],
    ignores: ['server/graph/executor.ts', 'server/graph/writer.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='executeQuery']",
          message:
            'Run Cypher through readQuery (server/graph/executor.ts) or the writer (server/graph/writer.ts).',
        },
        {
          selector:
            "CallExpression[callee.property.name='session']:matches([callee.object.name='driver'], [callee.object.property.name='driver'])",
          message: 'Open sessions only in server/graph/executor.ts or server/graph/writer.ts.',
        },
      ],
    },
  },
  {
    files: ['client/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/server/**', 'neo4j-driver'] }] },
  },
);
