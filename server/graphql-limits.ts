// Limits on the shape of a request, checked before anything runs: how deep, how many aliases,
// how costly, how long. Numbers sized so every query the client sends passes with room to spare.
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';

export const LIMITS = {
  /** Deepest real query: subjectCareers → paths → path → steps → edge → why is 6 levels. */
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2_000,
  // graphql-armor's cost ignores `first`; the client's heaviest query (a 100-path page with details) costs ~16k.
  maxCost: 25_000,
} as const;

export function requestLimits(): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    maxAliases: { n: LIMITS.maxAliases },
    maxDirectives: { n: LIMITS.maxDirectives },
    maxTokens: { n: LIMITS.maxTokens },
    costLimit: { maxCost: LIMITS.maxCost },
    // The schema is public and documented; "did you mean …?" helps people more than it hides.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return { plugins, validationRules };
}
