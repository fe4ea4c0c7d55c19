// `npm run seed:synthetic -- --nodes 100000 [--seed 1] [--batch 2000]`: generates a synthetic graph in
// the seed's format and loads it with the seed's own loader, printing the load's throughput.
//
// Where it goes: NEO4J_URI when set; else the local Neo4j in NEO4J_DATA_DIR when that is set (kept, so
// `NEO4J_DATA_DIR=… npm start` can serve it); else a throw-away local Neo4j in a temporary folder,
// deleted after the load. The default never touches .data/neo4j, the graph `npm start` serves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { StartupError } from '../errors.ts';
import { loaderDoor } from '../graph/loader-door.ts';
import { openDatabase } from '../neo4j/database.ts';
import { printProgress } from '../progress.ts';
import { formatLoadReport, loadSeedChunks } from '../../seed/load.ts';
import { PROJECT_ROOT } from '../../model/paths.ts';
import { SeedFileError } from '../../seed/read.ts';
import { checkedSynthetic, MIN_SYNTHETIC_NODES, syntheticCounts } from '../../seed/synthetic.ts';

class UsageError extends Error {}

/** "100000", "100k" and "1m" all work. */
function count(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const match = /^(\d+)([km]?)$/i.exec(value.trim());
  const scale = { '': 1, k: 1_000, m: 1_000_000 }[match?.[2]?.toLowerCase() ?? ''] ?? 1;
  if (!match?.[1]) throw new UsageError(`--${name} "${value}" must be a whole number such as 100000 or 100k`);
  return Number(match[1]) * scale;
}

function options() {
  const { values } = parseArgs({
    options: { nodes: { type: 'string' }, seed: { type: 'string' }, batch: { type: 'string' } },
  });
  const nodes = count('nodes', values.nodes, 10_000);
  if (nodes < MIN_SYNTHETIC_NODES) throw new UsageError(`--nodes must be at least ${MIN_SYNTHETIC_NODES}`);
  return {
    nodes,
    seed: count('seed', values.seed, 1),
    batchSize: count('batch', values.batch, 0) || undefined,
  };
}

let scratch: string | undefined;
try {
  const { nodes, seed, batchSize } = options();
  const external = Boolean(process.env.NEO4J_URI?.trim());
  const keep = external || Boolean(process.env.NEO4J_DATA_DIR?.trim());
  scratch = keep ? undefined : mkdtempSync(join(tmpdir(), 'pathways-synthetic-'));
  const config = loadConfig({ ...process.env, ...(scratch ? { NEO4J_DATA_DIR: scratch } : {}) });
  if (scratch)
    printProgress(`No NEO4J_URI or NEO4J_DATA_DIR: loading into a throw-away Neo4j in ${scratch}.`);
  const counts = syntheticCounts(nodes);
  printProgress(
    `Synthetic graph, seed ${seed}: ${Object.entries(counts)
      .map(([kind, n]) => `${n} ${kind}`)
      .join(', ')}.`,
  );
  const database = await openDatabase(config, PROJECT_ROOT, printProgress);
  try {
    const report = await loadSeedChunks(
      loaderDoor(database.driver, database.name),
      checkedSynthetic({ nodes, seed }),
      {
        actor: 'synthetic',
        source: 'synthetic',
        batchSize,
        onBatch: (done) => process.stdout.write(`\r[pathways] Loading batch ${done}`),
      },
    );
    process.stdout.write('\n');
    console.log(formatLoadReport(report));
  } finally {
    await database.close();
  }
} catch (error) {
  const known = [UsageError, ConfigError, StartupError, SeedFileError].some((type) => error instanceof type);
  if (!known) throw error;
  console.error(`[pathways] ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
