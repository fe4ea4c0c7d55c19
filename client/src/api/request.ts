// Sends typed GraphQL operations (generated from schema.graphql) and turns error responses into ApiError.
import type { TypedDocumentString } from './generated/graphql.ts';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly requestId?: string,
    /** For BAD_USER_INPUT about one field of an input: which field. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// The signed-in session's CSRF token, sent with every request once known. It lives only in memory:
// after a reload the app asks `me` for it again.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; requestId?: string; field?: string } }[];
}

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: { headers?: Record<string, string> } = {},
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // The GraphQL-over-HTTP spec's own type first: with it a refused request is a 4xx, not a 200.
        // Either way the body is GraphQL's, and its `errors` are read below whatever the status.
        accept: 'application/graphql-response+json, application/json;q=0.9',
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new ApiError(
      'Cannot reach the Pathways server. Check your connection and try again.',
      'NETWORK_ERROR',
    );
  }
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<TResult>;
  const first = body.errors?.[0];
  if (first) {
    throw new ApiError(
      first.message,
      first.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
      first.extensions?.requestId,
      first.extensions?.field,
    );
  }
  if (!body.data)
    throw new ApiError(`The server answered ${response.status} without data.`, 'INTERNAL_SERVER_ERROR');
  return body.data;
}
