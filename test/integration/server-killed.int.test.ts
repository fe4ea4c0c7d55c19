// The API server stopped in the middle of a write. Killed outright (SIGKILL): the write and its audit
// record are one Neo4j transaction, so neither may be left behind, half or whole. Asked to stop
// (SIGTERM): it lets the write finish and answer before it exits.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportGraphDocument, type ImportGraphMutation } from '../../client/src/api/generated/graphql.ts';
import { apiAt, useTestGraph, type GraphQLResult } from '../support/harness.ts';
import { testNeo4j } from '../support/neo4j.ts';
import { finished, killStragglers, spawnTs, waitForOutput } from '../support/processes.ts';

const graph = useTestGraph();
const { cypher } = graph;
afterEach(killStragglers);

/** A graph file big enough that its import is still writing when the server is killed. */
function bigImport(prefix: string, count: number): string {
  return JSON.stringify({
    format: 'pathways-graph',
    version: 1,
    nodes: Array.from({ length: count }, (_, i) => ({
      label: 'Skill',
      id: `${prefix}-${i}`,
      properties: {
        name: `Kill probe skill ${i}`,
        description: 'A skill an import brings in while its server is killed, so it must never land.',
        aliases: [],
        kind: 'hard',
      },
    })),
    relationships: [],
  });
}

/** The import's transaction is at work in Neo4j. */
const writing = async () =>
  (
    await cypher<{ query: string }>(
      'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker RETURN currentQuery AS query',
      { marker: 'UNWIND' },
    )
  ).length > 0;

/** `npm start`'s entry point on the suite's Neo4j, with a large import sent and seen writing. */
async function serverWritingAnImport(prefix: string) {
  const neo4j = testNeo4j();
  const child = spawnTs('server/start/index.ts', {
    PORT: '0',
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: neo4j.user,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database ?? '',
    LOG_LEVEL: 'silent',
  });
  const done = finished(child);
  const [, port] = await waitForOutput(child, /Ready in [\d.]+ s: http:\/\/localhost:(\d+)/);
  const api = apiAt(`http://127.0.0.1:${port}`, graph.driver);
  const session = await api.signInAs('counsellor');
  const request: Promise<GraphQLResult<ImportGraphMutation> | Error> = api
    .request(
      ImportGraphDocument,
      { format: 'JSON', files: [{ name: 'graph.json', content: bigImport(prefix, 6000) }], dryRun: false },
      { session, headers: { 'x-pathways-upload': 'import' } },
    )
    .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  // Stop the server only once the import's transaction is writing, so neither test passes vacuously.
  const deadline = Date.now() + 60_000;
  while (!(await writing())) {
    if (Date.now() > deadline) throw new Error('the import never started writing');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { child, done, request };
}

const countOf = async (prefix: string) =>
  (
    await cypher<{ n: number }>('MATCH (n:Entity) WHERE n.id STARTS WITH $prefix RETURN count(n) AS n', {
      prefix,
    })
  )[0]!.n;

describe('server stopped mid-write', () => {
  it('when killed, leaves neither the import nor its audit record behind', async () => {
    const prefix = `kill-probe-${randomUUID().slice(0, 8)}`;
    const changesBefore = (await cypher<{ n: number }>('MATCH (c:Change) RETURN count(c) AS n'))[0]!.n;
    const { child, done, request } = await serverWritingAnImport(prefix);
    child.kill('SIGKILL');
    expect((await done).code).toBeNull();
    expect(await request).toBeInstanceOf(Error);

    // Neo4j rolls the transaction back once its client is gone.
    await expect.poll(writing, { timeout: 30_000 }).toBe(false);
    expect(await countOf(prefix)).toBe(0);
    const changesAfter = (await cypher<{ n: number }>('MATCH (c:Change) RETURN count(c) AS n'))[0]!.n;
    expect(changesAfter).toBe(changesBefore);
  }, 150_000);

  it('when asked to stop, finishes the import, answers it, then exits cleanly', async () => {
    const prefix = `drain-probe-${randomUUID().slice(0, 8)}`;
    const { child, done, request } = await serverWritingAnImport(prefix);
    try {
      child.kill('SIGTERM');
      const answer = await request;
      expect(answer).not.toBeInstanceOf(Error);
      const change = (answer as GraphQLResult<ImportGraphMutation>).data?.importGraph.change;
      expect(change?.id).toMatch(/^[0-9a-f-]{36}$/);
      expect((await done).code).toBe(0);
      expect(await countOf(prefix)).toBe(6000);
    } finally {
      // The shared graph goes back to what the other test files expect.
      await cypher('MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
    }
  }, 150_000);
});
