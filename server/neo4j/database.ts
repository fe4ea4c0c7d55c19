// Decides where the graph lives: the server named by NEO4J_URI, or a local Neo4j we provision and own.
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config.ts';
import { StartupError } from '../errors.ts';
import type { Progress } from '../progress.ts';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isReachable } from '../graph/executor.ts';
import { createDriver } from './driver.ts';
import { startLocalNeo4j } from './local-server.ts';
import { ensureNeo4jDistribution } from './provision.ts';

export interface Database {
  driver: Driver;
  uri: string;
  /** Undefined means the server's default database. */
  name: string | undefined;
  /** True when this process started the Neo4j and will stop it on close(). */
  local: boolean;
  close(): Promise<void>;
}

export async function openDatabase(config: Config, projectRoot: string, progress: Progress): Promise<Database> {
  const { neo4j } = config;
  if (neo4j.uri) {
    const driver = createDriver({ ...connectionOptions(neo4j), uri: neo4j.uri });
    try {
      await driver.verifyConnectivity({ database: neo4j.database });
    } catch (error) {
      await driver.close();
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new StartupError(
        `Cannot reach Neo4j at ${neo4j.uri}: ${reason}. Check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, or unset NEO4J_URI to start a local Neo4j.`,
      );
    }
    return { driver, uri: neo4j.uri, name: neo4j.database, local: false, close: () => driver.close() };
  }

  // A local Neo4j that another of our processes (say `npm start`) already runs holds the store lock;
  // command-line tools attach to it through the address it left behind.
  const running = await attachToRunning(neo4j.dataDir, neo4j);
  if (running) {
    progress(`Using the local Neo4j already running at ${running.uri}.`);
    return running;
  }

  const distribution = ensureNeo4jDistribution(projectRoot, progress);
  progress(`Starting local Neo4j (data in ${neo4j.dataDir}, heap ${neo4j.heapMb} MiB, page cache ${neo4j.pageCacheMb} MiB)…`);
  const started = Date.now();
  const server = await startLocalNeo4j({
    classpath: distribution.classpath,
    home: neo4j.dataDir,
    heapMb: neo4j.heapMb,
    pageCacheMb: neo4j.pageCacheMb,
  });
  progress(`Neo4j is up at ${server.uri} (pid ${server.pid}) after ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  const driver = createDriver({ ...connectionOptions(neo4j), uri: server.uri });
  const address = join(neo4j.dataDir, RUNNING_FILE);
  writeFileSync(address, `${server.uri}\n`);
  return {
    driver,
    uri: server.uri,
    name: neo4j.database,
    local: true,
    async close() {
      rmSync(address, { force: true });
      await driver.close();
      await server.stop();
    },
  };
}

/** Credentials and pool size from the config; the address is the caller's. */
function connectionOptions(neo4j: Config['neo4j']) {
  return { user: neo4j.user, password: neo4j.password, maxConnections: neo4j.maxConnections };
}

/** Where a running local Neo4j leaves its Bolt address, inside its data folder. */
export const RUNNING_FILE = 'bolt-address';

async function attachToRunning(
  dataDir: string,
  neo4j: Config['neo4j'],
): Promise<Database | null> {
  let uri: string;
  try {
    uri = readFileSync(join(dataDir, RUNNING_FILE), 'utf8').trim();
  } catch {
    return null;
  }
  if (!/^bolt:\/\/127\.0\.0\.1:\d+$/.test(uri)) return null;
  const driver = createDriver({ ...connectionOptions(neo4j), uri });
  if (!(await isReachable(driver, neo4j.database))) {
    // Left behind by a process that was killed; the store lock went with it.
    await driver.close();
    return null;
  }
  return { driver, uri, name: neo4j.database, local: false, close: () => driver.close() };
}
