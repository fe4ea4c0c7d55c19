// The small family of errors the server throws on purpose. Each carries the stable code that the
// GraphQL layer puts in `extensions.code`; anything else that escapes is an internal error.
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'SERVICE_UNAVAILABLE'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Readonly<Record<string, string | number | boolean>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadUserInputError extends AppError {
  constructor(message: string, argument?: string) {
    super('BAD_USER_INPUT', message, argument ? { argument } : {});
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `No ${what} with id "${id}". Check the id, or search for the name instead.`, { id });
  }
}

/** The write would overwrite or collide with something newer: nothing was changed. */
export class ConflictError extends AppError {
  constructor(message: string, details: Readonly<Record<string, string | number | boolean>> = {}) {
    super('CONFLICT', message, details);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in as a counsellor to change the graph.') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(message = 'The graph database is not reachable right now. Try again in a moment.') {
    super('SERVICE_UNAVAILABLE', message);
  }
}

/** A problem at start-up that a person can fix; printed as one line, exit code 1, no stack. */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
