// The explorer (the home view): what the graph holds, a node's neighbourhood as a graph with the kind
// filter as its legend, the node's details beside it, and for a signed-in counsellor the curation tools.
import { NeighbourhoodDocument, StatsDocument, type NodeKind } from '../api/generated/graphql.ts';
import { ApiError, request } from '../api/request.ts';
import { currentViewer } from '../state/session.ts';
import { ALL_KINDS, MAX_EXPANDED } from '../state/url-state.ts';
import { renderDetail, type DetailActions } from './detail-panel.ts';
import { el, errorBox, statusLine } from './dom.ts';
import { renderEditPanel } from './edit-panel.ts';
import { mergeNeighbourhoods } from './graph-merge.ts';
import { KINDS } from './kinds.ts';
import { clearGraph, renderNeighbourhood } from './neighbourhood-graph.ts';
import { renderStats } from './stats-view.ts';

export interface ExploreState {
  node: string;
  kinds: NodeKind[] | null;
  expand: string[];
}

export interface ExploreActions extends DetailActions {
  expand(ids: string[]): void;
  showKinds(kinds: NodeKind[] | null): void;
  home(): void;
  retry(): void;
  refresh(): void;
}

/** The explorer's panels, made once: they stay while the graph inside them changes. */
export function buildExplore(container: HTMLElement): void {
  container.append(
    el(
      'section',
      { 'aria-labelledby': 'stats-heading', class: 'panel' },
      el('h2', { id: 'stats-heading' }, 'What the graph holds'),
      el('div', { id: 'stats', 'aria-live': 'polite' }, statusLine('Loading counts…')),
    ),
    el(
      'div',
      { class: 'explore-grid' },
      el(
        'section',
        { 'aria-labelledby': 'graph-heading', class: 'panel' },
        el('h2', { id: 'graph-heading' }, 'Around ', el('span', { id: 'center-name' }, '…')),
        el('p', { id: 'center-description', class: 'description' }),
        el('div', { id: 'graph', class: 'graph', 'aria-live': 'polite' }, statusLine('Loading the graph…')),
        el('ul', {
          id: 'legend',
          class: 'legend',
          'aria-label': 'Kinds of node: colour key, and show or hide each kind',
        }),
      ),
      el('aside', { id: 'detail', class: 'panel detail', 'aria-label': 'Details', 'aria-live': 'polite' }),
    ),
    el('section', {
      id: 'edit-panel',
      class: 'panel edit-panel',
      'aria-labelledby': 'edit-heading',
      hidden: '',
    }),
  );
}

/** A graph still laying out must not keep its worker running behind another view. */
export const leaveExplore = clearGraph;

const part = (container: HTMLElement, id: string): HTMLElement => {
  const element = container.querySelector<HTMLElement>(`#${id}`);
  if (!element) throw new Error(`#${id} is missing from the explorer`);
  return element;
};

let statsLoaded = false;
async function loadStats(target: HTMLElement): Promise<void> {
  try {
    const { stats } = await request(StatsDocument, {});
    renderStats(target, stats);
    statsLoaded = true;
  } catch (error) {
    target.replaceChildren(
      errorBox(error, 'Something went wrong while loading this view.', {
        label: 'Try again',
        run: () => void loadStats(target),
      }),
    );
  }
}

/** The legend doubles as the kind filter: each kind a toggle button whose state lives in the URL. */
function renderLegend(legend: HTMLElement, state: ExploreState, actions: ExploreActions): void {
  const shown = state.kinds ?? ALL_KINDS;
  legend.replaceChildren(
    ...KINDS.map((k) => {
      const button = el(
        'button',
        { type: 'button', class: 'kind-toggle', 'aria-pressed': String(shown.includes(k.kind)) },
        k.plural,
      );
      button.addEventListener('click', () => {
        const next = shown.includes(k.kind) ? shown.filter((s) => s !== k.kind) : [...shown, k.kind];
        actions.showKinds(
          next.length === 0 || next.length === ALL_KINDS.length
            ? null
            : ALL_KINDS.filter((a) => next.includes(a)),
        );
      });
      const item = el('li', {}, button);
      item.style.setProperty('--kind-colour', k.colour);
      return item;
    }),
  );
}

const neighbourhoodOf = (id: string, state: ExploreState) =>
  request(NeighbourhoodDocument, { id, depth: 1, first: 30, kinds: state.kinds }).then(
    (answer) => answer.neighbourhood,
  );

/** Expansions that fail (a retired or mistyped id in a shared link) are left out and named. */
async function loadNeighbourhoods(state: ExploreState) {
  const [neighbourhood, ...expansions] = await Promise.all([
    neighbourhoodOf(state.node, state),
    ...state.expand.map((id) => neighbourhoodOf(id, state).catch((error: unknown) => ({ id, error }))),
  ]);
  const found = expansions.filter((e) => 'center' in e);
  const missing = expansions.filter((e) => 'error' in e).map((e) => e.id);
  return { neighbourhood, found, missing };
}

function showEditPanel(
  container: HTMLElement,
  id: string,
  actions: ExploreActions,
  isCurrent: () => boolean,
) {
  if (currentViewer()) void renderEditPanel(part(container, 'edit-panel'), id, actions, isCurrent);
}

function toggler(state: ExploreState, actions: ExploreActions) {
  return (id: string) =>
    actions.expand(
      state.expand.includes(id)
        ? state.expand.filter((e) => e !== id)
        : [...state.expand, id].slice(-MAX_EXPANDED),
    );
}

export async function renderExplore(
  container: HTMLElement,
  state: ExploreState,
  actions: ExploreActions,
  isCurrent: () => boolean,
): Promise<void> {
  if (!statsLoaded) void loadStats(part(container, 'stats'));
  part(container, 'edit-panel').hidden = !currentViewer();
  renderLegend(part(container, 'legend'), state, actions);
  const graph = part(container, 'graph');
  try {
    const { neighbourhood, found, missing } = await loadNeighbourhoods(state);
    if (!isCurrent()) return;
    part(container, 'center-name').textContent = neighbourhood.center.name;
    part(container, 'center-description').textContent = neighbourhood.center.description;
    document.title = `${neighbourhood.center.name} — Pathways`;
    renderNeighbourhood(
      graph,
      mergeNeighbourhoods(neighbourhood, found),
      found.map((e) => e.center.id),
      { toggle: toggler(state, actions), centre: actions.openNode },
    );
    if (missing.length > 0) {
      graph.prepend(
        el('p', { class: 'notice', role: 'status' }, `Could not open ${missing.join(', ')}: not found.`),
      );
    }
    void renderDetail(part(container, 'detail'), neighbourhood.center, actions, isCurrent);
    showEditPanel(container, neighbourhood.center.id, actions, isCurrent);
  } catch (error) {
    if (!isCurrent()) return;
    part(container, 'center-name').textContent = state.node;
    part(container, 'center-description').textContent = '';
    part(container, 'detail').replaceChildren();
    // A counsellor may be following a link to a node they retired: the tools can restore it.
    if (error instanceof ApiError && error.code === 'NOT_FOUND')
      showEditPanel(container, state.node, actions, isCurrent);
    const back =
      error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')
        ? { label: 'Go to Biology', run: actions.home }
        : { label: 'Try again', run: actions.retry };
    graph.replaceChildren(errorBox(error, 'Something went wrong while loading this view.', back));
  }
}
