// Faults: a Neo4j that goes away and comes back, and one killed outright in the middle of a large
// import. Stopping and killing must not touch the run's shared Neo4j, so this file starts a private
// one on a port of its own, restarts it on the same data folder and port, and stops it at the end.
import { describe, expect, it } from 'vitest';
import {
  NodeRecordDocument,
  PlanDocument,
  SearchDocument,
  StatsDocument,
  SubjectCareersDocument,
} from '../../client/src/api/generated/graphql.ts';
import { exportGraph } from '../../server/graph/export.ts';
import { importGraph } from '../../server/graph/import-graph.ts';
import { parseImport, toGraphJson } from '../../server/transfer/index.ts';
import { NodeSummaryDocument } from '../generated/graphql.ts';
import type { Session } from '../support/curator.ts';
import { serve, useOwnNeo4j, type GraphQLResult } from '../support/harness.ts';

const RESTART_MS = 240_000;
const actor = { id: 'faults-test', email: 'faults-test@example.org' };

const neo4j = useOwnNeo4j('faults', { seed: true });
const api = serve(neo4j);

let signedIn: Session | undefined;
const curator = (): Session => {
  if (!signedIn) throw new Error('sign in before the reads');
  return signedIn;
};

const ready = async () => (await fetch(`${api.url}/health/ready`)).status;

async function waitUntilReady(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await ready()) !== 200) {
    if (Date.now() > deadline) throw new Error('the server did not become ready again');
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Each read, and the error code it answers with once the database is back (none: data). */
const READS: [() => Promise<GraphQLResult<unknown>>, string?][] = [
  [() => api.request(NodeSummaryDocument, { id: 'biology' })],
  [() => api.request(StatsDocument)],
  [() => api.request(SearchDocument, { text: 'water' })],
  [() => api.request(SubjectCareersDocument, { subject: 'biology', first: 3 })],
  // A curation read and a plan read go through the same door as the public reads.
  [() => api.request(NodeRecordDocument, { id: 'biology' }, { session: curator() })],
  // No such plan: NOT_FOUND once the database can be asked again proves the read reached it.
  [() => api.request(PlanDocument, { id: 'aaaaaaaaaaaaaaaaaaaaaa' }), 'NOT_FOUND'],
];

describe('Neo4j goes away and comes back', () => {
  it(
    'answers reads with SERVICE_UNAVAILABLE and /health/ready 503 while it is down, then recovers without a restart',
    async () => {
      expect(await ready()).toBe(200);
      signedIn = await api.signInAs('counsellor');
      const up = await api.request(NodeSummaryDocument, { id: 'biology' });
      expect(up.data?.node.name).toBe('Biology');

      await neo4j.stop();
      for (const [read] of READS) {
        const down = await read();
        expect(down.status).toBe(200);
        expect(down.data ?? null).toBeNull();
        expect(down.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
        expect(down.errors?.[0]?.extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);
        expect(down.errors?.[0]?.message).toMatch(/not reachable/);
      }
      expect(await ready()).toBe(503);
      expect((await fetch(`${api.url}/health/live`)).status).toBe(200);

      await neo4j.start();
      await waitUntilReady();
      for (const [read, code] of READS) {
        const again = await read();
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
      const ctx = neo4j.graph;
      const before = toGraphJson(await exportGraph(ctx));
      const content = bigImport(before, 20_000);
      const parsed = parseImport('JSON', [{ name: 'big.json', content }], { maxBytes: 64 * 1024 * 1024 });
      expect(parsed.problems).toEqual([]);

      let batchesWritten = 0;
      let totalBatches = 0;
      const killed = new Promise<void>((resolve) => {
        const { pid } = neo4j;
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
      await neo4j.stop();

      await neo4j.start();
      await waitUntilReady();
      expect(toGraphJson(await exportGraph(ctx))).toBe(before);
      const [changes] = await neo4j.cypher<{ n: number }>(
        "MATCH (c:Change {action: 'IMPORT'}) RETURN count(c) AS n",
      );
      expect(changes?.n).toBe(0);
    },
    RESTART_MS,
  );
});
