// Which O*NET technology examples become tool skills, the words about them, and the rule that a
// career's USES link ends at a tool.
import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../seed/integrity.ts';
import type { TechnologyCrosswalk } from '../../seed/onet/crosswalks.ts';
import type { Occupation, TechnologyUse } from '../../seed/onet/release.ts';
import {
  chooseTools,
  MIN_TOOL_OCCUPATIONS,
  toolDescription,
  toolSlugText,
  toolWhy,
} from '../../seed/onet/tools.ts';
import { slugOf } from '../../seed/onet/layer.ts';
import { tinySeed } from './seed-fixtures.ts';

const use = (example: string, extra: Partial<TechnologyUse> = {}): TechnologyUse => ({
  example,
  commodity: 'Spreadsheet software',
  hot: false,
  inDemand: false,
  ...extra,
});

const occupation = (n: number, technology: TechnologyUse[]): Occupation => ({
  code: `11-${String(1000 + n)}.00`,
  title: `Occupation ${n}`,
  description: 'An occupation for the test.',
  jobZone: null,
  interests: {},
  skills: [],
  knowledge: [],
  technology,
  alternateTitles: [],
  reportedTitles: [],
  tasks: [],
  education: new Map(),
  related: [],
});

const noCrosswalk: TechnologyCrosswalk = { tools: [], names: [] };
const limits = { min: 2, max: 120 };

describe('chooseTools', () => {
  it('keeps hot technologies and examples many occupations list, and leaves the rest out', () => {
    const occupations = Array.from({ length: MIN_TOOL_OCCUPATIONS }, (_, n) =>
      occupation(n, [
        use('Common Sheet'),
        ...(n < MIN_TOOL_OCCUPATIONS - 1 ? [use('Almost Common')] : []),
        ...(n === 0 ? [use('Rare Hot', { hot: true }), use('Rare Plain')] : []),
      ]),
    );
    const { tools, skipped } = chooseTools(occupations, noCrosswalk, limits);
    expect(tools.map((t) => t.example)).toEqual(['Common Sheet', 'Rare Hot']);
    expect(tools.find((t) => t.example === 'Common Sheet')?.occupations).toBe(MIN_TOOL_OCCUPATIONS);
    expect(tools.find((t) => t.example === 'Rare Hot')?.hot).toBe(true);
    expect(skipped).toEqual([]);
  });

  it('meets a crosswalked example to its curated tool whatever its count, and renames what cannot be a name', () => {
    const occupations = [
      occupation(1, [use('Python', { commodity: 'Object or component oriented development software' })]),
      occupation(2, [use('C', { hot: true }), use('X', { hot: true })]),
    ];
    const crosswalk: TechnologyCrosswalk = {
      tools: [{ example: 'Python', skill: 'python' }],
      names: [{ example: 'C', name: 'C (programming language)' }],
    };
    const { tools, skipped } = chooseTools(occupations, crosswalk, limits);
    expect(tools.find((t) => t.example === 'Python')).toMatchObject({ curated: 'python', occupations: 1 });
    expect(tools.find((t) => t.example === 'C')?.name).toBe('C (programming language)');
    expect(skipped).toEqual(['X']);
  });

  it('names the commodity O*NET files an example under most often', () => {
    const occupations = [
      occupation(1, [use('Outlook', { commodity: 'Word processing software', hot: true })]),
      occupation(2, [use('Outlook', { commodity: 'Electronic mail software' })]),
      occupation(3, [use('Outlook', { commodity: 'Electronic mail software' })]),
    ];
    expect(chooseTools(occupations, noCrosswalk, limits).tools[0]?.commodity).toBe(
      'Electronic mail software',
    );
  });
});

describe('the words about tools', () => {
  it('describes a tool for a student, saying when employers ask for it', () => {
    const excel = {
      example: 'Microsoft Excel',
      name: 'Microsoft Excel',
      commodity: 'Spreadsheet software',
      hot: true,
      occupations: 859,
    };
    expect(toolDescription(excel)).toBe(
      'Microsoft Excel (spreadsheet software) is used in 859 of the occupations O*NET describes. O*NET marks it a Hot Technology: employers often ask for it in job postings.',
    );
    expect(toolDescription({ ...excel, hot: false })).not.toMatch(/Hot Technology/);
  });

  it('says why a career uses it, in demand before hot, and names a generic entry once', () => {
    const excel = use('Microsoft Excel', { hot: true, inDemand: true });
    expect(toolWhy(excel, 'Microsoft Excel', 'Accountants and Auditors')).toBe(
      'O*NET lists Microsoft Excel among the spreadsheet software for Accountants and Auditors; job postings for this career often ask for it.',
    );
    expect(toolWhy({ ...excel, inDemand: false }, 'Microsoft Excel', 'Chefs')).toMatch(
      /; employers often ask for it in job postings\.$/,
    );
    expect(toolWhy(use('Spreadsheet software'), 'Spreadsheets', 'Clerks')).toBe(
      'O*NET lists spreadsheet software among the technology for Clerks.',
    );
    // Acronyms at the start of a commodity stay upper-case.
    expect(toolWhy(use('SAP', { commodity: 'ERP software' }), 'SAP', 'Clerks')).toMatch(
      /among the ERP software/,
    );
  });

  it('gives C, C# and C++ different slugs', () => {
    const slugs = ['C (programming language)', 'C#', 'C++'].map((n) => slugOf(toolSlugText(n)));
    expect(slugs).toEqual(['c-programming-language', 'c-sharp', 'c-plus-plus']);
  });
});

describe('USES in the integrity rules', () => {
  const why = 'O*NET lists this among the technology for this career.';

  it('accepts a career that uses a tool and refuses one that "uses" a hard skill', () => {
    const data = tinySeed();
    data.skills.push({
      id: 'microsoft-excel',
      name: 'Microsoft Excel',
      description: 'Spreadsheet software many occupations use.',
      aliases: [],
      kind: 'tool',
      hotTechnology: true,
    });
    data.careers[0]!.uses = [{ skill: 'microsoft-excel', why, inDemand: true }];
    expect(checkIntegrity(data).violations.filter((v) => v.includes('uses'))).toEqual([]);
    data.careers[1]!.uses = [{ skill: 'field-sampling', why }];
    expect(checkIntegrity(data).violations).toContain(
      `career "${data.careers[1]!.id}" uses "field-sampling", a hard skill; USES ends at a tool`,
    );
  });
});
