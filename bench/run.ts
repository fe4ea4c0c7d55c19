// `npm run bench`: for the curated seed graph and a synthetic graph (100,000 nodes by default), each
// query through HTTP GraphQL (as shipped, with its result cache, and with the cache off) and its own
// Cypher through the raw driver, interleaved in the same run: p50/p95/p99 and the ratios, PROFILE db hits, GraphQL throughput at several concurrencies (autocannon),
// then the API server's memory under sustained load. Each graph lives in a throw-away local Neo4j;
// with NEO4J_URI set, only the graph found there is measured (as the seed graph).
// Exits non-zero when an id lookup does not seek through its constraint index, or a request fails.
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { printProgress } from '../server/progress.ts';
import { closeClient, startApiServer, type ApiServer } from './api-server.ts';
import { buildCases } from './cases.ts';
import { openBenchGraph, type BenchGraph, type GraphSpec } from './graphs.ts';
import { measureLatency } from './latency.ts';
import { measureMemory, type MemoryRun } from './memory.ts';
import { IndexNotUsedError, profileCase } from './profile.ts';
import {
  checkTargets,
  formatChecks,
  formatGraph,
  formatMemory,
  type CaseResult,
  type GraphResult,
} from './report.ts';
import { SETTINGS } from './settings.ts';
import { measureRawThroughput, measureThroughput } from './throughput.ts';

const s = SETTINGS;

async function benchGraph(graph: BenchGraph, api: ApiServer, uncachedApi: ApiServer): Promise<GraphResult> {
  const { driver, name } = graph.database;
  const loadBefore = loadavg()[0] ?? 0;
  const cases = await buildCases(graph.ids);
  const results: CaseResult[] = [];
  for (const c of cases) {
    // PROFILE first: a plan without its index seek fails the run before minutes are spent measuring.
    const { dbHits } = await profileCase(driver, name, c);
    printProgress(`  ${c.name}: ${dbHits} db hits; latency…`);
    const latency = await measureLatency(driver, name, { cached: api.url, uncached: uncachedApi.url }, c, {
      warmup: s.warmup,
      iterations: s.iterations,
      maxSeconds: s.caseSeconds,
    });
    const throughput = [];
    for (const connections of s.concurrency) {
      throughput.push(await measureThroughput(api.url, [c], connections, s.throughputSeconds));
    }
    // The same load on the server without the cache: what the database path itself sustains.
    const uncachedThroughput = await measureThroughput(
      uncachedApi.url,
      [c],
      Math.max(...s.concurrency),
      s.throughputSeconds,
    );
    const rawThroughput = await measureRawThroughput(
      driver,
      name,
      c,
      Math.max(...s.concurrency),
      s.throughputSeconds,
    );
    printProgress(
      `    gql p50 ${latency.gql.p50.toFixed(2)} ms (uncached ${latency.uncached.p50.toFixed(2)}), raw p50 ${latency.raw.p50.toFixed(2)} ms; ` +
        throughput.map((t) => `c=${t.connections} ${t.perSecond.toFixed(0)}/s`).join(', ') +
        `; no cache ${uncachedThroughput.perSecond.toFixed(0)}/s, raw driver ${rawThroughput.perSecond.toFixed(0)}/s`,
    );
    if (rawThroughput.firstError)
      printProgress(`    raw driver: ${rawThroughput.errors} errors, the first: ${rawThroughput.firstError}`);
    results.push({ benchCase: c, latency, dbHits, throughput, uncachedThroughput, rawThroughput });
  }
  return {
    label: graph.label,
    synthetic: graph.synthetic,
    load: graph.load,
    loadCpu: graph.loadCpu,
    cases: results,
    loadAverage: [loadBefore, loadavg()[0] ?? 0],
  };
}

async function main(): Promise<void> {
  const specs: GraphSpec[] = [{ kind: 'seed' }];
  if (s.syntheticNodes > 0 && !process.env.NEO4J_URI?.trim())
    specs.push({ kind: 'synthetic', nodes: s.syntheticNodes, seed: s.syntheticSeed });
  printProgress(
    `Benchmark: ${specs.length} graph(s); per query ${s.warmup} warm-up and up to ${s.iterations} measured runs ` +
      `per side (at most ${s.caseSeconds} s), then ${s.throughputSeconds} s at each of c=${s.concurrency.join(', ')}; ` +
      `memory ${s.memorySeconds} s at c=${s.memoryConcurrency} on the last graph.`,
  );
  const graphs: GraphResult[] = [];
  let memory: MemoryRun | undefined;
  for (const [index, spec] of specs.entries()) {
    const graph = await openBenchGraph(spec);
    let api: ApiServer | undefined;
    let uncachedApi: ApiServer | undefined;
    try {
      api = await startApiServer(graph.database.uri, graph.config.neo4j.password);
      uncachedApi = await startApiServer(graph.database.uri, graph.config.neo4j.password, {
        env: { RESULT_CACHE_ENTRIES: '0' },
      });
      printProgress(
        `${graph.label}: API server pid ${api.pid} at ${api.url}; without result cache pid ${uncachedApi.pid}`,
      );
      const result = await benchGraph(graph, api, uncachedApi);
      graphs.push(result);
      console.log(formatGraph(result));
      if (index === specs.length - 1 && s.memorySeconds > 0) {
        printProgress(
          `Memory: ${s.memorySeconds} s of the queries (not 5-hop paths) in turn at c=${s.memoryConcurrency}…`,
        );
        memory = await measureMemory(
          api.url,
          api.pid,
          // 5-hop paths at scale take seconds each and would turn the run into waiting, not allocating.
          result.cases.map((r) => r.benchCase).filter((c) => (c.hops ?? 0) < 5),
          s.memoryConcurrency,
          s.memorySeconds,
        );
        console.log(formatMemory(graph.label, memory));
      }
    } catch (error) {
      // The throw-away Neo4j's folder goes with it: say first what its log said. (A database at
      // NEO4J_URI keeps its own logs, elsewhere.)
      if (!process.env.NEO4J_URI?.trim()) printNeo4jLogTail(graph.config.neo4j.dataDir);
      throw error;
    } finally {
      await api?.stop();
      await uncachedApi?.stop();
      await graph.close();
    }
  }
  closeClient();
  console.log(formatChecks(checkTargets(graphs, memory)));
}

function printNeo4jLogTail(home: string): void {
  for (const file of ['neo4j.log', 'debug.log']) {
    const path = join(home, 'logs', file);
    if (!existsSync(path)) continue;
    const tail = readFileSync(path, 'utf8').trimEnd().split('\n').slice(-15).join('\n');
    console.error(`\n[pathways] Last lines of ${path}:\n${tail}`);
  }
}

try {
  await main();
} catch (error) {
  if (error instanceof IndexNotUsedError) console.error(`\n[pathways] BENCH FAILED: ${error.message}`);
  else console.error(`\n[pathways] BENCH FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
