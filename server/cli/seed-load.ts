// `npm run seed`: validates the curated data, then loads it into the configured Neo4j (NEO4J_URI, or
// the local one, started for the load and stopped after). Safe to run again: unchanged records are skipped.
import { ConfigError, loadConfig } from '../config.ts';
import { StartupError } from '../errors.ts';
import { loaderDoor } from '../graph/loader-door.ts';
import { openDatabase } from '../neo4j/database.ts';
import { printProgress } from '../progress.ts';
import { formatLoadReport, loadSeed } from '../../seed/load.ts';
import { PROJECT_ROOT, SEED_DATA_DIR } from '../../model/paths.ts';
import { readCheckedSeed } from '../../seed/prepare.ts';
import { SeedFileError } from '../../seed/read.ts';

try {
  const config = loadConfig();
  // Validate everything before the database is even started: a bad file must not cost a JVM start.
  const data = readCheckedSeed(process.argv[2] ?? SEED_DATA_DIR);
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
  if (error instanceof ConfigError || error instanceof StartupError || error instanceof SeedFileError) {
    console.error(`[pathways] ${error.message}`);
    process.exitCode = 1;
  } else throw error;
}
