// Public read results, kept until the graph changes. Students ask the same few questions (a subject's
// neighbourhood, the careers it leads to) far more often than counsellors change the graph, so a
// result read once at a graph version can be served again until the version moves.
//
// The version is the change log's counter, which every curation write and every seed load moves.
// This process's own writes invalidate at once (read-your-writes for the counsellor who wrote);
// writes by other processes (a CLI import, another server, a load) are seen by a poll, so their
// effect can show up to one poll interval late. When the version cannot be read (Neo4j down),
// nothing is served from the cache: reads go to the database and fail as they would without it.
import { LRUCache } from 'lru-cache';

/** A graph version as read from the database, or null when it could not be read. */
export type GraphVersion = string | null;

export interface ResultCacheStats {
  hits: number;
  misses: number;
  /** Requests that joined an identical read already on its way to the database. */
  joined: number;
  entries: number;
  /** What the kept rows weigh, as the cache counts it (see `weigh`). */
  bytes: number;
}

/**
 * An entry's weight: its rows as JSON, two bytes a character as V8 keeps most strings. Not the exact
 * heap size, but proportional to it, which is what a byte budget needs: a few huge answers (a hub's
 * neighbourhood, an export-sized path set) can no longer fill memory that a count of entries allowed.
 */
function weigh(rows: readonly unknown[]): number {
  try {
    return Math.max(1, JSON.stringify(rows).length * 2);
  } catch {
    return Number.MAX_SAFE_INTEGER;
  }
}

export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

export class ResultCache {
  readonly #entries: LRUCache<string, readonly unknown[]>;
  readonly #loading = new Map<string, Promise<readonly unknown[]>>();
  /** Moves on every invalidation; part of each key, so a read that started before it is never kept. */
  #generation = 0;
  #version: GraphVersion = null;
  readonly #stats = { hits: 0, misses: 0, joined: 0 };

  constructor(maxEntries: number, maxBytes = DEFAULT_CACHE_BYTES) {
    // An answer heavier than the whole budget is served but not kept.
    this.#entries = new LRUCache({ max: maxEntries, maxSize: maxBytes, sizeCalculation: weigh });
  }

  /**
   * The rows cached under `key` at the current version, or `load`'s, shared with every caller asking
   * the same meanwhile. The rows are frozen: callers share them and must build new values from them.
   */
  async read<T>(key: string, load: () => Promise<T[]>): Promise<readonly T[]> {
    if (this.#version === null) return load();
    const generation = this.#generation;
    const full = `${generation}\u0000${key}`;
    const hit = this.#entries.get(full);
    if (hit) {
      this.#stats.hits += 1;
      return hit as readonly T[];
    }
    const pending = this.#loading.get(full);
    if (pending) {
      this.#stats.joined += 1;
      return pending as Promise<readonly T[]>;
    }
    this.#stats.misses += 1;
    const loading = load()
      .then((rows) => {
        deepFreeze(rows);
        if (generation === this.#generation) this.#entries.set(full, rows);
        return rows;
      })
      .finally(() => {
        if (this.#loading.get(full) === loading) this.#loading.delete(full);
      });
    this.#loading.set(full, loading);
    return loading;
  }

  /** The graph changed, or may have: nothing read before now is served again. */
  invalidate(): void {
    this.#generation += 1;
    this.#entries.clear();
    this.#loading.clear();
  }

  /** Records the version the database reports; a new one (or none) invalidates. */
  observe(version: GraphVersion): void {
    if (version === this.#version) return;
    this.#version = version;
    this.invalidate();
  }

  stats(): ResultCacheStats {
    return { ...this.#stats, entries: this.#entries.size, bytes: this.#entries.calculatedSize };
  }
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
