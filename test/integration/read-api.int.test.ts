// The read API over real HTTP against the real, seeded Neo4j: every answer is checked against the seed
// files or against Cypher run straight through the driver, never against numbers typed in by hand
// (except the hand-checked `paths` expectations, whose derivation is written beside them).
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_DATA_DIR } from '../../seed/paths.ts';
import { readCheckedSeed } from '../../seed/prepare.ts';
import type { SeedData } from '../../seed/read.ts';
import { postGraphQL, startTestServer, type GraphQLResult, type TestServer } from '../support/http-server.ts';
import { testDriver, testNeo4j } from '../support/neo4j.ts';

let driver: Driver;
let server: TestServer;
let seed: SeedData;
const queries: string[] = [];

beforeAll(async () => {
  driver = testDriver();
  seed = readCheckedSeed(SEED_DATA_DIR);
  server = await startTestServer(driver, { onQuery: (cypher) => queries.push(cypher) });
});
afterAll(async () => {
  await server.close();
  await driver.close();
});

/** Rows straight from Cypher through the raw driver: the baseline the API is checked against. */
async function cypher<T>(statement: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await driver.executeQuery(statement, params, { database: testNeo4j().database });
  return result.records.map((r) => r.toObject() as T);
}

/** Posts a query that must succeed and returns its data. */
async function ok<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result: GraphQLResult<T> = await postGraphQL<T>(server.url, query, variables);
  expect(result.errors).toBeUndefined();
  expect(result.status).toBe(200);
  return result.data!;
}

const sortedDesc = (values: readonly number[]) => [...values].sort((a, b) => b - a);
const ids = (nodes: readonly { id: string }[]) => nodes.map((n) => n.id);

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

// ---------------------------------------------------------------------------------------------------
// search

interface SearchData {
  search: { hits: { score: number; node: { id: string; kind: string; name: string } }[]; pageInfo: PageInfo };
}
const SEARCH = `query ($text: String!, $kinds: [NodeKind!], $first: Int, $after: String) {
  search(text: $text, kinds: $kinds, first: $first, after: $after) {
    hits { score node { id kind name } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const search = (variables: Record<string, unknown>) => ok<SearchData>(SEARCH, variables);

describe('search', () => {
  it('finds Hydrologist by its exact name, first', async () => {
    const { hits } = (await search({ text: 'hydrologist' })).search;
    expect(hits[0]?.node).toMatchObject({ id: 'hydrologist', kind: 'CAREER', name: 'Hydrologist' });
  });

  it('finds Hydrologist despite a typo ("hydrolgist")', async () => {
    const { hits } = (await search({ text: 'hydrolgist' })).search;
    expect(ids(hits.map((h) => h.node))).toContain('hydrologist');
  });

  it('finds Hydrologist by a prefix ("hydro")', async () => {
    const { hits } = (await search({ text: 'hydro', first: 50 })).search;
    expect(ids(hits.map((h) => h.node))).toContain('hydrologist');
  });

  it('puts a node whose name matches above those that only mention it ("biolog" → the subject Biology)', async () => {
    const { hits } = (await search({ text: 'biolog', first: 10 })).search;
    expect(hits[0]?.node).toMatchObject({ id: 'biology', kind: 'SUBJECT' });
    const mentions = await cypher<{ id: string }>(
      `MATCH (n:Entity) WHERE toLower(n.description) CONTAINS 'biolog' AND NOT toLower(n.name) CONTAINS 'biolog' RETURN n.id AS id`,
    );
    const firstMention = hits.findIndex((h) => mentions.some((m) => m.id === h.node.id));
    const lastNameMatch = hits.map((h) => h.node.name.toLowerCase().includes('biolog')).lastIndexOf(true);
    if (firstMention >= 0) expect(lastNameMatch).toBeLessThan(firstMention);
  });

  it('ranks best matches first', async () => {
    const { hits } = (await search({ text: 'environmental science', first: 50 })).search;
    expect(hits.length).toBeGreaterThan(1);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual(sortedDesc(scores));
  });

  it('finds what the seed names by an alias', async () => {
    // Biology's aliases in subjects.json include "Life Sciences".
    const biology = seed.subjects.find((s) => s.id === 'biology')!;
    const alias = biology.aliases.find((a) => a.includes(' ')) ?? biology.aliases[0]!;
    const { hits } = (await search({ text: alias, first: 50 })).search;
    expect(ids(hits.map((h) => h.node))).toContain('biology');
  });

  it('keeps to the kinds asked for', async () => {
    const all = (await search({ text: 'water', first: 50 })).search;
    expect(all.pageInfo.hasNextPage).toBe(false); // the whole result is on this page
    const kindsSeen = new Set(all.hits.map((h) => h.node.kind));
    expect(kindsSeen.size).toBeGreaterThan(1);

    for (const kinds of [['CAREER'], ['SKILL', 'APPLICATION'], ['SUBJECT', 'FIELD', 'COURSE']]) {
      const filtered = (await search({ text: 'water', kinds, first: 50 })).search;
      for (const hit of filtered.hits) expect(kinds).toContain(hit.node.kind);
      // Filtering keeps exactly the unfiltered hits of those kinds.
      expect(new Set(ids(filtered.hits.map((h) => h.node)))).toEqual(
        new Set(ids(all.hits.filter((h) => kinds.includes(h.node.kind)).map((h) => h.node))),
      );
    }

    const careers = (await search({ text: 'hydro', kinds: ['CAREER'], first: 50 })).search;
    expect(ids(careers.hits.map((h) => h.node))).toContain('hydrologist');
    const skills = (await search({ text: 'hydro', kinds: ['SKILL'], first: 50 })).search;
    expect(ids(skills.hits.map((h) => h.node))).not.toContain('hydrologist');
    for (const hit of skills.hits) expect(hit.node.kind).toBe('SKILL');
  });

  it('pages with first + after: no overlap, no gap, hasNextPage right', async () => {
    // "water" has fewer than 50 hits (checked here), so one page of 50 holds them all.
    const whole = (await search({ text: 'water', first: 50 })).search;
    expect(whole.pageInfo.hasNextPage).toBe(false);
    const expected = ids(whole.hits.map((h) => h.node));
    const pageSize = 4;
    expect(expected.length).toBeGreaterThan(2 * pageSize);

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; ; page++) {
      const { hits, pageInfo }: SearchData['search'] = (
        await search({ text: 'water', first: pageSize, after })
      ).search;
      const got = ids(hits.map((h) => h.node));
      expect(got.some((id) => seen.includes(id))).toBe(false);
      seen.push(...got);
      expect(pageInfo.hasNextPage).toBe(seen.length < expected.length);
      expect(got).toHaveLength(Math.min(pageSize, expected.length - page * pageSize));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
      expect(after).toEqual(expect.any(String));
    }
    expect(seen).toEqual(expected);
  });

  it('returns an empty page, with no cursor, after the end', async () => {
    const whole = (await search({ text: 'hydrologist', first: 50 })).search;
    const last = (await search({ text: 'hydrologist', first: whole.hits.length })).search;
    expect(last.pageInfo.hasNextPage).toBe(false);
    const beyond = (await search({ text: 'hydrologist', after: last.pageInfo.endCursor })).search;
    expect(beyond).toEqual({ hits: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});

// ---------------------------------------------------------------------------------------------------
// node

describe('node', () => {
  it('returns every kind of node with the properties the graph holds', async () => {
    const samples = [
      seed.subjects[0]!.id,
      seed.fields[0]!.id,
      seed.skills[0]!.id,
      seed.careers[0]!.id,
      seed.courses[0]!.id,
      seed.applications[0]!.id,
    ];
    for (const id of samples) {
      const [raw] = await cypher<{ props: Record<string, unknown>; label: string }>(
        `MATCH (n:Entity {id: $id}) RETURN properties(n) AS props, [l IN labels(n) WHERE l <> 'Entity'][0] AS label`,
        { id },
      );
      const data = await ok<{
        node: {
          __typename: string;
          id: string;
          kind: string;
          name: string;
          description: string;
          aliases: string[];
        };
      }>(`query ($id: ID!) { node(id: $id) { __typename id kind name description aliases } }`, { id });
      expect(data.node).toEqual({
        __typename: raw!.label,
        id,
        kind: raw!.label.toUpperCase(),
        name: raw!.props.name,
        description: raw!.props.description,
        aliases: raw!.props.aliases,
      });
    }
  });

  it('returns a course and an application with their own fields', async () => {
    const course = seed.courses[0]!;
    const application = seed.applications[0]!;
    const data = await ok<{ c: Record<string, unknown>; a: Record<string, unknown> }>(
      `query ($c: ID!, $a: ID!) {
        c: node(id: $c) { ... on Course { provider format level hours } }
        a: node(id: $a) { ... on Application { example reflectionPrompt } }
      }`,
      { c: course.id, a: application.id },
    );
    expect(data.c).toEqual({
      provider: course.provider,
      format: course.format.toUpperCase(),
      level: course.level.toUpperCase(),
      hours: course.hours,
    });
    expect(data.a).toEqual({ example: application.example, reflectionPrompt: application.reflectionPrompt });
  });
});

// ---------------------------------------------------------------------------------------------------
// neighbourhood

interface NeighbourhoodData {
  neighbourhood: {
    center: { id: string };
    nodes: { id: string; kind: string }[];
    edges: { id: string; type: string; from: string; to: string; why: string }[];
    truncated: boolean;
  };
}
const NEIGHBOURHOOD = `query ($id: ID!, $depth: Int, $kinds: [NodeKind!], $first: Int) {
  neighbourhood(id: $id, depth: $depth, kinds: $kinds, first: $first) {
    center { id } nodes { id kind } edges { id type from to why } truncated
  }
}`;

describe('neighbourhood', () => {
  it('with kinds [CAREER] returns exactly the careers next to Biology', async () => {
    const { neighbourhood } = await ok<NeighbourhoodData>(NEIGHBOURHOOD, {
      id: 'biology',
      kinds: ['CAREER'],
      first: 200,
    });
    const raw = await cypher<{ id: string }>(
      `MATCH (:Entity {id: 'biology'})--(m:Career) WHERE m.retiredAt IS NULL RETURN DISTINCT m.id AS id`,
    );
    expect(raw.length).toBeGreaterThan(0);
    expect(neighbourhood.center.id).toBe('biology');
    expect(neighbourhood.nodes[0]).toEqual({ id: 'biology', kind: 'SUBJECT' });
    const neighbours = neighbourhood.nodes.slice(1);
    for (const n of neighbours) expect(n.kind).toBe('CAREER');
    expect(new Set(ids(neighbours))).toEqual(new Set(raw.map((r) => r.id)));
    expect(neighbours).toHaveLength(raw.length);
    expect(neighbourhood.truncated).toBe(false);
  });

  it('with kinds at depth 2 returns exactly the nodes of those kinds within two steps', async () => {
    const { neighbourhood } = await ok<NeighbourhoodData>(NEIGHBOURHOOD, {
      id: 'hydrologist',
      depth: 2,
      kinds: ['SUBJECT', 'FIELD'],
      first: 200,
    });
    const raw = await cypher<{ id: string }>(
      `MATCH p = (c:Entity {id: 'hydrologist'})-[*1..2]-(m:Entity)
       WHERE m <> c AND (m:Subject OR m:Field) AND all(x IN nodes(p) WHERE x.retiredAt IS NULL)
       RETURN DISTINCT m.id AS id`,
    );
    expect(raw.length).toBeGreaterThan(0);
    expect(raw.length).toBeLessThan(200);
    const neighbours = neighbourhood.nodes.slice(1);
    for (const n of neighbours) expect(['SUBJECT', 'FIELD']).toContain(n.kind);
    expect(new Set(ids(neighbours))).toEqual(new Set(raw.map((r) => r.id)));
    expect(neighbourhood.truncated).toBe(false);
  });

  it('returns exactly the relationships among the nodes it returns, each with its reason', async () => {
    const { neighbourhood } = await ok<NeighbourhoodData>(NEIGHBOURHOOD, {
      id: 'environmental-science',
      first: 200,
    });
    const members = ids(neighbourhood.nodes);
    expect(new Set(members).size).toBe(members.length);
    const raw = await cypher<{ type: string; from: string; to: string; why: string }>(
      `MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $members AND b.id IN $members
       RETURN type(r) AS type, a.id AS from, b.id AS to, r.why AS why`,
      { members },
    );
    const key = (e: { type: string; from: string; to: string }) => `${e.type}:${e.from}:${e.to}`;
    expect(new Set(neighbourhood.edges.map(key))).toEqual(new Set(raw.map(key)));
    const whyOf = new Map(raw.map((r) => [key(r), r.why]));
    for (const edge of neighbourhood.edges) {
      expect(edge.id).toBe(key(edge));
      expect(edge.why).toBe(whyOf.get(key(edge)));
      expect(edge.why.trim().length).toBeGreaterThan(0);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// subjectCareers

interface Step {
  from: { id: string };
  to: { id: string };
  edge: { type: string; from: string; to: string; why: string; weight: number | null };
  strength: number;
}
interface PathData {
  nodes: { id: string }[];
  steps: Step[];
  hops: number;
  score: number;
  explanation: string;
}
interface CareerPathsData {
  subjectCareers: {
    subject: { id: string; name: string };
    via: { id: string } | null;
    paths: { career: { id: string }; field: { id: string }; path: PathData }[];
    pageInfo: PageInfo;
  };
}
const PATH_FIELDS = `nodes { id } hops score explanation
  steps { from { id } to { id } strength edge { type from to why weight } }`;
const SUBJECT_CAREERS = `query ($subject: ID!, $via: ID, $first: Int, $after: String) {
  subjectCareers(subject: $subject, via: $via, first: $first, after: $after) {
    subject { id name } via { id }
    paths { career { id } field { id } path { ${PATH_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('subjectCareers', () => {
  it('Biology via Environmental Science: exactly the careers Cypher finds, with the graph’s reasons', async () => {
    const { subjectCareers } = await ok<CareerPathsData>(SUBJECT_CAREERS, {
      subject: 'biology',
      via: 'environmental-science',
      first: 100,
    });
    const raw = await cypher<{
      id: string;
      leadsWhy: string;
      leadsWeight: number;
      includesWhy: string;
      drawsOn: number | null;
    }>(
      `MATCH (s:Subject {id:'biology'})-[l:LEADS_TO]->(:Field {id:'environmental-science'})-[i:INCLUDES]->(c:Career)
       OPTIONAL MATCH (c)-[d:DRAWS_ON]->(s)
       RETURN c.id AS id, l.why AS leadsWhy, l.weight AS leadsWeight, i.why AS includesWhy, d.importance AS drawsOn`,
    );
    expect(raw.length).toBeGreaterThan(0);
    expect(subjectCareers.subject).toEqual({ id: 'biology', name: 'Biology' });
    expect(subjectCareers.via).toEqual({ id: 'environmental-science' });
    expect(subjectCareers.pageInfo.hasNextPage).toBe(false);

    const { paths } = subjectCareers;
    expect(new Set(paths.map((p) => p.career.id))).toEqual(new Set(raw.map((r) => r.id)));
    expect(paths).toHaveLength(raw.length);
    const scores = paths.map((p) => p.path.score);
    expect(scores).toEqual(sortedDesc(scores));

    const byCareer = new Map(raw.map((r) => [r.id, r]));
    for (const { career, field, path } of paths) {
      const expected = byCareer.get(career.id)!;
      expect(field.id).toBe('environmental-science');
      expect(ids(path.nodes)).toEqual(['biology', 'environmental-science', career.id]);
      expect(path.hops).toBe(2);
      expect(path.steps.map((s) => [s.from.id, s.to.id, s.edge.type])).toEqual([
        ['biology', 'environmental-science', 'LEADS_TO'],
        ['environmental-science', career.id, 'INCLUDES'],
      ]);
      for (const step of path.steps) expect(step.edge.why.trim().length).toBeGreaterThan(0);
      expect(path.steps[0]!.edge.why).toBe(expected.leadsWhy);
      expect(path.steps[1]!.edge.why).toBe(expected.includesWhy);
      expect(path.steps[0]!.strength).toBeCloseTo(expected.leadsWeight, 10);
      expect(path.steps[1]!.strength).toBe(1);
      // Score: the steps' strengths times how much the career draws on Biology (0.5 when it does not).
      expect(path.score).toBeCloseTo(expected.leadsWeight * 1 * (expected.drawsOn ?? 0.5), 10);
      expect(path.explanation).toMatch(/ = [\d.]+$/);
    }
  });

  it('without via: every subject → field (→ sub-field) → career path Cypher finds, in pages', async () => {
    const raw = await cypher<{ career: string; through: string }>(
      `MATCH (s:Subject {id: 'biology'})-[:LEADS_TO]->(f:Field)-[:INCLUDES]->(c:Career)
       RETURN c.id AS career, f.id AS through
       UNION
       MATCH (s:Subject {id: 'biology'})-[:LEADS_TO]->(:Field)<-[:PART_OF]-(sf:Field)-[:INCLUDES]->(c:Career)
       RETURN c.id AS career, sf.id AS through`,
    );
    expect(raw.length).toBeGreaterThan(10);
    expect(raw.length).toBeLessThanOrEqual(100);
    const key = (p: { career: { id: string }; field: { id: string } }) => `${p.career.id}@${p.field.id}`;

    const whole = (await ok<CareerPathsData>(SUBJECT_CAREERS, { subject: 'biology', first: 100 }))
      .subjectCareers;
    expect(whole.via).toBeNull();
    expect(whole.pageInfo.hasNextPage).toBe(false);
    expect(new Set(whole.paths.map(key))).toEqual(new Set(raw.map((r) => `${r.career}@${r.through}`)));
    expect(whole.paths).toHaveLength(raw.length);
    const scores = whole.paths.map((p) => p.path.score);
    expect(scores).toEqual(sortedDesc(scores));
    for (const { path } of whole.paths) {
      expect(path.nodes[0]!.id).toBe('biology');
      for (const step of path.steps) expect(step.edge.why.trim().length).toBeGreaterThan(0);
    }

    const pageSize = 7;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: CareerPathsData['subjectCareers'] = (
        await ok<CareerPathsData>(SUBJECT_CAREERS, { subject: 'biology', first: pageSize, after })
      ).subjectCareers;
      const got = page.paths.map(key);
      expect(got.some((k) => seen.includes(k))).toBe(false);
      seen.push(...got);
      expect(page.pageInfo.hasNextPage).toBe(seen.length < raw.length);
      if (!page.pageInfo.hasNextPage) break;
      expect(got).toHaveLength(pageSize);
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole.paths.map(key));
  });
});

// ---------------------------------------------------------------------------------------------------
// paths

interface PathsData {
  paths: { paths: PathData[]; pageInfo: PageInfo };
}
const PATHS = `query ($from: ID!, $to: ID!, $maxHops: Int, $relationships: [RelationshipType!], $first: Int, $after: String) {
  paths(from: $from, to: $to, maxHops: $maxHops, relationships: $relationships, first: $first, after: $after) {
    paths { ${PATH_FIELDS} }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('paths', () => {
  const nameOf = (id: string) =>
    [...seed.subjects, ...seed.fields, ...seed.careers].find((n) => n.id === id)!.name;

  // Hand-checked against seed/data (relationships [LEADS_TO, INCLUDES], maxHops 2, walked either way).
  // Over these two types the graph is Subject -LEADS_TO-> Field -INCLUDES-> Career, so a career is an
  // even number of steps from a subject: with at most 2 hops the only candidates are
  // subject → field → career, one for each field the subject leads to that also lists the career.
  //  - careers-health-and-science.json: hydrologist's `fields` are earth-sciences and environmental-science.
  //  - subjects.json: biology's `leadsTo` names environmental-science (weight 0.85) but not earth-sciences;
  //    geography's names environmental-science (0.9) and earth-sciences (0.85).
  //  - physics' `leadsTo` names electrical-engineering (0.85) and mechanical-engineering (0.85), both in
  //    robotics-engineer's `fields` (careers-engineering-and-computing.json); no other field of physics is.
  // INCLUDES has no weight and counts 1, so each score is the LEADS_TO weight; on physics' tie the
  // paths are ordered by their node ids, electrical-engineering before mechanical-engineering.
  const cases: { from: string; to: string; expected: { nodes: string[]; score: number }[] }[] = [
    {
      from: 'biology',
      to: 'hydrologist',
      expected: [{ nodes: ['biology', 'environmental-science', 'hydrologist'], score: 0.85 }],
    },
    {
      from: 'geography',
      to: 'hydrologist',
      expected: [
        { nodes: ['geography', 'environmental-science', 'hydrologist'], score: 0.9 },
        { nodes: ['geography', 'earth-sciences', 'hydrologist'], score: 0.85 },
      ],
    },
    {
      from: 'physics',
      to: 'robotics-engineer',
      expected: [
        { nodes: ['physics', 'electrical-engineering', 'robotics-engineer'], score: 0.85 },
        { nodes: ['physics', 'mechanical-engineering', 'robotics-engineer'], score: 0.85 },
      ],
    },
  ];

  for (const { from, to, expected } of cases) {
    it(`${from} → ${to} over LEADS_TO and INCLUDES in 2 hops: exactly the hand-checked paths`, async () => {
      const { paths } = await ok<PathsData>(PATHS, {
        from,
        to,
        maxHops: 2,
        relationships: ['LEADS_TO', 'INCLUDES'],
        first: 20,
      });
      expect(paths.pageInfo.hasNextPage).toBe(false);
      expect(paths.paths.map((p) => ids(p.nodes))).toEqual(expected.map((e) => e.nodes));
      paths.paths.forEach((path, i) => {
        const nodes = expected[i]!.nodes;
        expect(path.score).toBeCloseTo(expected[i]!.score, 10);
        expect(path.hops).toBe(2);
        expect(path.steps.map((s) => [s.from.id, s.to.id, s.edge.type, s.edge.from, s.edge.to])).toEqual([
          [nodes[0], nodes[1], 'LEADS_TO', nodes[0], nodes[1]],
          [nodes[1], nodes[2], 'INCLUDES', nodes[1], nodes[2]],
        ]);
        expect(path.steps[0]!.edge.weight).toBeCloseTo(expected[i]!.score, 10);
        expect(path.steps[1]!.edge.weight).toBeNull();
        expect(path.steps[1]!.strength).toBe(1);
        for (const step of path.steps) expect(step.edge.why.trim().length).toBeGreaterThan(0);
        const [a, b, c] = nodes.map(nameOf);
        expect(path.explanation).toBe(
          `${expected[i]!.score} (${a} leads to ${b}) × 1 (${b} includes ${c}) = ${expected[i]!.score}`,
        );
      });
    });
  }

  it('walks relationships against their direction, and the reasons are the graph’s', async () => {
    // hydrologist → geography is the geography → hydrologist walk reversed.
    const { paths } = await ok<PathsData>(PATHS, {
      from: 'hydrologist',
      to: 'geography',
      maxHops: 2,
      relationships: ['LEADS_TO', 'INCLUDES'],
    });
    expect(paths.paths.map((p) => ids(p.nodes))).toEqual([
      ['hydrologist', 'environmental-science', 'geography'],
      ['hydrologist', 'earth-sciences', 'geography'],
    ]);
    for (const path of paths.paths) {
      for (const step of path.steps) {
        const [raw] = await cypher<{ why: string }>(
          `MATCH (:Entity {id: $from})-[r]->(:Entity {id: $to}) WHERE type(r) = $type RETURN r.why AS why`,
          { from: step.edge.from, to: step.edge.to, type: step.edge.type },
        );
        expect(step.edge.why).toBe(raw!.why);
      }
    }
  });

  it('pages through the same paths with first + after', async () => {
    const variables = {
      from: 'geography',
      to: 'hydrologist',
      maxHops: 2,
      relationships: ['LEADS_TO', 'INCLUDES'],
      first: 1,
    };
    const first = (await ok<PathsData>(PATHS, variables)).paths;
    expect(first.paths.map((p) => ids(p.nodes))).toEqual([
      ['geography', 'environmental-science', 'hydrologist'],
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await ok<PathsData>(PATHS, { ...variables, after: first.pageInfo.endCursor })).paths;
    expect(second.paths.map((p) => ids(p.nodes))).toEqual([['geography', 'earth-sciences', 'hydrologist']]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('over all relationship types: best first, every step a real relationship with its reason', async () => {
    const { paths } = await ok<PathsData>(PATHS, {
      from: 'biology',
      to: 'hydrologist',
      maxHops: 3,
      first: 20,
    });
    expect(paths.paths.length).toBeGreaterThan(0);
    const scores = paths.paths.map((p) => p.score);
    expect(scores).toEqual(sortedDesc(scores));
    for (const path of paths.paths) {
      expect(path.nodes[0]!.id).toBe('biology');
      expect(path.nodes.at(-1)!.id).toBe('hydrologist');
      expect(path.hops).toBeLessThanOrEqual(3);
      expect(path.steps).toHaveLength(path.hops);
      expect(path.score).toBeCloseTo(
        path.steps.reduce((s, step) => s * step.strength, 1),
        10,
      );
      for (const step of path.steps) {
        expect([step.edge.from, step.edge.to].sort()).toEqual([step.from.id, step.to.id].sort());
        expect(step.edge.why.trim().length).toBeGreaterThan(0);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// career and skillGap

interface RawRequirement {
  id: string;
  importance: number;
  level: string;
  why: string;
}
const requirementsOf = (career: string) =>
  cypher<RawRequirement>(
    `MATCH (:Career {id: $career})-[r:REQUIRES]->(k:Skill) WHERE k.retiredAt IS NULL
     RETURN k.id AS id, r.importance AS importance, r.level AS level, r.why AS why`,
    { career },
  );

interface CareerData {
  career: {
    career: { id: string; name: string; onetSoc: string };
    fields: { field: { id: string }; why: string }[];
    skills: { skill: { id: string }; importance: number; level: string; why: string }[];
    subjects: { subject: { id: string }; importance: number; why: string }[];
    courses: { course: { id: string }; teaches: { id: string; kind: string }; level: string; why: string }[];
    applications: { application: { id: string }; why: string }[];
    related: { career: { id: string }; score: number; why: string }[];
  };
}
const CAREER = `query ($id: ID!) {
  career(id: $id) {
    career { id name onetSoc }
    fields { field { id } why }
    skills { skill { id } importance level why }
    subjects { subject { id } importance why }
    courses { course { id } teaches { id kind } level why }
    applications { application { id } why }
    related { career { id } score why }
  }
}`;

describe('career', () => {
  it('lists exactly the career’s REQUIRES skills, most important first, and what the seed says of it', async () => {
    const { career } = await ok<CareerData>(CAREER, { id: 'hydrologist' });
    const seeded = seed.careers.find((c) => c.id === 'hydrologist')!;
    expect(career.career).toEqual({ id: 'hydrologist', name: seeded.name, onetSoc: seeded.onetSoc });

    const raw = await requirementsOf('hydrologist');
    expect(raw.length).toBeGreaterThan(0);
    expect(new Set(career.skills.map((s) => s.skill.id))).toEqual(new Set(raw.map((r) => r.id)));
    expect(career.skills).toHaveLength(raw.length);
    const importances = career.skills.map((s) => s.importance);
    expect(importances).toEqual(sortedDesc(importances));
    const rawById = new Map(raw.map((r) => [r.id, r]));
    for (const s of career.skills) {
      const r = rawById.get(s.skill.id)!;
      expect(s).toEqual({
        skill: { id: r.id },
        importance: r.importance,
        level: r.level.toUpperCase(),
        why: r.why,
      });
    }

    // The rest straight from the seed file's record for the career.
    expect(new Set(career.fields.map((f) => f.field.id))).toEqual(new Set(seeded.fields.map((f) => f.field)));
    for (const f of career.fields) expect(f.why).toBe(seeded.fields.find((s) => s.field === f.field.id)!.why);
    expect(career.subjects.map((s) => [s.subject.id, s.importance])).toEqual(
      [...seeded.drawsOn]
        .sort((a, b) => b.importance - a.importance || a.subject.localeCompare(b.subject))
        .map((d) => [d.subject, d.importance]),
    );
    const applications = seed.applications.filter((a) => a.usedIn.some((u) => u.career === 'hydrologist'));
    expect(new Set(career.applications.map((a) => a.application.id))).toEqual(
      new Set(applications.map((a) => a.id)),
    );

    const rawRelated = await cypher<{ id: string }>(
      `MATCH (:Career {id: 'hydrologist'})-[:RELATED_TO]-(o:Career) RETURN DISTINCT o.id AS id`,
    );
    expect(new Set(career.related.map((r) => r.career.id))).toEqual(new Set(rawRelated.map((r) => r.id)));
    const relatedScores = career.related.map((r) => r.score);
    expect(relatedScores).toEqual(sortedDesc(relatedScores));

    for (const offer of career.courses) {
      expect(offer.teaches.kind).toBe('SKILL');
      expect(rawById.has(offer.teaches.id)).toBe(true);
      expect(offer.why.trim().length).toBeGreaterThan(0);
    }
  });
});

interface SkillGapData {
  skillGap: {
    career: { id: string };
    have: { skill: { id: string }; importance: number; why: string }[];
    missing: {
      skill: { id: string };
      importance: number;
      level: string;
      why: string;
      courses: { course: { id: string }; teaches: { id: string }; level: string }[];
    }[];
    coverage: number;
  };
}
const SKILL_GAP = `query ($career: ID!, $have: [ID!]!) {
  skillGap(career: $career, have: $have) {
    career { id }
    have { skill { id } importance why }
    missing { skill { id } importance level why courses { course { id } teaches { id } level } }
    coverage
  }
}`;

describe('skillGap', () => {
  it('splits the career’s REQUIRES skills into have and missing, most important first', async () => {
    const raw = await requirementsOf('hydrologist');
    expect(raw.length).toBeGreaterThan(3);
    const required = new Set(raw.map((r) => r.id));
    const held = [raw[0]!.id, raw[raw.length - 1]!.id];
    const [unrelated] = await cypher<{ id: string }>(
      `MATCH (k:Skill) WHERE NOT (:Career {id: 'hydrologist'})-[:REQUIRES]->(k) RETURN k.id AS id ORDER BY k.id LIMIT 1`,
    );

    const { skillGap } = await ok<SkillGapData>(SKILL_GAP, {
      career: 'hydrologist',
      have: [...held, unrelated!.id],
    });
    expect(skillGap.career.id).toBe('hydrologist');
    const haveIds = skillGap.have.map((s) => s.skill.id);
    const missingIds = skillGap.missing.map((s) => s.skill.id);
    expect(new Set(haveIds)).toEqual(new Set(held));
    expect(haveIds.filter((id) => missingIds.includes(id))).toEqual([]);
    expect(new Set([...haveIds, ...missingIds])).toEqual(required);
    expect(haveIds.length + missingIds.length).toBe(required.size);

    const missingImportance = skillGap.missing.map((m) => m.importance);
    expect(missingImportance).toEqual(sortedDesc(missingImportance));
    const haveImportance = skillGap.have.map((m) => m.importance);
    expect(haveImportance).toEqual(sortedDesc(haveImportance));

    const importance = new Map(raw.map((r) => [r.id, r.importance]));
    const total = raw.reduce((sum, r) => sum + r.importance, 0);
    expect(skillGap.coverage).toBeCloseTo(held.reduce((sum, id) => sum + importance.get(id)!, 0) / total, 10);

    const rawById = new Map(raw.map((r) => [r.id, r]));
    for (const m of skillGap.missing) {
      expect(m.why).toBe(rawById.get(m.skill.id)!.why);
      expect(m.level).toBe(rawById.get(m.skill.id)!.level.toUpperCase());
      for (const offer of m.courses) expect(offer.teaches.id).toBe(m.skill.id);
      const teachers = seed.courses.filter((c) => c.teachesSkills.some((t) => t.skill === m.skill.id));
      expect(m.courses.length).toBe(Math.min(5, teachers.length));
      for (const offer of m.courses) expect(ids(teachers)).toContain(offer.course.id);
    }
  });

  it('with nothing held, everything is missing and coverage is 0; with everything, coverage is 1', async () => {
    const raw = await requirementsOf('hydrologist');
    const none = (await ok<SkillGapData>(SKILL_GAP, { career: 'hydrologist', have: [] })).skillGap;
    expect(none.have).toEqual([]);
    expect(new Set(none.missing.map((m) => m.skill.id))).toEqual(new Set(raw.map((r) => r.id)));
    expect(none.coverage).toBe(0);

    const all = (await ok<SkillGapData>(SKILL_GAP, { career: 'hydrologist', have: raw.map((r) => r.id) }))
      .skillGap;
    expect(all.missing).toEqual([]);
    expect(all.have).toHaveLength(raw.length);
    expect(all.coverage).toBeCloseTo(1, 10);
  });
});

// ---------------------------------------------------------------------------------------------------
// No N+1: however much a request asks for, each top-level field is one round trip to Neo4j.

describe('round trips', () => {
  const requests: { name: string; query: string; variables: Record<string, unknown> }[] = [
    { name: 'search', query: SEARCH, variables: { text: 'science', first: 50 } },
    {
      name: 'node',
      query: `{ node(id: "hydrologist") { id name ... on Career { onetSoc outlook } } }`,
      variables: {},
    },
    { name: 'neighbourhood', query: NEIGHBOURHOOD, variables: { id: 'biology', depth: 2, first: 200 } },
    {
      name: 'neighbourhood with kinds',
      query: NEIGHBOURHOOD,
      variables: { id: 'biology', kinds: ['CAREER', 'FIELD'] },
    },
    { name: 'subjectCareers', query: SUBJECT_CAREERS, variables: { subject: 'biology', first: 100 } },
    {
      name: 'subjectCareers via',
      query: SUBJECT_CAREERS,
      variables: { subject: 'biology', via: 'environmental-science' },
    },
    { name: 'paths', query: PATHS, variables: { from: 'biology', to: 'hydrologist', maxHops: 3, first: 20 } },
    { name: 'career', query: CAREER, variables: { id: 'hydrologist' } },
    { name: 'skillGap', query: SKILL_GAP, variables: { career: 'hydrologist', have: [] } },
  ];

  for (const { name, query, variables } of requests) {
    it(`${name} makes exactly one Cypher round trip per request`, async () => {
      queries.length = 0;
      await ok(query, variables);
      expect(queries).toHaveLength(1);
    });
  }
});
