// A real HTTP server on port 0 around the real app, for integration and e2e tests.
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { pino } from 'pino';
import { PROJECT_ROOT } from '../../seed/paths.ts';
import { createApp } from '../../server/app.ts';
import { startResultCache } from '../../server/graph/graph-version.ts';
import { listen } from '../../server/listen.ts';
import { createDriver } from '../../server/neo4j/driver.ts';
import { freePort } from '../../server/neo4j/local-server.ts';
import { graphContext } from './neo4j.ts';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export async function startTestServer(
  driver: Driver,
  options: {
    onQuery?: (cypher: string) => void;
    sessionTtlMs?: number;
    /** The product's result cache, polling the graph version this often (off unless given). */
    resultCachePollMs?: number;
  } = {},
): Promise<TestServer> {
  const httpServer = createServer();
  const graph = graphContext(driver, options.onQuery);
  const results =
    options.resultCachePollMs === undefined
      ? undefined
      : await startResultCache(driver, graph.database, {
          entries: 2_000,
          pollMs: options.resultCachePollMs,
          timeoutMs: graph.timeoutMs,
        });
  const app = await createApp({
    graph: { ...graph, ...(results ? { cache: results.cache } : {}) },
    logger: pino({ level: 'silent' }),
    clientDir: join(PROJECT_ROOT, 'dist', 'client'),
    httpServer,
    session: { ttlMs: options.sessionTtlMs ?? 3_600_000, secureCookie: false },
  });
  httpServer.on('request', app.express);
  const port = await listen(httpServer, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      results?.stop();
      await app.apollo.stop();
    },
  };
}

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResult<T>, 'status'>;
  return { status: response.status, ...body };
}

/** Runs `use` against the real app wired to a driver whose Neo4j is not there (a closed local port). */
export async function withUnreachableNeo4j(use: (url: string) => Promise<void>): Promise<void> {
  const deadDriver = createDriver({
    uri: `bolt://127.0.0.1:${await freePort()}`,
    user: 'neo4j',
    password: '',
  });
  const deadServer = await startTestServer(deadDriver);
  try {
    await use(deadServer.url);
  } finally {
    await deadServer.close();
    await deadDriver.close();
  }
}
