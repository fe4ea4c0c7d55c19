// One career as the quiz and skills views list it: name (opens it in the explorer), code, outlook
// and route in, the reason it matches, a fit bar, and buttons to compare it or make a plan.
import type { Outlook } from '../api/generated/graphql.ts';
import { el, viewLink } from './dom.ts';

export interface CardCareer {
  id: string;
  name: string;
  riasec: string | null;
  outlook: Outlook | null;
  education: string | null;
}

/** What a student sees where O*NET (or a counsellor) has not rated something. */
export const NOT_RATED = 'not rated yet';

export interface CardActions {
  open(id: string): void;
  plan(id: string, button: HTMLButtonElement): void;
  toggleCompare(id: string, name: string): void;
  isCompared(id: string): boolean;
}

export const OUTLOOK_WORDS: Readonly<Record<Outlook, string>> = {
  BRIGHT: 'Bright: growing fast',
  STEADY: 'Steady',
  LIMITED: 'Limited: few openings',
};

/** A bar for a 0–1 score, with the percentage in words for screen readers and in the text. */
export function fitBar(score: number, label: string): HTMLElement {
  const percent = Math.round(score * 100);
  const bar = el('span', { class: 'fit-bar', 'aria-hidden': 'true' }, el('span', { class: 'fit-bar__fill' }));
  (bar.firstElementChild as HTMLElement).style.width = `${percent}%`;
  return el('span', { class: 'fit' }, bar, el('span', { class: 'fit-text' }, `${label} ${percent}%`));
}

export function careerCard(
  career: CardCareer,
  score: { value: number; label: string },
  reason: string,
  actions: CardActions,
  ...extra: Node[]
): HTMLLIElement {
  const headingId = `card-${career.id}`;
  const planButton = el('button', { type: 'button', 'aria-describedby': headingId }, 'Make a plan');
  planButton.addEventListener('click', () => actions.plan(career.id, planButton));
  const compare = el(
    'button',
    {
      type: 'button',
      class: 'secondary',
      'aria-pressed': String(actions.isCompared(career.id)),
      'aria-describedby': headingId,
    },
    'Compare',
  );
  compare.addEventListener('click', () => {
    actions.toggleCompare(career.id, career.name);
    compare.setAttribute('aria-pressed', String(actions.isCompared(career.id)));
  });
  return el(
    'li',
    { class: 'match-card', 'data-career': career.id },
    el(
      'h3',
      { id: headingId },
      viewLink(`/?node=${encodeURIComponent(career.id)}`, career.name, () => actions.open(career.id)),
    ),
    fitBar(score.value, score.label),
    el('p', { class: 'reason' }, reason),
    el(
      'p',
      { class: 'match-meta' },
      [
        `Interests: ${career.riasec ?? NOT_RATED}`,
        `Outlook: ${career.outlook ? OUTLOOK_WORDS[career.outlook] : NOT_RATED}`,
        `Route in: ${career.education ?? NOT_RATED}`,
      ].join(' · '),
    ),
    ...extra,
    el('div', { class: 'card-actions' }, planButton, compare),
  );
}
