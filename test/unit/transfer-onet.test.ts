// The O*NET reader on the fixture in test/fixtures/onet (real headers, tab-separated) and on small
// broken files, each problem checked for its file, row and column.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../model/paths.ts';
import { IMPORT_MAX_BYTES, parseImport, type ImportFile } from '../../server/transfer/index.ts';
import { EDUCATION_BY_JOB_ZONE, levelOf, slugOf } from '../../server/transfer/onet.ts';

const dir = join(PROJECT_ROOT, 'test', 'fixtures', 'onet');
const fixture = (): ImportFile[] =>
  readdirSync(dir).map((name) => ({ name, content: readFileSync(join(dir, name), 'utf8') }));

const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n');
const OCCUPATION_HEADER = ['O*NET-SOC Code', 'Title', 'Description'];
const SKILLS_HEADER = [
  'O*NET-SOC Code',
  'Element ID',
  'Element Name',
  'Scale ID',
  'Data Value',
  'Recommend Suppress',
];
const occupation = (code: string, title: string) => [
  code,
  title,
  'Study water above and below ground, and where it goes next.',
];

describe('O*NET files', () => {
  it('read the fixture into careers keyed by code, skills keyed by element, and links with reasons', () => {
    const parsed = parseImport('ONET', fixture());
    expect(parsed.problems).toEqual([]);
    expect(parsed.merge).toBe(true);
    const hydrologists = parsed.nodes.find((n) => n.id === 'hydrologists');
    expect(hydrologists).toMatchObject({
      label: 'Career',
      match: { property: 'onetSoc', value: '19-2043.00' },
      props: {
        onetSoc: '19-2043.00',
        jobZone: 5,
        education: EDUCATION_BY_JOB_ZONE[5],
        riasec: 'IRC',
        name: 'Hydrologists',
      },
      origin: { file: 'Occupation Data.txt', row: 4, column: 'O*NET-SOC Code' },
    });
    // A code only named as a related occupation is kept as a reference to a career that must exist.
    expect(parsed.nodes.find((n) => n.match?.value === '19-1032.00')).toMatchObject({
      updateOnly: true,
      props: { onetSoc: '19-1032.00' },
      origin: { file: 'Related Occupations.txt', row: 5, column: 'Related O*NET-SOC Code' },
    });
    const skills = parsed.nodes.filter((n) => n.label === 'Skill');
    expect(skills.map((s) => [s.id, s.props.kind])).toEqual([
      ['active-listening', 'soft'],
      ['mathematics', 'soft'],
      ['science', 'soft'],
      ['critical-thinking', 'soft'],
      ['monitoring', 'soft'],
      ['programming', 'hard'],
    ]);
    const requires = parsed.relationships.filter((r) => r.type === 'REQUIRES');
    // Importance below 3 of 5 (Programming for environmental scientists, Science for technicians) and
    // suppressed estimates (Programming for industrial ecologists) are left out.
    expect(requires).toHaveLength(16);
    expect(requires.some((r) => r.from === 'industrial-ecologists' && r.to === 'programming')).toBe(false);
    const science = requires.find((r) => r.from === 'hydrologists' && r.to === 'science');
    // (4.38 − 1) / 4, to two places.
    expect(science?.props.importance).toBe(0.85);
    expect(science?.props).toMatchObject({ level: 'advanced' });
    expect(science?.props.why).toBe(
      'O*NET rates Science 4.4 of 5 for importance to Hydrologists, at an advanced level (5.3 of 7).',
    );
    const related = parsed.relationships.filter((r) => r.type === 'RELATED_TO');
    expect(related.map((r) => [r.from, r.to, r.props.score])).toContainEqual([
      'forest-and-conservation-technicians',
      'onet-19-1032-00',
      0.95,
    ]);
  });

  it('map O*NET levels and titles onto ours', () => {
    expect([levelOf(1.5), levelOf(3), levelOf(4.99), levelOf(5)]).toEqual([
      'basic',
      'intermediate',
      'intermediate',
      'advanced',
    ]);
    expect(slugOf('Environmental Scientists and Specialists, Including Health')).toBe(
      'environmental-scientists-and-specialists-including-health',
    );
    expect(slugOf(`${'Very Long Title '.repeat(10)}`).length).toBeLessThanOrEqual(100);
  });

  it('name the file, row and column of every problem', () => {
    const parsed = parseImport('ONET', [
      {
        name: 'Occupation Data.txt',
        content: tsv([
          OCCUPATION_HEADER,
          occupation('19-2043.00', 'Hydrologists'),
          occupation('19-20X3.00', 'Bad'),
        ]),
      },
      {
        name: 'Job Zones.txt',
        content: tsv([
          ['O*NET-SOC Code', 'Job Zone'],
          ['19-2043.00', '7'],
        ]),
      },
      {
        name: 'Interests.txt',
        content: tsv([
          ['O*NET-SOC Code', 'Element ID', 'Element Name', 'Scale ID', 'Data Value'],
          ['19-2043.00', '1.B.1.b', 'Investigative', 'OI', '6.5'],
          ['19-2043.00', '1.B.1.z', 'Curious', 'OI', '6.1'],
        ]),
      },
      {
        name: 'Skills.txt',
        content: tsv([
          SKILLS_HEADER,
          ['19-2043.00', '2.A.1.f', 'Science', 'IM', '4.4', 'N'],
          ['19-2043.00', '2.A.1.f', 'Science', 'LV', 'high', 'N'],
          ['19-2043.00', '2.A.1.e', 'Mathematics', 'IM', '4.0', 'N', 'extra'],
          ['19-2043.00', '2.A.2.a', 'Critical Thinking', 'IM', '4.0', 'N'],
        ]),
      },
      {
        name: 'Related Occupations.txt',
        content: tsv([
          ['O*NET-SOC Code', 'Related O*NET-SOC Code', 'Relatedness Tier', 'Index'],
          ['19-2043.00', '19-2043.00', 'Primary-Short', '1'],
          ['19-2043.00', '19-2041.00', 'Primary-Short', '0'],
        ]),
      },
      { name: 'Abilities.txt', content: tsv([['O*NET-SOC Code']]) },
    ]);
    const where = parsed.problems.map((p) => [p.file, p.row, p.column]);
    expect(where).toEqual(
      expect.arrayContaining([
        ['Abilities.txt', null, null],
        ['Occupation Data.txt', 2, 'O*NET-SOC Code'],
        ['Job Zones.txt', 1, 'Job Zone'],
        ['Interests.txt', 2, 'Element Name'],
        ['Skills.txt', 2, 'Data Value'],
        ['Skills.txt', 3, null],
        ['Skills.txt', 1, 'Scale ID'],
        ['Skills.txt', 4, 'Scale ID'],
        ['Related Occupations.txt', 1, 'Related O*NET-SOC Code'],
        ['Related Occupations.txt', 2, 'Index'],
      ]),
    );
    expect(parsed.problems).toHaveLength(10);
    expect(parsed.problems.find((p) => p.column === 'Job Zone')?.message).toBe(
      'Job zones run from 1 to 5, not 7.',
    );
    expect(parsed.problems.find((p) => p.row === 3 && p.file === 'Skills.txt')?.message).toMatch(
      /Has 7 cells; the header has 6/,
    );
  });

  it('name a missing column', () => {
    const parsed = parseImport('ONET', [
      { name: 'Skills.txt', content: tsv([['O*NET-SOC Code', 'Element ID', 'Element Name', 'Data Value']]) },
    ]);
    expect(parsed.problems).toEqual([
      {
        file: 'Skills.txt',
        row: null,
        column: 'Scale ID',
        message: 'Missing the "Scale ID" column (is this the O*NET text file, tab-separated?).',
      },
    ]);
  });

  it('refuse files over the size limit before reading them', () => {
    const content = tsv([OCCUPATION_HEADER]) + '\n' + 'x'.repeat(IMPORT_MAX_BYTES);
    const parsed = parseImport('ONET', [{ name: 'Occupation Data.txt', content }]);
    expect(parsed.nodes).toEqual([]);
    expect(parsed.problems).toEqual([
      {
        file: 'Occupation Data.txt',
        row: null,
        column: null,
        message: `The import is ${Buffer.byteLength(content).toLocaleString('en')} bytes; the limit is 2,097,152 bytes (2.0 MiB). Split it into smaller imports (for example by kind of node, or fewer occupations at a time).`,
      },
    ]);
  });
});
