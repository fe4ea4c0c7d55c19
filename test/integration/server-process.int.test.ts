// `npm start`'s entry point as a real process: it provisions, seeds, serves, and stops with no JVM left;
// and bad configuration or a busy port end it with one actionable line, exit code 1, no stack trace.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { StatsDocument } from '../../client/src/api/generated/graphql.ts';
import { freePort } from '../../server/neo4j/local-server.ts';
import { apiAt } from '../support/harness.ts';
import {
  finished,
  isRunning,
  killStragglers,
  spawnTs,
  waitForOutput,
  waitUntilGone,
} from '../support/processes.ts';
import { testNeo4j } from '../support/neo4j.ts';

const homes: string[] = [];
const tempHome = () => {
  const home = mkdtempSync(join(tmpdir(), 'pathways-start-test-'));
  homes.push(home);
  return home;
};
afterEach(killStragglers);
afterAll(() => {
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$/m;

function expectOneLineFailure(
  result: { code: number | null; stderr: string; stdout: string },
  text: string | RegExp,
) {
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(text);
  expect(result.stderr).not.toMatch(STACK_LINE);
  expect(result.stdout).not.toMatch(STACK_LINE);
}

describe('server process', () => {
  it('starts its own Neo4j, seeds the empty graph, serves it, and leaves no JVM after SIGTERM', async () => {
    const child = spawnTs('server/start/index.ts', {
      PORT: '0',
      NEO4J_URI: '',
      NEO4J_DATA_DIR: tempHome(),
      NEO4J_HEAP_MB: '256',
      NEO4J_PAGECACHE_MB: '64',
    });
    const done = finished(child);
    const [, pid] = await waitForOutput(child, /Neo4j is up at bolt:\/\/127\.0\.0\.1:\d+ \(pid (\d+)\)/);
    const [, port] = await waitForOutput(child, /Ready in [\d.]+ s: http:\/\/localhost:(\d+)/);
    const { stats } = await apiAt(`http://127.0.0.1:${port}`).ok(StatsDocument);
    expect(stats.totalNodes).toBeGreaterThan(500);

    child.kill('SIGTERM');
    const result = await done;
    expect(result.stdout).toContain('building the default graph (O*NET 29.3 under the curated data)');
    expect(result.code).toBe(0);
    expect(await waitUntilGone(Number(pid))).toBe(true);
    // A cold JVM start plus seeding an empty graph: on a loaded 2-core machine this can pass a minute.
  }, 150_000);

  it('takes its local Neo4j down with it even when killed with SIGKILL', async () => {
    const child = spawnTs('test/fixtures/hold-local-neo4j.ts');
    const [, pid, home] = await waitForOutput(child, /JAVA_PID (\d+) HOME (\S+)/);
    homes.push(home!);
    expect(isRunning(Number(pid))).toBe(true);
    child.kill('SIGKILL');
    expect(await waitUntilGone(Number(pid))).toBe(true);
  });

  it('rejects PORT=abc with one line naming the variable', async () => {
    const result = await finished(spawnTs('server/start/index.ts', { PORT: 'abc' }));
    expectOneLineFailure(result, /PORT="abc" must be a whole number/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('explains an unreachable NEO4J_URI', async () => {
    const uri = `bolt://127.0.0.1:${await freePort()}`;
    const result = await finished(spawnTs('server/start/index.ts', { NEO4J_URI: uri, PORT: '0' }));
    expectOneLineFailure(result, new RegExp(`Cannot reach Neo4j at ${uri}.*Check NEO4J_URI`));
  });

  it('explains a port that is already in use', async () => {
    const blocker: Server = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      const { uri, user, password } = testNeo4j();
      const result = await finished(
        spawnTs('server/start/index.ts', {
          NEO4J_URI: uri,
          NEO4J_USER: user,
          NEO4J_PASSWORD: password,
          PORT: String(port),
        }),
      );
      expectOneLineFailure(result, new RegExp(`Port ${port} is already in use`));
    } finally {
      blocker.close();
    }
  });

  it('explains a missing Java', async () => {
    const result = await finished(
      spawnTs('server/start/index.ts', { NEO4J_URI: '', PATH: '/nonexistent', PORT: '0' }),
    );
    expectOneLineFailure(result, /Java 17 or newer is needed/);
  });
});
