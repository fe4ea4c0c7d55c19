// Entry point: read the view from the URL, fetch what it needs, draw it, and redraw when the URL changes.
import { NeighbourhoodDocument, StatsDocument } from './api/generated/graphql.ts';
import { ApiError, request } from './api/request.ts';
import { DEFAULT_NODE, navigate, onStateChange, readState, type ViewState } from './state/url-state.ts';
import { KINDS } from './views/kinds.ts';
import { renderNeighbourhood } from './views/neighbourhood-graph.ts';
import { renderStats } from './views/stats-view.ts';

const byId = (id: string): HTMLElement => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element;
};

function showError(
  container: HTMLElement,
  error: unknown,
  action?: { label: string; run: () => void },
): void {
  const box = document.createElement('div');
  box.className = 'error';
  box.setAttribute('role', 'alert');
  const message = document.createElement('p');
  message.textContent =
    error instanceof ApiError ? error.message : 'Something went wrong while loading this view.';
  box.append(message);
  if (error instanceof ApiError && error.requestId) {
    const ref = document.createElement('p');
    ref.className = 'reference';
    ref.textContent = `Reference: ${error.requestId}`;
    box.append(ref);
  }
  if (action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = action.label;
    button.addEventListener('click', action.run);
    box.append(button);
  }
  container.replaceChildren(box);
}

async function loadStats(): Promise<void> {
  const container = byId('stats');
  try {
    const { stats } = await request(StatsDocument, {});
    renderStats(container, stats);
  } catch (error) {
    showError(container, error, { label: 'Try again', run: () => void loadStats() });
  }
}

async function loadGraph(state: ViewState): Promise<void> {
  const container = byId('graph');
  container.setAttribute('aria-busy', 'true');
  try {
    const { neighbourhood } = await request(NeighbourhoodDocument, { id: state.node, depth: 1, first: 30 });
    byId('center-name').textContent = neighbourhood.center.name;
    byId('center-description').textContent = neighbourhood.center.description;
    document.title = `${neighbourhood.center.name} — Pathways`;
    renderNeighbourhood(container, neighbourhood, (id) => navigate({ ...state, node: id }));
  } catch (error) {
    byId('center-name').textContent = state.node;
    byId('center-description').textContent = '';
    const back =
      error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')
        ? { label: 'Go to Biology', run: () => navigate({ ...state, node: DEFAULT_NODE }) }
        : { label: 'Try again', run: () => void loadGraph(state) };
    showError(container, error, back);
  } finally {
    container.removeAttribute('aria-busy');
  }
}

function renderLegend(): void {
  byId('legend').replaceChildren(
    ...KINDS.map((k) => {
      const item = document.createElement('li');
      item.style.setProperty('--kind-colour', k.colour);
      item.textContent = k.label;
      return item;
    }),
  );
}

renderLegend();
void loadStats();
void loadGraph(readState());
onStateChange((state) => void loadGraph(state));
