import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../seed/integrity.ts';
import { tinySeed } from './seed-fixtures.ts';

const ruleViolations = (violations: string[]) =>
  violations.filter((v) => !v.includes('at least') || v.includes('careers;'));

describe('checkIntegrity', () => {
  it('accepts a consistent graph (apart from its small size)', () => {
    const report = checkIntegrity(tinySeed());
    expect(ruleViolations(report.violations)).toEqual([]);
    expect(report.counts).toMatchObject({
      Subject: 1,
      Field: 2,
      Career: 3,
      Skill: 4,
      Course: 1,
      Application: 1,
    });
    // 1 LEADS_TO + 1 DEVELOPS + 1 PART_OF + 3×(1 INCLUDES + 4 REQUIRES + 1 DRAWS_ON) + 1 TEACHES + 1 APPLIED_IN + 1 USED_IN
    expect(report.relationships).toBe(24);
  });

  it('reports the minimum counts it expects', () => {
    const { violations } = checkIntegrity(tinySeed());
    expect(violations).toContain('only 3 Career nodes; at least 150 are wanted');
  });

  it('flags a career that no subject reaches', () => {
    const data = tinySeed();
    data.fields.push({
      id: 'lonely-field',
      name: 'Lonely',
      description: 'A field nobody studies towards.',
      aliases: [],
    });
    data.careers[0]!.fields = [
      { field: 'lonely-field', why: 'A sentence long enough to explain this link.' },
    ];
    expect(checkIntegrity(data).violations).toContain(
      'career "hydrologist" is not reachable from any subject within 3 hops',
    );
  });

  it('flags a subject that leads to fewer than three careers', () => {
    const data = tinySeed();
    data.careers.pop();
    expect(checkIntegrity(data).violations).toContain(
      'subject "biology" leads to 2 careers; at least 3 are wanted',
    );
  });

  it('flags dangling references, duplicates across kinds and careers without soft skills', () => {
    const data = tinySeed();
    data.subjects[0]!.develops.push({
      skill: 'no-such-skill',
      weight: 0.5,
      why: 'A sentence long enough to explain.',
    });
    data.skills.push({
      id: 'biology',
      name: 'Biology skill',
      description: 'Clashes with the subject id.',
      aliases: [],
      kind: 'hard',
    });
    data.careers[1]!.requires = data.careers[1]!.requires.filter(
      (r) => !['critical-thinking', 'teamwork'].includes(r.skill),
    );
    const { violations } = checkIntegrity(data);
    expect(violations).toContain('DEVELOPS biology → no-such-skill: to "no-such-skill" is not a known Skill');
    expect(violations).toContain('id "biology" is used by a Subject and a Skill; ids must be unique');
    expect(violations).toContain('career "ecologist" requires no soft skill');
  });

  it('flags a similarity listed in both directions', () => {
    const data = tinySeed();
    const why = 'Both careers study water and soil outdoors.';
    data.careers[0]!.relatedTo = [{ career: 'ecologist', score: 0.6, why }];
    expect(checkIntegrity(data).violations.filter((v) => v.includes('↔'))).toEqual([]);
    data.careers[1]!.relatedTo = [{ career: 'hydrologist', score: 0.6, why }];
    expect(checkIntegrity(data).violations).toContain(
      'RELATED_TO ecologist ↔ hydrologist is listed in both directions; list it once',
    );
  });
});
