// A real HTTP server on port 0 around the real app, for integration and e2e tests.
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { pino, type Logger } from 'pino';
import { PROJECT_ROOT } from '../../model/paths.ts';
import { createApp } from '../../server/app.ts';
import { startResultCache } from '../../server/graph/graph-version.ts';
import { createHttpServer, listen } from '../../server/listen.ts';
import { createDriver } from '../../server/neo4j/driver.ts';
import { freePort } from '../../server/neo4j/local-server.ts';
import { graphContext } from './neo4j.ts';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  onQuery?: (cypher: string) => void;
  sessionTtlMs?: number;
  /** The product's result cache, polling the graph version this often (off unless given). */
  resultCachePollMs?: number;
  /** As behind HTTPS in production: Secure cookies and HSTS. */
  secureCookie?: boolean;
  /** Where the server logs; silent unless given (a test that checks log lines passes its own). */
  logger?: Logger;
}

export async function startTestServer(driver: Driver, options: ServerOptions = {}): Promise<TestServer> {
  const httpServer = createHttpServer();
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
    logger: options.logger ?? pino({ level: 'silent' }),
    clientDir: join(PROJECT_ROOT, 'dist', 'client'),
    httpServer,
    session: { ttlMs: options.sessionTtlMs ?? 3_600_000, secureCookie: options.secureCookie ?? false },
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

export interface GraphQLError {
  message: string;
  extensions?: Record<string, unknown>;
}

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: GraphQLError[];
}

/** A signed-in session as the server knows it: its cookie and the CSRF token mutations must send. */
export interface Credentials {
  cookie?: string;
  csrf?: string;
}

export interface RequestOptions {
  session?: Credentials;
  headers?: Record<string, string>;
}

/** Posts one GraphQL request as a browser would, with the session's cookie and CSRF token when given. */
export async function sendGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: object = {},
  options: RequestOptions = {},
): Promise<GraphQLResult<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.session?.cookie) headers.cookie = options.session.cookie;
  if (options.session?.csrf) headers['x-csrf-token'] = options.session.csrf;
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { ...headers, ...options.headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Pick<GraphQLResult<T>, 'data' | 'errors'>;
  return { status: response.status, headers: response.headers, ...body };
}

/** Operations without required variables may leave them out. */
export type VariablesArgs<V> =
  Record<string, never> extends V
    ? [variables?: V, options?: RequestOptions]
    : [variables: V, options?: RequestOptions];

/** Sends a generated document: the variables are checked against it, and the answer has its type. */
export function request<TResult, TVariables>(
  url: string,
  // `object`: a plain string would type-check as a document with unknown types.
  document: DocumentTypeDecoration<TResult, TVariables> & object,
  ...[variables, options]: VariablesArgs<TVariables>
): Promise<GraphQLResult<TResult>> {
  return sendGraphQL<TResult>(url, String(document), variables ?? {}, options);
}

export function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResult<T>> {
  return sendGraphQL<T>(url, query, variables);
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
