// Faults: a Neo4j that goes away and comes back, and one killed outright in the middle of a large
// import. Stopping and killing must not touch the run's shared Neo4j, so this file starts a private
// one on a port of its own, restarts it on the same data folder and port, and stops it at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../seed/load.ts';
import { PROJECT_ROOT, SEED_DATA_DIR } from '../../seed/paths.ts';
import { readCheckedSeed } from '../../seed/prepare.ts';
import { applyDatabaseSchema } from '../../server/graph/database-schema.ts';
import type { GraphContext } from '../../server/graph/executor.ts';
import { exportGraph, importGraph } from '../../server/graph/transfer.ts';
import { createDriver } from '../../server/neo4j/driver.ts';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../server/neo4j/local-server.ts';
import { ensureNeo4jDistribution } from '../../server/neo4j/provision.ts';
import { silentProgress } from '../../server/progress.ts';
import { parseImport, toGraphJson } from '../../server/transfer/index.ts';
import { postGraphQL, startTestServer, type TestServer } from '../support/http-server.ts';

const RESTART_MS = 240_000;
const actor = { id: 'faults-test', email: 'faults-test@example.org' };

let home: string;
let port: number;
let classpath: string;
let local: LocalNeo4j | undefined;
let driver: Driver;
let ctx: GraphContext;
let server: TestServer;

const startNeo4j = async () => {
  local = await startLocalNeo4j({ classpath, home, port, heapMb: 512, pageCacheMb: 128 });
};

const ready = async () => (await fetch(`${server.url}/health/ready`)).status;

async function waitUntilReady(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await ready()) !== 200) {
    if (Date.now() > deadline) throw new Error('the server did not become ready again');
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'pathways-faults-neo4j-'));
  port = await freePort();
  classpath = ensureNeo4jDistribution(PROJECT_ROOT, silentProgress).classpath;
  await startNeo4j();
  driver = createDriver({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: '' });
  ctx = { driver, database: undefined, timeoutMs: 30_000 };
  await loadSeed(driver, readCheckedSeed(SEED_DATA_DIR));
  await applyDatabaseSchema(ctx);
  server = await startTestServer(driver);
}, RESTART_MS);

afterAll(async () => {
  try {
    await server?.close();
    await driver?.close();
  } finally {
    await local?.stop();
    rmSync(home, { recursive: true, force: true });
  }
});

const NODE = 'query ($id: ID!) { node(id: $id) { id name } }';
/** Each read, its variables, and the error code it answers with once the database is back (none: data). */
const READS: [string, Record<string, unknown>, string?][] = [
  [NODE, { id: 'biology' }],
  ['{ stats { totalNodes } }', {}],
  ['query ($t: String!) { search(text: $t) { hits { node { id } } } }', { t: 'water' }],
  ['{ subjectCareers(subject: "biology", first: 3) { paths { career { id } } } }', {}],
  // A curation read and a plan read go through the same door as the public reads.
  ['query ($id: ID!) { nodeRecord(id: $id) { version } }', { id: 'biology' }],
  // No such plan: NOT_FOUND once the database can be asked again proves the read reached it.
  ['query ($id: ID!) { plan(id: $id) { id } }', { id: 'aaaaaaaaaaaaaaaaaaaaaa' }, 'NOT_FOUND'],
];

describe('Neo4j goes away and comes back', () => {
  it(
    'answers reads with SERVICE_UNAVAILABLE and /health/ready 503 while it is down, then recovers without a restart',
    async () => {
      expect(await ready()).toBe(200);
      const up = await postGraphQL<{ node: { name: string } }>(server.url, NODE, { id: 'biology' });
      expect(up.data?.node.name).toBe('Biology');

      await local?.stop();
      for (const [query, variables] of READS) {
        const down = await postGraphQL(server.url, query, variables);
        expect(down.status).toBe(200);
        expect(down.data ?? null).toBeNull();
        expect(down.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
        expect(down.errors?.[0]?.extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);
        expect(down.errors?.[0]?.message).toMatch(/not reachable/);
      }
      expect(await ready()).toBe(503);
      expect((await fetch(`${server.url}/health/live`)).status).toBe(200);

      await startNeo4j();
      await waitUntilReady();
      for (const [query, variables, code] of READS) {
        const again = await postGraphQL(server.url, query, variables);
        if (code) expect(again.errors?.[0]?.extensions?.code).toBe(code);
        else expect(again.errors, JSON.stringify(again.errors)).toBeUndefined();
      }
    },
    RESTART_MS,
  );
});

/** The seeded graph plus `extra` new skills and a changed description on every existing node. */
function bigImport(exported: string, extra: number): string {
  const graph = JSON.parse(exported) as {
    nodes: { label: string; id: string; properties: Record<string, unknown> }[];
  };
  const skill = graph.nodes.find((n) => n.label === 'Skill');
  if (!skill) throw new Error('the seed has no skill to copy');
  for (const node of graph.nodes) {
    if (typeof node.properties.description === 'string') {
      node.properties.description = `${node.properties.description} (changed by the fault test)`;
    }
  }
  for (let i = 0; i < extra; i += 1) {
    graph.nodes.push({
      label: 'Skill',
      id: `fault-skill-${i}`,
      properties: { ...skill.properties, name: `Fault skill ${i}` },
    });
  }
  return JSON.stringify(graph);
}

describe('Neo4j killed in the middle of a large import', () => {
  it(
    'loses the whole import and nothing else: the export after a restart equals the one before',
    async () => {
      const before = toGraphJson(await exportGraph(ctx));
      const content = bigImport(before, 20_000);
      const parsed = parseImport('JSON', [{ name: 'big.json', content }], { maxBytes: 64 * 1024 * 1024 });
      expect(parsed.problems).toEqual([]);

      let batchesWritten = 0;
      let totalBatches = 0;
      const killed = new Promise<void>((resolve) => {
        const pid = local?.pid ?? -1;
        void importGraph(ctx, actor, parsed, {
          dryRun: false,
          onProgress: (done, total) => {
            batchesWritten = done;
            totalBatches = total;
            // A few batches in: the transaction holds uncommitted writes when the JVM dies.
            if (done === 3) {
              process.kill(pid, 'SIGKILL');
              resolve();
            }
          },
        }).then(
          () => resolve(),
          () => resolve(),
        );
      });
      await killed;
      expect(batchesWritten).toBeGreaterThanOrEqual(3);
      expect(totalBatches).toBeGreaterThan(10);
      expect(batchesWritten).toBeLessThan(totalBatches);
      await local?.stop();

      await startNeo4j();
      await waitUntilReady();
      expect(toGraphJson(await exportGraph(ctx))).toBe(before);
      const changes = await driver.executeQuery("MATCH (c:Change {action: 'IMPORT'}) RETURN count(c) AS n");
      expect(changes.records[0]?.get('n')).toBe(0);
    },
    RESTART_MS,
  );
});
