// One place that turns whatever a request threw into a GraphQL error with a stable extensions.code.
// Our own AppErrors keep their message; anything unexpected becomes a generic INTERNAL_SERVER_ERROR
// whose details go to the log with the request id. No stack trace ever reaches a response.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { AppError } from './errors.ts';
import type { ResolverContext } from './resolvers/context.ts';

const INTERNAL_MESSAGE =
  'Something went wrong on our side. Try again; if it keeps happening, report it with the request id.';

/** Codes Apollo and graphql-js assign to requests that are malformed; their messages are safe and useful. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * graphql-js stops coercing variables after 50 problems and adds this error, without a code, after the
 * 50 BAD_USER_INPUT ones. It is the caller's input all the same (found by test/integration/fuzz.int.test.ts).
 */
const TOO_MANY_VARIABLE_ERRORS = /^Too many errors processing variables, error limit reached\./;

const isClientError = (error: { message: string; extensions?: Record<string, unknown> }) =>
  CLIENT_CODES.has(String(error.extensions?.code)) || TOO_MANY_VARIABLE_ERRORS.test(error.message);

/**
 * The error a resolver threw, under graphql-js's wrapping. Walks `originalError` rather than relying on
 * `instanceof GraphQLError`, which fails when two copies of graphql (CommonJS and ESM) are loaded.
 */
export function originalError(error: unknown): unknown {
  let current = error;
  while (
    typeof current === 'object' &&
    current !== null &&
    'originalError' in current &&
    current.originalError
  ) {
    current = current.originalError;
  }
  return current;
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = originalError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  if (isClientError(formatted)) {
    // Parse and validation errors (an unknown enum value, a missing argument…) are the caller's to fix,
    // so they share the contract's one code for that; graphql-js's own code stays as a detail.
    const code = String(formatted.extensions?.code);
    const reason = CLIENT_CODES.has(code) ? code : 'BAD_USER_INPUT';
    return { ...base, extensions: { code: 'BAD_USER_INPUT', reason } };
  }
  return { ...base, message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** Logs unexpected errors and stamps the request id onto internal errors so people can quote it. */
export function errorReportingPlugin(logger: Logger): ApolloServerPlugin<ResolverContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = originalError(error);
            if (original instanceof AppError) continue;
            if (isClientError(error)) continue;
            logger.error(
              { requestId: contextValue.requestId, err: original, path: error.path },
              'request failed',
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (
              error.extensions?.code === 'INTERNAL_SERVER_ERROR' ||
              error.extensions?.code === 'SERVICE_UNAVAILABLE'
            ) {
              (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
          }
        },
      };
    },
  };
}
