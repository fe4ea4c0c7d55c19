// Limits on the shape of a request, checked before anything runs: how deep, how many aliases,
// how costly, how long. Numbers sized so every query the client sends passes with room to spare.
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';

export const LIMITS = {
  /** Deepest real query: subjectCareers → paths → path → steps → edge → why is 6 levels. */
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2_000,
  // graphql-armor's cost ignores `first`; the client's heaviest query (a 100-path page with details) costs ~16k.
  maxCost: 25_000,
} as const;

/**
 * graphql-armor's rules, plus the token limit in Apollo's own parse (graphql-js 16's `maxTokens`).
 * armor's token plugin parses a second time in a `parsingDidStart` hook, and whatever a hook throws
 * Apollo answers as an internal 500: a syntax error or a long query would be our fault, not the
 * client's. In Apollo's parse step either is a GRAPHQL_PARSE_FAILED like any other syntax error.
 */
export function requestLimits(): { validationRules: ValidationRule[]; parseOptions: ParseOptions } {
  const { validationRules } = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    maxAliases: { n: LIMITS.maxAliases },
    maxDirectives: { n: LIMITS.maxDirectives },
    maxTokens: { enabled: false },
    costLimit: { maxCost: LIMITS.maxCost },
    // The schema is public and documented; "did you mean …?" helps people more than it hides.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return { validationRules, parseOptions: { maxTokens: LIMITS.maxTokens } };
}
