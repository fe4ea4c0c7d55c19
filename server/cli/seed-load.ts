// `npm run seed [-- --curated-only | <seed dir>]`: builds and checks the default graph (the O*NET
// release under the curated seed; the curated seed alone with --curated-only or a seed folder), then
// loads it into the configured Neo4j (NEO4J_URI, or the local one, started for the load and stopped
// after). Safe to run again: unchanged records are skipped.
import { ConfigError, loadConfig } from '../config.ts';
import { StartupError } from '../errors.ts';
import { loaderDoor } from '../graph/loader-door.ts';
import { openDatabase } from '../neo4j/database.ts';
import { printProgress } from '../progress.ts';
import { formatLoadReport, loadSeed } from '../../seed/load.ts';
import { PROJECT_ROOT, SEED_DATA_DIR } from '../../model/paths.ts';
import { readDefaultGraph } from '../../seed/default-graph.ts';
import { readCheckedSeed } from '../../seed/prepare.ts';
import { CrosswalkError } from '../../seed/onet/crosswalks.ts';
import { ReleaseError } from '../../seed/onet/release.ts';
import { SeedFileError } from '../../seed/read.ts';

try {
  const config = loadConfig();
  // Validate everything before the database is even started: a bad file must not cost a JVM start.
  const [argument] = process.argv.slice(2);
  const data =
    argument === '--curated-only'
      ? readCheckedSeed(SEED_DATA_DIR)
      : argument
        ? readCheckedSeed(argument)
        : readDefaultGraph().data;
  const database = await openDatabase(config, PROJECT_ROOT, printProgress);
  try {
    const report = await loadSeed(loaderDoor(database.driver, database.name), data, {
      onBatch: (done, total) => process.stdout.write(`\r[pathways] Loading batch ${done}/${total}`),
    });
    process.stdout.write('\n');
    console.log(formatLoadReport(report));
  } finally {
    await database.close();
  }
} catch (error) {
  if (
    error instanceof ConfigError ||
    error instanceof StartupError ||
    error instanceof SeedFileError ||
    error instanceof ReleaseError ||
    error instanceof CrosswalkError
  ) {
    console.error(`[pathways] ${error.message}`);
    process.exitCode = 1;
  } else throw error;
}
