// The seed loader's way into Neo4j: the executor and the writer behind the interface seed/ is handed
// (model/loader-door.ts). Its writes run without a timeout of their own (a batch or an index build over
// a million nodes may take minutes); the one read is a count.
import type { Driver } from 'neo4j-driver';
import type { LoaderDoor } from '../../model/loader-door.ts';
import { applyDatabaseSchema } from './database-schema.ts';
import { readQuery, type GraphContext } from './executor.ts';
import { MOVE_LOAD_VERSION } from './graph-version.ts';
import { writeStatement } from './writer.ts';

export function loaderDoor(
  driver: Driver,
  database?: string,
  onQuery?: (cypher: string) => void,
): LoaderDoor {
  const ctx: GraphContext = { driver, database, timeoutMs: 60_000, onQuery };
  return {
    write: (cypher, params) => writeStatement(ctx, cypher, params),
    read: (cypher, params) => readQuery(ctx, cypher, params),
    applySchema: () => applyDatabaseSchema(ctx),
    moveVersion: async () => {
      await writeStatement(ctx, MOVE_LOAD_VERSION);
    },
  };
}
