// The default graph the global setup loaded, as `npm start` builds it: every O*NET 29.3 occupation
// under the curated layer, reachable from school subjects, found by the words people use.
import { describe, expect, it } from 'vitest';
import { CareerDetailDocument } from '../../client/src/api/generated/graphql.ts';
import { ONET_RELEASE_DIR, SEED_DATA_DIR } from '../../model/paths.ts';
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
