// Which of O*NET's technology examples become tool skills, and the words a student reads about them.
// O*NET lists 8,775 examples (32,681 occupation rows), most named by one or two occupations; a tool
// worth showing a student is one employers ask for (a Hot Technology) or one many occupations share.
import type { TechnologyCrosswalk } from './crosswalks.ts';
import type { Occupation, TechnologyUse } from './release.ts';

/** An example listed for at least this many occupations becomes a tool even when it is not hot. */
export const MIN_TOOL_OCCUPATIONS = 10;

export interface ToolChoice {
  example: string;
  /** The name the node gets: the example, unless the crosswalk renames it to fit the model. */
  name: string;
  /** The commodity O*NET files it under most often (a few examples sit under two). */
  commodity: string;
  hot: boolean;
  /** How many occupations list it. */
  occupations: number;
  /** The curated tool that is the same concept, from the technology crosswalk. */
  curated?: string;
}

export interface ToolSelection {
  tools: ToolChoice[];
  /** Examples that qualified but whose name the data model cannot hold (and the crosswalk does not rename). */
  skipped: string[];
}

/**
 * The examples that become tools: every Hot Technology, every example listed for at least
 * MIN_TOOL_OCCUPATIONS occupations, and every one the crosswalk matches to a curated tool. Sorted by
 * example, so ids are given out in the same order each time.
 */
export function chooseTools(
  occupations: Iterable<Occupation>,
  crosswalk: TechnologyCrosswalk,
  nameLimits: { min: number; max: number },
): ToolSelection {
  const seen = new Map<string, { codes: Set<string>; hot: boolean; commodities: Map<string, number> }>();
  for (const occupation of occupations) {
    for (const use of occupation.technology) {
      let entry = seen.get(use.example);
      if (!entry) {
        entry = { codes: new Set(), hot: false, commodities: new Map() };
        seen.set(use.example, entry);
      }
      entry.codes.add(occupation.code);
      entry.hot ||= use.hot;
      entry.commodities.set(use.commodity, (entry.commodities.get(use.commodity) ?? 0) + 1);
    }
  }
  const curatedOf = new Map(crosswalk.tools.map((t) => [t.example, t.skill]));
  const renamed = new Map(crosswalk.names.map((n) => [n.example, n.name]));
  const tools: ToolChoice[] = [];
  const skipped: string[] = [];
  for (const [example, entry] of [...seen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const curated = curatedOf.get(example);
    if (!curated && !entry.hot && entry.codes.size < MIN_TOOL_OCCUPATIONS) continue;
    const name = renamed.get(example) ?? example;
    if (!curated && (name.length < nameLimits.min || name.length > nameLimits.max)) {
      skipped.push(example);
      continue;
    }
    const [commodity = ''] =
      [...entry.commodities].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [];
    tools.push({
      example,
      name,
      commodity,
      hot: entry.hot,
      occupations: entry.codes.size,
      ...(curated ? { curated } : {}),
    });
  }
  return { tools, skipped };
}

/** "C++" and "C#" are not "C": the slug spells the signs out. */
export function toolSlugText(name: string): string {
  return name.replace(/\+/g, ' plus ').replace(/#/g, ' sharp ');
}

/** O*NET's commodity titles start upper-case ("Spreadsheet software"); acronyms ("ERP …") stay. */
export function inSentence(commodity: string): string {
  return /^[A-Z][a-z]/.test(commodity) ? commodity.charAt(0).toLowerCase() + commodity.slice(1) : commodity;
}

const HOT_SENTENCE = 'O*NET marks it a Hot Technology: employers often ask for it in job postings.';

/** What a new tool node tells a student. */
export function toolDescription(tool: ToolChoice): string {
  const what = tool.commodity ? ` (${inSentence(tool.commodity)})` : '';
  const used = `${tool.name}${what} is used in ${tool.occupations} of the occupations O*NET describes.`;
  return tool.hot ? `${used} ${HOT_SENTENCE}` : used;
}

/** Why a career uses a tool, from its own O*NET row. */
export function toolWhy(use: TechnologyUse, name: string, careerTitle: string): string {
  // O*NET's generic entries are named after their commodity ("Accounting software"): say it once.
  const listed =
    use.example.toLowerCase() === use.commodity.toLowerCase()
      ? `O*NET lists ${inSentence(use.commodity)} among the technology for ${careerTitle}`
      : `O*NET lists ${name} among the ${inSentence(use.commodity)} for ${careerTitle}`;
  if (use.inDemand) return `${listed}; job postings for this career often ask for it.`;
  if (use.hot) return `${listed}; employers often ask for it in job postings.`;
  return `${listed}.`;
}
