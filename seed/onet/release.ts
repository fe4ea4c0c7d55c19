// The O*NET release as typed data: every file the default graph uses, read by O*NET's own column
// headers, per occupation. Nothing here decides what the graph makes of it (that is layer.ts), so
// the importer and the default load read the release the same way.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const RELEASE_FILES = {
  occupations: 'Occupation Data.txt',
  jobZones: 'Job Zones.txt',
  interests: 'Interests.txt',
  skills: 'Skills.txt',
  knowledge: 'Knowledge.txt',
  technology: 'Technology Skills.txt',
  alternateTitles: 'Alternate Titles.txt',
  reportedTitles: 'Sample of Reported Titles.txt',
  education: 'Education, Training, and Experience.txt',
  educationCategories: 'Education, Training, and Experience Categories.txt',
  tasks: 'Task Statements.txt',
  related: 'Related Occupations.txt',
  contentModel: 'Content Model Reference.txt',
} as const;

export type ReleaseFile = (typeof RELEASE_FILES)[keyof typeof RELEASE_FILES];

export const RIASEC_LETTERS = ['R', 'I', 'A', 'S', 'E', 'C'] as const;
export type RiasecLetter = (typeof RIASEC_LETTERS)[number];

const RIASEC_BY_NAME: Readonly<Record<string, RiasecLetter>> = {
  Realistic: 'R',
  Investigative: 'I',
  Artistic: 'A',
  Social: 'S',
  Enterprising: 'E',
  Conventional: 'C',
};

/** One importance (1–5) and level (0–7) rating of a skill or knowledge area for one occupation. */
export interface ElementRating {
  elementId: string;
  name: string;
  importance: number;
  level: number | null;
  /** O*NET's "Recommend Suppress" on either scale: too imprecise to publish. */
  suppressed: boolean;
}

export interface TechnologyUse {
  example: string;
  commodity: string;
  hot: boolean;
  inDemand: boolean;
}

export interface RelatedOccupation {
  code: string;
  tier: string;
  index: number;
}

export interface Occupation {
  code: string;
  title: string;
  description: string;
  jobZone: number | null;
  /** Occupational interest scores, 1 to 7, by RIASEC letter. */
  interests: Partial<Record<RiasecLetter, number>>;
  skills: ElementRating[];
  knowledge: ElementRating[];
  technology: TechnologyUse[];
  alternateTitles: string[];
  /** The titles workers reported, those My Next Move shows first. */
  reportedTitles: string[];
  /** Core tasks first, in O*NET's order. */
  tasks: string[];
  /** Share (percent) of workers by required level of education category (1–12). */
  education: Map<number, number>;
  related: RelatedOccupation[];
}

export interface OnetRelease {
  version: string;
  occupations: Map<string, Occupation>;
  /** Required level of education categories: number → O*NET's description. */
  educationCategories: Map<number, string>;
  /** What each element (a skill, a knowledge area) is, in O*NET's words, by element id. */
  elementDescriptions: Map<string, string>;
}

export class ReleaseError extends Error {
  override name = 'ReleaseError';
}

type Row = (column: string) => string;

/** Reads `name` (or `name.gz`) from the release folder, as rows addressed by column header. */
function readTable(dir: string, name: ReleaseFile, required: readonly string[]): Row[] {
  const plain = join(dir, name);
  const path = existsSync(plain) ? plain : `${plain}.gz`;
  if (!existsSync(path)) throw new ReleaseError(`The O*NET release in ${dir} has no "${name}".`);
  const bytes = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  // O*NET's text files quote nothing and escape nothing: a line is a row and a tab separates cells, so
  // splitting is exact, and reads the 35 MB release in a fraction of csv-parse's time.
  const [header = [], ...records] = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t'));
  const index = new Map(header.map((h, i) => [h.trim(), i]));
  for (const column of required) {
    if (!index.has(column)) throw new ReleaseError(`"${name}" has no "${column}" column.`);
  }
  return records.map((cells) => (column: string) => (cells[index.get(column) ?? -1] ?? '').trim());
}

const CODE = 'O*NET-SOC Code';
const yes = (value: string) => value === 'Y';

function ratings(rows: Row[], occupations: Map<string, Occupation>, key: 'skills' | 'knowledge'): void {
  const byPair = new Map<string, ElementRating>();
  for (const row of rows) {
    const scale = row('Scale ID');
    if (scale !== 'IM' && scale !== 'LV') continue;
    const occupation = occupations.get(row(CODE));
    if (!occupation) continue;
    const elementId = row('Element ID');
    const pair = `${occupation.code}\u0000${elementId}`;
    let rating = byPair.get(pair);
    if (!rating) {
      rating = { elementId, name: row('Element Name'), importance: 0, level: null, suppressed: false };
      byPair.set(pair, rating);
      occupation[key].push(rating);
    }
    const value = Number(row('Data Value'));
    if (scale === 'IM') rating.importance = value;
    else rating.level = value;
    if (yes(row('Recommend Suppress'))) rating.suppressed = true;
  }
}

export function readRelease(dir: string, version = '29.3'): OnetRelease {
  const occupations = new Map<string, Occupation>();
  for (const row of readTable(dir, RELEASE_FILES.occupations, [CODE, 'Title', 'Description'])) {
    const code = row(CODE);
    occupations.set(code, {
      code,
      title: row('Title'),
      description: row('Description'),
      jobZone: null,
      interests: {},
      skills: [],
      knowledge: [],
      technology: [],
      alternateTitles: [],
      reportedTitles: [],
      tasks: [],
      education: new Map(),
      related: [],
    });
  }
  const of = (row: Row) => occupations.get(row(CODE));

  for (const row of readTable(dir, RELEASE_FILES.jobZones, [CODE, 'Job Zone'])) {
    const occupation = of(row);
    if (occupation) occupation.jobZone = Number(row('Job Zone'));
  }
  for (const row of readTable(dir, RELEASE_FILES.interests, [
    CODE,
    'Element Name',
    'Scale ID',
    'Data Value',
  ])) {
    const letter = RIASEC_BY_NAME[row('Element Name')];
    const occupation = of(row);
    if (occupation && letter && row('Scale ID') === 'OI')
      occupation.interests[letter] = Number(row('Data Value'));
  }
  const ratingColumns = [CODE, 'Element ID', 'Element Name', 'Scale ID', 'Data Value', 'Recommend Suppress'];
  ratings(readTable(dir, RELEASE_FILES.skills, ratingColumns), occupations, 'skills');
  ratings(readTable(dir, RELEASE_FILES.knowledge, ratingColumns), occupations, 'knowledge');

  const technologyColumns = [CODE, 'Example', 'Commodity Title', 'Hot Technology', 'In Demand'];
  for (const row of readTable(dir, RELEASE_FILES.technology, technologyColumns)) {
    of(row)?.technology.push({
      example: row('Example'),
      commodity: row('Commodity Title'),
      hot: yes(row('Hot Technology')),
      inDemand: yes(row('In Demand')),
    });
  }
  for (const row of readTable(dir, RELEASE_FILES.alternateTitles, [CODE, 'Alternate Title'])) {
    of(row)?.alternateTitles.push(row('Alternate Title'));
  }
  const reportedColumns = [CODE, 'Reported Job Title', 'Shown in My Next Move'];
  const reported = readTable(dir, RELEASE_FILES.reportedTitles, reportedColumns);
  // My Next Move's own picks first: they are the words its readers know.
  for (const shownFirst of [true, false]) {
    for (const row of reported) {
      if (yes(row('Shown in My Next Move')) === shownFirst)
        of(row)?.reportedTitles.push(row('Reported Job Title'));
    }
  }
  const tasks = readTable(dir, RELEASE_FILES.tasks, [CODE, 'Task', 'Task Type']);
  for (const core of [true, false]) {
    for (const row of tasks) if ((row('Task Type') === 'Core') === core) of(row)?.tasks.push(row('Task'));
  }
  const educationColumns = [CODE, 'Scale ID', 'Category', 'Data Value'];
  for (const row of readTable(dir, RELEASE_FILES.education, educationColumns)) {
    // Kept even where O*NET recommends suppressing the estimate as imprecise: dropping one category
    // (55.9% of registered nurses report a bachelor's degree, suppressed) would misstate the others.
    if (row('Scale ID') !== 'RL') continue;
    of(row)?.education.set(Number(row('Category')), Number(row('Data Value')));
  }
  const educationCategories = new Map<number, string>();
  const categoryColumns = ['Scale ID', 'Category', 'Category Description'];
  for (const row of readTable(dir, RELEASE_FILES.educationCategories, categoryColumns)) {
    if (row('Scale ID') === 'RL')
      educationCategories.set(Number(row('Category')), row('Category Description'));
  }
  const relatedColumns = [CODE, 'Related O*NET-SOC Code', 'Relatedness Tier', 'Index'];
  for (const row of readTable(dir, RELEASE_FILES.related, relatedColumns)) {
    of(row)?.related.push({
      code: row('Related O*NET-SOC Code'),
      tier: row('Relatedness Tier'),
      index: Number(row('Index')),
    });
  }
  const elementDescriptions = new Map<string, string>();
  for (const row of readTable(dir, RELEASE_FILES.contentModel, ['Element ID', 'Description'])) {
    elementDescriptions.set(row('Element ID'), row('Description'));
  }
  return { version, occupations, educationCategories, elementDescriptions };
}
