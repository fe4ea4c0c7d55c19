// The one way integration tests reach the product: the real app on a free port in front of the run's
// Neo4j (or a Neo4j of the file's own), requests sent over real HTTP with generated, typed documents,
// and counsellors signed in through a real signIn, cookie and CSRF token included.
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { pino } from 'pino';
import { afterAll, beforeAll, expect } from 'vitest';
import { loaderDoor } from '../../server/graph/loader-door.ts';
import { loadSeed } from '../../seed/load.ts';
import { PROJECT_ROOT, SEED_DATA_DIR } from '../../model/paths.ts';
import { readCheckedSeed } from '../../seed/prepare.ts';
import { createApp } from '../../server/app.ts';
import type { TrustProxy } from '../../server/config.ts';
import type { Role } from '../../server/graph/accounts.ts';
import { applyDatabaseSchema } from '../../server/graph/database-schema.ts';
import type { GraphContext } from '../../server/graph/executor.ts';
import { startResultCache } from '../../server/graph/graph-version.ts';
import { createHttpServer, listen } from '../../server/listen.ts';
import { createDriver } from '../../server/neo4j/driver.ts';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../server/neo4j/local-server.ts';
import { ensureNeo4jDistribution } from '../../server/neo4j/provision.ts';
import { silentProgress } from '../../server/progress.ts';
import { makeAccount, signIn, type Session } from './curator.ts';
import {
  request,
  sendGraphQL,
  startTestServer,
  type GraphQLResult,
  type RequestOptions,
  type ServerOptions,
  type TestServer,
  type VariablesArgs,
} from './http-server.ts';
import { graphContext, testDriver } from './neo4j.ts';

export { codeOf, type Session } from './curator.ts';
export type { GraphQLError, GraphQLResult } from './http-server.ts';

/** A generated document (client/src/api/generated or test/generated): its result and variables types. */
export type Document<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & object;

/** Requests to one running server. */
export class Api {
  constructor(
    private readonly at: () => string,
    /** Where accounts are made for signInAs; absent for a server whose graph the test cannot reach. */
    private readonly accounts?: () => Driver,
  ) {}

  get url(): string {
    return this.at();
  }

  request<TResult, TVariables>(
    document: Document<TResult, TVariables>,
    ...args: VariablesArgs<TVariables>
  ): Promise<GraphQLResult<TResult>> {
    return request(this.url, document, ...args);
  }

  /** For variables the schema refuses on purpose (a wrong enum, a null where one is required). */
  requestUnchecked<TResult, TVariables>(
    document: Document<TResult, TVariables>,
    variables: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLResult<TResult>> {
    return sendGraphQL<TResult>(this.url, String(document), variables, options);
  }

  /** A request that must succeed: no errors, HTTP 200; returns its data. */
  async ok<TResult, TVariables>(
    document: Document<TResult, TVariables>,
    ...args: VariablesArgs<TVariables>
  ): Promise<TResult> {
    const result = await this.request(document, ...args);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.status).toBe(200);
    return result.data!;
  }

  signIn(email: string, password?: string): Promise<Session> {
    return signIn(this.url, email, password);
  }

  /** A new account with this role and TEST_PASSWORD, made straight in the graph; returns its email. */
  makeAccount(role: Role): Promise<string> {
    if (!this.accounts) throw new Error(`no graph to make a ${role} account in for ${this.url}`);
    return makeAccount(this.accounts(), role);
  }

  /** Signs in as a new account with this role. */
  async signInAs(role: Role): Promise<Session> {
    return this.signIn(await this.makeAccount(role));
  }
}

/** Requests to a server the test did not start, such as a child process. */
export function apiAt(url: string, accounts?: Driver): Api {
  return new Api(() => url, accounts ? () => accounts : undefined);
}

export interface RunningApi extends Api {
  close(): Promise<void>;
}

/** The real app on a free port in front of `driver`; the test closes it. */
export async function startApi(driver: Driver, options: ServerOptions = {}): Promise<RunningApi> {
  const server = await startTestServer(driver, options);
  return Object.assign(apiAt(server.url, driver), { close: () => server.close() });
}

/** A graph the test reads and writes straight through the driver, beside what the API answers. */
export interface Graph {
  readonly driver: Driver;
  readonly graph: GraphContext;
  /** Rows of a Cypher statement run straight through the driver. */
  cypher<T>(statement: string, params?: Record<string, unknown>): Promise<T[]>;
}

function graphOf(driver: () => Driver, context: () => GraphContext): Graph {
  return {
    get driver() {
      return driver();
    },
    get graph() {
      return context();
    },
    async cypher<T>(statement: string, params: Record<string, unknown> = {}): Promise<T[]> {
      const { database } = context();
      const result = await driver().executeQuery(statement, params, { database });
      return result.records.map((r) => r.toObject() as T);
    },
  };
}

function started<T>(value: T | undefined, what: string): T {
  // The harness starts in beforeAll; a test file that reads it at import time gets this.
  if (value === undefined) throw new Error(`${what} is not started yet: use it inside tests and hooks`);
  return value;
}

/** The run's shared Neo4j, through a driver opened before the file's tests and closed after. */
export function useTestGraph(): Graph {
  let driver: Driver | undefined;
  beforeAll(() => {
    driver = testDriver();
  });
  afterAll(async () => {
    await driver?.close();
  });
  const current = () => started(driver, 'the test driver');
  return graphOf(current, () => graphContext(current()));
}

export interface Harness extends Api, Graph {
  /** Another server on the same graph, for tests that need other settings; the test closes it. */
  startServer(options?: ServerOptions): Promise<RunningApi>;
}

/** The app in front of the run's Neo4j, started before the file's tests and stopped after. */
export function useHarness(options: ServerOptions = {}): Harness {
  const graph = useTestGraph();
  return serve(graph, options);
}

/** The app in front of `graph`, started before the file's tests (after the graph) and stopped after. */
export function serve(graph: Graph, options: ServerOptions = {}): Harness {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(graph.driver, options);
  });
  afterAll(async () => {
    await server?.close();
  });
  const api = new Api(
    () => started(server, 'the test server').url,
    () => graph.driver,
  );
  return Object.defineProperties(api, {
    ...Object.getOwnPropertyDescriptors(graph),
    startServer: { value: (more?: ServerOptions) => startApi(graph.driver, more) },
  }) as Harness;
}

export interface OwnNeo4j extends Graph {
  readonly uri: string;
  /** Its data folder, which also holds anything else the test writes. */
  readonly home: string;
  /** The JVM's process id, to kill it outright. */
  readonly pid: number;
  /** Starts it again on the same data folder and port. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A Neo4j of the file's (or describe block's) own on a free port with a throw-away data folder, for
 * tests that stop, kill or empty it without disturbing the run's shared one; gone after the tests.
 */
export function useOwnNeo4j(name: string, options: { seed?: boolean } = {}): OwnNeo4j {
  let home: string | undefined;
  let port: number | undefined;
  let local: LocalNeo4j | undefined;
  let driver: Driver | undefined;
  const classpath = () => ensureNeo4jDistribution(PROJECT_ROOT, silentProgress).classpath;
  const start = async () => {
    const at = { home: started(home, name), port: started(port, name) };
    local = await startLocalNeo4j({ classpath: classpath(), ...at, heapMb: 512, pageCacheMb: 128 });
  };
  const current = () => started(driver, name);
  const context = (): GraphContext => ({ driver: current(), database: undefined, timeoutMs: 30_000 });

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), `pathways-${name}-neo4j-`));
    port = await freePort();
    await start();
    driver = createDriver({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: '' });
    if (options.seed) {
      await loadSeed(loaderDoor(driver), readCheckedSeed(SEED_DATA_DIR));
      await applyDatabaseSchema(context());
    }
  });
  afterAll(async () => {
    try {
      await driver?.close();
    } finally {
      await local?.stop();
      if (home) rmSync(home, { recursive: true, force: true });
    }
  });

  return Object.defineProperties(graphOf(current, context), {
    uri: { get: () => `bolt://127.0.0.1:${started(port, name)}` },
    home: { get: () => started(home, name) },
    pid: { get: () => started(local, name).pid },
    start: { value: start },
    stop: { value: () => local?.stop() ?? Promise.resolve() },
  }) as OwnNeo4j;
}

export interface OwnApiOptions {
  /** Express's 'trust proxy', as TRUST_PROXY sets it: ['loopback'] lets a test name its client's address. */
  trustProxy?: TrustProxy;
  /** The result cache's graph-version poll; absent, no result cache. */
  resultCachePollMs?: number;
}

export interface OwnApi extends RunningApi {
  /** This server's own driver, as a second `npm start` would have. */
  readonly driver: Driver;
}

/**
 * The app built as server/start/index.ts builds it, on the run's Neo4j: its own driver, its own result
 * cache and graph-version poller, its own HTTP server; another process's API server, in this one.
 */
export async function startOwnApi(options: OwnApiOptions = {}): Promise<OwnApi> {
  const driver = testDriver();
  const graph = graphContext(driver);
  const results =
    options.resultCachePollMs === undefined
      ? undefined
      : await startResultCache(driver, graph.database, {
          entries: 2_000,
          pollMs: options.resultCachePollMs,
          timeoutMs: graph.timeoutMs,
        });
  const httpServer = createHttpServer();
  const app = await createApp({
    graph: { ...graph, ...(results ? { cache: results.cache } : {}) },
    logger: pino({ level: 'silent' }),
    clientDir: join(PROJECT_ROOT, 'dist', 'client'),
    httpServer,
    session: { ttlMs: 3_600_000, secureCookie: false },
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
  });
  httpServer.on('request', app.express);
  const port = await listen(httpServer, 0, '127.0.0.1');
  return Object.assign(apiAt(`http://127.0.0.1:${port}`, driver), {
    driver,
    close: async () => {
      results?.stop();
      await app.apollo.stop();
      await driver.close();
    },
  });
}

/** An address no other test uses (IPv6 documentation range), to send as X-Forwarded-For. */
export const uniqueClientAddress = (): string =>
  `2001:db8:${randomBytes(8).toString('hex').match(/.{4}/g)!.join(':')}`;
