// The O*NET database's tab-delimited text files, read by their real column headers. Careers are keyed
// by O*NET-SOC code and skills by element id, so importing a newer O*NET release updates what an
// earlier one (or the curated seed) created instead of adding duplicates; which node a code means
// is decided when the import meets the graph. Ids, wording and arithmetic are the default graph's
// (seed/onet/layer.ts), so a release imported on top of it finds the nodes it made.
import { parse } from 'csv-parse/sync';
import type { Properties } from '../../model/values.ts';
import {
  EDUCATION_BY_JOB_ZONE,
  MIN_IMPORTANCE,
  TIERS,
  levelOf,
  slugOf,
  strength,
} from '../../seed/onet/layer.ts';
import { problem } from './validate.ts';
import type { ImportFile, ImportNode, ImportOrigin, ImportProblem, ImportRelationship } from './types.ts';

export { EDUCATION_BY_JOB_ZONE, levelOf, slugOf };

export const ONET_FILES = {
  occupations: 'Occupation Data.txt',
  jobZones: 'Job Zones.txt',
  interests: 'Interests.txt',
  skills: 'Skills.txt',
  related: 'Related Occupations.txt',
} as const;

const CODE = 'O*NET-SOC Code';
const REQUIRED_COLUMNS: Record<string, readonly string[]> = {
  [ONET_FILES.occupations]: [CODE, 'Title', 'Description'],
  [ONET_FILES.jobZones]: [CODE, 'Job Zone'],
  [ONET_FILES.interests]: [CODE, 'Element ID', 'Element Name', 'Scale ID', 'Data Value'],
  [ONET_FILES.skills]: [CODE, 'Element ID', 'Element Name', 'Scale ID', 'Data Value'],
  [ONET_FILES.related]: [CODE, 'Related O*NET-SOC Code', 'Relatedness Tier', 'Index'],
};

const RIASEC: Readonly<Record<string, string>> = {
  Realistic: 'R',
  Investigative: 'I',
  Artistic: 'A',
  Social: 'S',
  Enterprising: 'E',
  Conventional: 'C',
};

const CODE_PATTERN = /^\d{2}-\d{4}\.\d{2}$/;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** The id of a career known only by its code (it must then already be in the graph). */
export const codeId = (code: string) => `onet-${code.replace(/[^0-9]+/g, '-')}`;

interface Row {
  at: { file: string; row: number };
  get(column: string): string;
}

function readTable(file: ImportFile, problems: ImportProblem[]): Row[] {
  const required = REQUIRED_COLUMNS[file.name] ?? [];
  let records: string[][];
  try {
    records = parse(file.content, {
      delimiter: '\t',
      quote: false,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (error) {
    problems.push(
      problem(
        { file: file.name, row: null },
        null,
        `Not readable as tab-separated text: ${(error as Error).message}`,
      ),
    );
    return [];
  }
  const [header = [], ...rows] = records;
  const names = header.map((h) => h.trim());
  const missing = required.filter((c) => !names.includes(c));
  for (const column of missing) {
    problems.push(
      problem(
        { file: file.name, row: null },
        column,
        `Missing the "${column}" column (is this the O*NET text file, tab-separated?).`,
      ),
    );
  }
  if (missing.length > 0) return [];
  const out: Row[] = [];
  rows.forEach((cells, index) => {
    const at = { file: file.name, row: index + 1 };
    if (cells.length !== names.length) {
      problems.push(
        problem(
          at,
          null,
          `Has ${cells.length} cells; the header has ${names.length}. Check for a stray tab.`,
        ),
      );
      return;
    }
    out.push({ at, get: (column) => (cells[names.indexOf(column)] ?? '').trim() });
  });
  return out;
}

interface Career {
  code: string;
  origin: ImportOrigin;
  title?: string;
  props: Properties;
}

interface SkillRating {
  at: { file: string; row: number };
  im?: number;
  lv?: number;
  suppressed: boolean;
}

class OnetReader {
  readonly problems: ImportProblem[] = [];
  private readonly careers = new Map<string, Career>();
  private readonly skills = new Map<string, { name: string; origin: ImportOrigin }>();
  private readonly ratings = new Map<string, Map<string, SkillRating>>();
  private readonly relatedRows: {
    from: string;
    to: string;
    tier: string;
    index: number;
    at: ImportOrigin;
  }[] = [];

  private code(row: Row, column: string): string | null {
    const code = row.get(column);
    if (CODE_PATTERN.test(code)) return code;
    this.problems.push(problem(row.at, column, `"${code}" is not an O*NET-SOC code such as 19-2041.00.`));
    return null;
  }

  private number(row: Row, column: string): number | null {
    const value = Number(row.get(column));
    if (row.get(column) !== '' && Number.isFinite(value)) return value;
    this.problems.push(problem(row.at, column, `"${row.get(column)}" is not a number.`));
    return null;
  }

  private career(code: string, at: ImportOrigin): Career {
    let career = this.careers.get(code);
    if (!career) {
      career = { code, origin: at, props: { onetSoc: code } };
      this.careers.set(code, career);
    }
    return career;
  }

  occupations(rows: Row[]): void {
    for (const row of rows) {
      const code = this.code(row, CODE);
      if (!code) continue;
      if (this.careers.has(code)) {
        this.problems.push(problem(row.at, CODE, `${code} appears twice; keep one row.`));
        continue;
      }
      const career = this.career(code, { ...row.at, column: CODE });
      career.title = row.get('Title');
      Object.assign(career.props, {
        name: row.get('Title'),
        description: row.get('Description'),
        aliases: [],
        source: 'onet',
      });
    }
  }

  jobZones(rows: Row[]): void {
    for (const row of rows) {
      const code = this.code(row, CODE);
      const zone = this.number(row, 'Job Zone');
      if (!code || zone === null) continue;
      const education = EDUCATION_BY_JOB_ZONE[zone];
      if (!Number.isInteger(zone) || !education) {
        this.problems.push(problem(row.at, 'Job Zone', `Job zones run from 1 to 5, not ${zone}.`));
        continue;
      }
      Object.assign(this.career(code, { ...row.at, column: CODE }).props, { jobZone: zone, education });
    }
  }

  interests(rows: Row[]): void {
    const scores = new Map<string, { letter: string; value: number }[]>();
    const origins = new Map<string, ImportOrigin>();
    for (const row of rows) {
      if (row.get('Scale ID') !== 'OI') continue;
      const code = this.code(row, CODE);
      const value = this.number(row, 'Data Value');
      const letter = RIASEC[row.get('Element Name')];
      if (!letter) {
        this.problems.push(
          problem(
            row.at,
            'Element Name',
            `"${row.get('Element Name')}" is not one of the six RIASEC interests.`,
          ),
        );
      }
      if (!code || value === null || !letter) continue;
      scores.set(code, [...(scores.get(code) ?? []), { letter, value }]);
      if (!origins.has(code)) origins.set(code, { ...row.at, column: CODE });
    }
    const order = 'RIASEC';
    for (const [code, list] of scores) {
      const riasec = [...list]
        .sort((a, b) => b.value - a.value || order.indexOf(a.letter) - order.indexOf(b.letter))
        .slice(0, 3)
        .map((s) => s.letter)
        .join('');
      const origin = origins.get(code);
      if (origin) this.career(code, origin).props.riasec = riasec;
    }
  }

  skillRows(rows: Row[]): void {
    for (const row of rows) {
      const scale = row.get('Scale ID');
      if (scale !== 'IM' && scale !== 'LV') continue;
      const code = this.code(row, CODE);
      const value = this.number(row, 'Data Value');
      const element = row.get('Element ID');
      const name = row.get('Element Name');
      if (!element || !name) {
        this.problems.push(problem(row.at, element ? 'Element Name' : 'Element ID', 'is empty.'));
        continue;
      }
      if (!code || value === null) continue;
      if (!this.skills.has(element))
        this.skills.set(element, { name, origin: { ...row.at, column: 'Element Name' } });
      this.career(code, { ...row.at, column: CODE });
      const perCareer = this.ratings.get(code) ?? new Map<string, SkillRating>();
      this.ratings.set(code, perCareer);
      const rating = perCareer.get(element) ?? { at: row.at, suppressed: false };
      perCareer.set(element, rating);
      // O*NET marks estimates too imprecise to publish, and levels that do not apply to the job.
      if (row.get('Recommend Suppress') === 'Y' || (scale === 'LV' && row.get('Not Relevant') === 'Y')) {
        rating.suppressed = true;
      }
      if (scale === 'IM') {
        rating.im = value;
        rating.at = row.at;
      } else rating.lv = value;
    }
  }

  relatedRowsOf(rows: Row[]): void {
    for (const row of rows) {
      const from = this.code(row, CODE);
      const to = this.code(row, 'Related O*NET-SOC Code');
      const index = this.number(row, 'Index');
      if (!from || !to || index === null) continue;
      if (from === to) {
        this.problems.push(problem(row.at, 'Related O*NET-SOC Code', `${from} cannot be related to itself.`));
        continue;
      }
      if (!Number.isInteger(index) || index < 1) {
        this.problems.push(problem(row.at, 'Index', `The rank must be a whole number from 1, not ${index}.`));
        continue;
      }
      this.career(from, { ...row.at, column: CODE });
      this.career(to, { ...row.at, column: 'Related O*NET-SOC Code' });
      this.relatedRows.push({
        from,
        to,
        tier: row.get('Relatedness Tier'),
        index,
        at: { ...row.at, column: 'Related O*NET-SOC Code' },
      });
    }
  }

  private idOf(code: string): string {
    const title = this.careers.get(code)?.title;
    return title ? slugOf(title) : codeId(code);
  }

  private titleOf(code: string): string {
    return this.careers.get(code)?.title ?? `the occupation ${code}`;
  }

  result(): { nodes: ImportNode[]; relationships: ImportRelationship[] } {
    const nodes: ImportNode[] = [];
    for (const career of this.careers.values()) {
      nodes.push({
        label: 'Career',
        id: this.idOf(career.code),
        props: career.props,
        origin: career.origin,
        match: { property: 'onetSoc', value: career.code },
        keepExisting: ['name', 'description', 'aliases', 'education', 'outlook', 'outlookNote', 'source'],
        updateOnly: career.title === undefined,
        hints: {
          name: `add ${career.code} to ${ONET_FILES.occupations}`,
          description: `add ${career.code} to ${ONET_FILES.occupations}`,
          jobZone: `add a row for ${career.code} to ${ONET_FILES.jobZones}`,
          education: `add a row for ${career.code} to ${ONET_FILES.jobZones}`,
          riasec: `add the OI rows for ${career.code} to ${ONET_FILES.interests}`,
        },
      });
    }
    const relationships: ImportRelationship[] = [];
    const usedSkills = new Set<string>();
    for (const [code, perCareer] of this.ratings) {
      for (const [element, rating] of perCareer) {
        if (rating.suppressed || rating.im === undefined || rating.im < MIN_IMPORTANCE) continue;
        const skill = this.skills.get(element);
        if (!skill) continue;
        if (rating.lv === undefined) {
          this.problems.push(
            problem(
              rating.at,
              'Scale ID',
              `${code} rates ${skill.name} for importance (IM) but has no level (LV) row.`,
            ),
          );
          continue;
        }
        usedSkills.add(element);
        const level = levelOf(rating.lv);
        relationships.push({
          type: 'REQUIRES',
          from: this.idOf(code),
          to: slugOf(skill.name),
          props: {
            why: `O*NET rates ${skill.name} ${rating.im.toFixed(1)} of 5 for importance to ${this.titleOf(code)}, at ${level === 'basic' ? 'a' : 'an'} ${level} level (${rating.lv.toFixed(1)} of 7).`,
            importance: strength(rating.im),
            level,
            source: 'onet',
          },
          origin: { ...rating.at, column: 'Data Value' },
          keepExisting: ['why', 'source'],
        });
      }
    }
    for (const element of [...usedSkills].sort()) {
      const skill = this.skills.get(element);
      if (!skill) continue;
      nodes.push({
        label: 'Skill',
        id: slugOf(skill.name),
        props: {
          name: skill.name,
          description: `${skill.name}, one of the skills O*NET rates for every occupation (element ${element}).`,
          aliases: [],
          // O*NET's technical skills (2.B.3) are learned for a trade or a field; the rest transfer.
          kind: element.startsWith('2.B.3.') ? 'hard' : 'soft',
          onetElementId: element,
          source: 'onet',
        },
        origin: skill.origin,
        match: { property: 'onetElementId', value: element },
        keepExisting: ['name', 'description', 'aliases', 'kind', 'source'],
      });
    }
    for (const r of this.relatedRows) {
      const tier = TIERS[r.tier] ?? 'a related occupation';
      relationships.push({
        type: 'RELATED_TO',
        from: this.idOf(r.from),
        to: this.idOf(r.to),
        props: {
          why: `O*NET lists ${this.titleOf(r.to)} as ${tier} for ${this.titleOf(r.from)} (rank ${r.index}).`,
          score: round2(Math.max(0.05, 1 - r.index / 21)),
          source: 'onet',
        },
        origin: r.at,
        keepExisting: ['why', 'source'],
      });
    }
    return { nodes, relationships };
  }
}

export function readOnetFiles(files: readonly ImportFile[]): {
  nodes: ImportNode[];
  relationships: ImportRelationship[];
  problems: ImportProblem[];
} {
  const reader = new OnetReader();
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const file of files) {
    if (!(file.name in REQUIRED_COLUMNS)) {
      reader.problems.push(
        problem(
          { file: file.name, row: null },
          null,
          `Not one of the O*NET files this import reads: ${Object.values(ONET_FILES).join(', ')}.`,
        ),
      );
    }
  }
  // Occupation Data first: a career's record should point at its own row there when it has one.
  const rows = (name: string) => {
    const file = byName.get(name);
    return file ? readTable(file, reader.problems) : [];
  };
  reader.occupations(rows(ONET_FILES.occupations));
  reader.jobZones(rows(ONET_FILES.jobZones));
  reader.interests(rows(ONET_FILES.interests));
  reader.skillRows(rows(ONET_FILES.skills));
  reader.relatedRowsOf(rows(ONET_FILES.related));
  const { nodes, relationships } = reader.result();
  return { nodes, relationships, problems: reader.problems };
}
