// The router: reads the view from the URL, shows its container and draws it, and draws again when the
// URL changes (a view asks with navigate(), or back/forward). It owns what every view needs the same
// way: the loading state (aria-busy), "only the newest load may draw", leaving the previous view, and
// where scroll and focus go once a navigation has drawn. A view is one registry entry plus its module.
import type { ParamTable } from '../state/url-state.ts';
import { el, errorBox } from '../views/dom.ts';
import { createLoadGuard } from './newest.ts';
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

export function createRouter<V extends string, S extends { view: V }>(
  views: Views<V, S>,
  codec: UrlCodec<S>,
  options: RouterOptions<V>,
): Router<S> {
  const containers = createContainers(views, options.main);
  const afterNavigation = options.afterNavigation ?? defaultAfterNavigation;
  const guard = createLoadGuard();
  const current = () => codec.read(window.location.search);
  let shown: V | null = null;
  let busy: HTMLElement | null = null;
  // Until the viewer is known and the first drawing starts, show the right (empty) view, not another.
  containers[current().view].hidden = false;

  function show(view: V): void {
    if (shown === view) return;
    if (shown !== null) {
      views[shown].leave?.();
      containers[shown].hidden = true;
    }
    containers[view].hidden = false;
    shown = view;
  }

  function markBusy(
    entry: ViewEntry<ParamTable, RenderContext<Partial<S>>>,
    container: HTMLElement,
  ): HTMLElement {
    // An older load that will never finish must not leave its view marked as loading.
    busy?.removeAttribute('aria-busy');
    busy = (entry.busy ? container.querySelector<HTMLElement>(entry.busy) : null) ?? container;
    busy.setAttribute('aria-busy', 'true');
    return busy;
  }

  function draw(state: S, cause: Cause): void {
    const load = guard.begin();
    const entry = views[state.view];
    const container = containers[state.view];
    const from = shown;
    show(state.view);
    if (entry.title) document.title = entry.title;
    const marked = markBusy(entry, container);
    const context: RenderContext<Partial<S>> = {
      container,
      signal: load.signal,
      isCurrent: load.isCurrent,
      navigate,
      refresh,
    };
    let drawing: void | Promise<void>;
    try {
      drawing = entry.render(state, context);
    } catch (error) {
      drawing = Promise.reject(error);
    }
    Promise.resolve(drawing)
      .catch((error: unknown) => {
        console.error(error);
        if (load.isCurrent())
          container.replaceChildren(errorBox(error, 'Something went wrong while loading this view.'));
      })
      .finally(() => {
        if (!load.isCurrent()) return;
        marked.removeAttribute('aria-busy');
        const heading = entry.heading
          ? container.querySelector<HTMLElement>(entry.heading)
          : container.querySelector<HTMLElement>('h1, h2');
        afterNavigation({ from, to: state.view, cause, container, heading });
      });
  }

  function navigate(change: Partial<S>, navigation: { replace?: boolean } = {}): void {
    const search = codec.write(codec.apply(current(), change));
    if (search !== window.location.search) {
      const url = `${window.location.pathname}${search}`;
      if (navigation.replace) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    draw(current(), 'navigate');
  }

  function refresh(): void {
    draw(current(), 'refresh');
  }

  return {
    start() {
      draw(current(), 'start');
      window.addEventListener('popstate', () => draw(current(), 'history'));
    },
    navigate,
    refresh,
  };
}
