// The default graph the global setup loaded, as `npm start` builds it: every O*NET 29.3 occupation
// under the curated layer, reachable from school subjects, found by the words people use.
import { describe, expect, it } from 'vitest';
import { CareerDetailDocument } from '../../client/src/api/generated/graphql.ts';
import { ONET_RELEASE_DIR, SEED_DATA_DIR } from '../../model/paths.ts';
import { readCrosswalks } from '../../seed/onet/crosswalks.ts';
import { readRelease } from '../../seed/onet/release.ts';
import { readCheckedSeed } from '../../seed/prepare.ts';
import { SearchPageDocument } from '../generated/graphql.ts';
import { defaultGraph } from '../support/default-graph.ts';
import { useHarness } from '../support/harness.ts';

const api = useHarness();
const release = readRelease(ONET_RELEASE_DIR);
const codes = [...release.occupations.keys()];

describe('the default graph', () => {
  it('holds a career for every O*NET 29.3 occupation, once, made by O*NET unless curated', async () => {
    const rows = await api.cypher<{ code: string; n: number; sources: string[] }>(
      `MATCH (c:Career) WHERE c.onetSoc IN $codes
       RETURN c.onetSoc AS code, count(c) AS n, collect(DISTINCT c.source) AS sources`,
      { codes },
    );
    expect(rows).toHaveLength(release.occupations.size);
    // One curated career (19-2042.00) shares its code with a second curated one; no code has two otherwise.
    const shared = rows.filter((r) => r.n > 1).map((r) => r.code);
    expect(shared).toEqual(['19-2042.00']);
    const curatedCodes = new Set(readCheckedSeed(SEED_DATA_DIR).careers.map((c) => c.onetSoc));
    const onetOnly = rows.filter((r) => r.sources.includes('onet'));
    expect(onetOnly.length).toBeGreaterThan(800);
    for (const row of onetOnly) expect(curatedCodes.has(row.code) && row.n === 1).toBe(false);
  });

  it('reaches every career O*NET rates from a subject, Subject → Field → Career, with a why on each step', async () => {
    const unreached = await api.cypher<{ id: string }>(
      `MATCH (c:Career) WHERE c.onetSoc IN $codes AND EXISTS { (c)-[:REQUIRES]->(:Skill) }
         AND NOT EXISTS {
           MATCH (:Subject)-[l:LEADS_TO]->(:Field)-[i:INCLUDES]->(c)
           WHERE size(trim(l.why)) >= 20 AND size(trim(i.why)) >= 20
         }
       RETURN c.id AS id`,
      { codes },
    );
    expect(unreached).toEqual([]);
    const rated = await api.cypher<{ n: number }>(
      'MATCH (c:Career) WHERE c.onetSoc IN $codes AND EXISTS { (c)-[:REQUIRES]->() } RETURN count(c) AS n',
      { codes },
    );
    expect(rated[0]!.n).toBeGreaterThan(850);
  });

  it('draws on school subjects from O*NET knowledge ratings, saying the rating', async () => {
    const { career } = await api.ok(CareerDetailDocument, { id: 'acute-care-nurses' });
    expect(career.fields.map((f) => f.field.id)).toContain('nursing');
    const biology = career.subjects.find((s) => s.subject.id === 'biology');
    expect(biology?.why).toMatch(/^O\*NET rates [A-Za-z ]+ knowledge \d\.\d of 5 for Acute Care Nurses\./);
    expect(biology!.importance).toBeGreaterThanOrEqual(0.5);
    expect(career.career.typicalDay.length).toBeGreaterThan(0);
    expect(career.career.education).toMatch(/degree/);
  });

  it('suggests courses for what sets a career apart, not for what most careers need', async () => {
    const [total] = await api.cypher<{ careers: number }>('MATCH (c:Career) RETURN count(c) AS careers');
    const careers = total!.careers;
    const { career } = await api.ok(CareerDetailDocument, { id: 'acute-care-nurses' });
    expect(career.courses.length).toBeGreaterThan(3);
    for (const offer of career.courses.slice(0, 3)) {
      const [row] = await api.cypher<{ demand: number }>(
        'MATCH (n:Entity {id: $id}) RETURN COUNT { (n)<-[:REQUIRES|DRAWS_ON]-(:Career) } AS demand',
        { id: offer.teaches.id },
      );
      // Active Listening or Speaking, which nine careers in ten need, say nothing about nursing.
      expect(row!.demand, offer.teaches.id).toBeLessThan(careers / 2);
    }
  });

  it('keeps curated wording where a curated career has the code, and adds what O*NET knows', async () => {
    const curated = defaultGraph().careers.find((c) => c.id === 'registered-nurse')!;
    const { career } = await api.ok(CareerDetailDocument, { id: 'registered-nurse' });
    expect(career.career.name).toBe('Registered Nurse');
    expect(career.career.description).toBe(curated.description);
    const [row] = await api.cypher<{ titles: string[]; source: string }>(
      "MATCH (c:Career {id: 'registered-nurse'}) RETURN c.alternateTitles AS titles, c.source AS source",
    );
    expect(row!.source).toBe('curated');
    expect(row!.titles).toContain('Charge Nurse');
    // O*NET's ratings come in beside the curated links, marked as O*NET's.
    const sources = await api.cypher<{ source: string; n: number }>(
      `MATCH (:Career {id: 'registered-nurse'})-[r:REQUIRES]->() RETURN r.source AS source, count(*) AS n ORDER BY source`,
    );
    expect(sources.map((s) => s.source)).toEqual(['curated', 'onet']);
  });
});

describe('tools and technology, from O*NET Technology Skills', () => {
  const technology = readCrosswalks().technology;
  const nameOf = new Map(technology.names.map((n) => [n.example, n.name]));
  const crosswalked = new Set(technology.tools.map((t) => t.example));

  it('lists Microsoft Excel for accountants, in demand as O*NET says, in demand first, then hot', async () => {
    const occupation = release.occupations.get('13-2011.00')!;
    const { career } = await api.ok(CareerDetailDocument, { id: 'accountant' });
    expect(career.career.onetSoc).toBe(occupation.code);
    const excelRow = occupation.technology.find((t) => t.example === 'Microsoft Excel');
    const excel = career.tools.find((t) => t.skill.name === 'Microsoft Excel');
    expect(excelRow).toBeDefined();
    expect(excel?.inDemand).toBe(excelRow!.inDemand);
    expect(Boolean(excel?.skill.hotTechnology)).toBe(excelRow!.hot);
    expect(excel?.why).toMatch(/^O\*NET lists Microsoft Excel among the spreadsheet software for Accountant/);
    // Every tool named as O*NET names it carries that row's In Demand flag.
    const rowOf = new Map(occupation.technology.map((t) => [nameOf.get(t.example) ?? t.example, t]));
    const named = career.tools.filter((t) => rowOf.has(t.skill.name));
    expect(named.length).toBeGreaterThan(20);
    for (const tool of named)
      expect(tool.inDemand, tool.skill.name).toBe(rowOf.get(tool.skill.name)!.inDemand);
    const rank = (t: (typeof career.tools)[number]) => (t.inDemand ? 2 : 0) + (t.skill.hotTechnology ? 1 : 0);
    const ranks = career.tools.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(ranks[0]).toBe(3);
  });

  it('flags exactly the tools O*NET marks Hot Technology', async () => {
    const hot = new Set<string>();
    for (const o of release.occupations.values())
      for (const t of o.technology) if (t.hot) hot.add(nameOf.get(t.example) ?? t.example);
    const tools = await api.cypher<{ name: string; hot: boolean | null }>(
      "MATCH (k:Skill {kind: 'tool', source: 'onet'}) RETURN k.name AS name, k.hotTechnology AS hot",
    );
    expect(tools.length).toBeGreaterThan(300);
    for (const tool of tools) expect(Boolean(tool.hot), tool.name).toBe(hot.has(tool.name));
    // A curated tool the crosswalk meets takes O*NET's flag too: Python is a Hot Technology.
    expect(crosswalked.has('Python')).toBe(true);
    const [python] = await api.cypher<{ hot: boolean | null }>(
      "MATCH (k:Skill {id: 'python'}) RETURN k.hotTechnology AS hot",
    );
    expect(python!.hot).toBe(true);
  });

  it('ends every USES link at a tool skill, marked as O*NET’s', async () => {
    const [row] = await api.cypher<{ uses: number; notTool: number; notOnet: number }>(
      `MATCH (:Career)-[u:USES]->(k:Skill)
       RETURN count(u) AS uses, count(CASE WHEN k.kind <> 'tool' THEN 1 END) AS notTool,
              count(CASE WHEN u.source <> 'onet' THEN 1 END) AS notOnet`,
    );
    expect(row!.uses).toBeGreaterThan(15000);
    expect(row!.notTool).toBe(0);
    expect(row!.notOnet).toBe(0);
  });
});

describe('search in everyday words', () => {
  const top = async (text: string, n: number) =>
    (await api.ok(SearchPageDocument, { text, kinds: ['CAREER'], first: n })).search.hits.map(
      (h) => h.node.id,
    );

  it.each([
    ['nurse', 'registered-nurse'],
    ['RN', 'registered-nurse'],
    ['vet', 'veterinarian'],
    ['software engineer', 'software-developer'],
    ['charge nurse', 'registered-nurse'],
  ])('"%s" finds %s among the first five careers', async (text, id) => {
    expect(await top(text, 5)).toContain(id);
  });
});
