// Where the result cache learns that the graph changed: the change log's counter (moved by every
// curation write) and its load counter (moved by every seed or synthetic load that wrote something).
import type { Driver } from 'neo4j-driver';
import { readQuery } from './executor.ts';
import { ResultCache, type GraphVersion } from './result-cache.ts';

/** What a load runs once it has written something, so that running servers see a new version. */
export const MOVE_LOAD_VERSION = `MERGE (log:ChangeLog {id: 'changes'}) ON CREATE SET log.seq = 0
  SET log.loads = coalesce(log.loads, 0) + 1`;

export const VERSION_QUERY = `OPTIONAL MATCH (log:ChangeLog {id: 'changes'})
  RETURN coalesce(log.seq, 0) AS seq, coalesce(log.loads, 0) AS loads`;

/** The graph's version, or null when the database cannot be asked. */
export async function readGraphVersion(
  driver: Driver,
  database: string | undefined,
  timeoutMs: number,
): Promise<GraphVersion> {
  try {
    // No retries: while the database is away the poll says so at once, and the next poll asks again.
    const [row] = await readQuery<{ seq: unknown; loads: unknown }>(
      { driver, database, timeoutMs },
      VERSION_QUERY,
      {},
      // From the leader of a cluster, which has every server's writes; the cached reads that follow
      // may still meet a lagging follower (docs/architecture.md, "Several API servers").
      { retry: false, fresh: true },
    );
    return row ? `${String(row.seq)}:${String(row.loads)}` : null;
  } catch {
    return null;
  }
}

/** Reports the version now and every `intervalMs` until stopped; one poll at a time. */
export function watchGraphVersion(
  read: () => Promise<GraphVersion>,
  intervalMs: number,
  onVersion: (version: GraphVersion) => void,
): { ready: Promise<void>; stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const poll = async () => {
    const version = await read();
    if (stopped) return;
    onVersion(version);
    timer = setTimeout(() => void poll(), intervalMs);
    // A poll alone must not keep the process alive.
    timer.unref();
  };
  const ready = poll();
  return {
    ready,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

export interface RunningResultCache {
  cache: ResultCache;
  stop: () => void;
}

/** A result cache that follows the graph's version; resolves once the version has been read once. */
export async function startResultCache(
  driver: Driver,
  database: string | undefined,
  settings: { entries: number; maxBytes?: number; pollMs: number; timeoutMs: number },
): Promise<RunningResultCache> {
  const cache = new ResultCache(settings.entries, settings.maxBytes);
  const watch = watchGraphVersion(
    () => readGraphVersion(driver, database, settings.timeoutMs),
    settings.pollMs,
    (version) => cache.observe(version),
  );
  await watch.ready;
  return { cache, stop: watch.stop };
}
