// Entry point: read the view from the URL, fetch what it needs, draw it, and redraw when the URL
// changes (links, back/forward, search). Views never change state themselves: they call navigate().
import { NeighbourhoodDocument, StatsDocument } from './api/generated/graphql.ts';
import { ApiError, request } from './api/request.ts';
import {
  ALL_KINDS,
  DEFAULT_NODE,
  MAX_EXPANDED,
  navigate,
  onStateChange,
  readState,
  type ViewState,
} from './state/url-state.ts';
import { currentViewer, loadViewer, onViewerChange } from './state/session.ts';
import { renderCareers } from './views/careers-view.ts';
import { isPicked, pickedIds, renderCompare, togglePick } from './views/compare-view.ts';
import { renderPlan, startPlan } from './views/plan-view.ts';
import { renderQuiz } from './views/quiz-view.ts';
import { renderSkills } from './views/skills-view.ts';
import { renderCurate } from './views/curate-view.ts';
import { renderEditPanel } from './views/edit-panel.ts';
import { el, errorBox } from './views/dom.ts';
import { mergeNeighbourhoods } from './views/graph-merge.ts';
import { renderDetail, type DetailActions } from './views/detail-panel.ts';
import { KINDS } from './views/kinds.ts';
import { clearGraph, renderNeighbourhood } from './views/neighbourhood-graph.ts';
import { renderPaths } from './views/paths-view.ts';
import { leavePresentation, renderPresentation } from './views/presentation.ts';
import { claim } from './views/newest-load.ts';
import { mountSearchBox } from './views/search-box.ts';
import { renderStats } from './views/stats-view.ts';

const byId = (id: string): HTMLElement => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element;
};

const actions: DetailActions = {
  openNode: (id) => navigate({ view: 'explore', node: id }),
  openCareers: (subject) => navigate({ view: 'careers', subject, via: null }),
  present: (subject) => navigate({ view: 'present', subject, step: 0 }),
  openPlan: (plan) => navigate({ view: 'plan', plan }),
};

function showError(
  container: HTMLElement,
  error: unknown,
  action?: { label: string; run: () => void },
): void {
  container.replaceChildren(errorBox(error, 'Something went wrong while loading this view.', action));
}

let statsLoaded = false;
async function loadStats(): Promise<void> {
  const container = byId('stats');
  try {
    const { stats } = await request(StatsDocument, {});
    renderStats(container, stats);
    statsLoaded = true;
  } catch (error) {
    showError(container, error, { label: 'Try again', run: () => void loadStats() });
  }
}

const neighbourhoodOf = (id: string, state: ViewState) =>
  request(NeighbourhoodDocument, { id, depth: 1, first: 30, kinds: state.kinds }).then(
    (answer) => answer.neighbourhood,
  );

async function loadExplore(state: ViewState): Promise<void> {
  if (!statsLoaded) void loadStats();
  const container = byId('graph');
  const current = claim(container);
  container.setAttribute('aria-busy', 'true');
  try {
    // Expansions that fail (a retired or mistyped id in a shared link) are left out and named,
    // rather than costing the whole view.
    const [neighbourhood, ...expansions] = await Promise.all([
      neighbourhoodOf(state.node, state),
      ...state.expand.map((id) => neighbourhoodOf(id, state).catch((error: unknown) => ({ id, error }))),
    ]);
    if (!current()) return;
    const found = expansions.filter((e) => 'center' in e);
    const missing = expansions.filter((e) => 'error' in e).map((e) => e.id);
    byId('center-name').textContent = neighbourhood.center.name;
    byId('center-description').textContent = neighbourhood.center.description;
    document.title = `${neighbourhood.center.name} — Pathways`;
    renderNeighbourhood(
      container,
      mergeNeighbourhoods(neighbourhood, found),
      found.map((e) => e.center.id),
      {
        toggle: (id) =>
          navigate({
            expand: state.expand.includes(id)
              ? state.expand.filter((e) => e !== id)
              : [...state.expand, id].slice(-MAX_EXPANDED),
          }),
        centre: actions.openNode,
      },
    );
    if (missing.length > 0) {
      container.prepend(
        el('p', { class: 'notice', role: 'status' }, `Could not open ${missing.join(', ')}: not found.`),
      );
    }
    void renderDetail(byId('detail'), neighbourhood.center, actions);
    showEditPanel(neighbourhood.center.id);
  } catch (error) {
    if (!current()) return;
    byId('center-name').textContent = state.node;
    byId('center-description').textContent = '';
    byId('detail').replaceChildren();
    // A counsellor may be following a link to a node they retired: the tools can restore it.
    if (error instanceof ApiError && error.code === 'NOT_FOUND') showEditPanel(state.node);
    const back =
      error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT')
        ? { label: 'Go to Biology', run: () => navigate({ view: 'explore', node: DEFAULT_NODE }) }
        : { label: 'Try again', run: () => void loadExplore(state) };
    showError(container, error, back);
  } finally {
    if (current()) container.removeAttribute('aria-busy');
  }
}

const refresh = () => render(readState());

function showEditPanel(id: string): void {
  if (currentViewer()) void renderEditPanel(byId('edit-panel'), id, { refresh });
}

function show(view: ViewState['view']): void {
  if (view !== 'explore') {
    // A graph still loading must not start drawing (and simulating) behind another view.
    claim(byId('graph'));
    clearGraph();
  }
  byId('edit-panel').hidden = view !== 'explore' || !currentViewer();
  byId('curate-view').hidden = view !== 'curate';
  byId('explore-view').hidden = view !== 'explore';
  byId('careers-view').hidden = view !== 'careers';
  byId('paths-view').hidden = view !== 'paths';
  byId('present-view').hidden = view !== 'present';
  byId('quiz-view').hidden = view !== 'quiz';
  byId('skills-view').hidden = view !== 'skills';
  byId('compare-view').hidden = view !== 'compare';
  byId('plan-view').hidden = view !== 'plan';
  document.body.classList.toggle('presenting', view === 'present');
}

function render(state: ViewState): void {
  show(state.view);
  if (state.view !== 'present') leavePresentation();
  if (state.view === 'explore') {
    renderLegend(state);
    void loadExplore(state);
  }
  if (state.view === 'careers') {
    document.title = 'Careers — Pathways';
    void renderCareers(byId('careers-view'), state, {
      openNode: actions.openNode,
      openPlan: actions.openPlan,
      filter: (via) => navigate({ via }),
      back: () => navigate({ view: 'explore', node: DEFAULT_NODE }),
    });
  }
  if (state.view === 'paths') {
    document.title = 'Paths — Pathways';
    void renderPaths(byId('paths-view'), state, {
      openNode: actions.openNode,
      choose: (change) => navigate(change),
    });
  }
  if (state.view === 'curate') {
    document.title = 'Curate — Pathways';
    void renderCurate(byId('curate-view'), { openNode: actions.openNode, refresh });
  }
  if (state.view === 'quiz' || state.view === 'skills' || state.view === 'compare' || state.view === 'plan') {
    renderStudentView(state);
  }
  if (state.view === 'present') {
    document.title = 'Presenting — Pathways';
    void renderPresentation(byId('present-view'), {
      subject: state.subject,
      step: state.step,
      onStep: (step) => navigate({ step }),
      onExit: () => navigate({ view: 'explore', node: state.subject }),
    });
  }
}

/** The student's tools: interests quiz, skills and subjects, compare, and a saved plan. */
function renderStudentView(state: ViewState): void {
  const openPlan = (plan: string) => navigate({ view: 'plan', plan });
  const cards = {
    open: actions.openNode,
    plan: (career: string, button: HTMLButtonElement) =>
      void startPlan(career, state.view === 'skills' ? state.have : [], button, openPlan),
    toggleCompare: togglePick,
    isCompared: isPicked,
    compare: () => navigate({ view: 'compare', careers: pickedIds() }),
  };
  if (state.view === 'quiz') {
    document.title = 'Interests quiz — Pathways';
    void renderQuiz(byId('quiz-view'), cards);
  }
  if (state.view === 'skills') {
    document.title = 'My skills and subjects — Pathways';
    void renderSkills(byId('skills-view'), state, { ...cards, choose: (change) => navigate(change) });
  }
  if (state.view === 'compare') {
    document.title = 'Compare careers — Pathways';
    void renderCompare(byId('compare-view'), state, {
      open: actions.openNode,
      choose: (careers) => navigate({ careers }),
      plan: cards.plan,
    });
  }
  if (state.view === 'plan') {
    document.title = 'My plan — Pathways';
    void renderPlan(byId('plan-view'), state.plan, {
      open: actions.openNode,
      openPlan,
      quiz: () => navigate({ view: 'quiz' }),
    });
  }
}

/** The legend doubles as the kind filter: each kind a toggle button whose state lives in the URL. */
function renderLegend(state: ViewState): void {
  const shown = state.kinds ?? ALL_KINDS;
  byId('legend').replaceChildren(
    ...KINDS.map((k) => {
      const item = document.createElement('li');
      item.style.setProperty('--kind-colour', k.colour);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'kind-toggle';
      button.textContent = k.plural;
      button.setAttribute('aria-pressed', String(shown.includes(k.kind)));
      button.addEventListener('click', () => {
        const next = shown.includes(k.kind) ? shown.filter((s) => s !== k.kind) : [...shown, k.kind];
        navigate({
          kinds:
            next.length === 0 || next.length === ALL_KINDS.length
              ? null
              : ALL_KINDS.filter((a) => next.includes(a)),
        });
      });
      item.append(button);
      return item;
    }),
  );
}

function wireCopyLink(): void {
  const status = byId('copy-status');
  byId('copy-link').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      status.textContent = 'Link copied';
    } catch {
      status.textContent = `Copy this link: ${window.location.href}`;
    }
    setTimeout(() => (status.textContent = ''), 4000);
  });
}

wireCopyLink();
mountSearchBox(byId('search'), (hit) => navigate({ view: 'explore', node: hit.id }));
onViewerChange((viewer) => {
  byId('curate-link').textContent = viewer ? `Curating as ${viewer.email}` : 'For counsellors';
});
// Who is signed in decides whether the curation tools show, so it is known before the first drawing.
void loadViewer().then(() => {
  render(readState());
  onStateChange(render);
});
