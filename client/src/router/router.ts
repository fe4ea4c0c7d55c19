// The router: reads the view from the URL, shows its container and draws it, and draws again when the
// URL changes (a view asks with navigate(), or back/forward). It owns what every view needs the same
// way: the loading state (aria-busy), "only the newest load may draw", leaving the previous view, and
// where scroll and focus go once a navigation has drawn. A view is one registry entry plus its module.
import type { ParamTable } from '../state/url-state.ts';
import { el, errorBox } from '../views/dom.ts';
import { createLoadGuard, type LoadGuard } from './newest.ts';
import type { RenderContext, ViewEntry } from './view-entry.ts';

/** What set a navigation off: the first drawing, a view asking, back/forward, or a redraw. */
export type Cause = 'start' | 'navigate' | 'history' | 'refresh';

export interface Navigation<V extends string> {
  from: V | null;
  to: V;
  cause: Cause;
  container: HTMLElement;
  /** The view's main heading (its entry's `heading`, else its first h1 or h2), if it has one. */
  heading: HTMLElement | null;
}

/**
 * Where scroll and focus go once a navigation to another view has drawn: to the top, and focus on the
 * new view's heading, so keyboard and screen-reader users start where the new content starts. Back and
 * forward leave scroll to the browser, which puts it back where it was. Within one view (a filter, an
 * expansion, a step) nothing moves: the person is still where they were working.
 */
export function defaultAfterNavigation<V extends string>(navigation: Navigation<V>): void {
  const { from, to, cause, heading } = navigation;
  if (from === null || from === to || cause === 'refresh') return;
  if (cause === 'navigate') window.scrollTo(0, 0);
  if (!heading || heading.contains(document.activeElement)) return;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
}

export interface UrlCodec<S> {
  read(search: string): S;
  write(state: S): string;
  apply(current: S, change: Partial<S>): S;
}

export interface RouterOptions<V extends string> {
  main: HTMLElement;
  afterNavigation?: (navigation: Navigation<V>) => void;
}

export interface Router<S> {
  /** Draws the URL's view and starts following the URL. */
  start(): void;
  navigate(change: Partial<S>, options?: { replace?: boolean }): void;
  /** Draws the current URL again. */
  refresh(): void;
}

type Views<V extends string, S> = Readonly<Record<V, ViewEntry<ParamTable, RenderContext<Partial<S>>>>>;

function createContainers<V extends string, S>(
  views: Views<V, S>,
  main: HTMLElement,
): Record<V, HTMLElement> {
  const containers = {} as Record<V, HTMLElement>;
  for (const name of Object.keys(views) as V[]) {
    const spec = views[name].container;
    const attributes: Record<string, string> = { id: `${name}-view`, class: spec.class };
    if (spec.labelledBy) attributes['aria-labelledby'] = spec.labelledBy;
    if (spec.label) attributes['aria-label'] = spec.label;
    const container = el(spec.tag ?? 'section', attributes);
    container.hidden = true;
    spec.build?.(container);
    main.append(container);
    containers[name] = container;
  }
  return containers;
}

/** The router's own state: what is on screen and which element is marked as loading. */
interface Running<V extends string, S> {
  views: Views<V, S>;
  containers: Record<V, HTMLElement>;
  afterNavigation: (navigation: Navigation<V>) => void;
  guard: LoadGuard;
  shown: V | null;
  busy: HTMLElement | null;
}

type Entry<S> = ViewEntry<ParamTable, RenderContext<Partial<S>>>;

/** Leaves the view on screen (if it is another) and shows `view`. */
function show<V extends string, S>(running: Running<V, S>, view: V): void {
  if (running.shown === view) return;
  if (running.shown !== null) {
    running.views[running.shown].leave?.();
    running.containers[running.shown].hidden = true;
  }
  running.containers[view].hidden = false;
  running.shown = view;
}

function markBusy<V extends string, S>(
  running: Running<V, S>,
  entry: Entry<S>,
  container: HTMLElement,
): HTMLElement {
  // An older load that will never finish must not leave its view marked as loading.
  running.busy?.removeAttribute('aria-busy');
  const busy = (entry.busy ? container.querySelector<HTMLElement>(entry.busy) : null) ?? container;
  busy.setAttribute('aria-busy', 'true');
  running.busy = busy;
  return busy;
}

/** The render as a promise, whether it throws, rejects, or draws at once. */
function rendering<S extends { view: string }>(
  entry: Entry<S>,
  state: S,
  context: RenderContext<Partial<S>>,
): Promise<void> {
  try {
    return Promise.resolve(entry.render(state, context));
  } catch (error) {
    return Promise.reject(error);
  }
}

const headingOf = <S>(entry: Entry<S>, container: HTMLElement): HTMLElement | null =>
  container.querySelector<HTMLElement>(entry.heading ?? 'h1, h2');

/** One navigation: show the view, mark it loading, draw it, and once drawn, move scroll and focus. */
function draw<V extends string, S extends { view: V }>(
  running: Running<V, S>,
  state: S,
  cause: Cause,
  ways: Pick<RenderContext<Partial<S>>, 'navigate' | 'refresh'>,
): void {
  const load = running.guard.begin();
  const entry = running.views[state.view];
  const container = running.containers[state.view];
  const from = running.shown;
  show(running, state.view);
  if (entry.title) document.title = entry.title;
  const marked = markBusy(running, entry, container);
  const context = { container, signal: load.signal, isCurrent: load.isCurrent, ...ways };
  rendering(entry, state, context)
    .catch((error: unknown) => {
      console.error(error);
      if (load.isCurrent())
        container.replaceChildren(errorBox(error, 'Something went wrong while loading this view.'));
    })
    .finally(() => {
      if (!load.isCurrent()) return;
      marked.removeAttribute('aria-busy');
      running.afterNavigation({
        from,
        to: state.view,
        cause,
        container,
        heading: headingOf(entry, container),
      });
    });
}

export function createRouter<V extends string, S extends { view: V }>(
  views: Views<V, S>,
  codec: UrlCodec<S>,
  options: RouterOptions<V>,
): Router<S> {
  const running: Running<V, S> = {
    views,
    containers: createContainers(views, options.main),
    afterNavigation: options.afterNavigation ?? defaultAfterNavigation,
    guard: createLoadGuard(),
    shown: null,
    busy: null,
  };
  const current = () => codec.read(window.location.search);
  // Until the viewer is known and the first drawing starts, show the right (empty) view, not another.
  running.containers[current().view].hidden = false;

  const ways = {
    navigate(change: Partial<S>, navigation: { replace?: boolean } = {}): void {
      const search = codec.write(codec.apply(current(), change));
      if (search !== window.location.search) {
        const url = `${window.location.pathname}${search}`;
        if (navigation.replace) history.replaceState(null, '', url);
        else history.pushState(null, '', url);
      }
      draw(running, current(), 'navigate', ways);
    },
    refresh: (): void => draw(running, current(), 'refresh', ways),
  };

  return {
    start() {
      draw(running, current(), 'start', ways);
      window.addEventListener('popstate', () => draw(running, current(), 'history', ways));
    },
    ...ways,
  };
}
