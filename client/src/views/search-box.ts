// The search box in the header: a WAI-ARIA 1.2 combobox whose listbox suggests nodes as the student types,
// grouped by kind. Arrow keys move, Enter or a click chooses, Escape closes (and a second Escape clears).
import './search-box.css';
import { SearchDocument, type NodeKind, type SearchQuery } from '../api/generated/graphql.ts';
import { ApiError, request } from '../api/request.ts';
import { kindInfo } from './kinds.ts';

type Hit = SearchQuery['search']['hits'][number]['node'];

const MIN_CHARS = 2;
const MAX_CHARS = 100; // the API's limit on search text
const DEBOUNCE_MS = 150;
const RESULTS = 15;

let instances = 0;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; id?: string; text?: string } = {},
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.className) el.className = props.className;
  if (props.id) el.id = props.id;
  if (props.text !== undefined) el.textContent = props.text;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

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
    const mark = element('mark', { text: name.slice(at, at + word.length) });
    return [
      document.createTextNode(name.slice(0, at)),
      mark,
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

export function mountSearchBox(
  container: HTMLElement,
  onChoose: (hit: { id: string; kind: NodeKind; name: string }) => void,
  settings: SearchBoxOptions = {},
): void {
  const prefix = `search-box-${++instances}`;
  const inputId = `${prefix}-input`;
  const listboxId = `${prefix}-listbox`;

  const root = element('div', { className: 'search-box' });
  const label = element(
    'label',
    { className: 'search-box__label', text: settings.label ?? 'Search Pathways' },
    { for: inputId },
  );
  const field = element('div', { className: 'search-box__field' });
  const input = element(
    'input',
    { className: 'search-box__input', id: inputId },
    {
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
    },
  );
  const hint = element('span', { className: 'search-box__visually-hidden', id: `${prefix}-hint` });
  hint.textContent = 'Type at least 2 letters, then use the arrow keys and Enter to choose a suggestion.';
  const popup = element('div', { className: 'search-box__popup' });
  const listbox = element(
    'div',
    { className: 'search-box__listbox', id: listboxId },
    { role: 'listbox', 'aria-label': 'Suggestions' },
  );
  listbox.hidden = true;
  // Visible "no matches" and error lines; also a live region, so screen readers hear them.
  const message = element('p', { className: 'search-box__message' }, { role: 'status' });
  // Announces how many suggestions there are, for screen readers only.
  const count = element('span', { className: 'search-box__visually-hidden' }, { role: 'status' });
  popup.append(listbox, message);
  field.append(input, popup);
  root.append(label, field, hint, count);
  container.replaceChildren(root);

  let options: { element: HTMLElement; hit: Hit }[] = [];
  let active = -1;
  let shownFor = ''; // the text the listed options answer
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest = 0; // numbers requests; only the latest one's answer is shown

  const setMessage = (text: string, isError = false): void => {
    message.textContent = text;
    message.classList.toggle('is-error', isError);
  };

  const setActive = (index: number): void => {
    options[active]?.element.setAttribute('aria-selected', 'false');
    active = index;
    const option = options[active];
    if (option) {
      option.element.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', option.element.id);
      option.element.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const isOpen = (): boolean => !listbox.hidden || message.textContent !== '';

  const close = (): void => {
    setActive(-1);
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setMessage('');
    count.textContent = '';
  };

  const open = (): void => {
    if (options.length === 0) return;
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  /** Stops waiting for any answer still on its way. */
  const cancel = (): void => {
    clearTimeout(timer);
    latest++;
    root.removeAttribute('aria-busy');
  };

  const choose = (hit: Hit): void => {
    cancel();
    close();
    input.value = '';
    options = [];
    listbox.replaceChildren();
    shownFor = '';
    onChoose({ id: hit.id, kind: hit.kind, name: hit.name });
  };

  const render = (text: string, hits: readonly Hit[]): void => {
    setActive(-1);
    shownFor = text;
    options = [];
    const groups = groupByKind(hits).map(({ kind, hits: grouped }) => {
      const info = kindInfo(kind);
      const group = element(
        'div',
        { className: 'search-box__group' },
        { role: 'group', 'aria-label': info.plural },
      );
      group.style.setProperty('--kind-colour', info.colour);
      // The group's aria-label already names it; the visible heading is for sighted users.
      const heading = element(
        'div',
        { className: 'search-box__heading', text: info.plural },
        { role: 'presentation', 'aria-hidden': 'true' },
      );
      group.append(heading);
      for (const hit of grouped) {
        const id = `${prefix}-option-${options.length}`;
        const option = element(
          'div',
          { className: 'search-box__option', id },
          { role: 'option', 'aria-selected': 'false', 'data-id': hit.id, 'data-kind': hit.kind },
        );
        const dot = element('span', { className: 'search-box__dot' }, { 'aria-hidden': 'true' });
        const name = element('span', { className: 'search-box__name' });
        name.append(...highlighted(hit.name, text));
        option.append(dot, name);
        if (hit.description) {
          option.append(element('span', { className: 'search-box__description', text: hit.description }));
        }
        const index = options.length;
        // Keep focus in the input, so the click below still finds the list open.
        option.addEventListener('mousedown', (event) => event.preventDefault());
        option.addEventListener('click', () => choose(hit));
        option.addEventListener('mousemove', () => {
          if (active !== index) setActive(index);
        });
        options.push({ element: option, hit });
        group.append(option);
      }
      return group;
    });
    listbox.replaceChildren(...groups);
    if (hits.length === 0) {
      listbox.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      setMessage(`No matches for “${text}”. Try another word or check the spelling.`);
      count.textContent = '';
    } else {
      setMessage('');
      count.textContent = `${hits.length} suggestion${hits.length === 1 ? '' : 's'}.`;
      if (document.activeElement === input) open();
    }
  };

  const search = async (text: string): Promise<void> => {
    const ticket = ++latest;
    root.setAttribute('aria-busy', 'true');
    try {
      const { search: results } = await request(SearchDocument, {
        text,
        first: RESULTS,
        kinds: settings.kinds ?? null,
      });
      if (ticket !== latest) return;
      render(
        text,
        results.hits.map((h) => h.node),
      );
    } catch (error) {
      if (ticket !== latest) return;
      options = [];
      shownFor = '';
      listbox.replaceChildren();
      listbox.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      setActive(-1);
      count.textContent = '';
      const reason =
        error instanceof ApiError ? error.message : 'Something went wrong while searching. Try again.';
      setMessage(`Search failed: ${reason}`, true);
    } finally {
      if (ticket === latest) root.removeAttribute('aria-busy');
    }
  };

  const schedule = (): void => {
    cancel();
    const text = input.value.trim();
    if (text.length < MIN_CHARS) {
      close();
      options = [];
      listbox.replaceChildren();
      shownFor = '';
      return;
    }
    if (!/[\p{L}\p{N}]/u.test(text)) {
      render(text, []); // nothing the index could match; no need to ask
      return;
    }
    timer = setTimeout(() => void search(text), DEBOUNCE_MS);
  };

  input.addEventListener('input', schedule);

  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (options.length === 0) {
          if (!isOpen()) schedule();
          return;
        }
        if (listbox.hidden) {
          open();
          if (event.altKey) return; // Alt+ArrowDown only opens
          setActive(event.key === 'ArrowDown' ? 0 : options.length - 1);
          return;
        }
        const step = event.key === 'ArrowDown' ? 1 : -1;
        const next = active < 0 ? (step > 0 ? 0 : options.length - 1) : active + step;
        setActive((next + options.length) % options.length);
        return;
      }
      case 'Enter': {
        if (listbox.hidden) return;
        // With no option picked, Enter takes the best match, if it answers what is typed now.
        const option = options[active] ?? (shownFor === input.value.trim() ? options[0] : undefined);
        if (!option) return;
        event.preventDefault();
        choose(option.hit);
        return;
      }
      case 'Escape': {
        event.preventDefault();
        if (isOpen()) {
          cancel();
          close();
        } else if (input.value !== '') {
          cancel();
          input.value = '';
          options = [];
          listbox.replaceChildren();
          shownFor = '';
        }
        return;
      }
    }
  });

  // Clicking back into the box shows the suggestions it had.
  input.addEventListener('click', () => {
    if (listbox.hidden && options.length > 0 && shownFor === input.value.trim()) open();
  });

  input.addEventListener('blur', () => {
    cancel();
    close();
  });
}
