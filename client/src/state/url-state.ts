// The URL is the source of truth for what is on screen, so any view can be shared as a link and
// back/forward move between views.
import type { NodeKind } from '../api/generated/graphql.ts';

export type View =
  'explore' | 'careers' | 'paths' | 'present' | 'curate' | 'quiz' | 'skills' | 'compare' | 'plan';

export const ALL_KINDS: readonly NodeKind[] = [
  'SUBJECT',
  'FIELD',
  'SKILL',
  'CAREER',
  'COURSE',
  'APPLICATION',
];

export interface ViewState {
  view: View;
  /** explore: the node at the centre of the graph and in the detail panel. */
  node: string;
  /** careers and present: the subject. */
  subject: string;
  /** careers: only paths through this field. */
  via: string | null;
  /** present: which application is on screen, from 0. */
  step: number;
  /** explore: only neighbours of these kinds; null shows every kind. */
  kinds: NodeKind[] | null;
  /** explore: nodes whose own neighbours are also drawn, in the order they were opened. */
  expand: string[];
  /** paths: the two ends (null until chosen) and the longest path, 1 to 5 steps. */
  from: string | null;
  to: string | null;
  hops: number;
  /** skills: ids of the skills the student has and the subjects they enjoy. */
  have: string[];
  enjoy: string[];
  /** compare: two or three career ids. */
  careers: string[];
  /** plan: the saved plan's id (its share link). */
  plan: string | null;
}

export const DEFAULT_NODE = 'biology';

const VIEWS: readonly View[] = [
  'explore',
  'careers',
  'paths',
  'present',
  'curate',
  'quiz',
  'skills',
  'compare',
  'plan',
];

/** skills: at most this many picked skills or subjects in a link; compare: at most 3 careers. */
export const MAX_PICKED = 40;
export const MAX_COMPARED = 3;

export const DEFAULT_HOPS = 4;

/** Each expansion is one more request and up to 30 more nodes; past this a fresh centre reads better. */
export const MAX_EXPANDED = 20;

export function readState(location: Pick<Location, 'search'> = window.location): ViewState {
  const params = new URLSearchParams(location.search);
  const text = (name: string) => params.get(name)?.trim() || null;
  const view = text('view');
  const step = Number(text('step') ?? 0);
  return {
    view: VIEWS.includes(view as View) ? (view as View) : 'explore',
    node: text('node') ?? DEFAULT_NODE,
    subject: text('subject') ?? DEFAULT_NODE,
    via: text('via'),
    step: Number.isInteger(step) && step >= 0 ? step : 0,
    kinds: readKinds(text('kinds')),
    expand: readList(text('expand')),
    from: text('from'),
    to: text('to'),
    hops: [1, 2, 3, 4, 5].includes(Number(text('hops'))) ? Number(text('hops')) : DEFAULT_HOPS,
    have: readList(text('have'), MAX_PICKED),
    enjoy: readList(text('enjoy'), MAX_PICKED),
    careers: readList(text('careers'), MAX_COMPARED),
    plan: text('plan'),
  };
}

/** `kinds=field,career` → ['FIELD', 'CAREER'] in the model's order; unknown words are dropped. */
function readKinds(value: string | null): NodeKind[] | null {
  if (value === null) return null;
  const wanted = new Set(value.toUpperCase().split(','));
  const kinds = ALL_KINDS.filter((k) => wanted.has(k));
  return kinds.length === 0 || kinds.length === ALL_KINDS.length ? null : kinds;
}

/** `expand=a,b,a` → ['a', 'b']: trimmed, blanks and repeats dropped, at most MAX_EXPANDED. */
function readList(value: string | null, max = MAX_EXPANDED): string[] {
  if (value === null) return [];
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  return [...new Set(ids)].slice(0, max);
}

/** Only what differs from the defaults goes into the URL, so links stay short. */
export function stateToSearch(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.view !== 'explore') params.set('view', state.view);
  if (state.view === 'explore' && state.node !== DEFAULT_NODE) params.set('node', state.node);
  if (state.view === 'explore' && state.kinds)
    params.set('kinds', state.kinds.map((k) => k.toLowerCase()).join(','));
  if (state.view === 'explore' && state.expand.length > 0) params.set('expand', state.expand.join(','));
  if (state.view === 'careers' || state.view === 'present') params.set('subject', state.subject);
  if (state.view === 'paths') {
    if (state.from) params.set('from', state.from);
    if (state.to) params.set('to', state.to);
    if (state.hops !== DEFAULT_HOPS) params.set('hops', String(state.hops));
  }
  if (state.view === 'careers' && state.via) params.set('via', state.via);
  if (state.view === 'skills' && state.have.length > 0) params.set('have', state.have.join(','));
  if (state.view === 'skills' && state.enjoy.length > 0) params.set('enjoy', state.enjoy.join(','));
  if (state.view === 'compare' && state.careers.length > 0) params.set('careers', state.careers.join(','));
  if (state.view === 'plan' && state.plan) params.set('plan', state.plan);
  if (state.view === 'present' && state.step > 0) params.set('step', String(state.step));
  // Commas are safe in a query string; leaving them unescaped keeps shared links readable.
  const search = params.toString().replaceAll('%2C', ',');
  return search ? `?${search}` : '';
}

export function navigate(change: Partial<ViewState>, options: { replace?: boolean } = {}): void {
  const current = readState();
  const next = { ...current, ...change };
  // Expansions belong to one centre: a new centre starts a fresh graph unless told otherwise.
  if (change.node !== undefined && change.node !== current.node && change.expand === undefined)
    next.expand = [];
  const search = stateToSearch(next);
  if (search !== window.location.search) {
    const url = `${window.location.pathname}${search}`;
    if (options.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  }
  window.dispatchEvent(new Event('pathways:navigate'));
}

export function onStateChange(listener: (state: ViewState) => void): void {
  const fire = () => listener(readState());
  window.addEventListener('popstate', fire);
  window.addEventListener('pathways:navigate', fire);
}
