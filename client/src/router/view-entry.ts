// What the router needs to know about a view: one entry per view, in client/src/router/registry.ts.
import type { ParamTable, ParamValues } from '../state/url-state.ts';

/** What a view's render gets besides its state: its container, the newest-load check and the way on. */
export interface RenderContext<Change> {
  readonly container: HTMLElement;
  /** Aborted as soon as a newer navigation starts. */
  readonly signal: AbortSignal;
  /** Check after every await: only the newest navigation's answers may draw. */
  isCurrent(): boolean;
  /** Views never change the URL themselves: they ask for the state they want next. */
  navigate(change: Change, options?: { replace?: boolean }): void;
  /** Draws the current URL again (after a write, a sign-in, or to try again). */
  refresh(): void;
}

/** The view's own element in <main>: the router creates it, hidden, once at start. */
export interface ContainerSpec {
  tag?: 'div' | 'section';
  class: string;
  /** The id of the heading that names the view (aria-labelledby)… */
  labelledBy?: string;
  /** …or a label, when there is no such heading. */
  label?: string;
  /** Fills in markup that stays for the life of the page (the explorer's panels). */
  build?(container: HTMLElement): void;
}

export interface ViewEntry<P extends ParamTable, Context extends RenderContext<unknown>> {
  /** The query-string parameters this view puts in its links, in URL order. */
  params: P;
  container: ContainerSpec;
  /** The page title; a view whose title depends on what it loads sets document.title itself. */
  title?: string;
  /** Where focus goes after a navigation to this view; the first h1 or h2 in it by default. */
  heading?: string;
  /** The element marked aria-busy while the view loads; the container by default. */
  busy?: string;
  /** Draws the view for `state`. A render must say its return type (the registry's types need it). */
  render(state: ParamValues<P>, context: Context): void | Promise<void>;
  /** Stops what must not run behind another view (key listeners, a layout worker). */
  leave?(): void;
}
