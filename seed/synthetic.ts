// A deterministic synthetic graph in the curated seed's own format, for load and query benchmarks at
// sizes the curated data will never reach. Same seed → the same graph, byte for byte.
//
// Kinds come in the curated seed's proportions and in dependency order (skills, fields, subjects,
// careers, courses, applications), and every relationship points only at kinds already generated, so
// each chunk can be loaded on its own by the ordinary loader without ever naming a node not yet written.
// In-degrees are heavy-tailed: targets are drawn as floor(n · u^HUB_SKEW), so a few low-numbered nodes
// become hubs (like "communication" in the curated data) while most get a handful of links.
import { randomLcg } from 'd3-random';
import { SEED_SCHEMAS, SeedFileError, type SeedData, type SeedKind } from './read.ts';
import type { SeedRecord } from '../model/types.ts';

/** Records per kind in the curated seed (seed/data), whose proportions the synthetic graph keeps. */
const CURATED_COUNTS: Readonly<Record<SeedKind, number>> = {
  skills: 119,
  fields: 55,
  subjects: 24,
  careers: 196,
  courses: 146,
  applications: 179,
};
/** Generation order: every kind's links point only at kinds before it (or earlier records of itself). */
export const GENERATION_ORDER: readonly SeedKind[] = [
  'skills',
  'fields',
  'subjects',
  'careers',
  'courses',
  'applications',
];
export const MIN_SYNTHETIC_NODES = 100;
/** 2.2 gives the top 0.1 % of skills about 4 % of all REQUIRES links, the median skill a few. */
const HUB_SKEW = 2.2;

export interface SyntheticOptions {
  nodes: number;
  seed?: number;
  /** Records per chunk; the output does not depend on it, only memory does. */
  chunkSize?: number;
}

export function syntheticCounts(nodes: number): Record<SeedKind, number> {
  if (!Number.isInteger(nodes) || nodes < MIN_SYNTHETIC_NODES)
    throw new RangeError(`nodes must be a whole number of at least ${MIN_SYNTHETIC_NODES}, not ${nodes}`);
  const total = Object.values(CURATED_COUNTS).reduce((a, b) => a + b, 0);
  const counts = {} as Record<SeedKind, number>;
  let assigned = 0;
  for (const kind of GENERATION_ORDER) {
    counts[kind] = Math.max(1, Math.floor((nodes * CURATED_COUNTS[kind]) / total));
    assigned += counts[kind];
  }
  // Rounding leftovers go to the last kind so the requested total is exact.
  counts.applications += nodes - assigned;
  return counts;
}

const PREFIX: Readonly<Record<SeedKind, string>> = {
  skills: 'syn-skill',
  fields: 'syn-field',
  subjects: 'syn-subject',
  careers: 'syn-career',
  courses: 'syn-course',
  applications: 'syn-application',
};
export const syntheticId = (kind: SeedKind, index: number): string => `${PREFIX[kind]}-${index}`;

// Names are a pure function of kind and index, so a link's `why` can name its target without storing it.
// Real words so full-text search finds something ("environmental science" matches many nodes).
const QUALIFIERS = [
  'Environmental',
  'Applied',
  'Marine',
  'Digital',
  'Clinical',
  'Urban',
  'Molecular',
  'Public',
  'Creative',
  'Financial',
  'Agricultural',
  'Structural',
  'Behavioural',
  'Coastal',
  'Renewable',
  'Computational',
  'Social',
  'Industrial',
  'Medical',
  'Data',
] as const;
const TOPICS: Readonly<Record<SeedKind, readonly string[]>> = {
  skills: [
    'Modelling',
    'Testing',
    'Writing',
    'Sampling',
    'Programming',
    'Negotiation',
    'Surveying',
    'Mapping',
    'Auditing',
    'Analysis',
    'Listening',
    'Drafting',
  ],
  fields: [
    'Science',
    'Engineering',
    'Health',
    'Design',
    'Economics',
    'Systems',
    'Ecology',
    'Media',
    'Analytics',
  ],
  subjects: ['Biology', 'Chemistry', 'Physics', 'Mathematics', 'Geography', 'Studies', 'Science', 'Art'],
  careers: [
    'Analyst',
    'Engineer',
    'Technician',
    'Scientist',
    'Designer',
    'Consultant',
    'Specialist',
    'Researcher',
    'Officer',
    'Planner',
  ],
  courses: ['Foundations', 'Methods', 'Workshop', 'Certificate', 'Fundamentals', 'Practicum'],
  applications: ['Project', 'Survey', 'Prototype', 'Campaign', 'Audit', 'Field Trial'],
};
export function syntheticName(kind: SeedKind, index: number): string {
  const topics = TOPICS[kind];
  const qualifier = QUALIFIERS[(index * 7 + kind.length) % QUALIFIERS.length] ?? 'Applied';
  const topic = topics[(index * 3 + Math.floor(index / topics.length)) % topics.length] ?? 'Science';
  return `${qualifier} ${topic} ${index}`;
}

const LEVELS = ['basic', 'intermediate', 'advanced'] as const;
const RIASEC = [
  'R',
  'I',
  'A',
  'S',
  'E',
  'C',
  'IR',
  'IA',
  'SE',
  'EC',
  'CR',
  'AS',
  'RIC',
  'IAS',
  'SEC',
  'ECI',
] as const;
const OUTLOOKS = ['bright', 'steady', 'limited'] as const;
const SKILL_KINDS = ['hard', 'hard', 'soft', 'tool'] as const;
const FORMATS = ['school', 'university', 'online', 'workshop'] as const;
const COURSE_LEVELS = ['secondary', 'introductory', 'intermediate', 'advanced'] as const;

type Random = () => number;

function makeTools(random: Random) {
  const choose = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const unit = () => Math.round((0.3 + 0.7 * random()) * 100) / 100;
  /** Exponentially distributed out-degree: at least `min`, `mean` on average, never above `max`. */
  const degree = (min: number, mean: number, max: number) =>
    Math.min(max, min + Math.floor(-Math.log(1 - random()) * (mean - min)));
  /** `n` distinct heavy-tailed picks among the first `count` records of a kind (fewer if it has fewer). */
  const targets = (count: number, n: number, exclude = -1): number[] => {
    const picked = new Set<number>();
    const wanted = Math.min(n, exclude >= 0 && exclude < count ? count - 1 : count);
    for (let attempt = 0; picked.size < wanted && attempt < n * 16; attempt++) {
      const index = Math.floor(count * random() ** HUB_SKEW);
      if (index !== exclude) picked.add(index);
    }
    // On a tiny graph the hubs keep coming up again; fill in the rest from the top so minimums hold.
    for (let index = 0; picked.size < wanted; index++) if (index !== exclude) picked.add(index);
    return [...picked];
  };
  return { choose, unit, degree, targets };
}

type Tools = ReturnType<typeof makeTools>;
type Counts = Record<SeedKind, number>;

function base(kind: SeedKind, i: number, what: string) {
  const name = syntheticName(kind, i);
  return {
    id: syntheticId(kind, i),
    name,
    description: `${name} is a synthetic ${what} generated for load and query benchmarks.`,
    aliases: i % 4 === 0 ? [`${name.split(' ')[0] ?? 'Applied'} ${what} ${i}`] : [],
  };
}

function skill(t: Tools, i: number): SeedRecord<'Skill'> {
  return { ...base('skills', i, 'skill'), kind: t.choose(SKILL_KINDS) };
}

function field(t: Tools, i: number): SeedRecord<'Field'> {
  const record: SeedRecord<'Field'> = base('fields', i, 'field');
  // One field in seven heads a cluster; the rest sit inside an earlier field, as most curated fields do.
  const [parent] = i % 7 === 0 ? [] : t.targets(i, 1);
  if (parent !== undefined) {
    const why = `${record.name} is a pathway inside ${syntheticName('fields', parent)}, sharing its methods.`;
    record.partOf = { field: syntheticId('fields', parent), why };
  }
  return record;
}

function subject(t: Tools, i: number, n: Counts): SeedRecord<'Subject'> {
  const own = base('subjects', i, 'school subject');
  return {
    ...own,
    leadsTo: t.targets(n.fields, t.degree(1, 5, 40)).map((f) => ({
      field: syntheticId('fields', f),
      weight: t.unit(),
      why: `Studying ${own.name} opens the way into ${syntheticName('fields', f)}.`,
    })),
    develops: t.targets(n.skills, t.degree(1, 6, 40)).map((s) => ({
      skill: syntheticId('skills', s),
      weight: t.unit(),
      why: `${own.name} lessons practise ${syntheticName('skills', s)} week after week.`,
    })),
  };
}

function career(t: Tools, i: number, n: Counts): SeedRecord<'Career'> {
  const own = base('careers', i, 'career');
  return {
    ...own,
    onetSoc: `${String(11 + (i % 89)).padStart(2, '0')}-${String(i % 10_000).padStart(4, '0')}.${String(i % 100).padStart(2, '0')}`,
    alternateTitles: [],
    typicalDay: [],
    jobZone: t.choose([1, 2, 3, 4, 5]),
    education: t.choose(["Bachelor's degree", 'Apprenticeship', "Master's degree", 'College diploma']),
    riasec: t.choose(RIASEC),
    outlook: t.choose(OUTLOOKS),
    outlookNote: `Synthetic outlook for ${own.name}.`,
    fields: t.targets(n.fields, t.degree(1, 1.7, 6)).map((f) => ({
      field: syntheticId('fields', f),
      why: `${own.name} is one of the careers ${syntheticName('fields', f)} leads to.`,
    })),
    requires: t.targets(n.skills, t.degree(4, 6.6, 30)).map((s) => ({
      skill: syntheticId('skills', s),
      importance: t.unit(),
      level: t.choose(LEVELS),
      why: `A ${own.name} uses ${syntheticName('skills', s)} in everyday work.`,
    })),
    drawsOn: t.targets(n.subjects, t.degree(1, 2.9, 10)).map((s) => ({
      subject: syntheticId('subjects', s),
      importance: t.unit(),
      why: `${own.name} draws on what ${syntheticName('subjects', s)} teaches.`,
    })),
    // Synthetic graphs give careers no tools: the benchmarks measure the graph they always measured.
    uses: [],
    // Only earlier careers, so each pair is listed once and the target is already loaded.
    relatedTo: t.targets(i, t.degree(0, 1.85, 10), i).map((c) => ({
      career: syntheticId('careers', c),
      score: t.unit(),
      why: `${own.name} and ${syntheticName('careers', c)} share much of their daily work.`,
    })),
  };
}

function course(t: Tools, i: number, n: Counts): SeedRecord<'Course'> {
  const own = base('courses', i, 'course');
  const subjects = t.targets(n.subjects, t.degree(0, 1.5, 6));
  const skills = t.targets(n.skills, t.degree(subjects.length === 0 ? 1 : 0, 2.6, 15));
  return {
    ...own,
    provider: t.choose(['Open University', 'Coursera', 'Local College', 'Exam Board']),
    format: t.choose(FORMATS),
    level: t.choose(COURSE_LEVELS),
    hours: 5 + Math.floor(t.degree(0, 60, 1500)),
    teachesSubjects: subjects.map((s) => ({
      subject: syntheticId('subjects', s),
      level: t.choose(LEVELS),
      why: `${own.name} covers the core of ${syntheticName('subjects', s)}.`,
    })),
    teachesSkills: skills.map((s) => ({
      skill: syntheticId('skills', s),
      level: t.choose(LEVELS),
      why: `${own.name} has exercises that build ${syntheticName('skills', s)}.`,
    })),
  };
}

function application(t: Tools, i: number, n: Counts): SeedRecord<'Application'> {
  const own = base('applications', i, 'application');
  return {
    ...own,
    example: `A team runs the ${own.name} and reports what it found to the people affected.`,
    reflectionPrompt: `What would you measure first in ${own.name}?`,
    appliesSubjects: t.targets(n.subjects, t.degree(0, 2, 6)).map((s) => ({
      subject: syntheticId('subjects', s),
      why: `${syntheticName('subjects', s)} explains what happens in ${own.name}.`,
    })),
    appliesSkills: t.targets(n.skills, t.degree(0, 2.2, 8)).map((s) => ({
      skill: syntheticId('skills', s),
      why: `${own.name} needs ${syntheticName('skills', s)} at every step.`,
    })),
    usedIn: t.targets(n.careers, t.degree(1, 2.5, 10)).map((c) => ({
      career: syntheticId('careers', c),
      why: `A ${syntheticName('careers', c)} does work like ${own.name}.`,
    })),
  };
}

const emptyChunk = (): SeedData => ({
  subjects: [],
  fields: [],
  skills: [],
  careers: [],
  courses: [],
  applications: [],
});

/**
 * The graph in chunks of at most `chunkSize` records, each holding one kind. One random stream drawn in
 * a fixed order makes the output independent of the chunk size.
 */
export function* generateSynthetic(options: SyntheticOptions): Generator<SeedData> {
  const { nodes, seed = 1, chunkSize = 10_000 } = options;
  const counts = syntheticCounts(nodes);
  const tools = makeTools(randomLcg(seed));
  const make: { [K in SeedKind]: (i: number) => SeedData[K][number] } = {
    skills: (i) => skill(tools, i),
    fields: (i) => field(tools, i),
    subjects: (i) => subject(tools, i, counts),
    careers: (i) => career(tools, i, counts),
    courses: (i) => course(tools, i, counts),
    applications: (i) => application(tools, i, counts),
  };
  for (const kind of GENERATION_ORDER) {
    for (let startAt = 0; startAt < counts[kind]; startAt += chunkSize) {
      const chunk = emptyChunk();
      const records = chunk[kind] as SeedData[SeedKind][number][];
      for (let i = startAt; i < Math.min(counts[kind], startAt + chunkSize); i++) records.push(make[kind](i));
      yield chunk;
    }
  }
}

/** The curated files' shape rules, applied to a generated chunk; the curated minimum counts are not. */
export function validateChunk(chunk: SeedData): void {
  const problems: string[] = [];
  for (const kind of GENERATION_ORDER) {
    for (const record of chunk[kind]) {
      const result = SEED_SCHEMAS[kind].safeParse(record);
      if (!result.success)
        for (const issue of result.error.issues)
          problems.push(`synthetic ${kind} "${record.id}": field ${issue.path.join('.')}: ${issue.message}`);
    }
  }
  if (problems.length > 0) throw new SeedFileError(problems.slice(0, 20));
}

/** The generated chunks, each checked against the seed schema just before it is handed on. */
export function* checkedSynthetic(options: SyntheticOptions): Generator<SeedData> {
  for (const chunk of generateSynthetic(options)) {
    validateChunk(chunk);
    yield chunk;
  }
}
