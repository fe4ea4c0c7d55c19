// The raw-driver baseline must run exactly the Cypher and parameters the resolver's graph function
// sends. Rather than copy statements (some are private to their module), each graph function is called
// once against a recording stand-in for the driver, which keeps what it was asked to run.
import type { Driver } from 'neo4j-driver';
import type { GraphContext } from '../server/graph/executor.ts';

export interface CapturedQuery {
  statement: string;
  params: Record<string, unknown>;
}

export async function captureQuery(call: (ctx: GraphContext) => Promise<unknown>): Promise<CapturedQuery> {
  const captured: CapturedQuery[] = [];
  // An empty answer: every graph function reads "no rows" as "not found" and returns quietly.
  const record = (statement: string, params: Record<string, unknown>) => {
    captured.push({ statement, params });
    return Promise.resolve({ records: [], keys: [], summary: undefined });
  };
  const recorder = {
    executeQuery: record,
    session: () => ({ run: record, close: () => Promise.resolve() }),
  };
  // The graph layer reads through executeQuery or a session's run, which the stand-in provides.
  await call({ driver: recorder as unknown as Driver, database: undefined, timeoutMs: 10_000 });
  const [only, ...more] = captured;
  if (!only || more.length > 0)
    throw new Error(
      `expected one round trip, saw ${captured.length}: the bench would not compare like with like`,
    );
  return only;
}
