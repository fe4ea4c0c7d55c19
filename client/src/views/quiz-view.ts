// The interests quiz: thirty things to rate from "not for me" to "love it", then the student's
// interests, and the fields and careers whose Holland codes fit them, each with its reason.
// Answers stay in this page's memory only: nothing is stored, and a reload starts afresh.
import './quiz-view.css';
import {
  InterestMatchesDocument,
  QuizItemsDocument,
  type InterestMatchesQuery,
  type QuizItemsQuery,
} from '../api/generated/graphql.ts';
import { request } from '../api/request.ts';
import { careerCard, fitBar, type CardActions } from './career-card.ts';
import { compareBar } from './compare-view.ts';
import { el, errorBox, statusLine } from './dom.ts';

const SCALE = ['Not for me', 'Not really', 'Not sure', 'Quite like', 'Love it'] as const;
const SHOWN_CAREERS = 12;
const SHOWN_FIELDS = 5;

const answers = new Map<string, number>();
let items: QuizItemsQuery['quizItems'] | null = null;
let results: InterestMatchesQuery['interestMatches'] | null = null;

function itemFieldset(item: QuizItemsQuery['quizItems'][number], index: number, onChange: () => void) {
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

function renderResults(
  container: HTMLElement,
  matches: InterestMatchesQuery['interestMatches'],
  actions: CardActions,
) {
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

export async function renderQuiz(
  container: HTMLElement,
  actions: CardActions & { compare(): void },
): Promise<void> {
  const heading = el('h2', { id: 'quiz-heading' }, 'Interests quiz');
  container.replaceChildren(heading, statusLine('Loading the quiz…'));
  try {
    items ??= (await request(QuizItemsDocument, {})).quizItems;
  } catch (error) {
    container.replaceChildren(
      heading,
      errorBox(error, 'Could not load the quiz.', {
        label: 'Try again',
        run: () => void renderQuiz(container, actions),
      }),
    );
    return;
  }
  const quizItems = items;
  const progress = el('p', { class: 'quiz-progress', 'aria-live': 'polite' });
  const showProgress = () => (progress.textContent = `${answers.size} of ${quizItems.length} answered`);
  showProgress();
  const message = el('div', { class: 'quiz-message' });
  const resultsBox = el('section', { class: 'quiz-results', 'aria-labelledby': 'quiz-results-heading' });
  const submit = el('button', { type: 'submit' }, 'See my matches');
  const form = el(
    'form',
    { class: 'quiz', 'aria-labelledby': 'quiz-heading', novalidate: '' },
    el(
      'ol',
      { class: 'quiz-items' },
      ...quizItems.map((item, i) => el('li', {}, itemFieldset(item, i, showProgress))),
    ),
    progress,
    message,
    submit,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.replaceChildren();
    const missing = quizItems.find((i) => !answers.has(i.id));
    if (missing) {
      message.replaceChildren(
        el(
          'p',
          { class: 'error', role: 'alert' },
          `Question ${quizItems.indexOf(missing) + 1} has no answer yet. Pick “Not sure” if you cannot decide.`,
        ),
      );
      form.querySelector<HTMLInputElement>(`input[name="quiz-${missing.id}"]`)?.focus();
      return;
    }
    submit.disabled = true;
    resultsBox.setAttribute('aria-busy', 'true');
    try {
      const answered = quizItems.map((i) => ({ item: i.id, value: answers.get(i.id) ?? 3 }));
      results = (await request(InterestMatchesDocument, { answers: answered, first: 30 })).interestMatches;
      renderResults(resultsBox, results, actions);
      showForm(false);
      resultsBox.querySelector<HTMLElement>('#quiz-results-heading')?.focus();
    } catch (error) {
      message.replaceChildren(errorBox(error, 'Could not work out your matches.'));
    } finally {
      submit.disabled = false;
      resultsBox.removeAttribute('aria-busy');
    }
  });
  // Once there are results the questions fold away, so the matches are what the student sees.
  const change = el(
    'button',
    { type: 'button', class: 'secondary', 'aria-expanded': 'false' },
    'Change my answers',
  );
  const showForm = (shown: boolean) => {
    form.hidden = !shown;
    change.hidden = results === null;
    change.setAttribute('aria-expanded', String(shown));
    change.textContent = shown ? 'Hide the questions' : 'Change my answers';
  };
  change.addEventListener('click', () => {
    showForm(form.hidden);
    if (!form.hidden) form.querySelector<HTMLInputElement>('input')?.focus();
  });
  if (results) renderResults(resultsBox, results, actions);
  showForm(results === null);
  container.replaceChildren(
    heading,
    el(
      'p',
      { class: 'description' },
      `${quizItems.length} quick questions: how much would you enjoy each of these? There are no right answers, and nothing you pick is saved.`,
    ),
    compareBar(actions.compare),
    change,
    form,
    resultsBox,
  );
}
