// Prints the figures as tables and checks them against the targets of issue 8.
import { cpus } from 'node:os';
import type { LoadReport } from '../seed/load.ts';
import { loadThroughput } from '../seed/load.ts';
import type { BenchCase } from './cases.ts';
import type { LatencyResult } from './latency.ts';
import type { MemoryRun } from './memory.ts';
import type { Throughput } from './throughput.ts';

export interface CaseResult {
  benchCase: BenchCase;
  latency: LatencyResult;
  dbHits: number;
  throughput: Throughput[];
  /** At the highest concurrency, against the API server without its result cache. */
  uncachedThroughput: Throughput;
  /** The same Cypher through the raw driver at that concurrency: the database's ceiling here. */
  rawThroughput: Throughput;
}

export interface GraphResult {
  label: string;
  synthetic: boolean;
  load: LoadReport | undefined;
  loadCpu: { neo4j: number; loader: number } | undefined;
  cases: CaseResult[];
  /** The machine's 1-minute load average before and after: the figures mean little on a busy machine. */
  loadAverage: [number, number];
}

const ms = (n: number) => n.toFixed(2);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

const perSecond = (t: Throughput) => `${t.perSecond.toFixed(0)}${t.errors ? ` (${t.errors})` : ''}`;
const p99 = (t: Throughput) => (t.perSecond > 0 ? String(t.p99) : '–');

export function formatGraph(result: GraphResult): string {
  const latency = table(
    [
      'query (ms)',
      'raw p50',
      'raw p95',
      'raw p99',
      'gql p50',
      'gql p95',
      'gql p99',
      'p50 ×',
      'no-cache p50',
      'p95',
      'p99',
      'p50 ×',
      'db hits',
      'n',
    ],
    result.cases.map(({ benchCase, latency: l, dbHits }) => [
      benchCase.name,
      ms(l.raw.p50),
      ms(l.raw.p95),
      ms(l.raw.p99),
      ms(l.gql.p50),
      ms(l.gql.p95),
      ms(l.gql.p99),
      (l.gql.p50 / l.raw.p50).toFixed(2),
      ms(l.uncached.p50),
      ms(l.uncached.p95),
      ms(l.uncached.p99),
      (l.uncached.p50 / l.raw.p50).toFixed(2),
      String(dbHits),
      String(l.samples),
    ]),
  );
  const concurrencies = result.cases[0]?.throughput.map((t) => t.connections) ?? [];
  const throughput = table(
    [
      'GraphQL req/s (errors)',
      ...concurrencies.map((c) => `c=${c}`),
      ...concurrencies.map((c) => `p99 ms c=${c}`),
      'no-cache req/s',
      'p99 ms',
      'raw driver req/s',
      'p99 ms',
    ],
    result.cases.map(({ benchCase, throughput: ts, uncachedThroughput: u, rawThroughput: r }) => [
      benchCase.name,
      ...ts.map(perSecond),
      // autocannon reports 0 when no request finished inside the window.
      ...ts.map(p99),
      `${perSecond(u)} c=${u.connections}`,
      p99(u),
      `${perSecond(r)} c=${r.connections}`,
      p99(r),
    ]),
  );
  const load = result.load ? `\nLoad: ${formatLoad(result.load, result.loadCpu)}` : '';
  const [before, after] = result.loadAverage.map((l) => l.toFixed(1));
  const busy = `\nLoad average (1 min, ${cpus().length} cores): ${before} before, ${after} after`;
  return `\n== ${result.label} ==${busy}${load}\n\n${latency}\n\n${throughput}`;
}

export function formatLoad(report: LoadReport, cpu?: { neo4j: number; loader: number }): string {
  const { items, perSecond } = loadThroughput(report);
  const wall = `${items.toLocaleString('en')} nodes + relationships in ${(report.millis / 1000).toFixed(1)} s = ${Math.round(perSecond).toLocaleString('en')} per second`;
  if (!cpu) return wall;
  const perCpu = Math.round(items / Math.max(0.01, cpu.neo4j)).toLocaleString('en');
  return `${wall}; CPU: Neo4j ${cpu.neo4j.toFixed(1)} s (${perCpu} items per Neo4j CPU-second), loader process ${cpu.loader.toFixed(1)} s`;
}

export function formatMemory(label: string, run: MemoryRun): string {
  return [
    `\n== memory of the API server, ${label}, c=${run.load.connections}, ${run.seconds} s ==`,
    `RSS MiB, median of the first and second half after warm-up: ${run.startMiB.toFixed(1)} → ${run.endMiB.toFixed(1)} (${(run.growth * 100).toFixed(1)} %); range ${Math.min(...run.samplesMiB).toFixed(1)}–${run.peakMiB.toFixed(1)}`,
    `load: ${run.load.perSecond.toFixed(0)} req/s, ${run.load.errors} errors`,
    `samples (every 10 s): ${run.samplesMiB
      .filter((_, i) => i % 10 === 0)
      .map((s) => s.toFixed(0))
      .join(' ')}`,
  ].join('\n');
}

interface Check {
  ok: boolean;
  text: string;
}

export function checkTargets(graphs: readonly GraphResult[], memory: MemoryRun | undefined): Check[] {
  const checks: Check[] = [];
  for (const g of graphs) {
    for (const { benchCase: c, latency: l, throughput, uncachedThroughput } of g.cases) {
      // Judged as shipped (with the result cache) and, so that the cache hides nothing, without it.
      for (const [side, summary] of [
        ['cache', l.gql],
        ['no cache', l.uncached],
      ] as const) {
        const ratio = summary.p50 / l.raw.p50;
        checks.push({
          ok: ratio <= 1.3,
          text: `${g.label}: ${c.name}: GraphQL (${side}) p50 ${ratio.toFixed(2)} × raw (≤ 1.3)`,
        });
        const limit = g.synthetic ? 250 : 50;
        // At scale the p95 target covers paths of up to 4 hops; 5-hop paths are reported, not judged.
        if (!g.synthetic || (c.hops ?? 0) <= 4)
          checks.push({
            ok: summary.p95 < limit,
            text: `${g.label}: ${c.name}: GraphQL (${side}) p95 ${ms(summary.p95)} ms (< ${limit})`,
          });
      }
      if (c.name.startsWith('node ')) {
        const at32 = throughput.find((t) => t.connections === 32);
        if (at32)
          checks.push({
            ok: at32.perSecond >= 500 && at32.errors === 0,
            text: `${g.label}: node(id) at c=32: ${at32.perSecond.toFixed(0)} req/s, ${at32.errors} errors (≥ 500, none)`,
          });
        const u = uncachedThroughput;
        checks.push({
          ok: u.perSecond >= 500 && u.errors === 0,
          text: `${g.label}: node(id) at c=${u.connections}, no cache: ${u.perSecond.toFixed(0)} req/s, ${u.errors} errors (≥ 500, none)`,
        });
      }
    }
    if (g.load && g.synthetic) {
      const { perSecond } = loadThroughput(g.load);
      checks.push({
        ok: perSecond >= 20_000,
        text: `${g.label}: loader ${Math.round(perSecond)} nodes+rels/s (≥ 20,000)`,
      });
    }
  }
  if (memory)
    checks.push({
      ok: Math.abs(memory.growth) <= 0.1 && memory.load.errors === 0,
      text: `memory over ${memory.seconds} s at c=${memory.load.connections}: ${(memory.growth * 100).toFixed(1)} % (within 10 %), ${memory.load.errors} errors`,
    });
  return checks;
}

export function formatChecks(checks: readonly Check[]): string {
  return ['\nTargets (issue 8):', ...checks.map((c) => `  ${c.ok ? 'ok  ' : 'MISS'} ${c.text}`)].join('\n');
}
