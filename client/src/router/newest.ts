// Loads can overlap (back twice in a row, a second filter before the first answers) and their answers
// can arrive in any order. Only the newest load may draw, so the page always shows what the URL says,
// not whichever answer came last. One guard for the whole page: starting a load, in any view,
// retires every load before it. No DOM here: the unit tests run it in Node.

export interface Load {
  /** Aborted when a newer load starts; requests are not cancelled with it, their answers are dropped. */
  readonly signal: AbortSignal;
  /** Whether this is still the newest load, so its answer may draw. */
  isCurrent(): boolean;
}

export interface LoadGuard {
  /** Marks a new load as the newest; every earlier load stops being current. */
  begin(): Load;
}

export function createLoadGuard(): LoadGuard {
  let newest: AbortController | null = null;
  return {
    begin() {
      newest?.abort();
      const controller = new AbortController();
      newest = controller;
      const { signal } = controller;
      return { signal, isCurrent: () => !signal.aborted };
    },
  };
}
