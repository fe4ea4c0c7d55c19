// One case at a time, the raw Cypher and the GraphQL request (with the result cache, and without)
// in turn, so all see the same machine (others' jobs, JIT, GC) at the same moments. Bounded in
// count and in time per case.
import type { Driver } from 'neo4j-driver';
import { post } from './api-server.ts';
import type { BenchCase } from './cases.ts';
import { summarise, type Summary } from './stats.ts';

export interface LatencySettings {
  warmup: number;
  iterations: number;
  /** Stop measuring a case after this long, however many iterations are done (slow queries at scale). */
  maxSeconds: number;
}

export interface LatencyResult {
  raw: Summary;
  /** Through the API as it ships: with its result cache. */
  gql: Summary;
  /** Through an API server started with the result cache off: what every first read costs. */
  uncached: Summary;
  samples: number;
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export async function graphqlOnce(url: string, c: BenchCase): Promise<string> {
  const text = await post(url, JSON.stringify(c.graphql));
  const body = JSON.parse(text) as { errors?: { message: string }[] };
  if (body.errors) throw new Error(`${c.name}: GraphQL answered with errors: ${body.errors[0]?.message}`);
  return text;
}

export async function rawOnce(driver: Driver, database: string | undefined, c: BenchCase): Promise<void> {
  // The same call the server's executor makes (server/graph/executor.ts): an auto-commit read, one
  // round trip. The driver offers no faster way to run one statement.
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    const result = await session.run(c.cypher.statement, c.cypher.params);
    // Materialise what the resolver would read, so the baseline is not flattered by laziness.
    for (const record of result.records) record.toObject();
  } finally {
    await session.close();
  }
}

export async function measureLatency(
  driver: Driver,
  database: string | undefined,
  urls: { cached: string; uncached: string },
  c: BenchCase,
  settings: LatencySettings,
): Promise<LatencyResult> {
  const deadline = Date.now() + settings.maxSeconds * 1000;
  for (let i = 0; i < settings.warmup && Date.now() < deadline; i++) {
    await rawOnce(driver, database, c);
    await graphqlOnce(urls.cached, c);
    await graphqlOnce(urls.uncached, c);
  }
  const raw: number[] = [];
  const gql: number[] = [];
  const uncached: number[] = [];
  for (let i = 0; i < settings.iterations && (i < 20 || Date.now() < deadline); i++) {
    raw.push(await timed(() => rawOnce(driver, database, c)));
    gql.push(await timed(() => graphqlOnce(urls.cached, c).then(() => undefined)));
    uncached.push(await timed(() => graphqlOnce(urls.uncached, c).then(() => undefined)));
  }
  return { raw: summarise(raw), gql: summarise(gql), uncached: summarise(uncached), samples: raw.length };
}
