// The interests quiz's scoring, against numbers worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  QUIZ_ITEMS,
  careerFit,
  checkAnswers,
  fitReason,
  interestProfile,
  profileCode,
  rankCareers,
  rankFields,
  type QuizAnswer,
  type RiasecLetter,
} from '../../server/scoring/riasec.ts';

/** Every item of a letter answered with the same value. */
function answersFor(values: Record<RiasecLetter, number>): QuizAnswer[] {
  return QUIZ_ITEMS.map((i) => ({ item: i.id, value: values[i.letter] }));
}

// R all 5 → 1; I all 4 → 0.75; C all 3 → 0.5; A, S, E all 1 → 0.
const PROFILE = interestProfile(answersFor({ R: 5, I: 4, A: 1, S: 1, E: 1, C: 3 }));

describe('quiz items', () => {
  it('has thirty items, five per interest, with unique ids and our own wording', () => {
    expect(QUIZ_ITEMS).toHaveLength(30);
    expect(new Set(QUIZ_ITEMS.map((i) => i.id)).size).toBe(30);
    for (const letter of ['R', 'I', 'A', 'S', 'E', 'C'])
      expect(QUIZ_ITEMS.filter((i) => i.letter === letter)).toHaveLength(5);
    expect(QUIZ_ITEMS.every((i) => i.text.length > 10)).toBe(true);
  });
});

describe('checkAnswers', () => {
  const all = answersFor({ R: 3, I: 3, A: 3, S: 3, E: 3, C: 3 });

  it('accepts one answer from 1 to 5 for every item', () => {
    expect(checkAnswers(all)).toBeNull();
  });

  it('names an unknown item', () => {
    expect(checkAnswers([...all, { item: 'x9', value: 3 }])).toMatchObject({ item: 'x9' });
  });

  it('names an item answered out of range or not in whole numbers', () => {
    const bad = all.map((a) => (a.item === 'i3' ? { ...a, value: 6 } : a));
    expect(checkAnswers(bad)).toMatchObject({ item: 'i3', message: expect.stringContaining('1 to 5') });
    const half = all.map((a) => (a.item === 'a2' ? { ...a, value: 2.5 } : a));
    expect(checkAnswers(half)).toMatchObject({ item: 'a2' });
  });

  it('names an item answered twice, and the first item left unanswered', () => {
    expect(checkAnswers([...all, { item: 'r1', value: 2 }])).toMatchObject({ item: 'r1' });
    expect(checkAnswers(all.filter((a) => a.item !== 'c4'))).toMatchObject({ item: 'c4' });
  });
});

describe('interestProfile', () => {
  it('scores each interest as the mean of (answer − 1) / 4 over its items, strongest first', () => {
    expect(PROFILE).toEqual([
      { letter: 'R', score: 1 },
      { letter: 'I', score: 0.75 },
      { letter: 'C', score: 0.5 },
      // ties keep R-I-A-S-E-C order
      { letter: 'A', score: 0 },
      { letter: 'S', score: 0 },
      { letter: 'E', score: 0 },
    ]);
    expect(profileCode(PROFILE)).toBe('RIC');
  });

  it('averages mixed answers: S items 5,4,3,2,1 → (1 + 0.75 + 0.5 + 0.25 + 0) / 5 = 0.5', () => {
    const values = [5, 4, 3, 2, 1];
    const answers = QUIZ_ITEMS.map((i) => ({
      item: i.id,
      value: i.letter === 'S' ? (values[Number(i.id.slice(1)) - 1] ?? 3) : 1,
    }));
    expect(interestProfile(answers).find((p) => p.letter === 'S')?.score).toBe(0.5);
  });
});

describe('careerFit', () => {
  it('weighs the code 3-2-1 by position', () => {
    // IRC: (3 × 0.75 + 2 × 1 + 1 × 0.5) / 6 = 4.75 / 6
    expect(careerFit('IRC', PROFILE)).toBeCloseTo(4.75 / 6, 10);
    // RIC: (3 × 1 + 2 × 0.75 + 1 × 0.5) / 6 = 5 / 6
    expect(careerFit('RIC', PROFILE)).toBeCloseTo(5 / 6, 10);
    // SA: (3 × 0 + 2 × 0) / 5 = 0
    expect(careerFit('SA', PROFILE)).toBe(0);
    // IC: (3 × 0.75 + 2 × 0.5) / 5 = 3.25 / 5
    expect(careerFit('IC', PROFILE)).toBeCloseTo(0.65, 10);
    expect(careerFit('R', PROFILE)).toBe(1);
    expect(careerFit('', PROFILE)).toBe(0);
  });
});

describe('rankCareers and rankFields', () => {
  const careers = [
    { id: 'hydrologist', name: 'Hydrologist', riasec: 'IRC', fields: ['earth', 'water'] },
    { id: 'mechanic', name: 'Mechanic', riasec: 'RIC', fields: ['engineering'] },
    { id: 'counsellor', name: 'Counsellor', riasec: 'SA', fields: ['care'] },
    { id: 'analyst', name: 'Analyst', riasec: 'IC', fields: ['water', 'care'] },
  ];

  it('ranks careers by fit, each with its reason', () => {
    const ranked = rankCareers(careers, PROFILE);
    expect(ranked.map((r) => r.career.id)).toEqual(['mechanic', 'hydrologist', 'analyst', 'counsellor']);
    expect(ranked[1]?.reason).toBe(
      'You scored high on Investigative (75%), Realistic (100%) and Conventional (50%); Hydrologist is IRC: Investigative, Realistic, Conventional.',
    );
    expect(ranked[3]?.reason).toMatch(/^Your answers match this only weakly/);
  });

  it('ranks fields by the mean fit of their best three careers', () => {
    const names = new Map([
      ['earth', 'Earth Science'],
      ['water', 'Water'],
      ['engineering', 'Engineering'],
      ['care', 'Care'],
    ]);
    const fields = rankFields(rankCareers(careers, PROFILE), names);
    // engineering 5/6 = 0.833; earth 0.792; water (0.792 + 0.65) / 2 = 0.721; care (0.65 + 0) / 2 = 0.325
    expect(fields.map((f) => f.fieldId)).toEqual(['engineering', 'earth', 'water', 'care']);
    expect(fields[2]?.fit).toBeCloseTo((4.75 / 6 + 0.65) / 2, 10);
    expect(fields[2]?.reason).toBe('Water holds careers that fit you: Hydrologist (79%), Analyst (65%).');
  });

  it('names only the letters the student scored high on', () => {
    expect(fitReason('Analyst', 'IC', PROFILE)).toBe(
      'You scored high on Investigative (75%) and Conventional (50%); Analyst is IC: Investigative, Conventional.',
    );
  });
});
