// The GraphQL API over real HTTP against the real, seeded Neo4j.
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  postGraphQL,
  startTestServer,
  withUnreachableNeo4j,
  type TestServer,
} from '../support/http-server.ts';
import { rawCounts, testDriver, testNeo4j } from '../support/neo4j.ts';

let driver: Driver;
let server: TestServer;
const queries: string[] = [];

beforeAll(async () => {
  driver = testDriver();
  server = await startTestServer(driver, { onQuery: (cypher) => queries.push(cypher) });
});
afterAll(async () => {
  await server.close();
  await driver.close();
});

const STATS = '{ stats { nodes { kind count } totalNodes totalRelationships } }';

describe('stats', () => {
  it('returns the counts per kind that Cypher finds, in one round trip', async () => {
    queries.length = 0;
    const result = await postGraphQL<{
      stats: { nodes: { kind: string; count: number }[]; totalNodes: number };
    }>(server.url, STATS);
    expect(result.errors).toBeUndefined();
    const expected = await rawCounts(driver);
    const byKind = Object.fromEntries(result.data!.stats.nodes.map((n) => [n.kind, n.count]));
    expect(byKind).toEqual({
      SUBJECT: expected.Subject,
      FIELD: expected.Field,
      SKILL: expected.Skill,
      CAREER: expected.Career,
      COURSE: expected.Course,
      APPLICATION: expected.Application,
    });
    expect(result.data!.stats.totalNodes).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    expect(queries).toHaveLength(1);
  });
});

describe('node', () => {
  it('returns a career with its own fields', async () => {
    const result = await postGraphQL(
      server.url,
      `query ($id: ID!) { node(id: $id) { __typename id kind name ... on Career { onetSoc jobZone riasec outlook education } } }`,
      { id: 'hydrologist' },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({
      node: { __typename: 'Career', id: 'hydrologist', kind: 'CAREER', onetSoc: '19-2043.00' },
    });
  });

  it('answers an unknown id with NOT_FOUND and a malformed one with BAD_USER_INPUT', async () => {
    const unknown = await postGraphQL(server.url, 'query ($id: ID!) { node(id: $id) { id } }', {
      id: 'no-such-node',
    });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'no-such-node' });
    expect(unknown.errors?.[0]?.message).toContain('no-such-node');

    const malformed = await postGraphQL(server.url, 'query ($id: ID!) { node(id: $id) { id } }', {
      id: "x'}) DETACH DELETE n //",
    });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
  });
});

describe('neighbourhood', () => {
  it('returns the neighbours of Biology with a reason on every edge', async () => {
    const result = await postGraphQL<{
      neighbourhood: {
        center: { id: string };
        nodes: { id: string; kind: string }[];
        edges: { from: string; to: string; why: string; type: string }[];
      };
    }>(
      server.url,
      `{ neighbourhood(id: "biology", depth: 1, first: 200) { center { id } nodes { id kind } edges { type from to why } truncated } }`,
    );
    expect(result.errors).toBeUndefined();
    const { center, nodes, edges } = result.data!.neighbourhood;
    expect(center.id).toBe('biology');
    expect(nodes[0]?.id).toBe('biology');
    expect(edges).toContainEqual(
      expect.objectContaining({ type: 'LEADS_TO', from: 'biology', to: 'environmental-science' }),
    );
    for (const edge of edges) expect(edge.why.length).toBeGreaterThan(10);

    const direct = await driver.executeQuery(
      `MATCH (:Entity {id: 'biology'})--(m:Entity) RETURN count(DISTINCT m) AS n`,
      {},
      { database: testNeo4j().database },
    );
    expect(nodes).toHaveLength(1 + (direct.records[0]?.get('n') as number));
  });

  it('cuts off at `first` and says so', async () => {
    const result = await postGraphQL<{ neighbourhood: { nodes: unknown[]; truncated: boolean } }>(
      server.url,
      `{ neighbourhood(id: "biology", first: 3) { nodes { id } truncated } }`,
    );
    expect(result.data?.neighbourhood.nodes).toHaveLength(4);
    expect(result.data?.neighbourhood.truncated).toBe(true);
  });

  it('refuses a depth out of range with BAD_USER_INPUT naming it', async () => {
    const result = await postGraphQL(server.url, `{ neighbourhood(id: "biology", depth: 3) { truncated } }`);
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
        const result = await postGraphQL(server.url, query, variables);
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

  it('answers a body that is too large or not JSON with BAD_USER_INPUT', async () => {
    const tooLarge = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ stats { totalNodes } }`, padding: 'x'.repeat(200_000) }),
    });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });

    const notJson = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
  });
});

describe('health', () => {
  it('is live and ready while Neo4j answers', async () => {
    expect((await fetch(`${server.url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${server.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', neo4j: true });
  });

  it('is not ready, and queries say SERVICE_UNAVAILABLE, while Neo4j is unreachable', async () => {
    await withUnreachableNeo4j(async (url) => {
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${url}/health/ready`);
      expect(ready.status).toBe(503);
      const result = await postGraphQL(url, STATS);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(result.errors?.[0]?.extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
