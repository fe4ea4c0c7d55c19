// The default graph: every O*NET occupation, with what the release says about it, under the curated
// layer. Curated records are matched by O*NET-SOC code (careers) and by the skills crosswalk (skills),
// and curated wording wins wherever both hold the same thing: a property the curated record has, a
// link between the same two nodes. What O*NET adds beside it (more skills, subjects from knowledge
// ratings, fields from the SOC crosswalk, titles for search, typical tasks) is kept.
import { ID_MAX_LENGTH, nodeProperties } from '../../model/data-model.ts';
import type { SeedRecord } from '../../model/types.ts';
import { linkSourceKey, type SeedData } from '../read.ts';
import { socEntryFor, type Crosswalks } from './crosswalks.ts';
import type { ElementRating, Occupation, OnetRelease, RiasecLetter, TechnologyUse } from './release.ts';
import { chooseTools, toolDescription, toolSlugText, toolWhy } from './tools.ts';

/** O*NET's summary lists show a skill or knowledge area for an occupation from importance 3 of 5. */
export const MIN_IMPORTANCE = 3;
/** Tasks shown as "a typical day". */
export const TYPICAL_DAY_TASKS = 3;
/** The `source` of what the release made (the credit line names O*NET wherever it is shown). */
export const ONET_SOURCE = 'onet';

type Career = SeedRecord<'Career'>;
type Skill = SeedRecord<'Skill'>;

export function slugOf(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= ID_MAX_LENGTH) return slug;
  const cut = slug.slice(0, ID_MAX_LENGTH);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : ID_MAX_LENGTH);
}

/** Paraphrases of O*NET's job zone descriptions: the usual route in, when workers' reports are missing. */
export const EDUCATION_BY_JOB_ZONE: Readonly<Record<number, string>> = {
  1: 'Little or no preparation; some jobs need a high school diploma',
  2: 'A high school diploma, with some on-the-job training',
  3: "Vocational training, on-the-job experience or an associate's degree",
  4: "A bachelor's degree",
  5: "A graduate degree, such as a master's, a doctorate, or a medical or law degree",
};

/** O*NET's required-level-of-education categories in a few words each. */
const EDUCATION_WORDS: Readonly<Record<number, string>> = {
  1: 'no high school diploma',
  2: 'a high school diploma',
  3: 'a post-secondary certificate',
  4: 'some college courses',
  5: "an associate's degree",
  6: "a bachelor's degree",
  7: 'a post-baccalaureate certificate',
  8: "a master's degree",
  9: "a post-master's certificate",
  10: 'a professional degree',
  11: 'a doctorate',
  12: 'post-doctoral training',
};

/** "Most workers have a bachelor's degree (64%); some a master's degree (21%)", from workers' reports. */
export function educationInWords(shares: ReadonlyMap<number, number>): string | undefined {
  const ranked = [...shares].filter(([, share]) => share >= 1).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first) return undefined;
  const words = (category: number) => EDUCATION_WORDS[category] ?? `category ${category}`;
  const percent = (share: number) => `${Math.round(share)}%`;
  const lead = first[1] >= 50 ? 'Most workers have' : 'Workers most often have';
  const rest = second && second[1] >= 10 ? `; some ${words(second[0])} (${percent(second[1])})` : '';
  return `${lead} ${words(first[0])} (${percent(first[1])})${rest}`;
}

const RIASEC_ORDER = 'RIASEC';

/** The Holland code: the three strongest interests, strongest first (ties in RIASEC order). */
export function hollandCode(interests: Partial<Record<RiasecLetter, number>>): string | undefined {
  const scored = Object.entries(interests) as [RiasecLetter, number][];
  if (scored.length === 0) return undefined;
  return scored
    .sort((a, b) => b[1] - a[1] || RIASEC_ORDER.indexOf(a[0]) - RIASEC_ORDER.indexOf(b[0]))
    .slice(0, 3)
    .map(([letter]) => letter)
    .join('');
}

/** O*NET's level (0–7) in words: the level a career needs a skill at. */
export const levelOf = (lv: number): 'basic' | 'intermediate' | 'advanced' =>
  lv < 3 ? 'basic' : lv < 5 ? 'intermediate' : 'advanced';
/** Importance 1–5 as a strength 0–1. */
export const strength = (importance: number) => Math.round(((importance - 1) / 4) * 100) / 100;
/** O*NET's relatedness tiers in words. */
export const TIERS: Readonly<Record<string, string>> = {
  'Primary-Short': 'one of the closest matches',
  'Primary-Long': 'a close match',
  Supplemental: 'a further match',
};

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Distinct texts (ignoring case), within the model's length limits, in order. */
function distinct(texts: Iterable<string>, min: number, max: number, limit: number, omit: string[] = []) {
  const seen = new Set(omit.map((t) => t.toLowerCase()));
  const out: string[] = [];
  for (const text of texts) {
    const key = text.toLowerCase();
    if (text.length < min || text.length > max || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
    if (out.length >= limit) break;
  }
  return out;
}

function listLimits(name: 'aliases' | 'alternateTitles' | 'typicalDay') {
  const spec = nodeProperties('Career').find((p) => p.name === name);
  if (spec?.type !== 'textList') throw new Error(`The data model gives careers no ${name} list.`);
  return spec;
}

/** Links from two sources: the curated one wins for the same end, O*NET's are added after it. */
function mergeLinks<T, K extends keyof T>(curated: readonly T[], onet: readonly T[], end: K): T[] {
  const ends = new Set(curated.map((link) => link[end]));
  return [...curated, ...onet.filter((link) => !ends.has(link[end]))];
}

export interface LayerReport {
  occupations: number;
  matchedCareers: number;
  onetSkills: number;
  /** Tool skills made from Technology Skills examples (curated tools the crosswalk met are not counted). */
  onetTools: number;
  /** Examples met to a curated tool by the technology crosswalk. */
  curatedTools: number;
  /** Examples that qualified as tools but whose name does not fit the model. */
  skippedTools: string[];
  usesLinks: number;
  /** Careers O*NET gives no ratings for: placed in fields, but with no skills or subjects. */
  unrated: string[];
}

export interface DefaultGraph {
  data: SeedData;
  report: LayerReport;
}

export function buildDefaultGraph(
  curated: SeedData,
  release: OnetRelease,
  crosswalks: Crosswalks,
): DefaultGraph {
  const curatedIds = new Set(curated.careers.map((c) => c.id));
  const curatedByCode = new Map<string, Career>();
  for (const career of curated.careers)
    if (!curatedByCode.has(career.onetSoc)) curatedByCode.set(career.onetSoc, career);
  const taken = new Set<string>(
    [
      ...curated.subjects,
      ...curated.fields,
      ...curated.skills,
      ...curated.careers,
      ...curated.courses,
      ...curated.applications,
    ].map((r) => r.id),
  );
  for (const r of [...crosswalks.fieldsAdded, ...crosswalks.subjectsAdded]) taken.add(r.id);
  const fresh = (base: string, suffix: string) => {
    let id = taken.has(base) ? slugOf(`${base}-${suffix}`) : base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${suffix}-${n}`;
    taken.add(id);
    return id;
  };

  // Careers: the curated id where a curated career has the code, otherwise one from the title.
  const idOfCode = new Map<string, string>();
  for (const occupation of release.occupations.values()) {
    const matched = curatedByCode.get(occupation.code);
    idOfCode.set(
      occupation.code,
      matched ? matched.id : fresh(slugOf(occupation.title), occupation.code.replace(/\D+/g, '-')),
    );
  }

  // Skills: the curated skill the crosswalk names, otherwise one O*NET skill node per element.
  const skillIdOf = new Map<string, string>();
  const onetSkills: Skill[] = [];
  const curatedSkills = new Map(curated.skills.map((s) => [s.id, s]));
  for (const entry of crosswalks.skills.skills)
    if (entry.skill && curatedSkills.has(entry.skill)) skillIdOf.set(entry.elementId, entry.skill);
  const elementOfCurated = new Map([...skillIdOf].map(([element, id]) => [id, element]));
  let skills = curated.skills.map((skill) => {
    const element = elementOfCurated.get(skill.id);
    return element && !skill.onetElementId ? { ...skill, onetElementId: element } : skill;
  });
  const skillFor = (rating: ElementRating): string => {
    const known = skillIdOf.get(rating.elementId);
    if (known) return known;
    const id = fresh(slugOf(rating.name), 'skill');
    skillIdOf.set(rating.elementId, id);
    const described = release.elementDescriptions.get(rating.elementId);
    onetSkills.push({
      id,
      name: rating.name,
      description: described
        ? `${described.replace(/\.?$/, '.')} One of the skills O*NET rates for every occupation.`
        : `${rating.name}, one of the skills O*NET rates for every occupation.`,
      aliases: [],
      // O*NET's technical skills (2.B.3) are learned for a trade or a field; the rest transfer.
      kind: rating.elementId.startsWith('2.B.3.') ? 'hard' : 'soft',
    });
    return id;
  };

  const subjectsOfArea = new Map(crosswalks.knowledge.areas.map((a) => [a.elementId, a.subjects]));
  const aliasLimits = listLimits('aliases');
  const titleLimits = listLimits('alternateTitles');
  const dayLimits = listLimits('typicalDay');
  const unrated: string[] = [];
  const relatedSeen = new Set<string>();
  // Links made from the release, told apart from curated ones by identity, for their `source`.
  const fromOnet = new WeakSet<object>();
  const mark = <T extends object>(links: T[]): T[] => {
    for (const link of links) fromOnet.add(link);
    return links;
  };

  const careerOf = (occupation: Occupation): Career => {
    const id = idOfCode.get(occupation.code) ?? slugOf(occupation.title);
    const matched = curatedByCode.get(occupation.code);
    const title = matched?.name ?? occupation.title;
    const rated = occupation.skills.filter(
      (r) => !r.suppressed && r.importance >= MIN_IMPORTANCE && r.level !== null,
    );
    if (occupation.skills.length === 0) unrated.push(id);

    const requires = rated
      .sort((a, b) => b.importance - a.importance || a.name.localeCompare(b.name))
      .map((r) => ({
        skill: skillFor(r),
        importance: strength(r.importance),
        level: levelOf(r.level ?? 0),
        why: `O*NET rates ${r.name} ${r.importance.toFixed(1)} of 5 for importance to ${title}, at ${levelOf(r.level ?? 0) === 'basic' ? 'a' : 'an'} ${levelOf(r.level ?? 0)} level (${(r.level ?? 0).toFixed(1)} of 7).`,
      }));

    // One link per subject: the strongest knowledge area that leads to it.
    const bySubject = new Map<string, { importance: number; area: string; why: string }>();
    for (const rating of occupation.knowledge) {
      if (rating.suppressed || rating.importance < MIN_IMPORTANCE) continue;
      for (const target of subjectsOfArea.get(rating.elementId) ?? []) {
        const best = bySubject.get(target.subject);
        if (!best || rating.importance > best.importance)
          bySubject.set(target.subject, {
            importance: rating.importance,
            area: rating.name,
            why: target.why,
          });
      }
    }
    const drawsOn = [...bySubject]
      .sort((a, b) => b[1].importance - a[1].importance)
      .map(([subject, k]) => {
        const rated = `O*NET rates ${k.area} knowledge ${k.importance.toFixed(1)} of 5 for ${title}.`;
        const why = `${rated} ${k.why}`;
        return {
          subject,
          importance: strength(k.importance),
          why: why.length <= 300 ? why : clip(rated, 300),
        };
      });

    const entry = socEntryFor(crosswalks.soc, occupation.code);
    const fields = (entry?.fields ?? []).map((f) => ({ field: f.field, why: f.why }));

    const relatedTo = occupation.related
      .filter((r) => idOfCode.has(r.code) && r.code !== occupation.code)
      .filter((r) => {
        // Similarity is read both ways, so each pair is written once, from the first side met.
        const pair = [occupation.code, r.code].sort().join('|');
        if (relatedSeen.has(pair)) return false;
        relatedSeen.add(pair);
        return true;
      })
      .map((r) => {
        const other = release.occupations.get(r.code);
        const otherTitle = curatedByCode.get(r.code)?.name ?? other?.title ?? r.code;
        return {
          career: idOfCode.get(r.code) ?? r.code,
          score: Math.round(Math.max(0.05, 1 - r.index / 21) * 100) / 100,
          why: clip(
            `O*NET lists ${otherTitle} as ${TIERS[r.tier] ?? 'a related occupation'} for ${title} (rank ${r.index}).`,
            300,
          ),
        };
      });

    const jobZone = occupation.jobZone ?? undefined;
    const education =
      educationInWords(occupation.education) ?? (jobZone ? EDUCATION_BY_JOB_ZONE[jobZone] : undefined);
    const onetCareer: Career = {
      id,
      name: occupation.title,
      description: occupation.description,
      aliases: distinct(
        occupation.reportedTitles,
        aliasLimits.itemMin,
        aliasLimits.itemMax,
        aliasLimits.maxItems,
        [occupation.title],
      ),
      alternateTitles: distinct(
        occupation.alternateTitles,
        titleLimits.itemMin,
        titleLimits.itemMax,
        titleLimits.maxItems,
        [occupation.title],
      ),
      typicalDay: distinct(occupation.tasks, dayLimits.itemMin, dayLimits.itemMax, TYPICAL_DAY_TASKS),
      onetSoc: occupation.code,
      ...(jobZone ? { jobZone } : {}),
      ...(education ? { education } : {}),
      ...(hollandCode(occupation.interests) ? { riasec: hollandCode(occupation.interests) } : {}),
      fields: mark(fields),
      requires: mark(requires),
      drawsOn: mark(drawsOn),
      relatedTo: mark(relatedTo),
      // Tools are added once every career and skill has its id (below).
      uses: [],
    };
    if (!matched) return onetCareer;
    // Curated wording wins; O*NET fills what the curated record leaves out and adds its links.
    return {
      ...onetCareer,
      ...matched,
      aliases: distinct(
        [...matched.aliases, ...onetCareer.aliases],
        aliasLimits.itemMin,
        aliasLimits.itemMax,
        aliasLimits.maxItems,
        [matched.name],
      ),
      alternateTitles: distinct(
        [...matched.alternateTitles, ...onetCareer.alternateTitles],
        titleLimits.itemMin,
        titleLimits.itemMax,
        titleLimits.maxItems,
        [matched.name],
      ),
      typicalDay: matched.typicalDay.length > 0 ? matched.typicalDay : onetCareer.typicalDay,
      fields: mergeLinks(matched.fields, onetCareer.fields, 'field'),
      requires: mergeLinks(matched.requires, onetCareer.requires, 'skill'),
      drawsOn: mergeLinks(matched.drawsOn, onetCareer.drawsOn, 'subject'),
      relatedTo: mergeLinks(matched.relatedTo, onetCareer.relatedTo, 'career'),
    };
  };

  const careers = [...release.occupations.values()].map(careerOf);

  // Tools after careers and skills, so a tool never takes an id they had before tools existed.
  const nameSpec = nodeProperties('Skill').find((p) => p.name === 'name');
  if (nameSpec?.type !== 'text') throw new Error('The data model gives skills no name.');
  const selection = chooseTools(release.occupations.values(), crosswalks.technology, nameSpec);
  const toolOf = new Map<string, { id: string; name: string }>();
  const onetTools: Skill[] = [];
  const hotCurated = new Set<string>();
  for (const tool of selection.tools) {
    if (tool.curated) {
      toolOf.set(tool.example, { id: tool.curated, name: tool.name });
      if (tool.hot) hotCurated.add(tool.curated);
      continue;
    }
    const id = fresh(slugOf(toolSlugText(tool.name)), 'tool');
    toolOf.set(tool.example, { id, name: tool.name });
    onetTools.push({
      id,
      name: tool.name,
      description: clip(toolDescription(tool), 1000),
      aliases: [],
      kind: 'tool',
      ...(tool.hot ? { hotTechnology: true } : {}),
    });
  }
  [...release.occupations.values()].forEach((occupation, index) => {
    const career = careers[index];
    if (!career) return;
    // Two examples may be one curated tool (O*NET spells SQL two ways): one link, in demand if either is.
    const rows = new Map<string, { use: TechnologyUse; name: string }>();
    for (const use of occupation.technology) {
      const tool = toolOf.get(use.example);
      if (!tool) continue;
      const before = rows.get(tool.id);
      const rank = (u: TechnologyUse) => (u.inDemand ? 2 : 0) + (u.hot ? 1 : 0);
      if (!before || rank(use) > rank(before.use)) rows.set(tool.id, { use, name: tool.name });
    }
    const uses = mark(
      [...rows].map(([skill, { use, name }]) => ({
        skill,
        why: clip(toolWhy(use, name, career.name), 300),
        ...(use.inDemand ? { inDemand: true } : {}),
      })),
    );
    career.uses = mergeLinks(career.uses, uses, 'skill');
  });
  // Curated careers O*NET does not list (or that share a code with another) stay as they are.
  const placed = new Set(careers.map((c) => c.id));
  for (const career of curated.careers) if (!placed.has(career.id)) careers.push(career);
  dropReverseDuplicates(careers, curated.careers);

  const nodeSources = new Map<string, string>();
  for (const career of careers) if (!curatedIds.has(career.id)) nodeSources.set(career.id, ONET_SOURCE);
  for (const skill of [...onetSkills, ...onetTools]) nodeSources.set(skill.id, ONET_SOURCE);
  // O*NET fills what a curated tool leaves unsaid: whether it is a Hot Technology.
  skills = skills.map((skill) =>
    hotCurated.has(skill.id) && skill.hotTechnology === undefined ? { ...skill, hotTechnology: true } : skill,
  );
  const linkSources = new Map<string, string>();
  for (const career of careers) {
    const keys: [object, string][] = [
      ...career.fields.map((l): [object, string] => [l, linkSourceKey('INCLUDES', l.field, career.id)]),
      ...career.requires.map((l): [object, string] => [l, linkSourceKey('REQUIRES', career.id, l.skill)]),
      ...career.drawsOn.map((l): [object, string] => [l, linkSourceKey('DRAWS_ON', career.id, l.subject)]),
      ...career.relatedTo.map((l): [object, string] => [l, linkSourceKey('RELATED_TO', career.id, l.career)]),
      ...career.uses.map((l): [object, string] => [l, linkSourceKey('USES', career.id, l.skill)]),
    ];
    for (const [link, key] of keys) if (fromOnet.has(link)) linkSources.set(key, ONET_SOURCE);
  }

  const linksBySubject = new Map<string, SeedRecord<'Subject'>['leadsTo']>();
  for (const link of crosswalks.links.links) {
    linksBySubject.set(link.subject, [
      ...(linksBySubject.get(link.subject) ?? []),
      { field: link.field, weight: link.weight, why: link.why },
    ]);
  }
  const subjects = [...curated.subjects, ...crosswalks.subjectsAdded].map((subject) => ({
    ...subject,
    leadsTo: mergeLinks(subject.leadsTo, linksBySubject.get(subject.id) ?? [], 'field'),
  }));

  return {
    data: {
      subjects,
      fields: [...curated.fields, ...crosswalks.fieldsAdded],
      skills: [...skills, ...onetSkills, ...onetTools],
      careers,
      courses: curated.courses,
      applications: curated.applications,
      sources: { nodes: nodeSources, links: linkSources },
    },
    report: {
      occupations: release.occupations.size,
      matchedCareers: [...release.occupations.keys()].filter((code) => curatedByCode.has(code)).length,
      onetSkills: onetSkills.length,
      onetTools: onetTools.length,
      curatedTools: selection.tools.filter((t) => t.curated).length,
      skippedTools: selection.skipped,
      usesLinks: careers.reduce((n, c) => n + c.uses.length, 0),
      unrated,
    },
  };
}

const pairOf = (a: string, b: string) => [a, b].sort().join('|');

/**
 * A → B and B → A say the same thing, and the graph holds each pair once: the curated link where
 * there is one, otherwise the first O*NET one met.
 */
function dropReverseDuplicates(careers: Career[], curated: readonly Career[]): void {
  const curatedLinks = new Set<string>();
  const curatedPairs = new Set<string>();
  for (const career of curated) {
    for (const r of career.relatedTo) {
      curatedLinks.add(`${career.id}|${r.career}`);
      curatedPairs.add(pairOf(career.id, r.career));
    }
  }
  const seen = new Set<string>();
  for (const career of careers) {
    career.relatedTo = career.relatedTo.filter((r) => {
      const pair = pairOf(career.id, r.career);
      if (curatedLinks.has(`${career.id}|${r.career}`)) return true;
      if (curatedPairs.has(pair) || seen.has(pair)) return false;
      seen.add(pair);
      return true;
    });
  }
}
