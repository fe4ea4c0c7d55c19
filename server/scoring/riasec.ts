// The interests quiz: thirty short Holland (RIASEC) items in our own words, and the pure scoring that
// turns answers into a profile and ranks careers and fields by how well their codes fit it.
// No database and no GraphQL here, so every number can be checked by hand in a unit test.

export const RIASEC_LETTERS = ['R', 'I', 'A', 'S', 'E', 'C'] as const;
export type RiasecLetter = (typeof RIASEC_LETTERS)[number];

export const RIASEC_NAMES: Readonly<Record<RiasecLetter, string>> = {
  R: 'Realistic',
  I: 'Investigative',
  A: 'Artistic',
  S: 'Social',
  E: 'Enterprising',
  C: 'Conventional',
};

/** One line a student can read on what each interest means. */
export const RIASEC_MEANINGS: Readonly<Record<RiasecLetter, string>> = {
  R: 'hands-on work with tools, machines, plants or animals',
  I: 'working things out: experiments, puzzles, data',
  A: 'making and designing: art, writing, music, film',
  S: 'helping, teaching and looking after people',
  E: 'leading, persuading and starting things',
  C: 'organising: records, numbers, careful steps',
};

export interface QuizItem {
  id: string;
  letter: RiasecLetter;
  text: string;
}

/** "How much would you enjoy…" items; five per interest, in an order that mixes them. */
const ITEMS_BY_LETTER: Readonly<Record<RiasecLetter, readonly string[]>> = {
  R: [
    'Fixing a bike, a plug or a wobbly shelf',
    'Building something with tools, wood or metal',
    'Working outdoors, whatever the weather',
    'Looking after plants or animals',
    'Operating a machine or driving a vehicle',
  ],
  I: [
    'Running an experiment to find out why something happens',
    'Solving a tricky maths or logic puzzle',
    'Reading about how the body, the planet or space works',
    'Looking through data to find a pattern',
    'Digging into a question until you really understand it',
  ],
  A: [
    'Drawing, painting, designing or taking photographs',
    'Writing stories, poems or song lyrics',
    'Acting, dancing or playing music in front of others',
    'Coming up with a new look for a room, a website or an outfit',
    'Making a short film or video',
  ],
  S: [
    'Helping a friend through a hard time',
    'Explaining something to a younger student',
    'Volunteering to help people in your community',
    'Looking after someone who is ill or hurt',
    'Working in a team where everyone supports each other',
  ],
  E: [
    'Persuading people to back your idea',
    'Leading a group or captaining a team',
    'Starting a small business or selling things',
    'Organising an event and getting people to come',
    'Speaking up in a debate or a meeting',
  ],
  C: [
    'Keeping records, lists or files neat and up to date',
    'Checking work carefully for mistakes',
    'Planning a budget and tracking where the money goes',
    'Following clear steps to get a task exactly right',
    'Sorting information into a spreadsheet',
  ],
};

export const QUIZ_ITEMS: readonly QuizItem[] = [0, 1, 2, 3, 4].flatMap((round) =>
  RIASEC_LETTERS.map((letter) => ({
    id: `${letter.toLowerCase()}${round + 1}`,
    letter,
    text: ITEMS_BY_LETTER[letter][round] ?? '',
  })),
);

/** Answers run from 1 ("not for me") to 5 ("love it"); 3 is "not sure". */
export const ANSWER_MIN = 1;
export const ANSWER_MAX = 5;

export interface QuizAnswer {
  item: string;
  value: number;
}

/** What is wrong with a set of answers, naming the item; null when they can be scored. */
export interface AnswerProblem {
  item: string;
  message: string;
}

export function checkAnswers(answers: readonly QuizAnswer[]): AnswerProblem | null {
  const known = new Map(QUIZ_ITEMS.map((i) => [i.id, i]));
  const seen = new Set<string>();
  for (const answer of answers) {
    const item = answer.item.trim().slice(0, 20);
    if (!known.has(item)) {
      return { item, message: `"${item}" is not a quiz item; items are r1 to c5 as the quiz lists them.` };
    }
    if (seen.has(item)) return { item, message: `Quiz item "${item}" is answered twice; answer it once.` };
    seen.add(item);
    if (!Number.isInteger(answer.value) || answer.value < ANSWER_MIN || answer.value > ANSWER_MAX) {
      return {
        item,
        message: `Quiz item "${item}" needs a whole number from ${ANSWER_MIN} to ${ANSWER_MAX}; got ${String(answer.value)}.`,
      };
    }
  }
  const unanswered = QUIZ_ITEMS.find((i) => !seen.has(i.id));
  if (unanswered) {
    return {
      item: unanswered.id,
      message: `Quiz item "${unanswered.id}" ("${unanswered.text}") has no answer: answer every item, 3 if you are not sure.`,
    };
  }
  return null;
}

export interface InterestScore {
  letter: RiasecLetter;
  /** 0 (every item "not for me") to 1 (every item "love it"). */
  score: number;
}

/** Strongest first; a tie keeps the R-I-A-S-E-C order, so the result never depends on input order. */
export function interestProfile(answers: readonly QuizAnswer[]): InterestScore[] {
  const letterOf = new Map(QUIZ_ITEMS.map((i) => [i.id, i.letter]));
  const sums = new Map<RiasecLetter, { total: number; count: number }>();
  for (const answer of answers) {
    const letter = letterOf.get(answer.item);
    if (!letter) continue;
    const entry = sums.get(letter) ?? { total: 0, count: 0 };
    entry.total += (answer.value - ANSWER_MIN) / (ANSWER_MAX - ANSWER_MIN);
    entry.count += 1;
    sums.set(letter, entry);
  }
  return RIASEC_LETTERS.map((letter) => {
    const entry = sums.get(letter);
    return { letter, score: entry && entry.count > 0 ? entry.total / entry.count : 0 };
  }).sort((a, b) => b.score - a.score || RIASEC_LETTERS.indexOf(a.letter) - RIASEC_LETTERS.indexOf(b.letter));
}

/** The student's own three-letter code, strongest first. */
export const profileCode = (profile: readonly InterestScore[]): string =>
  profile
    .slice(0, 3)
    .map((p) => p.letter)
    .join('');

/** A career code's letters weigh 3, 2 and 1 by position: its first interest matters most. */
const POSITION_WEIGHTS = [3, 2, 1] as const;

export function lettersOf(code: string): RiasecLetter[] {
  const letters: RiasecLetter[] = [];
  for (const ch of code.toUpperCase()) {
    const letter = RIASEC_LETTERS.find((l) => l === ch);
    if (letter && !letters.includes(letter)) letters.push(letter);
  }
  return letters.slice(0, 3);
}

/**
 * How well a career's code fits the profile, 0 to 1: the student's scores on the code's letters,
 * weighted 3-2-1 by position and divided by the weights used. "IRC" with I 0.75, R 1 and C 0.5 is
 * (3×0.75 + 2×1 + 1×0.5) / 6 = 0.79. A code with no known letter fits 0.
 */
export function careerFit(code: string, profile: readonly InterestScore[]): number {
  const scoreOf = new Map(profile.map((p) => [p.letter, p.score]));
  const letters = lettersOf(code);
  let weighted = 0;
  let weights = 0;
  letters.forEach((letter, index) => {
    const weight = POSITION_WEIGHTS[index] ?? 0;
    weighted += weight * (scoreOf.get(letter) ?? 0);
    weights += weight;
  });
  return weights === 0 ? 0 : weighted / weights;
}

const percent = (score: number) => `${Math.round(score * 100)}%`;

/** A score counts as high from here; below it the reason says the match is weak. */
export const HIGH_SCORE = 0.5;

/**
 * "You scored high on Investigative (75%) and Realistic (100%); Hydrologist is IRC: Investigative,
 * Realistic, Conventional." The letters named are the career's, in the career's order, where the
 * student scored high.
 */
export function fitReason(name: string, code: string, profile: readonly InterestScore[]): string {
  const scoreOf = new Map(profile.map((p) => [p.letter, p.score]));
  const letters = lettersOf(code);
  const spelled = `${name} is ${letters.join('')}: ${letters.map((l) => RIASEC_NAMES[l]).join(', ')}.`;
  const high = letters.filter((l) => (scoreOf.get(l) ?? 0) >= HIGH_SCORE);
  if (high.length === 0) {
    return `Your answers match this only weakly: you scored below half on each of its interests. ${spelled}`;
  }
  const named = high.map((l) => `${RIASEC_NAMES[l]} (${percent(scoreOf.get(l) ?? 0)})`);
  const list = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
  return `You scored high on ${list}; ${spelled}`;
}

export interface RiasecCareer {
  id: string;
  name: string;
  riasec: string;
  /** Ids of the fields that include it. */
  fields: readonly string[];
}

export interface CareerFit<C extends RiasecCareer = RiasecCareer> {
  career: C;
  fit: number;
  reason: string;
}

/** Careers best fit first; equal fits by name, so the order is stable. */
export function rankCareers<C extends RiasecCareer>(
  careers: readonly C[],
  profile: readonly InterestScore[],
): CareerFit<C>[] {
  return careers
    .map((career) => ({
      career,
      fit: careerFit(career.riasec, profile),
      reason: fitReason(career.name, career.riasec, profile),
    }))
    .sort((a, b) => b.fit - a.fit || a.career.name.localeCompare(b.career.name));
}

export interface FieldFit<C extends RiasecCareer = RiasecCareer> {
  fieldId: string;
  fit: number;
  /** The field's best-fitting careers, best first (at most FIELD_TOP). */
  careers: CareerFit<C>[];
  reason: string;
}

/** A field fits as well as the mean of its best three careers: one odd career neither makes nor breaks it. */
export const FIELD_TOP = 3;

export function rankFields<C extends RiasecCareer>(
  ranked: readonly CareerFit<C>[],
  fieldNames: ReadonlyMap<string, string>,
): FieldFit<C>[] {
  const byField = new Map<string, CareerFit<C>[]>();
  for (const fit of ranked) {
    for (const field of fit.career.fields) {
      const list = byField.get(field) ?? [];
      list.push(fit);
      byField.set(field, list);
    }
  }
  return [...byField]
    .map(([fieldId, fits]) => {
      const top = fits.slice(0, FIELD_TOP); // `ranked` is best first already
      const fit = top.reduce((sum, f) => sum + f.fit, 0) / top.length;
      const name = fieldNames.get(fieldId) ?? fieldId;
      const reason = `${name} holds careers that fit you: ${top
        .map((f) => `${f.career.name} (${percent(f.fit)})`)
        .join(', ')}.`;
      return { fieldId, fit, careers: top, reason };
    })
    .sort(
      (a, b) =>
        b.fit - a.fit ||
        (fieldNames.get(a.fieldId) ?? a.fieldId).localeCompare(fieldNames.get(b.fieldId) ?? b.fieldId),
    );
}
