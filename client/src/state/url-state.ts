// The URL is the source of truth for what is on screen, so any view can be shared as a link and
// back/forward move between views. This module knows how one query-string parameter is read and
// written (and the limits links are held to); which view uses which parameters is the view
// registry's business (client/src/router/registry.ts). No DOM here: the unit tests run it in Node.
import type { NodeKind } from '../api/generated/graphql.ts';

export const ALL_KINDS: readonly NodeKind[] = [
  'SUBJECT',
  'FIELD',
  'SKILL',
  'CAREER',
  'COURSE',
  'APPLICATION',
];

export const DEFAULT_NODE = 'biology';

/** skills: at most this many picked skills or subjects in a link; compare: at most 3 careers. */
export const MAX_PICKED = 40;
export const MAX_COMPARED = 3;

export const DEFAULT_HOPS = 4;

/** Each expansion is one more request and up to 30 more nodes; past this a fresh centre reads better. */
export const MAX_EXPANDED = 20;

/** One query-string parameter: `read` gets the trimmed text (null when absent or blank). */
export interface Param<T> {
  read(text: string | null): T;
  /** The text to put in the URL, or null to leave the parameter out (it is the default). */
  write(value: T): string | null;
  /**
   * Another parameter this one belongs to: when that one changes and this one is not given too, this
   * one starts afresh (expansions belong to one centre).
   */
  belongsTo?: string;
}

/** A name, or `fallback` when absent; left out of the URL when it is the fallback. */
export const name = (fallback: string): Param<string> => ({
  read: (text) => text ?? fallback,
  write: (value) => (value === fallback ? null : value),
});

/** A name, or `fallback` when absent; always written, so the link says what it is about. */
export const required = (fallback: string): Param<string> => ({
  read: (text) => text ?? fallback,
  write: (value) => value,
});

export const optional = (): Param<string | null> => ({
  read: (text) => text,
  write: (value) => value || null,
});

/** `expand=a,b,a` → ['a', 'b']: trimmed, blanks and repeats dropped, at most `max`. */
export const ids = (max: number, belongsTo?: string): Param<string[]> => ({
  read: (text) => {
    if (text === null) return [];
    const list = text
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    return [...new Set(list)].slice(0, max);
  },
  write: (value) => (value.length > 0 ? value.join(',') : null),
  ...(belongsTo ? { belongsTo } : {}),
});

/** A whole number from 0; anything else reads as 0, which is left out. */
export const count = (): Param<number> => ({
  read: (text) => {
    const n = Number(text ?? 0);
    return Number.isInteger(n) && n >= 0 ? n : 0;
  },
  write: (value) => (value > 0 ? String(value) : null),
});

/** One of a few numbers; anything else reads as `fallback`, which is left out. */
export const oneOf = (allowed: readonly number[], fallback: number): Param<number> => ({
  read: (text) => (allowed.includes(Number(text)) ? Number(text) : fallback),
  write: (value) => (value === fallback ? null : String(value)),
});

/** `kinds=field,career` → ['FIELD', 'CAREER'] in the model's order; unknown words are dropped. */
export const kinds = (): Param<NodeKind[] | null> => ({
  read: (text) => {
    if (text === null) return null;
    const wanted = new Set(text.toUpperCase().split(','));
    const chosen = ALL_KINDS.filter((k) => wanted.has(k));
    return chosen.length === 0 || chosen.length === ALL_KINDS.length ? null : chosen;
  },
  write: (value) => (value ? value.map((k) => k.toLowerCase()).join(',') : null),
});

export type ParamTable = Readonly<Record<string, Param<unknown>>>;
export type ParamValues<P> = { -readonly [K in keyof P]: P[K] extends Param<infer T> ? T : never };

/** Reads and writes whole states for a set of views, each with its own parameters in URL order. */
export function urlCodec<V extends string, S extends { view: V }>(tables: Readonly<Record<V, ParamTable>>) {
  const views = Object.keys(tables) as V[];
  const home = views[0];
  if (home === undefined) throw new Error('At least one view is needed.');
  // A parameter two views share (the subject) is read once; the first view to declare it says how.
  const every = new Map<string, Param<unknown>>();
  for (const view of views)
    for (const [key, param] of Object.entries(tables[view])) if (!every.has(key)) every.set(key, param);

  /** Every parameter is read whatever the view, so switching views keeps what the link said. */
  function read(search: string): S {
    const params = new URLSearchParams(search);
    const text = (key: string) => params.get(key)?.trim() || null;
    const view = text('view');
    const state: Record<string, unknown> = {
      view: views.includes(view as V) ? view : home,
    };
    for (const [key, param] of every) state[key] = param.read(text(key));
    return state as S;
  }

  /** Only the view's own parameters, and only what differs from the defaults, so links stay short. */
  function write(state: S): string {
    const params = new URLSearchParams();
    if (state.view !== home) params.set('view', state.view);
    const values = state as unknown as Record<string, unknown>;
    for (const [key, param] of Object.entries(tables[state.view])) {
      const text = param.write(values[key]);
      if (text !== null) params.set(key, text);
    }
    // Commas are safe in a query string; leaving them unescaped keeps shared links readable.
    const search = params.toString().replaceAll('%2C', ',');
    return search ? `?${search}` : '';
  }

  /** The state after `change`: a parameter that belongs to another starts afresh when that one moves. */
  function apply(current: S, change: Partial<S>): S {
    const next: Record<string, unknown> = { ...current, ...change };
    const given = change as Record<string, unknown>;
    const was = current as unknown as Record<string, unknown>;
    for (const [key, param] of every) {
      const owner = param.belongsTo;
      if (!owner || given[key] !== undefined) continue;
      if (given[owner] !== undefined && given[owner] !== was[owner]) next[key] = param.read(null);
    }
    return next as S;
  }

  return { views, home, read, write, apply };
}
