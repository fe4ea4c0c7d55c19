// The production start: the compiled server (dist/, written by `npm run build`) run by plain node with
// NODE_ENV=production, as an install without dev dependencies runs it. It serves the graph, refuses
// introspection and serves the client; `npm start` in production runs it without building anything.
import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StatsDocument } from '../../client/src/api/generated/graphql.ts';
import { PROJECT_ROOT } from '../../model/paths.ts';
import { apiAt } from '../support/harness.ts';
import { finished, killStragglers, spawnNode, waitForOutput } from '../support/processes.ts';
import { testNeo4j } from '../support/neo4j.ts';

const COMPILED_START = join('dist', 'server', 'start', 'index.js');
const CLIENT_INDEX = join(PROJECT_ROOT, 'dist', 'client', 'index.html');
const BUILT = [join(PROJECT_ROOT, COMPILED_START), CLIENT_INDEX];

function productionEnv(): NodeJS.ProcessEnv {
  const { uri, user, password, database } = testNeo4j();
  return {
    NODE_ENV: 'production',
    PORT: '0',
    NEO4J_URI: uri,
    NEO4J_USER: user,
    NEO4J_PASSWORD: password,
    ...(database ? { NEO4J_DATABASE: database } : {}),
  };
}

beforeAll(() => {
  // Not a skip: a production start that was never built is exactly what this file is about.
  for (const file of BUILT) {
    if (!existsSync(file)) {
      throw new Error(`${relative(PROJECT_ROOT, file)} is missing: run npm run build first (npm test does).`);
    }
  }
});
afterEach(killStragglers);

describe('production start', () => {
  it('node dist/server/start/index.js serves health, GraphQL and the client, and refuses introspection', async () => {
    const child = spawnNode([COMPILED_START], productionEnv());
    const done = finished(child);
    const [, port] = await waitForOutput(child, /Ready in [\d.]+ s: http:\/\/localhost:(\d+)/, 60_000);
    const url = `http://127.0.0.1:${port}`;

    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', neo4j: true });

    const { stats } = await apiAt(url).ok(StatsDocument);
    expect(stats.totalNodes).toBeGreaterThan(500);

    const introspection = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    const refused = (await introspection.json()) as { data?: unknown; errors?: { message: string }[] };
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0]?.message).toMatch(/introspection is not allowed/i);

    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<title>Pathways');

    child.kill('SIGTERM');
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Stopped.');
  });

  it('npm start (scripts/run.mjs --build) with NODE_ENV=production runs dist/ and builds nothing', async () => {
    const clientBuiltAt = statSync(CLIENT_INDEX).mtimeMs;
    const child = spawnNode(['scripts/run.mjs', '--build', 'server/start/index.ts'], productionEnv());
    const done = finished(child);
    const [, port] = await waitForOutput(child, /Ready in [\d.]+ s: http:\/\/localhost:(\d+)/, 60_000);
    const { stats } = await apiAt(`http://127.0.0.1:${port}`).ok(StatsDocument);
    expect(stats.totalNodes).toBeGreaterThan(500);

    child.kill('SIGTERM');
    const result = await done;
    expect(result.code).toBe(0);
    // A build would have run codegen and Vite, and Vite empties and rewrites dist/client.
    expect(result.stdout).not.toMatch(/codegen|vite/i);
    expect(statSync(CLIENT_INDEX).mtimeMs).toBe(clientBuiltAt);
  });

  it('npm start with NODE_ENV=production and nothing compiled says to build first, exit code 1', async () => {
    // An entry point the build never writes stands for a dist/ that was never built.
    const result = await finished(
      spawnNode(['scripts/run.mjs', '--build', 'server/start/not-built.ts'], { NODE_ENV: 'production' }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/dist\/server\/start\/not-built\.js is missing: run npm run build first/);
    expect(result.stdout).toBe('');
  });
});
