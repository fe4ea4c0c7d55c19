// What the seed loader needs from Neo4j, as an interface the loader is handed. server/graph gives it
// (server/graph/loader-door.ts, through the executor and the writer), so seed/ never imports server/
// and the loader's errors still get the one door's mapping, retries and query counter.
export interface LoaderDoor {
  /** One auto-commit write (an UNWIND batch), retried on transient errors; returns its records. */
  write<T extends Record<string, unknown>>(cypher: string, params: Record<string, unknown>): Promise<T[]>;
  read<T extends Record<string, unknown>>(cypher: string, params: Record<string, unknown>): Promise<T[]>;
  /** Creates every constraint and index, idempotently. */
  applySchema(): Promise<void>;
  /** Moves the graph version a running server's result cache follows. */
  moveVersion(): Promise<void>;
}
