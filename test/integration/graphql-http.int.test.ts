// The GraphQL API over real HTTP against the real, seeded Neo4j.
import { describe, expect, it } from 'vitest';
import { NeighbourhoodDocument, StatsDocument } from '../../client/src/api/generated/graphql.ts';
import { CareerNodeDocument, NodeIdDocument } from '../generated/graphql.ts';
import { apiAt, useHarness } from '../support/harness.ts';
import { postGraphQL, sendGraphQL, withUnreachableNeo4j } from '../support/http-server.ts';
import { rawCounts } from '../support/neo4j.ts';

const queries: string[] = [];
const api = useHarness({ onQuery: (cypher) => queries.push(cypher) });

describe('stats', () => {
  it('returns the counts per kind that Cypher finds, in one round trip', async () => {
    queries.length = 0;
    const { stats } = await api.ok(StatsDocument);
    const expected = await rawCounts(api.driver);
    const byKind = Object.fromEntries(stats.nodes.map((n) => [n.kind, n.count]));
    expect(byKind).toEqual({
      SUBJECT: expected.Subject,
      FIELD: expected.Field,
      SKILL: expected.Skill,
      CAREER: expected.Career,
      COURSE: expected.Course,
      APPLICATION: expected.Application,
    });
    expect(stats.totalNodes).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    expect(queries).toHaveLength(1);
  });
});

describe('node', () => {
  it('returns a career with its own fields', async () => {
    const data = await api.ok(CareerNodeDocument, { id: 'hydrologist' });
    expect(data).toMatchObject({
      node: { __typename: 'Career', id: 'hydrologist', kind: 'CAREER', onetSoc: '19-2043.00' },
    });
  });

  it('answers an unknown id with NOT_FOUND and a malformed one with BAD_USER_INPUT', async () => {
    const unknown = await api.request(NodeIdDocument, { id: 'no-such-node' });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'no-such-node' });
    expect(unknown.errors?.[0]?.message).toContain('no-such-node');

    const malformed = await api.request(NodeIdDocument, { id: "x'}) DETACH DELETE n //" });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
  });
});

describe('neighbourhood', () => {
  // Music, not Biology: over the default graph Biology has more than `first`'s maximum of neighbours.
  it('returns the neighbours of Music with a reason on every edge', async () => {
    const { center, nodes, edges } = (
      await api.ok(NeighbourhoodDocument, { id: 'music', depth: 1, first: 200 })
    ).neighbourhood;
    expect(center.id).toBe('music');
    expect(nodes[0]?.id).toBe('music');
    expect(edges).toContainEqual(
      expect.objectContaining({ type: 'LEADS_TO', from: 'music', to: 'performing-arts' }),
    );
    for (const edge of edges) expect(edge.why.length).toBeGreaterThan(10);

    const [direct] = await api.cypher<{ n: number }>(
      `MATCH (:Entity {id: 'music'})--(m:Entity) RETURN count(DISTINCT m) AS n`,
    );
    expect(nodes).toHaveLength(1 + direct!.n);
  });

  it('cuts off at `first` and says so', async () => {
    const result = await api.request(NeighbourhoodDocument, { id: 'biology', first: 3 });
    expect(result.data?.neighbourhood.nodes).toHaveLength(4);
    expect(result.data?.neighbourhood.truncated).toBe(true);
  });

  it('refuses a depth out of range with BAD_USER_INPUT naming it', async () => {
    const result = await api.request(NeighbourhoodDocument, { id: 'biology', depth: 3 });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'depth' });
  });
});

describe('errors over HTTP', () => {
  it('never leaks a stack trace, whatever NODE_ENV says', async () => {
    const saved = process.env.NODE_ENV;
    delete process.env.NODE_ENV;
    try {
      for (const [query, variables] of [
        ['{ nope }', {}],
        ['{ node(id: "Bad Id") { id } }', {}],
        ['query ($id: ID!) { node(id: $id) { id } }', {}],
        ['{ node(id: ', {}],
      ] as const) {
        const result = await postGraphQL(api.url, query, variables);
        expect(result.errors?.length).toBeGreaterThan(0);
        for (const error of result.errors ?? []) {
          expect(typeof error.extensions?.code).toBe('string');
          expect(error.extensions).not.toHaveProperty('stacktrace');
          expect(error.extensions).not.toHaveProperty('exception');
        }
      }
    } finally {
      if (saved !== undefined) process.env.NODE_ENV = saved;
    }
  });

  it('answers a body that is too large or not JSON with BAD_USER_INPUT and a 4xx', async () => {
    const tooLarge = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ stats { totalNodes } }`, padding: 'x'.repeat(200_000) }),
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await tooLarge.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', reason: 'REQUEST_TOO_LARGE' } }],
    });

    const notJson = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', reason: 'BODY_NOT_JSON' } }],
    });
  });

  it('answers a query that does not parse with 400 under graphql-response+json and 200 under JSON', async () => {
    // The GraphQL-over-HTTP spec: the status tells graphql-response+json clients; JSON clients read `errors`.
    for (const [accept, status] of [
      ['application/graphql-response+json', 400],
      ['application/json', 200],
    ] as const) {
      const result = await sendGraphQL(api.url, '{ node(id: ', {}, { headers: { accept } });
      expect(result.status, accept).toBe(status);
      expect(result.headers.get('content-type')).toBe(`${accept}; charset=utf-8`);
      expect(result.errors?.[0]?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'GRAPHQL_PARSE_FAILED',
      });
    }
  });
});

describe('health', () => {
  it('is live and ready while Neo4j answers', async () => {
    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${api.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', neo4j: true });
  });

  it('is not ready, and queries say SERVICE_UNAVAILABLE, while Neo4j is unreachable', async () => {
    await withUnreachableNeo4j(async (url) => {
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${url}/health/ready`);
      expect(ready.status).toBe(503);
      const result = await apiAt(url).request(StatsDocument);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(result.errors?.[0]?.extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
