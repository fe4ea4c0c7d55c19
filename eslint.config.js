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
      'server/generated/',
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
    files: ['client/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/server/**', 'neo4j-driver'] }] },
  },
);
