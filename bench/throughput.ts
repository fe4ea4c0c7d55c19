// Requests per second through HTTP GraphQL at a fixed concurrency, with autocannon on loopback, bounded
// in time. A reply that is not a 2xx or carries GraphQL `errors` counts as an error.
import autocannon from 'autocannon';
import type { BenchCase } from './cases.ts';

export interface Throughput {
  connections: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
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
