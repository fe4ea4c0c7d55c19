// Skill match and comparison, against numbers worked out by hand.
import { describe, expect, it } from 'vitest';
import { compareSkills, matchCareer, rankSkillMatches } from '../../server/scoring/skill-match.ts';

const hydrologist = {
  id: 'hydrologist',
  name: 'Hydrologist',
  skills: [
    { skillId: 'data-analysis', importance: 0.9 },
    { skillId: 'gis', importance: 0.6 },
    { skillId: 'writing', importance: 0.5 },
  ],
  subjects: [
    { subjectId: 'geography', importance: 0.8 },
    { subjectId: 'chemistry', importance: 0.2 },
  ],
};
const nurse = {
  id: 'nurse',
  name: 'Nurse',
  skills: [
    { skillId: 'empathy', importance: 1 },
    { skillId: 'writing', importance: 0.5 },
  ],
  subjects: [{ subjectId: 'biology', importance: 1 }],
};
const painter = {
  id: 'painter',
  name: 'Painter',
  skills: [{ skillId: 'colour', importance: 1 }],
  subjects: [],
};

describe('matchCareer', () => {
  it('counts skills in hand and weighs coverage by importance', () => {
    const m = matchCareer(hydrologist, new Set(['data-analysis', 'writing']), new Set());
    expect(m.haveCount).toBe(2);
    expect(m.skillCount).toBe(3);
    // (0.9 + 0.5) / (0.9 + 0.6 + 0.5) = 1.4 / 2 = 0.7
    expect(m.coverage).toBeCloseTo(0.7, 10);
    expect(m.score).toBeCloseTo(0.7, 10);
    expect(m.missing.map((s) => s.skillId)).toEqual(['gis']);
    expect(m.reason).toBe('You have 2 of the 3 skills Hydrologist needs (70% of what matters most).');
  });

  it('lets enjoyed subjects count for a fifth', () => {
    const m = matchCareer(hydrologist, new Set(['data-analysis', 'writing']), new Set(['geography']));
    // 0.8 × 0.7 + 0.2 × (0.8 / 1.0) = 0.56 + 0.16 = 0.72
    expect(m.subjectShare).toBeCloseTo(0.8, 10);
    expect(m.score).toBeCloseTo(0.72, 10);
    expect(m.reason).toContain('and it draws on a subject you enjoy');
  });

  it('lists missing skills most important first', () => {
    const m = matchCareer(hydrologist, new Set(), new Set());
    expect(m.missing.map((s) => s.skillId)).toEqual(['data-analysis', 'gis', 'writing']);
    expect(m.coverage).toBe(0);
  });
});

describe('rankSkillMatches', () => {
  it('ranks by score, leaves out careers with nothing in common, and breaks ties by skills then name', () => {
    // writing: hydrologist 0.5 / 2 = 0.25; nurse 0.5 / 1.5 = 0.333; painter shares nothing
    const ranked = rankSkillMatches([painter, hydrologist, nurse], ['writing']);
    expect(ranked.map((m) => m.career.id)).toEqual(['nurse', 'hydrologist']);
    expect(ranked[0]?.score).toBeCloseTo(1 / 3, 10);
  });

  it('with subjects: nurse 0.8 × 0.333 + 0.2 × 1 = 0.467 beats hydrologist 0.8 × 0.25 + 0 = 0.2', () => {
    const ranked = rankSkillMatches([hydrologist, nurse], ['writing'], ['biology']);
    expect(ranked.map((m) => m.career.id)).toEqual(['nurse', 'hydrologist']);
    expect(ranked[0]?.score).toBeCloseTo(0.8 / 3 + 0.2, 10);
    expect(ranked[1]?.score).toBeCloseTo(0.2, 10);
  });

  it('breaks an equal score by the number of skills in hand', () => {
    const a = { id: 'a', name: 'A', skills: [{ skillId: 'x', importance: 1 }], subjects: [] };
    const b = {
      id: 'b',
      name: 'B',
      skills: [
        { skillId: 'x', importance: 0.5 },
        { skillId: 'y', importance: 0.5 },
      ],
      subjects: [],
    };
    expect(rankSkillMatches([a, b], ['x', 'y']).map((m) => m.career.id)).toEqual(['b', 'a']);
  });
});

describe('compareSkills', () => {
  it('finds what all share and what sets each apart', () => {
    const result = compareSkills([hydrologist, nurse]);
    expect(result.shared).toEqual(['writing']);
    expect(result.only).toEqual([['data-analysis', 'gis'], ['empathy']]);
  });

  it('with three careers a skill two of them need is neither shared nor distinct', () => {
    const third = { skills: [{ skillId: 'gis', importance: 1 }] };
    const result = compareSkills([hydrologist, nurse, third]);
    expect(result.shared).toEqual([]);
    expect(result.only).toEqual([['data-analysis'], ['empathy'], []]);
  });
});
