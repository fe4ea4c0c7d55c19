// The graphs the benchmark runs against: the curated seed, and a synthetic graph of a given size, each in
// a throw-away local Neo4j of its own (Community has one user database), loaded by the seed's loader.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loaderDoor } from '../server/graph/loader-door.ts';
import { graphIsEmpty, loadSeed, loadSeedChunks, type LoadReport } from '../seed/load.ts';
import { PROJECT_ROOT, SEED_DATA_DIR } from '../model/paths.ts';
import { readCheckedSeed } from '../seed/prepare.ts';
import { checkedSynthetic, generateSynthetic, syntheticCounts, syntheticId } from '../seed/synthetic.ts';
import { loadConfig, type Config } from '../server/config.ts';
import { openDatabase, type Database } from '../server/neo4j/database.ts';
import { printProgress } from '../server/progress.ts';
import { SEED_IDS, type CaseIds } from './cases.ts';
import { treeCpuSeconds } from './cpu.ts';

function cpuSince(before: { self: number; neo4j: number }): { neo4j: number; loader: number } {
  const after = treeCpuSeconds();
  return { neo4j: after.neo4j - before.neo4j, loader: after.self - before.self };
}

export type GraphSpec = { kind: 'seed' } | { kind: 'synthetic'; nodes: number; seed: number };

export interface BenchGraph {
  label: string;
  synthetic: boolean;
  database: Database;
  config: Config;
  ids: CaseIds;
  /** Present when this run loaded the graph. */
  load: LoadReport | undefined;
  /** CPU seconds the load cost: the local Neo4j's, and this process's (generating, validating, sending). */
  loadCpu: { neo4j: number; loader: number } | undefined;
  close(): Promise<void>;
}

export function graphLabel(spec: GraphSpec): string {
  return spec.kind === 'seed' ? 'seed graph' : `synthetic ${spec.nodes.toLocaleString('en')} nodes`;
}

/** Mid-sized, ordinary nodes rather than the hubs, plus the hub subject's strongest field for `via`. */
function syntheticIds(nodes: number, seed: number): CaseIds {
  const counts = syntheticCounts(nodes);
  const career = syntheticId('careers', Math.floor(counts.careers / 3));
  const subject = syntheticId('subjects', 0);
  let via = syntheticId('fields', 0);
  // The generator is lazy and subjects come third: stop as soon as subject 0 has been drawn.
  for (const chunk of generateSynthetic({ nodes, seed })) {
    const first = chunk.subjects[0];
    if (first) {
      via = [...first.leadsTo].sort((a, b) => b.weight - a.weight)[0]?.field ?? via;
      break;
    }
  }
  return {
    node: career,
    searchText: 'environmental science',
    neighbourhood: syntheticId('subjects', 10 % counts.subjects),
    subject,
    via,
    pathFrom: syntheticId('subjects', 10 % counts.subjects),
    pathTo: career,
    career,
  };
}

export async function openBenchGraph(spec: GraphSpec): Promise<BenchGraph> {
  const external = Boolean(process.env.NEO4J_URI?.trim());
  if (external && spec.kind === 'synthetic')
    throw new Error(
      'the synthetic graph needs a database of its own: unset NEO4J_URI or set BENCH_SYNTHETIC_NODES=0',
    );
  const home = external ? undefined : mkdtempSync(join(tmpdir(), 'pathways-bench-'));
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    ...(home ? { NEO4J_DATA_DIR: home } : {}),
  });
  const database = await openDatabase(config, PROJECT_ROOT, printProgress);
  const close = async () => {
    await database.close();
    if (home) rmSync(home, { recursive: true, force: true });
  };
  try {
    const { driver, name } = database;
    let load: LoadReport | undefined;
    if (spec.kind === 'seed') {
      if (await graphIsEmpty(loaderDoor(driver, name))) {
        printProgress('Loading the curated seed…');
        load = await loadSeed(loaderDoor(driver, name), readCheckedSeed(SEED_DATA_DIR));
      }
      return {
        label: graphLabel(spec),
        synthetic: false,
        database,
        config,
        ids: SEED_IDS,
        load,
        loadCpu: undefined,
        close,
      };
    }
    printProgress(`Generating and loading ${graphLabel(spec)} (seed ${spec.seed})…`);
    let lastShown = 0;
    const before = treeCpuSeconds();
    load = await loadSeedChunks(
      loaderDoor(driver, name),
      checkedSynthetic({ nodes: spec.nodes, seed: spec.seed }),
      {
        actor: 'synthetic',
        source: 'synthetic',
        onBatch: (done) => {
          if (Date.now() - lastShown < 10_000) return;
          lastShown = Date.now();
          printProgress(`  … ${done} batches written`);
        },
      },
    );
    return {
      label: graphLabel(spec),
      synthetic: true,
      database,
      config,
      ids: syntheticIds(spec.nodes, spec.seed),
      load,
      loadCpu: cpuSince(before),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
