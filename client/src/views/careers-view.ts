// "Biology → Environmental Science → careers": each path as a left-to-right chain of steps, every
// step with its reason, the score explained on request; fields as filters that live in the URL.
import { ConnectionsDocument, SubjectCareersDocument } from '../api/generated/graphql.ts';
import type { ConnectionsQuery, SubjectCareersQuery } from '../api/generated/graphql.ts';
import { request } from '../api/request.ts';
import { el, errorBox, statusLine } from './dom.ts';
import { pathChain } from './path-chain.ts';
import { startPlan } from './plan-view.ts';

export interface CareersActions {
  openNode(id: string): void;
  openPlan(id: string): void;
  filter(via: string | null): void;
  back(): void;
}

type CareerPath = SubjectCareersQuery['subjectCareers']['paths'][number];

const PAGE = 25;

/** A path, and a button that turns it into an action plan starting from the path's subject. */
function chain(path: CareerPath, subject: string, actions: CareersActions): HTMLLIElement {
  const item = pathChain(path.path, actions.openNode, { 'data-career': path.career.id });
  const plan = el('button', { type: 'button', class: 'secondary small make-plan' }, 'Make a plan for this');
  plan.setAttribute('aria-label', `Make a plan for this: ${path.career.name}, through this path`);
  plan.addEventListener('click', () => void startPlan(path.career.id, [], plan, actions.openPlan, subject));
  item.append(plan);
  return item;
}

type Careers = SubjectCareersQuery['subjectCareers'];
type CareersState = { subject: string; via: string | null };

/** The fields the subject leads to, as filter chips (the one in the URL pressed), and "All fields". */
function fieldChips(
  subjectCareers: Careers,
  neighbourhood: ConnectionsQuery['neighbourhood'],
  state: CareersState,
  actions: CareersActions,
): HTMLElement {
  const subject = subjectCareers.subject;
  const fieldIds = new Set(
    neighbourhood.edges.filter((e) => e.type === 'LEADS_TO' && e.from === subject.id).map((e) => e.to),
  );
  const fields = neighbourhood.nodes
    .filter((n) => fieldIds.has(n.id))
    .sort((a, b) => a.name.localeCompare(b.name));
  const chip = (id: string | null, name: string) => {
    const button = el(
      'button',
      { type: 'button', class: 'chip', 'aria-pressed': String(state.via === id) },
      name,
    );
    button.addEventListener('click', () => actions.filter(id));
    return button;
  };
  return el(
    'div',
    { class: 'chips', role: 'group', 'aria-label': 'Through which field' },
    chip(null, 'All fields'),
    ...fields.map((f) => chip(f.id, f.name)),
  );
}

/** "Show more paths": the next page, appended to `list`. */
function moreButton(
  list: HTMLElement,
  first: Careers,
  state: CareersState,
  actions: CareersActions,
  isCurrent: () => boolean,
): HTMLButtonElement {
  const more = el('button', { type: 'button', class: 'secondary' }, 'Show more paths');
  let cursor = first.pageInfo.endCursor;
  more.hidden = !first.pageInfo.hasNextPage;
  more.addEventListener('click', async () => {
    more.disabled = true;
    const next = await request(SubjectCareersDocument, {
      subject: state.subject,
      via: state.via,
      first: PAGE,
      after: cursor,
    });
    if (!isCurrent()) return;
    list.append(...next.subjectCareers.paths.map((p) => chain(p, state.subject, actions)));
    cursor = next.subjectCareers.pageInfo.endCursor;
    more.hidden = !next.subjectCareers.pageInfo.hasNextPage;
    more.disabled = false;
  });
  return more;
}

export async function renderCareers(
  container: HTMLElement,
  state: CareersState,
  actions: CareersActions,
  isCurrent: () => boolean,
): Promise<void> {
  container.replaceChildren(el('h2', { id: 'careers-heading' }, 'Careers'), statusLine('Finding paths…'));
  try {
    const [careers, connections] = await Promise.allSettled([
      request(SubjectCareersDocument, { subject: state.subject, via: state.via, first: PAGE }),
      request(ConnectionsDocument, { id: state.subject }),
    ]);
    if (!isCurrent()) return;
    // The paths' error speaks of the subject or field the person asked for; report it first.
    if (careers.status === 'rejected') throw careers.reason;
    if (connections.status === 'rejected') throw connections.reason;
    const { subjectCareers } = careers.value;
    const subject = subjectCareers.subject;
    const list = el(
      'ol',
      { class: 'career-paths' },
      ...subjectCareers.paths.map((p) => chain(p, state.subject, actions)),
    );
    const title = subjectCareers.via
      ? `${subject.name} → ${subjectCareers.via.name} → careers`
      : `Careers from ${subject.name}`;
    container.replaceChildren(
      el('h2', { id: 'careers-heading' }, title),
      el('p', { class: 'description' }, subject.description),
      fieldChips(subjectCareers, connections.value.neighbourhood, state, actions),
      subjectCareers.paths.length > 0
        ? list
        : el('p', { class: 'status' }, `No careers found through this field yet. Try “All fields”.`),
      moreButton(list, subjectCareers, state, actions, isCurrent),
    );
  } catch (error) {
    if (!isCurrent()) return;
    container.replaceChildren(
      el('h2', { id: 'careers-heading' }, 'Careers'),
      errorBox(error, 'Could not load the paths.', { label: 'Back to the graph', run: actions.back }),
    );
  }
}
