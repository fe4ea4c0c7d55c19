// Connection to the run's Neo4j, provided by the global setup.
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import type { GraphContext } from '../../server/graph/executor.ts';
import { createDriver } from '../../server/neo4j/driver.ts';

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
  /** True when the tests started it (and may, for instance, stop it). */
  local: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

export function testNeo4j(): TestNeo4j {
  return inject('neo4j');
}

export function testDriver(): Driver {
  return createDriver(testNeo4j());
}

export function graphContext(driver: Driver, onQuery?: (cypher: string) => void): GraphContext {
  return { driver, database: testNeo4j().database, timeoutMs: 10_000, ...(onQuery ? { onQuery } : {}) };
}

/** Counts straight from Cypher through the raw driver, the baseline the API's answers are checked against. */
export async function rawCounts(driver: Driver): Promise<Record<string, number>> {
  const result = await driver.executeQuery(
    `MATCH (n:Entity) WHERE n.retiredAt IS NULL
     RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, count(*) AS count`,
    {},
    { database: testNeo4j().database },
  );
  return Object.fromEntries(result.records.map((r) => [r.get('label') as string, r.get('count') as number]));
}
