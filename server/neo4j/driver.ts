// The one place a neo4j-driver Driver is created. Everything else receives it as an argument.
import neo4j, { type Driver } from 'neo4j-driver';

export interface Connection {
  uri: string;
  user: string;
  password: string;
  /** At most this many statements in flight from this process; see DEFAULT_MAX_CONNECTIONS. */
  maxConnections?: number;
}

/**
 * A small pool is what makes a burst of heavy reads safe. Every statement in flight holds
 * transaction memory in Neo4j; 50 five-hop path queries at once on the 100k graph overran its
 * 358 MiB transaction pool (48–65 of them failed) while 8 connections served the same burst at
 * 20 req/s with none failing, and id lookups were no slower (977 req/s at 32 clients, against 996).
 * Eight keeps two cores busy; the rest wait their turn (bench/RESULTS.md, "Connection pool").
 */
export const DEFAULT_MAX_CONNECTIONS = 8;

export function createDriver(connection: Connection): Driver {
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    // Our numbers (counts, weights, hours) are far below 2^53, so plain JS numbers are exact.
    disableLosslessIntegers: true,
    connectionTimeout: 5_000,
    connectionAcquisitionTimeout: 10_000,
    maxConnectionPoolSize: connection.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    // Retrying a failed transaction for the default 30 s would hold a person's request that long;
    // a few seconds rides over a blip, then SERVICE_UNAVAILABLE tells them to try again.
    maxTransactionRetryTime: 3_000,
  });
}
