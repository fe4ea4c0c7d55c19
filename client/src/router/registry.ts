// Every view, once: the parameters it keeps in the URL, its container, how it draws and what it stops
// when another view takes over. Adding a view is an entry here plus its module under views/; the
// router creates its container, and the URL state (ViewState) grows with the entry's parameters.
// The order is the order of the containers in <main>; the first view is the home page.
import { isPicked, pickedIds, togglePick } from '../state/compare-picks.ts';
import {
  DEFAULT_HOPS,
  DEFAULT_NODE,
  MAX_COMPARED,
  MAX_EXPANDED,
  MAX_PICKED,
  count,
  ids,
  kinds,
  name,
  oneOf,
  optional,
  required,
  urlCodec,
  type ParamTable,
  type ParamValues,
} from '../state/url-state.ts';
import type { CardActions } from '../views/career-card.ts';
import { renderCareers } from '../views/careers-view.ts';
import { renderCompare } from '../views/compare-view.ts';
import { renderCurate } from '../views/curate-view.ts';
import type { DetailActions } from '../views/detail-panel.ts';
import { buildExplore, leaveExplore, renderExplore } from '../views/explore-view.ts';
import { renderPaths } from '../views/paths-view.ts';
import { renderPlan, startPlan } from '../views/plan-view.ts';
import { enterPresentation, leavePresentation, renderPresentation } from '../views/presentation.ts';
import { renderQuiz } from '../views/quiz-view.ts';
import { renderSkills } from '../views/skills-view.ts';
import type { RenderContext, ViewEntry } from './view-entry.ts';

// Interfaces, not aliases: their members are looked at only when needed, so the entries below can
// use ViewState while ViewState is worked out from them.
interface Context extends RenderContext<Partial<ViewState>> {
  navigate(change: Partial<ViewState>, options?: { replace?: boolean }): void;
}
interface Entry<P extends ParamTable> extends ViewEntry<P, Context> {
  render(state: ParamValues<P>, context: Context): void | Promise<void>;
}

function view<P extends ParamTable>(entry: Entry<P>): Entry<P> {
  return entry;
}

// careers and present share the subject, so a presentation's "exit" and a careers link agree on it.
const subject = required(DEFAULT_NODE);

/** The ways out every view offers: open a node, a subject's careers, a presentation, a plan. */
function links(context: Context): DetailActions {
  return {
    openNode: (id) => context.navigate({ view: 'explore', node: id }),
    openCareers: (of) => context.navigate({ view: 'careers', subject: of, via: null }),
    present: (of) => context.navigate({ view: 'present', subject: of, step: 0 }),
    openPlan: (plan) => context.navigate({ view: 'plan', plan }),
  };
}

/** Career cards (quiz and skills results): open, plan from what the student has, compare. */
function cards(context: Context, have: string[]): CardActions & { compare(): void } {
  const { openNode, openPlan } = links(context);
  return {
    open: openNode,
    plan: (career, button) => void startPlan(career, have, button, openPlan),
    toggleCompare: togglePick,
    isCompared: isPicked,
    compare: () => context.navigate({ view: 'compare', careers: pickedIds() }),
  };
}

export const VIEWS = {
  explore: view({
    params: { node: name(DEFAULT_NODE), kinds: kinds(), expand: ids(MAX_EXPANDED, 'node') },
    container: { tag: 'div', class: 'view', build: buildExplore },
    heading: '#graph-heading',
    busy: '#graph',
    render: (state, context): Promise<void> =>
      renderExplore(
        context.container,
        state,
        {
          ...links(context),
          expand: (expand) => context.navigate({ expand }),
          showKinds: (shown) => context.navigate({ kinds: shown }),
          home: () => context.navigate({ view: 'explore', node: DEFAULT_NODE }),
          retry: context.refresh,
          refresh: context.refresh,
        },
        context.isCurrent,
      ),
    leave: leaveExplore,
  }),
  careers: view({
    params: { subject, via: optional() },
    container: { class: 'view panel', labelledBy: 'careers-heading' },
    title: 'Careers — Pathways',
    render: (state, context): Promise<void> =>
      renderCareers(
        context.container,
        state,
        {
          openNode: links(context).openNode,
          openPlan: links(context).openPlan,
          filter: (via) => context.navigate({ via }),
          back: () => context.navigate({ view: 'explore', node: DEFAULT_NODE }),
        },
        context.isCurrent,
      ),
  }),
  paths: view({
    params: { from: optional(), to: optional(), hops: oneOf([1, 2, 3, 4, 5], DEFAULT_HOPS) },
    container: { class: 'view panel', labelledBy: 'paths-heading' },
    title: 'Paths — Pathways',
    render: (state, context): Promise<void> =>
      renderPaths(
        context.container,
        state,
        { openNode: links(context).openNode, choose: (change) => context.navigate(change) },
        context.isCurrent,
      ),
  }),
  present: view({
    params: { subject, step: count() },
    container: { class: 'view present', label: 'Presentation' },
    title: 'Presenting — Pathways',
    heading: '.pv-subject',
    render: (state, context): Promise<void> => {
      enterPresentation();
      return renderPresentation(
        context.container,
        {
          subject: state.subject,
          step: state.step,
          onStep: (step) => context.navigate({ step }),
          onExit: () => context.navigate({ view: 'explore', node: state.subject }),
        },
        context.isCurrent,
      );
    },
    leave: leavePresentation,
  }),
  quiz: view({
    params: {},
    container: { class: 'view panel', labelledBy: 'quiz-heading' },
    title: 'Interests quiz — Pathways',
    render: (_state, context): Promise<void> =>
      renderQuiz(context.container, { ...cards(context, []), retry: context.refresh }, context.isCurrent),
  }),
  skills: view({
    params: { have: ids(MAX_PICKED), enjoy: ids(MAX_PICKED) },
    container: { class: 'view panel', labelledBy: 'skills-heading' },
    title: 'My skills and subjects — Pathways',
    render: (state, context): Promise<void> =>
      renderSkills(
        context.container,
        state,
        { ...cards(context, state.have), choose: (change) => context.navigate(change) },
        context.isCurrent,
      ),
  }),
  compare: view({
    params: { careers: ids(MAX_COMPARED) },
    container: { class: 'view panel', labelledBy: 'compare-heading' },
    title: 'Compare careers — Pathways',
    render: (state, context): Promise<void> =>
      renderCompare(
        context.container,
        state,
        {
          open: links(context).openNode,
          choose: (careers) => context.navigate({ careers }),
          plan: cards(context, []).plan,
        },
        context.isCurrent,
      ),
  }),
  plan: view({
    params: { plan: optional() },
    container: { class: 'view panel plan-view', labelledBy: 'plan-heading' },
    title: 'My plan — Pathways',
    render: (state, context): Promise<void> =>
      renderPlan(
        context.container,
        state.plan,
        {
          open: links(context).openNode,
          openPlan: links(context).openPlan,
          quiz: () => context.navigate({ view: 'quiz' }),
          reload: context.refresh,
        },
        context.isCurrent,
      ),
  }),
  curate: view({
    params: {},
    container: { class: 'view panel', labelledBy: 'curate-heading' },
    title: 'Curate — Pathways',
    render: (_state, context): Promise<void> =>
      renderCurate(
        context.container,
        { openNode: links(context).openNode, refresh: context.refresh },
        context.isCurrent,
      ),
  }),
};

export type View = keyof typeof VIEWS;

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Everything the URL can say: which view, and every view's parameters (each read whatever the view). */
export type ViewState = { view: View } & Intersection<
  { [V in View]: ParamValues<(typeof VIEWS)[V]['params']> }[View]
>;

const tables = {} as Record<View, ParamTable>;
for (const key of Object.keys(VIEWS) as View[]) tables[key] = VIEWS[key].params;
const codec = urlCodec<View, ViewState>(tables);

export const URL_CODEC = codec;

export function readState(location: Pick<Location, 'search'> = window.location): ViewState {
  return codec.read(location.search);
}

export const stateToSearch = (state: ViewState): string => codec.write(state);
