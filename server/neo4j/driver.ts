// The one place a neo4j-driver Driver is created. Everything else receives it as an argument.
import neo4j, { type Driver } from 'neo4j-driver';

export interface Connection {
  uri: string;
  user: string;
  password: string;
}

export function createDriver(connection: Connection): Driver {
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    // Our numbers (counts, weights, hours) are far below 2^53, so plain JS numbers are exact.
    disableLosslessIntegers: true,
    connectionTimeout: 5_000,
    connectionAcquisitionTimeout: 10_000,
    maxConnectionPoolSize: 50,
  });
}

/** True when the server answers a trivial query within the timeout. */
export async function isReachable(driver: Driver, database: string | undefined, timeoutMs = 2_000): Promise<boolean> {
  try {
    await driver.executeQuery('RETURN 1', {}, { database, transactionConfig: { timeout: timeoutMs } });
    return true;
  } catch {
    return false;
  }
}
