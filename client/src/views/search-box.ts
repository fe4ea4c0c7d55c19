// The search box in the header: a WAI-ARIA 1.2 combobox whose listbox suggests nodes as the student types,
// grouped by kind. Arrow keys move, Enter or a click chooses, Escape closes (and a second Escape clears).
import './search-box.css';
import { SearchDocument, type NodeKind, type SearchQuery } from '../api/generated/graphql.ts';
import { ApiError, request } from '../api/request.ts';
import { el } from './dom.ts';
import { kindInfo } from './kinds.ts';

type Hit = SearchQuery['search']['hits'][number]['node'];

const MIN_CHARS = 2;
const MAX_CHARS = 100; // the API's limit on search text
const DEBOUNCE_MS = 150;
const RESULTS = 15;

let instances = 0;

/** Hits grouped by kind; groups ordered by their best hit, hits keep the API's best-first order. */
function groupByKind(hits: readonly Hit[]): { kind: NodeKind; hits: Hit[] }[] {
  const groups = new Map<NodeKind, Hit[]>();
  for (const hit of hits) {
    const group = groups.get(hit.kind);
    if (group) group.push(hit);
    else groups.set(hit.kind, [hit]);
  }
  return [...groups].map(([kind, grouped]) => ({ kind, hits: grouped }));
}

/** The name, with the first place a word of the query matches it marked. */
function highlighted(name: string, text: string): Node[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const lower = name.toLowerCase();
  for (const word of words) {
    const at = lower.indexOf(word);
    if (at < 0) continue;
    return [
      document.createTextNode(name.slice(0, at)),
      el('mark', {}, name.slice(at, at + word.length)),
      document.createTextNode(name.slice(at + word.length)),
    ];
  }
  return [document.createTextNode(name)];
}

export interface SearchBoxOptions {
  /** The visible label; several boxes on one page need different ones. */
  label?: string;
  placeholder?: string;
  /** Only offer these kinds of node (the link picker, for one). */
  kinds?: NodeKind[];
}

interface Parts {
  root: HTMLElement;
  input: HTMLInputElement;
  listbox: HTMLElement;
  /** Visible "no matches" and error lines; also a live region, so screen readers hear them. */
  message: HTMLElement;
  /** Announces how many suggestions there are, for screen readers only. */
  count: HTMLElement;
}

function buildParts(prefix: string, settings: SearchBoxOptions): Parts {
  const inputId = `${prefix}-input`;
  const listboxId = `${prefix}-listbox`;
  const input = el('input', {
    class: 'search-box__input',
    id: inputId,
    type: 'text',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listboxId,
    'aria-describedby': `${prefix}-hint`,
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
    maxlength: String(MAX_CHARS),
    placeholder: settings.placeholder ?? 'Subjects, fields, skills, careers…',
  });
  const listbox = el('div', {
    class: 'search-box__listbox',
    id: listboxId,
    role: 'listbox',
    'aria-label': 'Suggestions',
  });
  listbox.hidden = true;
  const message = el('p', { class: 'search-box__message', role: 'status' });
  const count = el('span', { class: 'search-box__visually-hidden', role: 'status' });
  const root = el(
    'div',
    { class: 'search-box' },
    el('label', { class: 'search-box__label', for: inputId }, settings.label ?? 'Search Pathways'),
    el(
      'div',
      { class: 'search-box__field' },
      input,
      el('div', { class: 'search-box__popup' }, listbox, message),
    ),
    el(
      'span',
      { class: 'search-box__visually-hidden', id: `${prefix}-hint` },
      'Type at least 2 letters, then use the arrow keys and Enter to choose a suggestion.',
    ),
    count,
  );
  return { root, input, listbox, message, count };
}

/** One search box: its elements, and what it shows and waits for. */
interface SearchBox extends Parts {
  prefix: string;
  settings: SearchBoxOptions;
  onChoose: (hit: Hit) => void;
  options: { element: HTMLElement; hit: Hit }[];
  active: number;
  /** The text the listed options answer. */
  shownFor: string;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Numbers requests; only the latest one's answer is shown. */
  latest: number;
}

function setMessage(box: SearchBox, text: string, isError = false): void {
  box.message.textContent = text;
  box.message.classList.toggle('is-error', isError);
}

function setActive(box: SearchBox, index: number): void {
  box.options[box.active]?.element.setAttribute('aria-selected', 'false');
  box.active = index;
  const option = box.options[index];
  if (option) {
    option.element.setAttribute('aria-selected', 'true');
    box.input.setAttribute('aria-activedescendant', option.element.id);
    option.element.scrollIntoView({ block: 'nearest' });
  } else {
    box.input.removeAttribute('aria-activedescendant');
  }
}

const isOpen = (box: SearchBox): boolean => !box.listbox.hidden || box.message.textContent !== '';

function hideList(box: SearchBox): void {
  box.listbox.hidden = true;
  box.input.setAttribute('aria-expanded', 'false');
}

function close(box: SearchBox): void {
  setActive(box, -1);
  hideList(box);
  setMessage(box, '');
  box.count.textContent = '';
}

function open(box: SearchBox): void {
  if (box.options.length === 0) return;
  box.listbox.hidden = false;
  box.input.setAttribute('aria-expanded', 'true');
}

/** Drops the listed suggestions. */
function forget(box: SearchBox): void {
  box.options = [];
  box.listbox.replaceChildren();
  box.shownFor = '';
}

/** Stops waiting for any answer still on its way. */
function cancel(box: SearchBox): void {
  clearTimeout(box.timer);
  box.latest++;
  box.root.removeAttribute('aria-busy');
}

function choose(box: SearchBox, hit: Hit): void {
  cancel(box);
  close(box);
  box.input.value = '';
  forget(box);
  box.onChoose(hit);
}

function optionElement(box: SearchBox, hit: Hit, text: string): HTMLElement {
  const index = box.options.length;
  const option = el(
    'div',
    {
      class: 'search-box__option',
      id: `${box.prefix}-option-${index}`,
      role: 'option',
      'aria-selected': 'false',
      'data-id': hit.id,
      'data-kind': hit.kind,
    },
    el('span', { class: 'search-box__dot', 'aria-hidden': 'true' }),
    el('span', { class: 'search-box__name' }, ...highlighted(hit.name, text)),
    hit.description ? el('span', { class: 'search-box__description' }, hit.description) : null,
  );
  // Keep focus in the input, so the click below still finds the list open.
  option.addEventListener('mousedown', (event) => event.preventDefault());
  option.addEventListener('click', () => choose(box, hit));
  option.addEventListener('mousemove', () => {
    if (box.active !== index) setActive(box, index);
  });
  box.options.push({ element: option, hit });
  return option;
}

function groupElement(box: SearchBox, kind: NodeKind, hits: Hit[], text: string): HTMLElement {
  const info = kindInfo(kind);
  const group = el(
    'div',
    { class: 'search-box__group', role: 'group', 'aria-label': info.plural },
    // The group's aria-label already names it; the visible heading is for sighted users.
    el('div', { class: 'search-box__heading', role: 'presentation', 'aria-hidden': 'true' }, info.plural),
    ...hits.map((hit) => optionElement(box, hit, text)),
  );
  group.style.setProperty('--kind-colour', info.colour);
  return group;
}

/** Lists the suggestions for `text`, grouped by kind, or says there are none. */
function show(box: SearchBox, text: string, hits: readonly Hit[]): void {
  setActive(box, -1);
  box.shownFor = text;
  box.options = [];
  box.listbox.replaceChildren(...groupByKind(hits).map((g) => groupElement(box, g.kind, g.hits, text)));
  if (hits.length === 0) {
    hideList(box);
    setMessage(box, `No matches for “${text}”. Try another word or check the spelling.`);
    box.count.textContent = '';
  } else {
    setMessage(box, '');
    box.count.textContent = `${hits.length} suggestion${hits.length === 1 ? '' : 's'}.`;
    if (document.activeElement === box.input) open(box);
  }
}

function showFailure(box: SearchBox, error: unknown): void {
  forget(box);
  hideList(box);
  setActive(box, -1);
  box.count.textContent = '';
  const reason =
    error instanceof ApiError ? error.message : 'Something went wrong while searching. Try again.';
  setMessage(box, `Search failed: ${reason}`, true);
}

async function search(box: SearchBox, text: string): Promise<void> {
  const ticket = ++box.latest;
  box.root.setAttribute('aria-busy', 'true');
  try {
    const { search: results } = await request(SearchDocument, {
      text,
      first: RESULTS,
      kinds: box.settings.kinds ?? null,
    });
    if (ticket !== box.latest) return;
    show(
      box,
      text,
      results.hits.map((h) => h.node),
    );
  } catch (error) {
    if (ticket === box.latest) showFailure(box, error);
  } finally {
    if (ticket === box.latest) box.root.removeAttribute('aria-busy');
  }
}

function schedule(box: SearchBox): void {
  cancel(box);
  const text = box.input.value.trim();
  if (text.length < MIN_CHARS) {
    close(box);
    forget(box);
    return;
  }
  if (!/[\p{L}\p{N}]/u.test(text)) {
    show(box, text, []); // nothing the index could match; no need to ask
    return;
  }
  box.timer = setTimeout(() => void search(box, text), DEBOUNCE_MS);
}

function onArrow(box: SearchBox, event: KeyboardEvent): void {
  event.preventDefault();
  const count = box.options.length;
  if (count === 0) {
    if (!isOpen(box)) schedule(box);
    return;
  }
  if (box.listbox.hidden) {
    open(box);
    if (event.altKey) return; // Alt+ArrowDown only opens
    setActive(box, event.key === 'ArrowDown' ? 0 : count - 1);
    return;
  }
  const step = event.key === 'ArrowDown' ? 1 : -1;
  const next = box.active < 0 ? (step > 0 ? 0 : count - 1) : box.active + step;
  setActive(box, (next + count) % count);
}

function onEnter(box: SearchBox, event: KeyboardEvent): void {
  if (box.listbox.hidden) return;
  // With no option picked, Enter takes the best match, if it answers what is typed now.
  const option =
    box.options[box.active] ?? (box.shownFor === box.input.value.trim() ? box.options[0] : undefined);
  if (!option) return;
  event.preventDefault();
  choose(box, option.hit);
}

/** The first Escape closes the suggestions; a second clears the text. */
function onEscape(box: SearchBox, event: KeyboardEvent): void {
  event.preventDefault();
  if (isOpen(box)) {
    cancel(box);
    close(box);
  } else if (box.input.value !== '') {
    cancel(box);
    box.input.value = '';
    forget(box);
  }
}

function onKeyDown(box: SearchBox, event: KeyboardEvent): void {
  if (event.isComposing) return;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') onArrow(box, event);
  else if (event.key === 'Enter') onEnter(box, event);
  else if (event.key === 'Escape') onEscape(box, event);
}

export function mountSearchBox(
  container: HTMLElement,
  onChoose: (hit: { id: string; kind: NodeKind; name: string }) => void,
  settings: SearchBoxOptions = {},
): void {
  const prefix = `search-box-${++instances}`;
  const box: SearchBox = {
    ...buildParts(prefix, settings),
    prefix,
    settings,
    onChoose: (hit) => onChoose({ id: hit.id, kind: hit.kind, name: hit.name }),
    options: [],
    active: -1,
    shownFor: '',
    timer: undefined,
    latest: 0,
  };
  container.replaceChildren(box.root);
  box.input.addEventListener('input', () => schedule(box));
  box.input.addEventListener('keydown', (event) => onKeyDown(box, event));
  // Clicking back into the box shows the suggestions it had.
  box.input.addEventListener('click', () => {
    if (box.listbox.hidden && box.options.length > 0 && box.shownFor === box.input.value.trim()) open(box);
  });
  box.input.addEventListener('blur', () => {
    cancel(box);
    close(box);
  });
}
