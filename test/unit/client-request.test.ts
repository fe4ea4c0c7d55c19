// The client's one fetch: which response types it asks for, and that a refusal answered with a 4xx
// and a GraphQL body still reaches the view as the server's own message and code.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TypedDocumentString } from '../../client/src/api/generated/graphql.ts';
import { ApiError, request } from '../../client/src/api/request.ts';

const document = { toString: () => '{ nope }' } as unknown as TypedDocumentString<unknown, object>;

function answer(status: number, body: unknown, type = 'application/graphql-response+json; charset=utf-8') {
  // Typed with fetch's parameters so the test can read the headers the client sent.
  const fetch = vi.fn<(url: string, init: RequestInit) => Promise<Response>>(
    async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('request', () => {
  it("asks for the spec's application/graphql-response+json first, application/json after", async () => {
    const fetch = answer(200, { data: { stats: { totalNodes: 1 } } });
    await request(document, {});
    const headers = fetch.mock.calls[0]?.[1].headers as Record<string, string>;
    expect(headers.accept).toBe('application/graphql-response+json, application/json;q=0.9');
  });

  it("reads the errors of a 400 and throws the server's message and code", async () => {
    answer(400, {
      errors: [
        {
          message: 'Cannot query field "nope" on type "Query".',
          extensions: { code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
    const refused = request(document, {});
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({
      message: 'Cannot query field "nope" on type "Query".',
      code: 'BAD_USER_INPUT',
    });
  });

  it('reads the errors of a 413 or 415 from the HTTP layer in the same shape', async () => {
    for (const status of [413, 415]) {
      answer(status, {
        errors: [{ message: 'Send less.', extensions: { code: 'BAD_USER_INPUT', requestId: 'r-1' } }],
      });
      await expect(request(document, {})).rejects.toMatchObject({ code: 'BAD_USER_INPUT', requestId: 'r-1' });
    }
  });
});
