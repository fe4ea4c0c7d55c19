// "My skills and subjects": pick skills you have and subjects you enjoy (search + chips, kept in the
// URL), and see careers ranked by how much of what they need you already have, with the missing skills
// by importance and, on request, the courses that teach each one.
import './skills-view.css';
import {
  SkillGapCoursesDocument,
  SkillMatchesDocument,
  type SkillMatchesQuery,
} from '../api/generated/graphql.ts';
import { request } from '../api/request.ts';
import { careerCard, type CardActions } from './career-card.ts';
import { compareBar } from './compare-view.ts';
import { el, errorBox, statusLine } from './dom.ts';
import { mountSearchBox } from './search-box.ts';

export interface SkillsActions extends CardActions {
  choose(change: { have?: string[]; enjoy?: string[] }): void;
  compare(): void;
}

const SHOWN_MISSING = 5;
const MATCHES = 15;

function chip(name: string, remove: () => void): HTMLButtonElement {
  const button = el(
    'button',
    { type: 'button', class: 'chip removable', 'aria-label': `Remove ${name}` },
    `${name} ×`,
  );
  button.addEventListener('click', remove);
  return button;
}

type Match = SkillMatchesQuery['skillMatches']['matches'][number];

/** The missing skills, and a button that fetches the courses for each (skillGap). */
function missingBlock(match: Match, have: string[]): HTMLElement {
  const list = el(
    'ol',
    { class: 'missing-skills' },
    ...match.missing.slice(0, SHOWN_MISSING).map((m) => el('li', { 'data-skill': m.skill.id }, m.skill.name)),
  );
  const courses = el('div', { class: 'gap-courses' });
  const button = el(
    'button',
    { type: 'button', class: 'secondary', 'aria-expanded': 'false' },
    'Show courses for these',
  );
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-expanded') === 'true') {
      button.setAttribute('aria-expanded', 'false');
      button.textContent = 'Show courses for these';
      courses.replaceChildren();
      return;
    }
    button.disabled = true;
    courses.replaceChildren(statusLine('Finding courses…'));
    try {
      const { skillGap } = await request(SkillGapCoursesDocument, { career: match.career.id, have });
      courses.replaceChildren(
        el(
          'ul',
          { class: 'gap-list' },
          ...skillGap.missing
            .slice(0, SHOWN_MISSING)
            .map((m) =>
              el(
                'li',
                {},
                el('strong', {}, m.skill.name),
                m.courses.length === 0
                  ? el('p', { class: 'muted' }, 'No course in Pathways teaches this yet: ask your tutor.')
                  : el(
                      'ul',
                      {},
                      ...m.courses.map((c) =>
                        el(
                          'li',
                          {},
                          `${c.course.name} — ${c.course.provider}, about ${c.course.hours} hours`,
                        ),
                      ),
                    ),
              ),
            ),
        ),
      );
      button.setAttribute('aria-expanded', 'true');
      button.textContent = 'Hide courses';
    } catch (error) {
      courses.replaceChildren(errorBox(error, 'Could not load the courses.'));
    } finally {
      button.disabled = false;
    }
  });
  if (match.missing.length === 0) return el('p', { class: 'reason' }, 'You have every skill it lists.');
  return el(
    'div',
    { class: 'missing' },
    el('p', { class: 'missing-heading' }, 'Still to learn, most important first:'),
    list,
    button,
    courses,
  );
}

type Named = { id: string; name: string };

/** The two pickers (a search box each) with the chips of what is picked; `fill` names the chips. */
function pickers(state: { have: string[]; enjoy: string[] }, actions: SkillsActions) {
  const skillPicker = el('div', { class: 'picker' });
  const subjectPicker = el('div', { class: 'picker' });
  const haveChips = el('div', { class: 'chips', role: 'group', 'aria-label': 'Skills you have' });
  const enjoyChips = el('div', { class: 'chips', role: 'group', 'aria-label': 'Subjects you enjoy' });
  mountSearchBox(
    skillPicker,
    (hit) => {
      if (!state.have.includes(hit.id)) actions.choose({ have: [...state.have, hit.id] });
    },
    { label: 'Add a skill you have', placeholder: 'Teamwork, data analysis, drawing…', kinds: ['SKILL'] },
  );
  mountSearchBox(
    subjectPicker,
    (hit) => {
      if (!state.enjoy.includes(hit.id)) actions.choose({ enjoy: [...state.enjoy, hit.id] });
    },
    { label: 'Add a subject you enjoy', placeholder: 'Biology, art, maths…', kinds: ['SUBJECT'] },
  );
  const fill = (have: Named[], enjoy: Named[]) => {
    haveChips.replaceChildren(
      ...have.map((k) => chip(k.name, () => actions.choose({ have: state.have.filter((h) => h !== k.id) }))),
    );
    enjoyChips.replaceChildren(
      ...enjoy.map((s) =>
        chip(s.name, () => actions.choose({ enjoy: state.enjoy.filter((e) => e !== s.id) })),
      ),
    );
  };
  const asIds = (list: string[]) => list.map((id) => ({ id, name: id }));
  fill(asIds(state.have), asIds(state.enjoy));
  const element = el(
    'div',
    { class: 'pickers' },
    el('div', {}, skillPicker, haveChips),
    el('div', {}, subjectPicker, enjoyChips),
  );
  return { element, fill };
}

function matchList(matches: Match[], have: string[], actions: SkillsActions): HTMLElement {
  if (matches.length === 0)
    return statusLine('No career in Pathways uses these yet. Try adding another skill or subject.');
  return el(
    'ol',
    { class: 'match-list' },
    ...matches.map((m) =>
      careerCard(
        m.career,
        { value: m.score, label: 'Match' },
        m.reason,
        actions,
        ...(m.enjoyed.length > 0
          ? [
              el(
                'p',
                { class: 'match-meta' },
                `Subjects you enjoy that it uses: ${m.enjoyed.map((s) => s.name).join(', ')}`,
              ),
            ]
          : []),
        missingBlock(m, have),
      ),
    ),
  );
}

export async function renderSkills(
  container: HTMLElement,
  state: { have: string[]; enjoy: string[] },
  actions: SkillsActions,
  isCurrent: () => boolean,
): Promise<void> {
  const picked = pickers(state, actions);
  const results = el('section', { class: 'skill-results', 'aria-labelledby': 'skill-results-heading' });
  const resultsHeading = () => el('h3', { id: 'skill-results-heading' }, 'Careers that match');
  container.replaceChildren(
    el('h2', { id: 'skills-heading' }, 'My skills and subjects'),
    el(
      'p',
      { class: 'description' },
      'Add skills you already have and school subjects you enjoy. Careers that need what you have come first. Nothing is saved: your picks live only in this page’s address.',
    ),
    picked.element,
    compareBar(actions.compare),
    results,
  );
  if (state.have.length === 0 && state.enjoy.length === 0) {
    results.replaceChildren(
      resultsHeading(),
      statusLine('Add a skill or a subject to see careers that match.'),
    );
    return;
  }
  results.replaceChildren(resultsHeading(), statusLine('Matching…'));
  try {
    const { skillMatches } = await request(SkillMatchesDocument, {
      have: state.have,
      enjoy: state.enjoy,
      first: MATCHES,
    });
    if (!isCurrent()) return;
    picked.fill(skillMatches.have, skillMatches.enjoy);
    results.replaceChildren(resultsHeading(), matchList(skillMatches.matches, state.have, actions));
  } catch (error) {
    if (isCurrent()) results.replaceChildren(resultsHeading(), errorBox(error, 'Could not match careers.'));
  }
}
