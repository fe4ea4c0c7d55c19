// The product's result cache over real HTTP and the real Neo4j: a repeated public read costs no
// round trip, a counsellor's write is seen by the very next read, and a write made by another process
// is seen once the graph version it moved has been polled.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateNodeDocument, UpdateNodeDocument } from '../../client/src/api/generated/graphql.ts';
import { MOVE_LOAD_VERSION } from '../../server/graph/graph-version.ts';
import { NodeSummaryDocument } from '../generated/graphql.ts';
import { useHarness, type Api, type RunningApi, type Session } from '../support/harness.ts';

const queries: string[] = [];
/** Polls so rarely that only its own writes can refresh it within a test. */
const slowPoll = useHarness({ onQuery: (cypher) => queries.push(cypher), resultCachePollMs: 60_000 });
let fastPoll: RunningApi;
let counsellor: Session;

beforeAll(async () => {
  fastPoll = await slowPoll.startServer({ resultCachePollMs: 100 });
  counsellor = await slowPoll.signInAs('counsellor');
});
afterAll(async () => {
  await fastPoll.close();
});

async function description(api: Api, id: string): Promise<string | undefined> {
  const result = await api.request(NodeSummaryDocument, { id });
  expect(result.errors).toBeUndefined();
  return result.data?.node.description;
}

async function createSkill(): Promise<{ id: string; version: number }> {
  const id = `cache-probe-${randomUUID().slice(0, 8)}`;
  const result = await slowPoll.request(
    CreateNodeDocument,
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
    { session: counsellor },
  );
  expect(result.errors).toBeUndefined();
  return { id, version: result.data!.createNode.record.version };
}

describe('the result cache', () => {
  it('answers a repeated public read without going to Neo4j', async () => {
    const { id } = await createSkill();
    await description(slowPoll, id);
    queries.length = 0;
    await description(slowPoll, id);
    await description(slowPoll, id);
    expect(queries).toEqual([]);
  });

  it("shows a counsellor's write on the very next read", async () => {
    const { id, version } = await createSkill();
    expect(await description(slowPoll, id)).toMatch(/^A made-up skill/);
    const changed = 'Changed through the API, so the server that wrote it forgets what it had cached.';
    const result = await slowPoll.request(
      UpdateNodeDocument,
      { input: { id, version, fields: { description: changed } } },
      { session: counsellor },
    );
    expect(result.errors).toBeUndefined();
    expect(await description(slowPoll, id)).toBe(changed);
  });

  it('shows a write made by another process once it has polled the moved graph version', async () => {
    const { id } = await createSkill();
    expect(await description(fastPoll, id)).toMatch(/^A made-up skill/);
    const changed = 'Changed behind the server’s back, as a load or another server would.';
    // What every load does besides its own work: move the graph version.
    await slowPoll.cypher('MATCH (n:Entity {id: $id}) SET n.description = $changed', { id, changed });
    await slowPoll.cypher(MOVE_LOAD_VERSION);
    await expect.poll(() => description(fastPoll, id)).toBe(changed);
  });
});
