// `npm start`: config → Neo4j (local or NEO4J_URI) → seed when empty → HTTP. Stops cleanly on
// Ctrl-C or SIGTERM, and a local Neo4j goes down with the process however it ends.
import { join } from 'node:path';
import { pino } from 'pino';
import { formatLoadReport, graphIsEmpty, loadSeed } from '../../seed/load.ts';
import { PROJECT_ROOT } from '../../model/paths.ts';
import { readDefaultGraph } from '../../seed/default-graph.ts';
import { CrosswalkError } from '../../seed/onet/crosswalks.ts';
import { ReleaseError } from '../../seed/onet/release.ts';
import { SeedFileError } from '../../seed/read.ts';
import { createApp } from '../app.ts';
import { applyDatabaseSchema } from '../graph/database-schema.ts';
import { startResultCache } from '../graph/graph-version.ts';
import { loaderDoor } from '../graph/loader-door.ts';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { StartupError } from '../errors.ts';
import { createHttpServer, listen } from '../listen.ts';
import { openDatabase, type Database } from '../neo4j/database.ts';
import { printProgress } from '../progress.ts';

let database: Database | undefined;

function fail(message: string): never {
  process.stderr.write(`[pathways] ${message}\n`);
  process.exit(1);
}

async function main(config: Config): Promise<void> {
  const started = Date.now();
  const logger = pino({ level: config.logLevel });
  database = await openDatabase(config, PROJECT_ROOT, printProgress);
  const { driver, name } = database;

  const door = loaderDoor(driver, name);
  if (await graphIsEmpty(door)) {
    printProgress('The graph is empty: building the default graph (O*NET 29.3 under the curated data)…');
    const { data, report: layer } = readDefaultGraph();
    printProgress(
      `${layer.occupations} O*NET occupations (${layer.matchedCareers} with a curated career), ${layer.onetSkills} O*NET skills; ${layer.unrated.length} occupations O*NET gives no ratings for.`,
    );
    const report = await loadSeed(door, data);
    printProgress(`Seeded.\n${formatLoadReport(report)}`);
  }

  // A graph loaded by an older version may lack what this one added; each statement is idempotent.
  await applyDatabaseSchema({ driver, database: name, timeoutMs: config.queryTimeoutMs });

  const results =
    config.resultCache.entries > 0
      ? await startResultCache(driver, name, { ...config.resultCache, timeoutMs: config.queryTimeoutMs })
      : undefined;

  const httpServer = createHttpServer();
  const app = await createApp({
    graph: {
      driver,
      database: name,
      timeoutMs: config.queryTimeoutMs,
      ...(results ? { cache: results.cache } : {}),
    },
    logger,
    clientDir: join(PROJECT_ROOT, 'dist', 'client'),
    httpServer,
    session: config.session,
    trustProxy: config.trustProxy,
  });
  httpServer.on('request', app.express);
  const port = await listen(httpServer, config.port, config.host);
  const shown = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
  printProgress(
    `Ready in ${((Date.now() - started) / 1000).toFixed(1)} s: http://${shown}:${port}  (GraphQL at /graphql, Ctrl-C to stop)`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    printProgress(`${signal}: stopping…`);
    await app.apollo.stop();
    results?.stop();
    await database?.close();
    printProgress('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(`${error.message}. Fix the variable and start again.`);
  throw error;
}

main(config).catch(async (error: unknown) => {
  await database?.close().catch(() => undefined);
  if (
    error instanceof StartupError ||
    error instanceof SeedFileError ||
    error instanceof ReleaseError ||
    error instanceof CrosswalkError
  )
    fail(error.message);
  fail(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
});
