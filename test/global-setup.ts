// One Neo4j per test run, shared by integration and e2e tests: the project's own local Neo4j on a
// free port with a throw-away data folder (or the server NEO4J_URI names), loaded once with the default
// graph `npm start` builds (O*NET under the curated seed), stopped after.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadSeed } from '../seed/load.ts';
import { PROJECT_ROOT } from '../model/paths.ts';
import { readDefaultGraph } from '../seed/default-graph.ts';
import { applyDatabaseSchema } from '../server/graph/database-schema.ts';
import { loaderDoor } from '../server/graph/loader-door.ts';
import { createDriver } from '../server/neo4j/driver.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../server/neo4j/local-server.ts';
import { ensureNeo4jDistribution } from '../server/neo4j/provision.ts';
import { printProgress } from '../server/progress.ts';
import type { TestNeo4j } from './support/neo4j.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let local: LocalNeo4j | undefined;
  let home: string | undefined;
  let neo4j: TestNeo4j;
  const external = process.env.NEO4J_URI?.trim();
  if (external) {
    neo4j = {
      uri: external,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE || undefined,
      local: false,
    };
  } else {
    const distribution = ensureNeo4jDistribution(PROJECT_ROOT, printProgress);
    home = mkdtempSync(join(tmpdir(), 'pathways-test-neo4j-'));
    printProgress(`Starting a throw-away Neo4j for the tests in ${home}…`);
    local = await startLocalNeo4j({ classpath: distribution.classpath, home, heapMb: 512, pageCacheMb: 256 });
    neo4j = { uri: local.uri, user: 'neo4j', password: '', database: undefined, local: true };
  }

  const driver = createDriver(neo4j);
  try {
    await loadSeed(loaderDoor(driver, neo4j.database), readDefaultGraph().data);
    await applyDatabaseSchema({ driver, database: neo4j.database, timeoutMs: 60_000 });
  } finally {
    await driver.close();
  }
  project.provide('neo4j', neo4j);

  return async () => {
    await local?.stop();
    if (home) rmSync(home, { recursive: true, force: true });
  };
}
