// Presentation mode: a subject's real-world applications, one per screen, for a tutor to step through on a
// big screen. The step lives in the URL (the integrator owns it): this view only asks for a step with
// onStep and draws whatever step it is given.
import { SubjectApplicationsDocument } from '../api/generated/graphql.ts';
import { ApiError, request } from '../api/request.ts';
import { el } from './dom.ts';
import './presentation.css';

export interface PresentationOptions {
  subject: string;
  step: number;
  onStep: (step: number) => void;
  onExit: () => void;
}

interface Slide {
  id: string;
  name: string;
  example: string;
  reflectionPrompt: string;
  why: string;
}

interface Deck {
  subjectId: string;
  subjectName: string;
  slides: Slide[];
}

/** What is on screen now, so a new step only redraws the slide (keeping focus) instead of the whole view. */
interface Mounted {
  container: HTMLElement;
  options: PresentationOptions;
  deck: Deck;
  /** The step on screen, after clamping. */
  at: number;
  count: HTMLElement;
  name: HTMLElement;
  example: HTMLElement;
  why: HTMLElement;
  question: HTMLElement;
  previous: HTMLButtonElement;
  next: HTMLButtonElement;
  progress: HTMLElement;
}

let keyListener: ((event: KeyboardEvent) => void) | null = null;
let fullscreenListener: (() => void) | null = null;
let mounted: Mounted | null = null;

/** The page becomes the slides: the site header and the rest step aside. */
export function enterPresentation(): void {
  document.body.classList.add('presenting');
}

/** Removes the keyboard listener and forgets the deck; the router calls it when another view takes over. */
export function leavePresentation(): void {
  document.body.classList.remove('presenting');
  mounted = null;
  setKeyListener(null);
  if (fullscreenListener) document.removeEventListener('fullscreenchange', fullscreenListener);
  fullscreenListener = null;
  if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
}

export async function renderPresentation(
  container: HTMLElement,
  options: PresentationOptions,
  isCurrent: () => boolean,
): Promise<void> {
  const subject = options.subject;

  if (
    mounted &&
    mounted.container === container &&
    mounted.deck.subjectId === subject &&
    container.isConnected
  ) {
    showStep(mounted, options);
    return;
  }

  mounted = null;
  setKeyListener(keyHandler(container, { escapeOnly: true, step: 0, last: 0, options }));
  container.replaceChildren(shell(status('Loading applications…')));

  let deck: Deck;
  try {
    deck = await loadDeck(subject);
  } catch (error) {
    if (!isCurrent()) return;
    showError(container, error, options);
    return;
  }
  if (!isCurrent()) return;

  if (deck.slides.length === 0) {
    showEmpty(container, deck, options);
    return;
  }
  mounted = mount(container, deck, options);
  showStep(mounted, options);
  focusIfLost(container, container.querySelector<HTMLElement>('.pv-subject'));
}

async function loadDeck(subject: string): Promise<Deck> {
  const { neighbourhood } = await request(SubjectApplicationsDocument, { subject });
  const centre = neighbourhood.center;
  const why = new Map<string, string>();
  for (const edge of neighbourhood.edges) {
    if (edge.type === 'APPLIED_IN' && edge.from === centre.id) why.set(edge.to, edge.why);
  }
  // The API's order: strongest link first, then by id, so a step number means the same slide every time.
  const slides: Slide[] = [];
  for (const node of neighbourhood.nodes) {
    if (node.id === centre.id || node.kind !== 'APPLICATION' || !why.has(node.id)) continue;
    slides.push({
      id: node.id,
      name: node.name,
      example: 'example' in node ? node.example : '',
      reflectionPrompt: 'reflectionPrompt' in node ? node.reflectionPrompt : '',
      why: why.get(node.id) ?? '',
    });
  }
  return { subjectId: centre.id, subjectName: centre.name, slides };
}

function clampStep(step: number, count: number): number {
  if (!Number.isFinite(step) || step < 0) return 0;
  return Math.min(Math.floor(step), count - 1);
}

// ---- Keyboard -------------------------------------------------------------------------------------------

function setKeyListener(listener: ((event: KeyboardEvent) => void) | null): void {
  if (keyListener) document.removeEventListener('keydown', keyListener);
  keyListener = listener;
  if (listener) document.addEventListener('keydown', listener);
}

function keyHandler(
  container: HTMLElement,
  state: { escapeOnly: boolean; step: number; last: number; options: PresentationOptions },
): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    // Only while the view is on screen.
    if (!container.isConnected || container.closest('[hidden]')) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      state.options.onExit();
      return;
    }
    if (state.escapeOnly) return;
    // Space and Enter on a focused button press that button.
    if ((event.key === ' ' || event.key === 'Enter') && target?.closest('button')) return;
    let to: number;
    switch (event.key) {
      case 'ArrowRight':
      case 'PageDown':
        to = state.step + 1;
        break;
      case ' ':
        to = event.shiftKey ? state.step - 1 : state.step + 1;
        break;
      case 'ArrowLeft':
      case 'PageUp':
        to = state.step - 1;
        break;
      case 'Home':
        to = 0;
        break;
      case 'End':
        to = state.last;
        break;
      default:
        return;
    }
    event.preventDefault();
    if (to >= 0 && to <= state.last && to !== state.step) state.options.onStep(to);
  };
}

// ---- Drawing --------------------------------------------------------------------------------------------

function button(label: string, className: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', { class: `pv-button ${className}` }, label);
  b.type = 'button';
  b.addEventListener('click', () => {
    if (b.getAttribute('aria-disabled') !== 'true') onClick();
  });
  return b;
}

function status(text: string): HTMLElement {
  const p = el('p', { class: 'pv-status' }, text);
  p.setAttribute('role', 'status');
  return p;
}

function shell(...children: HTMLElement[]): HTMLElement {
  const deck = el('div', { class: 'pv-deck' });
  deck.append(...children);
  return deck;
}

function fullscreenButton(): HTMLButtonElement {
  const label = () => (document.fullscreenElement ? 'Leave full screen' : 'Full screen');
  const b = button(label(), 'pv-secondary', () => {
    // Browsers only allow this from a user gesture, which a click is.
    const change = document.fullscreenElement
      ? document.exitFullscreen?.()
      : document.documentElement.requestFullscreen?.();
    void change?.catch(() => undefined);
  });
  if (!document.documentElement.requestFullscreen) b.hidden = true;
  if (fullscreenListener) document.removeEventListener('fullscreenchange', fullscreenListener);
  fullscreenListener = () => {
    b.textContent = label();
  };
  document.addEventListener('fullscreenchange', fullscreenListener);
  return b;
}

function topBar(subjectName: string, options: PresentationOptions): HTMLElement {
  const top = el('header', { class: 'pv-top' });
  const title = el('h1', { class: 'pv-subject' }, subjectName);
  title.tabIndex = -1;
  const tools = el('div', { class: 'pv-tools' });
  tools.append(
    fullscreenButton(),
    button('Exit', 'pv-secondary pv-exit', () => options.onExit()),
  );
  top.append(title, tools);
  return top;
}

function mount(container: HTMLElement, deck: Deck, options: PresentationOptions): Mounted {
  const slide = el('article', { class: 'pv-slide' });
  slide.setAttribute('aria-live', 'polite');
  slide.setAttribute('aria-atomic', 'true');
  const count = el('p', { class: 'pv-count' });
  const name = el('h2', { class: 'pv-name' });
  const exampleBlock = el('section', { class: 'pv-example' });
  const example = el('p');
  exampleBlock.append(el('h3', { class: 'pv-label' }, 'Example'), example);
  const why = el('p', { class: 'pv-why' });
  const questionBlock = el('section', { class: 'pv-question' });
  const question = el('p', { class: 'pv-question-text' });
  questionBlock.append(el('h3', { class: 'pv-label' }, 'Think about it'), question);
  slide.append(count, name, exampleBlock, why, questionBlock);

  const nav = el('nav', { class: 'pv-nav' });
  nav.setAttribute('aria-label', 'Applications');
  const m: Mounted = {
    container,
    options,
    deck,
    at: 0,
    count,
    name,
    example,
    why,
    question,
    previous: button('← Previous', 'pv-previous', () => step(-1)),
    next: button('Next →', 'pv-next', () => step(1)),
    progress: el('p', { class: 'pv-progress' }),
  };
  m.progress.setAttribute('aria-hidden', 'true');
  function step(delta: number): void {
    const to = m.at + delta;
    if (to >= 0 && to < deck.slides.length) m.options.onStep(to);
  }
  nav.append(m.previous, m.progress, m.next);

  const keys = el(
    'p',
    { class: 'pv-keys' },
    'Keys: → or Space next · ← previous · Home first · End last · Esc exit',
  );
  container.replaceChildren(shell(topBar(deck.subjectName, options), slide, nav, keys));
  return m;
}

function showStep(m: Mounted, options: PresentationOptions): void {
  m.options = options;
  const { deck } = m;
  const total = deck.slides.length;
  const at = clampStep(options.step, total);
  const slide = deck.slides[at];
  if (!slide) return;
  m.at = at;
  m.count.textContent = `Application ${at + 1} of ${total}`;
  m.name.textContent = slide.name;
  m.example.textContent = slide.example;
  m.why.replaceChildren(el('strong', {}, `Why it uses ${deck.subjectName}:`), ` ${slide.why}`);
  m.question.textContent = slide.reflectionPrompt;
  m.progress.textContent = `${at + 1} / ${total}`;
  m.previous.setAttribute('aria-disabled', String(at === 0));
  m.next.setAttribute('aria-disabled', String(at === total - 1));
  document.title = `${slide.name} — ${deck.subjectName} — Pathways`;
  setKeyListener(keyHandler(m.container, { escapeOnly: false, step: at, last: total - 1, options }));
}

function showEmpty(container: HTMLElement, deck: Deck, options: PresentationOptions): void {
  const body = el('div', { class: 'pv-message' });
  body.append(
    el('p', { class: 'pv-empty' }, `${deck.subjectName} has no applications yet`),
    button('Back to explore', 'pv-primary', () => options.onExit()),
  );
  body.setAttribute('role', 'status');
  container.replaceChildren(shell(topBar(deck.subjectName, options), body));
  document.title = `${deck.subjectName} — Pathways`;
  setKeyListener(keyHandler(container, { escapeOnly: true, step: 0, last: 0, options }));
  focusIfLost(container, container.querySelector<HTMLElement>('.pv-subject'));
}

function showError(container: HTMLElement, error: unknown, options: PresentationOptions): void {
  const box = el('div', { class: 'pv-message pv-error' });
  box.setAttribute('role', 'alert');
  box.append(
    el(
      'p',
      { class: 'pv-error-text' },
      error instanceof ApiError ? error.message : 'Something went wrong while loading this presentation.',
    ),
  );
  if (error instanceof ApiError && error.requestId) {
    box.append(el('p', { class: 'pv-reference' }, `Reference: ${error.requestId}`));
  }
  const back = button('Back to explore', 'pv-primary', () => options.onExit());
  box.append(back);
  container.replaceChildren(shell(box));
  setKeyListener(keyHandler(container, { escapeOnly: true, step: 0, last: 0, options }));
  focusIfLost(container, back);
}

/** Moves focus into the view when it is not already there, so keys and screen readers start here. */
function focusIfLost(container: HTMLElement, target: HTMLElement | null): void {
  if (!container.contains(document.activeElement)) target?.focus({ preventScroll: true });
}
