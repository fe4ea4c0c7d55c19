// Undo has one path whatever the size of the change: an import's undo of two states and one of two
// hundred are refused in the same words when a link cannot come back because its end is gone, and
// nothing is written either way. Over real HTTP against the run's Neo4j; every node here has an id
// with this file's random prefix, so the other test files sharing the database see nothing of it.
import { randomUUID } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, codeOf, makeAccount, signIn, type Session } from '../support/curator.ts';
import { startTestServer, type TestServer } from '../support/http-server.ts';
import { testDriver, testNeo4j } from '../support/neo4j.ts';

let driver: Driver;
let server: TestServer;
let counsellor: Session;

beforeAll(async () => {
  driver = testDriver();
  server = await startTestServer(driver);
  counsellor = await signIn(server.url, await makeAccount(driver, 'counsellor'));
});
afterAll(async () => {
  await server.close();
  await driver.close();
});

const IMPORT = `mutation ($files: [ImportFileInput!]!) {
  importGraph(format: JSON, files: $files, dryRun: false) { problems { message } change { id summary } }
}`;
const UNDO = `mutation ($id: ID!) { undo(changeId: $id) { id summary } }`;

async function cypher<T>(statement: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await driver.executeQuery(statement, params, { database: testNeo4j().database });
  return result.records.map((r) => r.toObject() as T);
}

/**
 * Everything of this test's that a refused undo could have touched: its nodes and links with every
 * property (provenance included), and the changes that name them with whether each is undone. Other
 * files write the same database at the same time, so the whole graph is not a fixed point; this is.
 */
async function snapshot(prefix: string): Promise<string> {
  const [row] = await cypher<{ nodes: unknown[]; links: unknown[]; changes: unknown[] }>(
    `CALL () { MATCH (n:Entity) WHERE n.id STARTS WITH $prefix
               WITH n ORDER BY n.id RETURN collect(n {.*}) AS nodes }
     CALL () { MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id STARTS WITH $prefix OR b.id STARTS WITH $prefix
               WITH a, r, b ORDER BY a.id, type(r), b.id
               RETURN collect([a.id, type(r), b.id, properties(r)]) AS links }
     CALL () { MATCH (c:Change) WHERE any(id IN c.nodeIds WHERE id STARTS WITH $prefix)
               WITH c ORDER BY c.seq RETURN collect(c {.id, .seq, .undoneBy}) AS changes }
     RETURN nodes, links, changes`,
    { prefix },
  );
  return JSON.stringify(row);
}

const graphFile = (
  nodes: { label: string; id: string; properties: Record<string, unknown> }[],
  relationships: { type: string; from: string; to: string; properties: Record<string, unknown> }[] = [],
) => ({
  name: 'pathways-graph.json',
  content: JSON.stringify({ format: 'pathways-graph', version: 1, nodes, relationships }),
});

async function importFile(file: { name: string; content: string }): Promise<{ id: string; summary: string }> {
  const result = await call<{
    importGraph: { problems: { message: string }[]; change: { id: string; summary: string } | null };
  }>(server.url, IMPORT, { files: [file] }, counsellor);
  expect(result.errors).toBeUndefined();
  expect(result.data?.importGraph.problems).toEqual([]);
  return result.data!.importGraph.change!;
}

async function undo(id: string) {
  return call<{ undo: { id: string; summary: string } }>(server.url, UNDO, { id }, counsellor);
}

/**
 * A subject (its own change) and `skills` skills, each linked from it (one IMPORT change of
 * 2 × skills states: a node and a link per skill).
 */
async function importHubAndSkills(skills: number) {
  const prefix = `undo-conflict-${randomUUID().slice(0, 8)}`;
  const hub = `${prefix}-hub`;
  const hubChange = await importFile(
    graphFile([
      {
        label: 'Subject',
        id: hub,
        properties: {
          name: 'Undo Conflict Hub',
          description: 'A made-up subject that every skill of the undo conflict test is linked from.',
          aliases: [],
        },
      },
    ]),
  );
  const ids = Array.from({ length: skills }, (_, i) => `${prefix}-skill-${i}`);
  const skillsChange = await importFile(
    graphFile(
      ids.map((id, i) => ({
        label: 'Skill',
        id,
        properties: {
          name: `Undo Probe Skill ${i}`,
          description: 'A made-up skill that the undo conflict test imports and takes out again.',
          aliases: [],
          kind: 'soft',
        },
      })),
      ids.map((id) => ({
        type: 'DEVELOPS',
        from: hub,
        to: id,
        properties: { why: 'The hub subject practises this made-up probe skill.', weight: 0.5 },
      })),
    ),
  );
  const [states] = await cypher<{ before: string }>('MATCH (c:Change {id: $id}) RETURN c.before AS before', {
    id: skillsChange.id,
  });
  expect((JSON.parse(states!.before) as unknown[]).length).toBe(2 * skills);
  return { prefix, hub, ids, hubChange, skillsChange };
}

describe('undoing an undo whose links lost an end', () => {
  // 2 states (a skill and its link) and 200 states: either side of the size where undo used to take
  // a second, batched path that failed with a generic error instead of a CONFLICT.
  it.each([
    { skills: 1, states: 2 },
    { skills: 100, states: 200 },
  ])(
    'refuses with CONFLICT, names the missing end and writes nothing: $states states',
    async ({ skills }) => {
      const { prefix, hub, hubChange, skillsChange } = await importHubAndSkills(skills);
      const removed = await undo(skillsChange.id);
      expect(removed.errors).toBeUndefined();
      // The hub's creation can be undone: the only later changes that touched it are undone or undos.
      expect((await undo(hubChange.id)).errors).toBeUndefined();
      expect(await cypher('MATCH (n:Entity {id: $hub}) RETURN n', { hub })).toEqual([]);

      const before = await snapshot(prefix);
      const redo = await undo(removed.data!.undo.id);
      expect(codeOf(redo)).toBe('CONFLICT');
      expect(redo.errors?.[0]?.extensions?.id).toBe(hub);
      const noun = skills === 1 ? 'skill' : 'skills';
      const relationships = skills === 1 ? 'relationship' : 'relationships';
      expect(redo.errors?.[0]?.message).toBe(
        `"Undid: Imported from JSON: created ${skills} ${noun}; wrote ${skills} ${relationships}" cannot be undone: "${hub}" no longer exists, so its link cannot come back.`,
      );
      expect(await snapshot(prefix)).toBe(before);
      const [left] = await cypher<{ n: number }>(
        'MATCH (n:Entity) WHERE n.id STARTS WITH $prefix RETURN count(n) AS n',
        { prefix },
      );
      expect(left?.n).toBe(0);
    },
  );

  it('redoes a 200-state import by undoing its undo while every end is there', async () => {
    const { prefix, hub, ids, skillsChange } = await importHubAndSkills(100);
    const removed = await undo(skillsChange.id);
    expect(removed.errors).toBeUndefined();
    const redo = await undo(removed.data!.undo.id);
    expect(redo.errors).toBeUndefined();
    const [linked] = await cypher<{ n: number }>(
      'MATCH (:Subject {id: $hub})-[:DEVELOPS]->(s:Skill) WHERE s.id STARTS WITH $prefix RETURN count(s) AS n',
      { hub, prefix },
    );
    expect(linked?.n).toBe(ids.length);
  });
});
