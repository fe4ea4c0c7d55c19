// The GraphQL-over-HTTP spec, checked two ways against the real server: graphql-http's own server
// audits (a peer's test suite), and each malformed request a hostile review found answered 500. Every
// refusal is a 4xx (or the spec's 200 for plain application/json), in GraphQL's shape with a stable
// code and a message a person can act on, and logged at warn level without a stack.
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { serverAudits, type AuditResult } from 'graphql-http';
import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../server/graphql-limits.ts';
import { useHarness } from '../support/harness.ts';

/** Every line the server logs, parsed. */
const logLines: Record<string, unknown>[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => logLines.push(JSON.parse(line)) });
const api = useHarness({ logger });

const GRAPHQL_RESPONSE = 'application/graphql-response+json';
/** What the client sends (client/src/api/request.ts). */
const CLIENT_ACCEPT = `${GRAPHQL_RESPONSE}, application/json;q=0.9`;

/**
 * The audits we answer with a notice on purpose. All three are GETs without a non-simple header, which
 * Apollo's CSRF prevention refuses: a GET needs no preflight, so any page could make a visitor's
 * browser send one. GET works with `apollo-require-preflight` (tested below); the client only POSTs.
 */
const KEPT_NOTICES = {
  '5A70': 'MAY accept application/x-www-form-urlencoded formatted GET requests: CSRF prevention',
  D6D5: 'MAY allow URL-encoded JSON {variables} in GETs (graphql-response+json): CSRF prevention',
  '6A70': 'MAY allow URL-encoded JSON {variables} in GETs (application/json): CSRF prevention',
};

describe('graphql-http serverAudits', () => {
  it('passes every audit but the GET notices we keep, with no warning and no error', async () => {
    const results: AuditResult[] = [];
    for (const audit of serverAudits({ url: `${api.url}/graphql`, fetchFn: fetch })) {
      results.push(await audit.fn());
    }
    const count = (status: AuditResult['status']) => results.filter((r) => r.status === status).length;
    console.info(
      `graphql-http serverAudits: ${results.length} audits, ${count('ok')} ok, ${count('notice')} notice, ${count('warn')} warn, ${count('error')} error`,
    );
    const failing = results.flatMap((r) =>
      r.status === 'ok' ? [] : [{ id: r.id, status: r.status, name: r.name, reason: r.reason }],
    );
    expect(failing.filter((r) => r.status === 'warn' || r.status === 'error')).toEqual([]);
    expect(failing.map((r) => r.id).sort()).toEqual(Object.keys(KEPT_NOTICES).sort());
    expect(count('ok')).toBe(results.length - Object.keys(KEPT_NOTICES).length);
  });
});

interface Answer {
  status: number;
  contentType: string | null;
  requestId: string | null;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: CLIENT_ACCEPT, ...headers },
    body,
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    requestId: response.headers.get('x-request-id'),
    body: (await response.json()) as Answer['body'],
  };
}

const postQuery = (query: string, headers?: Record<string, string>, extra: object = {}) =>
  post(JSON.stringify({ query, ...extra }), headers);

/** One refusal: its status and content type, one error with BAD_USER_INPUT and this reason, no data. */
function expectRefused(
  answer: Answer,
  status: number,
  reason: string,
  message: RegExp,
  type = GRAPHQL_RESPONSE,
) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.contentType).toBe(`${type}; charset=utf-8`);
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors).toHaveLength(1);
  const [error] = answer.body.errors!;
  expect(error!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  expect(error!.message).toMatch(message);
  expect(JSON.stringify(answer.body)).not.toMatch(/stack|\bat .+\.(ts|js):\d+|node_modules/);
}

/** The request's log line: warn level, its reason as `type`, no error object and no stack. */
async function expectWarned(requestId: string | null, type: string) {
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  await expect.poll(() => logLines.find((line) => line.requestId === requestId)).toBeDefined();
  const line = logLines.find((l) => l.requestId === requestId)!;
  expect(line).toMatchObject({ level: 40, type });
  expect(line).not.toHaveProperty('err');
  expect(JSON.stringify(line)).not.toMatch(/stack|\bat .+\.(ts|js):\d+/);
}

const errorLines = () => logLines.filter((line) => Number(line.level) >= 50);

describe('malformed requests', () => {
  beforeEach(() => {
    logLines.length = 0;
  });

  it('a query that does not parse: 400 for graphql-response+json, 200 for plain JSON, as the spec says', async () => {
    const refused = await postQuery('{ node(id: ');
    expectRefused(refused, 400, 'GRAPHQL_PARSE_FAILED', /^Syntax Error: /);
    await expectWarned(refused.requestId, 'GRAPHQL_PARSE_FAILED');

    for (const accept of ['application/json', '*/*', '']) {
      const plain = await postQuery('{ node(id: ', { accept });
      expectRefused(plain, 200, 'GRAPHQL_PARSE_FAILED', /^Syntax Error: /, 'application/json');
    }
    expect(errorLines()).toEqual([]);
  });

  it('a query that does not validate: 400 for graphql-response+json, 200 for plain JSON', async () => {
    const refused = await postQuery('{ nope }');
    expectRefused(refused, 400, 'GRAPHQL_VALIDATION_FAILED', /Cannot query field "nope" on type "Query"/);
    await expectWarned(refused.requestId, 'GRAPHQL_VALIDATION_FAILED');
    const plain = await postQuery('{ nope }', { accept: 'application/json' });
    expectRefused(plain, 200, 'GRAPHQL_VALIDATION_FAILED', /nope/, 'application/json');
    expect(errorLines()).toEqual([]);
  });

  it(`the token limit: ${LIMITS.maxTokens} tokens parse, one more is a 400 that names the limit`, async () => {
    // 18 tokens around the list, then one per kind (commas are not tokens). Many identical fields
    // would do, but graphql-js gives up comparing that many for overlaps ("Validation aborted").
    const query = (tokens: number) =>
      `{ neighbourhood(id: "biology", kinds: [${Array<string>(tokens - 18)
        .fill('SUBJECT')
        .join(', ')}]) { center { id } } }`;
    const atLimit = await postQuery(query(LIMITS.maxTokens));
    expect(atLimit.status, JSON.stringify(atLimit.body).slice(0, 500)).toBe(200);
    expect(atLimit.body.data).toEqual({ neighbourhood: { center: { id: 'biology' } } });

    const refused = await postQuery(query(LIMITS.maxTokens + 1));
    expectRefused(
      refused,
      400,
      'GRAPHQL_PARSE_FAILED',
      new RegExp(`^The query has more than ${LIMITS.maxTokens} tokens .* Ask for fewer fields`),
    );
    await expectWarned(refused.requestId, 'GRAPHQL_PARSE_FAILED');
    expect(errorLines()).toEqual([]);
  });

  it("graphql-armor's other limits: a 400 with armor's message", async () => {
    const deep = `{ ${'... on Query { '.repeat(LIMITS.maxDepth + 2)}stats { totalNodes }${' }'.repeat(LIMITS.maxDepth + 2)} }`;
    const refused = await postQuery(deep);
    expectRefused(refused, 400, 'GRAPHQL_VALIDATION_FAILED', /Query depth limit of 10 exceeded/);
    await expectWarned(refused.requestId, 'GRAPHQL_VALIDATION_FAILED');
    const aliases = `{ ${Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `a${i}: node(id: "biology") { id }`).join(' ')} }`;
    expectRefused(await postQuery(aliases), 400, 'GRAPHQL_VALIDATION_FAILED', /Aliases limit of 15 exceeded/);
    expect(errorLines()).toEqual([]);
  });

  it('an unsupported charset: 415, asking for UTF-8', async () => {
    const refused = await postQuery('{ stats { totalNodes } }', {
      'content-type': 'application/json; charset=latin1',
    });
    expectRefused(
      refused,
      415,
      'CHARSET_UNSUPPORTED',
      /charset "latin1" is not supported\. Send the body as UTF-8/,
    );
    await expectWarned(refused.requestId, 'charset.unsupported');
    expect(errorLines()).toEqual([]);
  });

  it('a body that does not decompress: 400; an unknown Content-Encoding: 415', async () => {
    const garbage = await post('this is not gzip', { 'content-encoding': 'gzip' });
    expectRefused(
      garbage,
      400,
      'BODY_NOT_DECODABLE',
      /could not be decompressed as its Content-Encoding says/,
    );
    await expectWarned(garbage.requestId, 'BODY_NOT_DECODABLE');

    const unknown = await post('{}', { 'content-encoding': 'compress' });
    expectRefused(
      unknown,
      415,
      'CONTENT_ENCODING_UNSUPPORTED',
      /"compress" is not supported\. Send the body uncompressed/,
    );
    await expectWarned(unknown.requestId, 'encoding.unsupported');
    expect(errorLines()).toEqual([]);
  });

  it('a body that is not JSON: 400; too large: 413', async () => {
    const notJson = await post('{"password": correct horse battery staple}');
    expectRefused(notJson, 400, 'BODY_NOT_JSON', /^The request body is not valid JSON\./);
    await expectWarned(notJson.requestId, 'entity.parse.failed');
    // JSON.parse's own message quotes the body ("…assword": correct ho"…); the log must not.
    expect(JSON.stringify(logLines)).not.toContain('correct ho');

    const tooLarge = await postQuery('{ stats { totalNodes } }', {}, { padding: 'x'.repeat(200_000) });
    expectRefused(tooLarge, 413, 'REQUEST_TOO_LARGE', /^The request is larger than 100kb/);
    await expectWarned(tooLarge.requestId, 'entity.too.large');
    expect(errorLines()).toEqual([]);
  });

  it('a body the client stops sending: a warn line, not an error with a stack', async () => {
    const url = new URL(`${api.url}/graphql`);
    await new Promise<void>((resolve) => {
      const request = httpRequest({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        // 100-continue: the server answers it once the request is handed to Express, so the body
        // parser is reading when the connection drops.
        headers: { 'content-type': 'application/json', 'content-length': '1000', expect: '100-continue' },
      });
      request.on('continue', () => {
        request.write('{"query": "{ stats');
        setTimeout(() => {
          request.destroy();
          resolve();
        }, 50);
      });
      request.on('error', () => undefined);
    });
    await expect.poll(() => logLines.find((line) => line.type === 'request.aborted')).toBeDefined();
    const line = logLines.find((l) => l.type === 'request.aborted')!;
    await expectWarned(String(line.requestId), 'request.aborted');
    expect(errorLines()).toEqual([]);
  });

  it('a persisted query whose hash does not match: 400 with a reason and what to send', async () => {
    const query = '{ stats { totalNodes } }';
    const persisted = (sha256Hash: string) => ({
      extensions: { persistedQuery: { version: 1, sha256Hash } },
    });
    const refused = await postQuery(query, {}, persisted('0'.repeat(64)));
    expectRefused(
      refused,
      400,
      'PERSISTED_QUERY_HASH_MISMATCH',
      /sha256Hash is not the SHA-256 of the query sent with it\. Send the lowercase hex SHA-256/,
    );
    await expectWarned(refused.requestId, 'PERSISTED_QUERY_HASH_MISMATCH');

    const version = await postQuery(
      query,
      {},
      { extensions: { persistedQuery: { version: 2, sha256Hash: 'x' } } },
    );
    expectRefused(
      version,
      400,
      'PERSISTED_QUERY_VERSION_UNSUPPORTED',
      /send extensions\.persistedQuery\.version 1/,
    );

    const right = await postQuery(query, {}, persisted(createHash('sha256').update(query).digest('hex')));
    expect(right.status).toBe(200);
    expect(right.body.errors).toBeUndefined();
    expect(errorLines()).toEqual([]);
  });
});

describe('GET', () => {
  const get = (params: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${api.url}/graphql?${new URLSearchParams(params)}`, {
      headers: { accept: CLIENT_ACCEPT, ...headers },
    });
  const query = 'query ($id: ID!) { node(id: $id) { id } }';
  const variables = JSON.stringify({ id: 'biology' });

  it('refuses a simple GET, which any page could make a browser send (CSRF)', async () => {
    const response = await get({ query, variables });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Answer['body'];
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' });
    expect(body.errors?.[0]?.message).toMatch(/Cross-Site Request Forgery.*apollo-require-preflight/s);
  });

  it('answers a query with URL-encoded variables when a non-simple header forces a preflight', async () => {
    const response = await get({ query, variables }, { 'apollo-require-preflight': 'true' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { node: { id: 'biology' } } });
  });

  it('refuses a mutation over GET with 405, even with the header', async () => {
    const response = await get({ query: 'mutation { signOut }' }, { 'apollo-require-preflight': 'true' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    const body = (await response.json()) as Answer['body'];
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BAD_REQUEST' });
  });

  it('refuses a POST a form could send (text/plain), which needs no preflight either', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', accept: CLIENT_ACCEPT },
      body: JSON.stringify({ query: '{ stats { totalNodes } }' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Answer['body'];
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
