import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BadUserInputError, NotFoundError, ServiceUnavailableError } from '../../server/errors.ts';
import { formatError, graphqlOverHttpStatusPlugin } from '../../server/graphql-errors.ts';

// Apollo hands formatError the formatted error and the original wrapped in a resolver GraphQLError.
const fromResolver = (original: Error) =>
  formatError(
    { message: original.message, path: ['node'] },
    new GraphQLError(original.message, { originalError: original, path: ['node'] }),
  );

describe('formatError', () => {
  it('keeps our own errors, with their stable code and details', () => {
    expect(fromResolver(new NotFoundError('node', 'nope'))).toEqual({
      message: 'No node with id "nope". Check the id, or search for the name instead.',
      path: ['node'],
      locations: undefined,
      extensions: { code: 'NOT_FOUND', id: 'nope' },
    });
    expect(fromResolver(new BadUserInputError('depth must be 1 or 2', 'depth')).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'depth',
    });
    expect(fromResolver(new ServiceUnavailableError()).extensions?.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('hides anything unexpected behind a generic INTERNAL_SERVER_ERROR without a stack', () => {
    const leaked = new Error('Neo.ClientError.Statement.SyntaxError: secret internals at line 3');
    const formatted = fromResolver(leaked);
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(formatted.message).not.toContain('secret');
    expect(JSON.stringify(formatted)).not.toMatch(/stack|at line/);
  });

  it('keeps the message of validation errors, which is safe and useful, under BAD_USER_INPUT', () => {
    const formatted = formatError(
      {
        message: 'Cannot query field "nope" on type "Query".',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
      new GraphQLError('Cannot query field "nope" on type "Query".'),
    );
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' });
    expect(formatted.message).toContain('nope');
  });
});

describe('formatError for requests Apollo refuses', () => {
  // What Apollo raises for an automatic persisted query whose hash is not the query's: a 400, no code.
  const apolloRefusal = (message: string) =>
    formatError(
      { message, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError(message, { extensions: { http: { status: 400, headers: new HeaderMap() } } }),
    );

  it('gives a persisted query with the wrong hash a client code, a reason and what to send', () => {
    const formatted = apolloRefusal('provided sha does not match query');
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'PERSISTED_QUERY_HASH_MISMATCH' });
    expect(formatted.message).toMatch(/^extensions\.persistedQuery\.sha256Hash is not the SHA-256/);
    expect(apolloRefusal('Unsupported persisted query version').extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'PERSISTED_QUERY_VERSION_UNSUPPORTED',
    });
  });

  it('keeps any other codeless 4xx refusal a client error, and a codeless error without one internal', () => {
    expect(apolloRefusal('Something Apollo added later').extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'BAD_REQUEST',
    });
    const internal = formatError(
      { message: 'provided sha does not match query', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError('provided sha does not match query'),
    );
    expect(internal.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });

  it("words graphql-js's token limit as what to do", () => {
    const message = 'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.';
    const formatted = formatError(
      { message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
      new GraphQLError(message),
    );
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' });
    expect(formatted.message).toBe(
      'The query has more than 2000 tokens (names, punctuation and values), the most one request may hold. Ask for fewer fields, or split it into smaller queries.',
    );
  });
});

describe('graphqlOverHttpStatusPlugin', () => {
  type Result = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  /** Runs the plugin's willSendResponse on a response Apollo answered 400; returns status and type. */
  async function answer(accept: string | undefined, singleResult: Result) {
    const headers = new HeaderMap(accept === undefined ? [] : [['accept', accept]]);
    const response = {
      http: { status: 400, headers: new HeaderMap() },
      body: { kind: 'single', singleResult },
    };
    const listener = await graphqlOverHttpStatusPlugin().requestDidStart!({
      request: { http: { method: 'POST', headers, search: '', body: {} } },
    } as never);
    await listener!.willSendResponse!({ request: { http: { headers } }, response } as never);
    return { status: response.http.status, type: response.http.headers.get('content-type') };
  }
  const parseFailure: Result = {
    errors: [
      { message: 'Syntax Error', extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' } },
    ],
  };

  it('answers a parse or validation failure 400 for graphql-response+json and 200 for JSON', async () => {
    expect(await answer('application/graphql-response+json', parseFailure)).toEqual({
      status: 400,
      type: 'application/graphql-response+json; charset=utf-8',
    });
    for (const accept of ['application/json', '*/*', undefined]) {
      expect(await answer(accept, parseFailure)).toEqual({
        status: 200,
        type: 'application/json; charset=utf-8',
      });
    }
  });

  it('leaves other refusals (a batch, a wrong persisted-query hash) and executed requests alone', async () => {
    const badRequest: Result = {
      errors: [{ message: 'batch', extensions: { code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' } }],
    };
    expect(await answer('application/json', badRequest)).toEqual({ status: 400, type: undefined });
    expect(await answer('application/json', { ...parseFailure, data: null })).toEqual({
      status: 400,
      type: undefined,
    });
    // Neither type acceptable: Apollo's own 406 follows.
    expect(await answer('text/html', parseFailure)).toEqual({ status: 400, type: undefined });
  });
});
