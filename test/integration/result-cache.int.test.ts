// The product's result cache over real HTTP and the real Neo4j: a repeated public read costs no
// round trip, a counsellor's write is seen by the very next read, and a write made by another process
// is seen once the graph version it moved has been polled.
import { randomUUID } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOVE_LOAD_VERSION } from '../../server/graph/graph-version.ts';
import { call, makeAccount, signIn, type Session } from '../support/curator.ts';
import { postGraphQL, startTestServer, type TestServer } from '../support/http-server.ts';
import { testDriver, testNeo4j } from '../support/neo4j.ts';

let driver: Driver;
/** Polls so rarely that only its own writes can refresh it within a test. */
let slowPoll: TestServer;
let fastPoll: TestServer;
let counsellor: Session;
const queries: string[] = [];

beforeAll(async () => {
  driver = testDriver();
  slowPoll = await startTestServer(driver, {
    onQuery: (cypher) => queries.push(cypher),
    resultCachePollMs: 60_000,
  });
  fastPoll = await startTestServer(driver, { resultCachePollMs: 100 });
  counsellor = await signIn(slowPoll.url, await makeAccount(driver, 'counsellor'));
});
afterAll(async () => {
  await slowPoll.close();
  await fastPoll.close();
  await driver.close();
});

const NODE = `query ($id: ID!) { node(id: $id) { id name description } }`;
const CREATE = `mutation ($input: CreateNodeInput!) { createNode(input: $input) { record { version } } }`;
const UPDATE = `mutation ($input: UpdateNodeInput!) { updateNode(input: $input) { record { version } } }`;

async function description(url: string, id: string): Promise<string | undefined> {
  const result = await postGraphQL<{ node: { description: string } | null }>(url, NODE, { id });
  expect(result.errors).toBeUndefined();
  return result.data?.node?.description;
}

async function createSkill(): Promise<{ id: string; version: number }> {
  const id = `cache-probe-${randomUUID().slice(0, 8)}`;
  const result = await call<{ createNode: { record: { version: number } } }>(
    slowPoll.url,
    CREATE,
    {
      input: {
        kind: 'SKILL',
        id,
        fields: {
          name: 'Cache Probe Skill',
          description: 'A made-up skill the result cache tests read and change.',
          skillKind: 'HARD',
        },
      },
    },
    counsellor,
  );
  expect(result.errors).toBeUndefined();
  return { id, version: result.data!.createNode.record.version };
}

describe('the result cache', () => {
  it('answers a repeated public read without going to Neo4j', async () => {
    const { id } = await createSkill();
    await description(slowPoll.url, id);
    queries.length = 0;
    await description(slowPoll.url, id);
    await description(slowPoll.url, id);
    expect(queries).toEqual([]);
  });

  it("shows a counsellor's write on the very next read", async () => {
    const { id, version } = await createSkill();
    expect(await description(slowPoll.url, id)).toMatch(/^A made-up skill/);
    const changed = 'Changed through the API, so the server that wrote it forgets what it had cached.';
    const result = await call(
      slowPoll.url,
      UPDATE,
      { input: { id, version, fields: { description: changed } } },
      counsellor,
    );
    expect(result.errors).toBeUndefined();
    expect(await description(slowPoll.url, id)).toBe(changed);
  });

  it('shows a write made by another process once it has polled the moved graph version', async () => {
    const { id } = await createSkill();
    expect(await description(fastPoll.url, id)).toMatch(/^A made-up skill/);
    const changed = 'Changed behind the server’s back, as a load or another server would.';
    // What every load does besides its own work: move the graph version.
    const database = testNeo4j().database;
    await driver.executeQuery(
      'MATCH (n:Entity {id: $id}) SET n.description = $changed',
      { id, changed },
      { database },
    );
    await driver.executeQuery(MOVE_LOAD_VERSION, {}, { database });
    await expect.poll(() => description(fastPoll.url, id)).toBe(changed);
  });
});
