// Paths between any two nodes: pick both ends with search, choose how many steps to allow, and read
// each path as a chain with its reasons. The ends and the step limit live in the URL.
import { PathsBetweenDocument } from '../api/generated/graphql.ts';
import { request } from '../api/request.ts';
import { el, errorBox, statusLine } from './dom.ts';
import { pathChain } from './path-chain.ts';
import { mountSearchBox } from './search-box.ts';

export interface PathsActions {
  openNode(id: string): void;
  choose(change: { from?: string; to?: string; hops?: number }): void;
}

const PAGE = 10;

function picker(label: string, current: string | null, onChoose: (id: string) => void): HTMLElement {
  const box = el('div', { class: 'path-end' });
  mountSearchBox(box, (hit) => onChoose(hit.id), { label, placeholder: 'Type a subject, skill, career…' });
  box.append(el('p', { class: 'chosen' }, current ? `Chosen: ${current}` : 'Nothing chosen yet'));
  return box;
}

export async function renderPaths(
  container: HTMLElement,
  state: { from: string | null; to: string | null; hops: number },
  actions: PathsActions,
  isCurrent: () => boolean,
): Promise<void> {
  const heading = el('h2', { id: 'paths-heading' }, 'How are two things connected?');
  const hops = el('select', { id: 'paths-hops' });
  for (let n = 1; n <= 5; n++)
    hops.append(el('option', { value: String(n) }, `${n} step${n > 1 ? 's' : ''}`));
  hops.value = String(state.hops);
  hops.addEventListener('change', () => actions.choose({ hops: Number(hops.value) }));
  const results = el('div', { class: 'paths-results', 'aria-live': 'polite' });
  const controls = (fromName: string | null, toName: string | null) =>
    el(
      'div',
      { class: 'path-controls' },
      picker('From', fromName, (id) => actions.choose({ from: id })),
      picker('To', toName, (id) => actions.choose({ to: id })),
      el('div', { class: 'path-hops' }, el('label', { for: 'paths-hops' }, 'At most'), hops),
    );

  if (!state.from || !state.to) {
    container.replaceChildren(
      heading,
      el(
        'p',
        { class: 'description' },
        'Choose where to start and where to end, for example Music and Data Scientist.',
      ),
      controls(state.from, state.to),
    );
    return;
  }
  container.replaceChildren(heading, controls(state.from, state.to), results);
  results.replaceChildren(statusLine('Finding paths…'));
  try {
    const data = await request(PathsBetweenDocument, {
      from: state.from,
      to: state.to,
      maxHops: state.hops,
      first: PAGE,
    });
    if (!isCurrent()) return;
    container.replaceChildren(heading, controls(data.fromNode.name, data.toNode.name), results);
    heading.textContent = `${data.fromNode.name} → ${data.toNode.name}`;
    results.replaceChildren(
      data.paths.paths.length > 0
        ? el('ol', { class: 'career-paths' }, ...data.paths.paths.map((p) => pathChain(p, actions.openNode)))
        : el(
            'p',
            { class: 'status' },
            `No path within ${state.hops} step${state.hops > 1 ? 's' : ''}. Try allowing more steps${state.hops < 5 ? '' : ', or choose something closer'}.`,
          ),
    );
  } catch (error) {
    if (isCurrent()) results.replaceChildren(errorBox(error, 'Could not find paths.'));
  }
}
