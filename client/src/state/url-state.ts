// The URL is the source of truth for what is on screen, so any view can be shared as a link.
export interface ViewState {
  /** The node at the centre of the graph view. */
  node: string;
}

export const DEFAULT_NODE = 'biology';

export function readState(location: Pick<Location, 'search'> = window.location): ViewState {
  const params = new URLSearchParams(location.search);
  return { node: params.get('node')?.trim() || DEFAULT_NODE };
}

export function stateToSearch(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.node !== DEFAULT_NODE) params.set('node', state.node);
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function navigate(state: ViewState): void {
  const search = stateToSearch(state);
  if (search !== window.location.search) history.pushState(null, '', `${window.location.pathname}${search}`);
  window.dispatchEvent(new Event('pathways:navigate'));
}

export function onStateChange(listener: (state: ViewState) => void): void {
  const fire = () => listener(readState());
  window.addEventListener('popstate', fire);
  window.addEventListener('pathways:navigate', fire);
}
