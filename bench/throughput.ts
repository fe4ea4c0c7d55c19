// Requests per second through HTTP GraphQL at a fixed concurrency, with autocannon on loopback, bounded
// in time. A reply that is not a 2xx or carries GraphQL `errors` counts as an error.
import autocannon from 'autocannon';
import type { Driver } from 'neo4j-driver';
import type { BenchCase } from './cases.ts';
import { rawOnce } from './latency.ts';
import { summarise } from './stats.ts';

export interface Throughput {
  connections: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** The first failure's message, when there were errors and the client saw why. */
  firstError?: string;
}

const hasNoErrors = (body: unknown) => typeof body === 'string' && !body.includes('"errors":');

export async function measureThroughput(
  url: string,
  cases: readonly BenchCase[],
  connections: number,
  seconds: number,
): Promise<Throughput> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // Each connection walks through the cases in turn; one case is the usual use.
    requests: cases.map((c) => ({ method: 'POST', body: JSON.stringify(c.graphql) })),
    verifyBody: hasNoErrors,
    timeout: 30,
  });
  const ok = result['2xx'] - result.mismatches;
  return {
    connections,
    perSecond: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
  };
}

/**
 * The same case's Cypher through the raw driver at the same concurrency and for as long, from this
 * process: the ceiling that the database and this machine put on any API in front of them.
 */
export async function measureRawThroughput(
  driver: Driver,
  database: string | undefined,
  c: BenchCase,
  connections: number,
  seconds: number,
): Promise<Throughput> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = Date.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (Date.now() < deadline) {
      const t0 = performance.now();
      try {
        await rawOnce(driver, database, c);
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const { p50, p99 } = summarise(latencies);
  return {
    connections,
    perSecond: latencies.length / ((Date.now() - started) / 1000),
    // Whole milliseconds, as autocannon reports them.
    p50: Math.round(p50),
    p99: Math.round(p99),
    errors,
    ...(firstError === undefined ? {} : { firstError }),
  };
}
