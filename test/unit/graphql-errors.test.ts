import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BadUserInputError, NotFoundError, ServiceUnavailableError } from '../../server/errors.ts';
import { formatError } from '../../server/graphql-errors.ts';

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
