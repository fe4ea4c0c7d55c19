// One place that turns whatever a request threw into a GraphQL error with a stable extensions.code.
// Our own AppErrors keep their message; anything unexpected becomes a generic INTERNAL_SERVER_ERROR
// whose details go to the log with the request id. No stack trace ever reaches a response.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { AppError } from './errors.ts';
import { GRAPHQL_RESPONSE_JSON, preferredResponseType } from './http-errors.ts';
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

/** graphql-js's words for `parseOptions.maxTokens` (sic: "more that"), which we say better. */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

/**
 * Apollo's refusals of an automatic persisted query carry an HTTP status but no code, and a terse
 * message; these say what to send instead, under a reason a client can test.
 */
const PERSISTED_QUERY_REFUSALS: Record<string, { reason: string; message: string }> = {
  'provided sha does not match query': {
    reason: 'PERSISTED_QUERY_HASH_MISMATCH',
    message:
      'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it. Send the lowercase hex SHA-256 of the exact query text, or leave out extensions.persistedQuery.',
  },
  'Unsupported persisted query version': {
    reason: 'PERSISTED_QUERY_VERSION_UNSUPPORTED',
    message: 'Only version 1 of persisted queries is supported: send extensions.persistedQuery.version 1.',
  },
};

/** A status Apollo put on an error it raised for a request it refuses (`extensions.http`). */
function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('extensions' in error)) return undefined;
  const { extensions } = error as { extensions?: { code?: unknown; http?: { status?: unknown } } };
  // Only Apollo's own refusals without a code: anything with a code says what it is by that.
  if (extensions?.code !== undefined) return undefined;
  const status = extensions?.http?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Apollo's refusals that carry a 4xx but no code (a persisted query's wrong hash or version). */
const isCodelessRefusal = (error: unknown) => {
  const status = httpStatusOf(error);
  return status !== undefined && status >= 400 && status < 500;
};

const isClientError = (formatted: { message: string; extensions?: Record<string, unknown> }) =>
  CLIENT_CODES.has(String(formatted.extensions?.code)) || TOO_MANY_VARIABLE_ERRORS.test(formatted.message);

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
  if (isCodelessRefusal(error)) {
    const known = PERSISTED_QUERY_REFUSALS[formatted.message];
    const { reason, message } = known ?? { reason: 'BAD_REQUEST', message: formatted.message };
    return { ...base, message, extensions: { code: 'BAD_USER_INPUT', reason } };
  }
  if (isClientError(formatted)) {
    // Parse and validation errors (an unknown enum value, a missing argument…) are the caller's to fix,
    // so they share the contract's one code for that; graphql-js's own code stays as a detail.
    const code = String(formatted.extensions?.code);
    const reason = CLIENT_CODES.has(code) ? code : 'BAD_USER_INPUT';
    const tokens = TOO_MANY_TOKENS.exec(formatted.message);
    const message = tokens
      ? `The query has more than ${tokens[1]} tokens (names, punctuation and values), the most one request may hold. Ask for fewer fields, or split it into smaller queries.`
      : formatted.message;
    return { ...base, message, extensions: { code: 'BAD_USER_INPUT', reason } };
  }
  return { ...base, message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * The reasons of errors that stop a request before it runs because the document or its variables are
 * wrong: the GraphQL-over-HTTP spec's "request errors" for a well-formed HTTP request.
 */
const REQUEST_ERROR_REASONS = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
]);

type FormattedErrors = readonly GraphQLFormattedError[] | undefined;

/** A response with errors and no `data`: the request was refused before execution. */
const refusedBeforeExecution = (result: { data?: unknown; errors?: FormattedErrors }) =>
  result.data === undefined && (result.errors?.length ?? 0) > 0;

const isClientRefusal = (errors: FormattedErrors) =>
  (errors ?? []).every((error) => error.extensions?.code === 'BAD_USER_INPUT');

/**
 * The GraphQL-over-HTTP spec's statuses for a document that does not parse or validate, or variables
 * that do not coerce: 400 when the client accepts application/graphql-response+json (so it can tell
 * from the status alone), 200 for plain application/json, whose clients read `errors` from any 200.
 * Apollo answers 400 to both; the content type is set here too, so status and type always agree.
 */
export function graphqlOverHttpStatusPlugin(): ApolloServerPlugin<ResolverContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.body.kind !== 'single') return;
          const { errors } = response.body.singleResult;
          if (!refusedBeforeExecution(response.body.singleResult)) return;
          const requestErrors = (errors ?? []).every(
            (error) =>
              error.extensions?.code === 'BAD_USER_INPUT' &&
              REQUEST_ERROR_REASONS.has(String(error.extensions.reason)),
          );
          if (!requestErrors) return;
          const media = preferredResponseType(request.http?.headers.get('accept'));
          // Neither type is acceptable: Apollo answers 406 itself.
          if (media === null) return;
          response.http.headers.set('content-type', media);
          response.http.status = media === GRAPHQL_RESPONSE_JSON ? 400 : 200;
        },
      };
    },
  };
}

/**
 * Logs unexpected errors at error level and refused requests at warn level (their reason, never their
 * message, which can quote the variables: a password among them), and stamps the request id onto
 * internal errors so people can quote it.
 */
export function errorReportingPlugin(logger: Logger): ApolloServerPlugin<ResolverContext> {
  return {
    // Refused before a request context exists (CSRF prevention, a batch, a body that is no operation).
    async invalidRequestWasReceived({ error }) {
      const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
      logger.warn({ type: typeof code === 'string' ? code : 'BAD_REQUEST' }, 'refused a malformed request');
    },
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const original = originalError(error);
            if (original instanceof AppError) continue;
            if (isClientError(error) || isCodelessRefusal(error)) continue;
            logger.error(
              { requestId: contextValue.requestId, err: original, path: error.path },
              'request failed',
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          for (const error of singleResult.errors ?? []) {
            if (
              error.extensions?.code === 'INTERNAL_SERVER_ERROR' ||
              error.extensions?.code === 'SERVICE_UNAVAILABLE'
            ) {
              (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
            }
          }
          if (refusedBeforeExecution(singleResult) && isClientRefusal(singleResult.errors)) {
            const [first] = singleResult.errors ?? [];
            logger.warn(
              {
                requestId: contextValue.requestId,
                type: String(first?.extensions?.reason ?? 'BAD_USER_INPUT'),
                errors: singleResult.errors?.length,
              },
              'refused a malformed GraphQL request',
            );
          }
        },
      };
    },
  };
}
