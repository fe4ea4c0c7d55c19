// Two or three careers side by side: interests, route in, preparation, outlook, the skills each needs,
// the skills they share and the ones that set each apart. Careers are picked with "Compare" buttons
// elsewhere (state/compare-picks.ts) or with the search box on this view; the URL holds the ids.
import './compare-view.css';
import { CompareCareersDocument, type CompareCareersQuery } from '../api/generated/graphql.ts';
import { request } from '../api/request.ts';
import { onPicksChange, picks, type Pick } from '../state/compare-picks.ts';
import { MAX_COMPARED } from '../state/url-state.ts';
import { NOT_RATED, OUTLOOK_WORDS } from './career-card.ts';
import { el, errorBox, statusLine, viewLink } from './dom.ts';
import { mountSearchBox } from './search-box.ts';

/** O*NET job zones in words a student can use. */
const PREPARATION: Readonly<Record<number, string>> = {
  1: 'Little: a few days or weeks of training',
  2: 'Some: school qualifications and on-the-job training',
  3: 'Medium: vocational training, an apprenticeship or a two-year degree',
  4: 'A lot: usually a university degree',
  5: 'Extensive: a master’s, doctorate or professional degree',
};

const INTERESTS: Readonly<Record<string, string>> = {
  R: 'Realistic',
  I: 'Investigative',
  A: 'Artistic',
  S: 'Social',
  E: 'Enterprising',
  C: 'Conventional',
};

const spellCode = (code: string) => `${code}: ${[...code].map((l) => INTERESTS[l] ?? l).join(', ')}`;

function fillBar(bar: HTMLElement, picked: readonly Pick[], compare: () => void): void {
  const button = el('button', { type: 'button' }, `Compare side by side (${picked.length})`);
  button.disabled = picked.length < 2;
  button.addEventListener('click', compare);
  bar.replaceChildren(
    el(
      'p',
      {},
      picked.length === 0
        ? 'Press “Compare” on two or three careers to see them side by side.'
        : `Comparing: ${picked.map((p) => p.name).join(', ')}${picked.length < 2 ? ' — pick one more.' : '.'}`,
    ),
    button,
  );
}

/** The bar that shows what is picked and opens the comparison; it updates as picks change. */
export function compareBar(compare: () => void): HTMLElement {
  const bar = el('div', { class: 'compare-bar', role: 'region', 'aria-label': 'Careers to compare' });
  fillBar(bar, picks(), compare);
  // A bar drawn over by a newer drawing of its view stops listening at the next change.
  onPicksChange((current) => {
    if (!bar.isConnected) return false;
    fillBar(bar, current, compare);
    return true;
  });
  return bar;
}

export interface CompareActions {
  open(id: string): void;
  choose(careers: string[]): void;
  plan(id: string, button: HTMLButtonElement): void;
}

type Compared = CompareCareersQuery['compareCareers'];

function table(result: Compared, actions: CompareActions): HTMLTableElement {
  const careers = result.careers;
  const shared = new Set(result.sharedSkills.map((s) => s.id));
  const row = (label: string, cell: (c: Compared['careers'][number]) => Node | string) =>
    el('tr', {}, el('th', { scope: 'row' }, label), ...careers.map((c) => el('td', {}, cell(c))));
  const list = (names: string[], empty: string) =>
    names.length === 0
      ? el('span', { class: 'muted' }, empty)
      : el('ul', {}, ...names.map((n) => el('li', {}, n)));
  return el(
    'table',
    { class: 'compare-table' },
    el('caption', {}, 'The careers side by side'),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('td', {}),
        ...careers.map((c) =>
          el(
            'th',
            { scope: 'col' },
            viewLink(`/?node=${encodeURIComponent(c.career.id)}`, c.career.name, () =>
              actions.open(c.career.id),
            ),
          ),
        ),
      ),
    ),
    el(
      'tbody',
      {},
      row('What it is', (c) => c.career.description),
      row('Interests (Holland code)', (c) => (c.career.riasec ? spellCode(c.career.riasec) : NOT_RATED)),
      row('Route in', (c) => c.career.education ?? NOT_RATED),
      row('Preparation needed', (c) =>
        c.career.jobZone === null
          ? NOT_RATED
          : (PREPARATION[c.career.jobZone] ?? `Job zone ${c.career.jobZone}`),
      ),
      row('Outlook', (c) =>
        c.career.outlook
          ? `${OUTLOOK_WORDS[c.career.outlook]}. ${c.career.outlookNote ?? ''}`.trim()
          : NOT_RATED,
      ),
      row('Skills it needs most', (c) =>
        list(
          c.skills.slice(0, 8).map((s) => `${s.skill.name}${shared.has(s.skill.id) ? ' (shared)' : ''}`),
          'None listed',
        ),
      ),
      row('Only this one needs', (c) =>
        list(
          c.distinctSkills.map((s) => s.name),
          'Nothing the others lack',
        ),
      ),
      row('School subjects', (c) =>
        list(
          c.subjects.slice(0, 4).map((s) => s.subject.name),
          'None listed',
        ),
      ),
      row('', (c) => {
        const button = el('button', { type: 'button' }, `Make a plan: ${c.career.name}`);
        button.addEventListener('click', () => actions.plan(c.career.id, button));
        return button;
      }),
    ),
  );
}

export async function renderCompare(
  container: HTMLElement,
  state: { careers: string[] },
  actions: CompareActions,
  isCurrent: () => boolean,
): Promise<void> {
  const heading = el('h2', { id: 'compare-heading' }, 'Compare careers');
  const picker = el('div', { class: 'compare-picker' });
  const chips = el(
    'div',
    { class: 'chips', role: 'group', 'aria-label': 'Careers being compared' },
    ...state.careers.map((id) => {
      const chip = el(
        'button',
        { type: 'button', class: 'chip', 'aria-label': `Remove ${id} from the comparison` },
        `${id} ×`,
      );
      chip.addEventListener('click', () => actions.choose(state.careers.filter((c) => c !== id)));
      return chip;
    }),
  );
  const body = el('div', { class: 'compare-body' });
  container.replaceChildren(heading, picker, chips, body);
  if (state.careers.length < MAX_COMPARED) {
    mountSearchBox(
      picker,
      (hit) => {
        if (!state.careers.includes(hit.id)) actions.choose([...state.careers, hit.id]);
      },
      { label: 'Add a career to compare', placeholder: 'Hydrologist, nurse…', kinds: ['CAREER'] },
    );
  }
  if (state.careers.length < 2) {
    body.replaceChildren(
      statusLine(
        'Pick two or three careers: search above, or press “Compare” on careers in the quiz or skills results.',
      ),
    );
    return;
  }
  body.replaceChildren(statusLine('Comparing…'));
  try {
    const { compareCareers } = await request(CompareCareersDocument, { ids: state.careers });
    if (!isCurrent()) return;
    // Name the chips now that the names are known.
    chips.querySelectorAll('button').forEach((chip, i) => {
      const c = compareCareers.careers[i];
      if (!c) return;
      chip.textContent = `${c.career.name} ×`;
      chip.setAttribute('aria-label', `Remove ${c.career.name} from the comparison`);
    });
    const shared = compareCareers.sharedSkills.map((s) => s.name);
    body.replaceChildren(
      el(
        'p',
        { class: 'shared-skills' },
        shared.length > 0
          ? `Skills they all need: ${shared.join(', ')}. Learning these keeps every one of these doors open.`
          : 'They share no skills: quite different paths.',
      ),
      el(
        'div',
        { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Comparison table' },
        table(compareCareers, actions),
      ),
    );
  } catch (error) {
    if (isCurrent()) body.replaceChildren(errorBox(error, 'Could not compare these careers.'));
  }
}
