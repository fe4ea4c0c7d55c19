// The interests quiz: thirty things to rate from "not for me" to "love it", then the student's
// interests, and the fields and careers whose Holland codes fit them, each with its reason.
// Answers stay in this page's memory only (state/quiz-answers.ts): nothing is stored.
import './quiz-view.css';
import { InterestMatchesDocument, QuizItemsDocument } from '../api/generated/graphql.ts';
import { request } from '../api/request.ts';
import { answers, quiz, type QuizItems, type QuizResults } from '../state/quiz-answers.ts';
import { careerCard, fitBar, type CardActions } from './career-card.ts';
import { compareBar } from './compare-view.ts';
import { el, errorBox, statusLine } from './dom.ts';

const SCALE = ['Not for me', 'Not really', 'Not sure', 'Quite like', 'Love it'] as const;
const SHOWN_CAREERS = 12;
const SHOWN_FIELDS = 5;

export interface QuizActions extends CardActions {
  compare(): void;
  retry(): void;
}

function itemFieldset(item: QuizItems[number], index: number, onChange: () => void) {
  const legendId = `quiz-${item.id}-legend`;
  const options = SCALE.map((label, i) => {
    const value = i + 1;
    const input = el('input', {
      type: 'radio',
      name: `quiz-${item.id}`,
      value: String(value),
      id: `quiz-${item.id}-${value}`,
    });
    input.checked = answers.get(item.id) === value;
    input.addEventListener('change', () => {
      answers.set(item.id, value);
      onChange();
    });
    return el('label', { class: 'scale-option', for: input.id }, input, el('span', {}, label));
  });
  return el(
    'fieldset',
    { class: 'quiz-item', 'data-item': item.id, 'aria-labelledby': legendId },
    el('legend', { id: legendId }, `${index + 1}. ${item.text}`),
    el('div', { class: 'scale' }, ...options),
  );
}

function renderResults(container: HTMLElement, matches: QuizResults, actions: CardActions): void {
  const profile = el(
    'ul',
    { class: 'profile' },
    ...matches.profile.map((p) =>
      el(
        'li',
        {},
        el(
          'span',
          { class: 'profile-name' },
          `${p.interest.charAt(0)}${p.interest.slice(1).toLowerCase()} (${p.letter})`,
        ),
        fitBar(p.score, ''),
        el('span', { class: 'profile-meaning' }, p.meaning),
      ),
    ),
  );
  const fields = el(
    'ol',
    { class: 'field-matches' },
    ...matches.fields
      .slice(0, SHOWN_FIELDS)
      .map((f) =>
        el(
          'li',
          {},
          el('strong', {}, f.field.name),
          ' ',
          fitBar(f.fit, 'fit'),
          el('p', { class: 'reason' }, f.reason),
        ),
      ),
  );
  const careers = el(
    'ol',
    { class: 'match-list' },
    ...matches.careers
      .slice(0, SHOWN_CAREERS)
      .map((c) => careerCard(c.career, { value: c.fit, label: 'Fit' }, c.reason, actions)),
  );
  container.replaceChildren(
    el('h3', { id: 'quiz-results-heading', tabindex: '-1' }, `Your interests: ${matches.code}`),
    el(
      'p',
      { class: 'description' },
      'Your three strongest interests make your code. Careers have codes too; the closer they match yours, the higher they come.',
    ),
    profile,
    el('h3', {}, 'Fields that fit you'),
    fields,
    el('h3', {}, 'Careers that fit you'),
    careers,
  );
}

function missingAnswer(form: HTMLFormElement, message: HTMLElement, items: QuizItems): boolean {
  const missing = items.find((i) => !answers.has(i.id));
  if (!missing) return false;
  message.replaceChildren(
    el(
      'p',
      { class: 'error', role: 'alert' },
      `Question ${items.indexOf(missing) + 1} has no answer yet. Pick “Not sure” if you cannot decide.`,
    ),
  );
  form.querySelector<HTMLInputElement>(`input[name="quiz-${missing.id}"]`)?.focus();
  return true;
}

/** The questions; on submit, the matches for the answers (unless another drawing took over). */
function quizForm(
  items: QuizItems,
  resultsBox: HTMLElement,
  onResults: () => void,
  actions: QuizActions,
  isCurrent: () => boolean,
): HTMLFormElement {
  const progress = el('p', { class: 'quiz-progress', 'aria-live': 'polite' });
  const showProgress = () => (progress.textContent = `${answers.size} of ${items.length} answered`);
  showProgress();
  const message = el('div', { class: 'quiz-message' });
  const submit = el('button', { type: 'submit' }, 'See my matches');
  const form = el(
    'form',
    { class: 'quiz', 'aria-labelledby': 'quiz-heading', novalidate: '' },
    el(
      'ol',
      { class: 'quiz-items' },
      ...items.map((item, i) => el('li', {}, itemFieldset(item, i, showProgress))),
    ),
    progress,
    message,
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.replaceChildren();
    if (missingAnswer(form, message, items)) return;
    submit.disabled = true;
    resultsBox.setAttribute('aria-busy', 'true');
    try {
      const answered = items.map((i) => ({ item: i.id, value: answers.get(i.id) ?? 3 }));
      const { interestMatches } = await request(InterestMatchesDocument, { answers: answered, first: 30 });
      if (!isCurrent()) return;
      quiz.results = interestMatches;
      renderResults(resultsBox, interestMatches, actions);
      onResults();
      resultsBox.querySelector<HTMLElement>('#quiz-results-heading')?.focus();
    } catch (error) {
      if (isCurrent()) message.replaceChildren(errorBox(error, 'Could not work out your matches.'));
    } finally {
      submit.disabled = false;
      resultsBox.removeAttribute('aria-busy');
    }
  });
  return form;
}

/** Once there are results the questions fold away, so the matches are what the student sees. */
function foldButton(form: HTMLFormElement): { button: HTMLButtonElement; showForm(shown: boolean): void } {
  const button = el(
    'button',
    { type: 'button', class: 'secondary', 'aria-expanded': 'false' },
    'Change my answers',
  );
  const showForm = (shown: boolean) => {
    form.hidden = !shown;
    button.hidden = quiz.results === null;
    button.setAttribute('aria-expanded', String(shown));
    button.textContent = shown ? 'Hide the questions' : 'Change my answers';
  };
  button.addEventListener('click', () => {
    showForm(form.hidden);
    if (!form.hidden) form.querySelector<HTMLInputElement>('input')?.focus();
  });
  return { button, showForm };
}

export async function renderQuiz(
  container: HTMLElement,
  actions: QuizActions,
  isCurrent: () => boolean,
): Promise<void> {
  const heading = el('h2', { id: 'quiz-heading' }, 'Interests quiz');
  container.replaceChildren(heading, statusLine('Loading the quiz…'));
  try {
    quiz.items ??= (await request(QuizItemsDocument, {})).quizItems;
  } catch (error) {
    if (!isCurrent()) return;
    container.replaceChildren(
      heading,
      errorBox(error, 'Could not load the quiz.', { label: 'Try again', run: actions.retry }),
    );
    return;
  }
  if (!isCurrent()) return;
  const items = quiz.items;
  const resultsBox = el('section', { class: 'quiz-results', 'aria-labelledby': 'quiz-results-heading' });
  const form = quizForm(items, resultsBox, () => fold.showForm(false), actions, isCurrent);
  const fold = foldButton(form);
  if (quiz.results) renderResults(resultsBox, quiz.results, actions);
  fold.showForm(quiz.results === null);
  container.replaceChildren(
    heading,
    el(
      'p',
      { class: 'description' },
      `${items.length} quick questions: how much would you enjoy each of these? There are no right answers, and nothing you pick is saved.`,
    ),
    compareBar(actions.compare),
    fold.button,
    form,
    resultsBox,
  );
}
