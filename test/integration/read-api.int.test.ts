// The read API over real HTTP against the real, seeded Neo4j: every answer is checked against the seed
// files or against Cypher run straight through the driver, never against numbers typed in by hand
// (except the hand-checked `paths` expectations, whose derivation is written beside them).
import { describe, expect, it } from 'vitest';
import { NeighbourhoodDocument } from '../../client/src/api/generated/graphql.ts';
import {
  CareerNodeDocument,
  CareerRequirementsDocument,
  CourseAndApplicationDocument,
  NodeSummaryDocument,
  PathsPageDocument,
  SearchPageDocument,
  SkillGapDetailDocument,
  SubjectCareerPathsDocument,
  type PathsPageQueryVariables,
  type SearchPageQuery,
  type SearchPageQueryVariables,
  type NodeKind,
  type SubjectCareerPathsQuery,
} from '../generated/graphql.ts';
import { defaultGraph } from '../support/default-graph.ts';
import { useHarness } from '../support/harness.ts';

const queries: string[] = [];
const api = useHarness({ onQuery: (cypher) => queries.push(cypher) });
const { cypher } = api;
const seed = defaultGraph();

const sortedDesc = (values: readonly number[]) => [...values].sort((a, b) => b - a);
const ids = (nodes: readonly { id: string }[]) => nodes.map((n) => n.id);

// ---------------------------------------------------------------------------------------------------
// search

const search = (variables: SearchPageQueryVariables) => api.ok(SearchPageDocument, variables);

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
    const all = (await search({ text: 'wildlife', first: 50 })).search;
    expect(all.pageInfo.hasNextPage).toBe(false); // the whole result is on this page
    const kindsSeen = new Set(all.hits.map((h) => h.node.kind));
    expect(kindsSeen.size).toBeGreaterThan(1);

    const kindSets: NodeKind[][] = [['CAREER'], ['SKILL', 'APPLICATION'], ['SUBJECT', 'FIELD', 'COURSE']];
    for (const kinds of kindSets) {
      const filtered = (await search({ text: 'wildlife', kinds, first: 50 })).search;
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
    // "wildlife" has fewer than 50 hits in the default graph (checked here), so one page of 50 holds them all.
    const whole = (await search({ text: 'wildlife', first: 50 })).search;
    expect(whole.pageInfo.hasNextPage).toBe(false);
    const expected = ids(whole.hits.map((h) => h.node));
    const pageSize = 4;
    expect(expected.length).toBeGreaterThan(2 * pageSize);

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; ; page++) {
      const { hits, pageInfo }: SearchPageQuery['search'] = (
        await search({ text: 'wildlife', first: pageSize, after })
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
      const data = await api.ok(NodeSummaryDocument, { id });
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
    const data = await api.ok(CourseAndApplicationDocument, {
      course: course.id,
      application: application.id,
    });
    expect(data.course).toEqual({
      provider: course.provider,
      format: course.format.toUpperCase(),
      level: course.level.toUpperCase(),
      hours: course.hours,
    });
    expect(data.application).toEqual({
      example: application.example,
      reflectionPrompt: application.reflectionPrompt,
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// neighbourhood

describe('neighbourhood', () => {
  it('with kinds [CAREER] returns exactly the careers next to Music', async () => {
    const { neighbourhood } = await api.ok(NeighbourhoodDocument, {
      id: 'music',
      kinds: ['CAREER'],
      first: 200,
    });
    const raw = await cypher<{ id: string }>(
      `MATCH (:Entity {id: 'music'})--(m:Career) WHERE m.retiredAt IS NULL RETURN DISTINCT m.id AS id`,
    );
    expect(raw.length).toBeGreaterThan(0);
    expect(neighbourhood.center.id).toBe('music');
    expect(neighbourhood.nodes[0]).toMatchObject({ id: 'music', kind: 'SUBJECT' });
    const neighbours = neighbourhood.nodes.slice(1);
    for (const n of neighbours) expect(n.kind).toBe('CAREER');
    expect(new Set(ids(neighbours))).toEqual(new Set(raw.map((r) => r.id)));
    expect(neighbours).toHaveLength(raw.length);
    expect(neighbourhood.truncated).toBe(false);
  });

  it('with kinds at depth 2 returns exactly the nodes of those kinds within two steps', async () => {
    const { neighbourhood } = await api.ok(NeighbourhoodDocument, {
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
    const { neighbourhood } = await api.ok(NeighbourhoodDocument, {
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

describe('subjectCareers', () => {
  it('Biology via Environmental Science: exactly the careers Cypher finds, with the graph’s reasons', async () => {
    const { subjectCareers } = await api.ok(SubjectCareerPathsDocument, {
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

  // Agriculture: its 73 paths fit one page of 100 (Biology's 153 do not, over the default graph).
  it('without via: every subject → field (→ sub-field) → career path Cypher finds, in pages', async () => {
    const raw = await cypher<{ career: string; through: string }>(
      `MATCH (s:Subject {id: 'agriculture'})-[:LEADS_TO]->(f:Field)-[:INCLUDES]->(c:Career)
       RETURN c.id AS career, f.id AS through
       UNION
       MATCH (s:Subject {id: 'agriculture'})-[:LEADS_TO]->(:Field)<-[:PART_OF]-(sf:Field)-[:INCLUDES]->(c:Career)
       RETURN c.id AS career, sf.id AS through`,
    );
    expect(raw.length).toBeGreaterThan(10);
    expect(raw.length).toBeLessThanOrEqual(100);
    const key = (p: { career: { id: string }; field: { id: string } }) => `${p.career.id}@${p.field.id}`;

    const whole = (await api.ok(SubjectCareerPathsDocument, { subject: 'agriculture', first: 100 }))
      .subjectCareers;
    expect(whole.via).toBeNull();
    expect(whole.pageInfo.hasNextPage).toBe(false);
    expect(new Set(whole.paths.map(key))).toEqual(new Set(raw.map((r) => `${r.career}@${r.through}`)));
    expect(whole.paths).toHaveLength(raw.length);
    const scores = whole.paths.map((p) => p.path.score);
    expect(scores).toEqual(sortedDesc(scores));
    for (const { path } of whole.paths) {
      expect(path.nodes[0]!.id).toBe('agriculture');
      for (const step of path.steps) expect(step.edge.why.trim().length).toBeGreaterThan(0);
    }

    const pageSize = 7;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: SubjectCareerPathsQuery['subjectCareers'] = (
        await api.ok(SubjectCareerPathsDocument, { subject: 'agriculture', first: pageSize, after })
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

const pathsPage = (variables: PathsPageQueryVariables) => api.ok(PathsPageDocument, variables);

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
      const { paths } = await pathsPage({
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
    const { paths } = await pathsPage({
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
    const variables: PathsPageQueryVariables = {
      from: 'geography',
      to: 'hydrologist',
      maxHops: 2,
      relationships: ['LEADS_TO', 'INCLUDES'],
      first: 1,
    };
    const first = (await pathsPage(variables)).paths;
    expect(first.paths.map((p) => ids(p.nodes))).toEqual([
      ['geography', 'environmental-science', 'hydrologist'],
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await pathsPage({ ...variables, after: first.pageInfo.endCursor })).paths;
    expect(second.paths.map((p) => ids(p.nodes))).toEqual([['geography', 'earth-sciences', 'hydrologist']]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('over all relationship types: best first, every step a real relationship with its reason', async () => {
    const { paths } = await pathsPage({
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

describe('career', () => {
  it('lists exactly the career’s REQUIRES skills, most important first, and what the seed says of it', async () => {
    const { career } = await api.ok(CareerRequirementsDocument, { id: 'hydrologist' });
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

    const subjects = new Set(seeded.drawsOn.map((d) => d.subject));
    for (const offer of career.courses) {
      expect(['SKILL', 'SUBJECT']).toContain(offer.teaches.kind);
      expect(rawById.has(offer.teaches.id) || subjects.has(offer.teaches.id)).toBe(true);
      expect(offer.why.trim().length).toBeGreaterThan(0);
    }
  });
});

const skillGap = (career: string, have: string[]) => api.ok(SkillGapDetailDocument, { career, have });

describe('skillGap', () => {
  it('splits the career’s REQUIRES skills into have and missing, most important first', async () => {
    const raw = await requirementsOf('hydrologist');
    expect(raw.length).toBeGreaterThan(3);
    const required = new Set(raw.map((r) => r.id));
    const held = [raw[0]!.id, raw[raw.length - 1]!.id];
    const [unrelated] = await cypher<{ id: string }>(
      `MATCH (k:Skill) WHERE NOT (:Career {id: 'hydrologist'})-[:REQUIRES]->(k) RETURN k.id AS id ORDER BY k.id LIMIT 1`,
    );

    const gap = (await skillGap('hydrologist', [...held, unrelated!.id])).skillGap;
    expect(gap.career.id).toBe('hydrologist');
    const haveIds = gap.have.map((s) => s.skill.id);
    const missingIds = gap.missing.map((s) => s.skill.id);
    expect(new Set(haveIds)).toEqual(new Set(held));
    expect(haveIds.filter((id) => missingIds.includes(id))).toEqual([]);
    expect(new Set([...haveIds, ...missingIds])).toEqual(required);
    expect(haveIds.length + missingIds.length).toBe(required.size);

    const missingImportance = gap.missing.map((m) => m.importance);
    expect(missingImportance).toEqual(sortedDesc(missingImportance));
    const haveImportance = gap.have.map((m) => m.importance);
    expect(haveImportance).toEqual(sortedDesc(haveImportance));

    const importance = new Map(raw.map((r) => [r.id, r.importance]));
    const total = raw.reduce((sum, r) => sum + r.importance, 0);
    expect(gap.coverage).toBeCloseTo(held.reduce((sum, id) => sum + importance.get(id)!, 0) / total, 10);

    const rawById = new Map(raw.map((r) => [r.id, r]));
    for (const m of gap.missing) {
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
    const none = (await skillGap('hydrologist', [])).skillGap;
    expect(none.have).toEqual([]);
    expect(new Set(none.missing.map((m) => m.skill.id))).toEqual(new Set(raw.map((r) => r.id)));
    expect(none.coverage).toBe(0);

    const all = (
      await skillGap(
        'hydrologist',
        raw.map((r) => r.id),
      )
    ).skillGap;
    expect(all.missing).toEqual([]);
    expect(all.have).toHaveLength(raw.length);
    expect(all.coverage).toBeCloseTo(1, 10);
  });
});

// ---------------------------------------------------------------------------------------------------
// No N+1: however much a request asks for, each top-level field is one round trip to Neo4j.

describe('round trips', () => {
  const requests: { name: string; send: () => Promise<unknown> }[] = [
    { name: 'search', send: () => search({ text: 'science', first: 50 }) },
    { name: 'node', send: () => api.ok(CareerNodeDocument, { id: 'hydrologist' }) },
    {
      name: 'neighbourhood',
      send: () => api.ok(NeighbourhoodDocument, { id: 'biology', depth: 2, first: 200 }),
    },
    {
      name: 'neighbourhood with kinds',
      send: () => api.ok(NeighbourhoodDocument, { id: 'biology', kinds: ['CAREER', 'FIELD'] }),
    },
    {
      name: 'subjectCareers',
      send: () => api.ok(SubjectCareerPathsDocument, { subject: 'biology', first: 100 }),
    },
    {
      name: 'subjectCareers via',
      send: () => api.ok(SubjectCareerPathsDocument, { subject: 'biology', via: 'environmental-science' }),
    },
    { name: 'paths', send: () => pathsPage({ from: 'biology', to: 'hydrologist', maxHops: 3, first: 20 }) },
    { name: 'career', send: () => api.ok(CareerRequirementsDocument, { id: 'hydrologist' }) },
    { name: 'skillGap', send: () => skillGap('hydrologist', []) },
  ];

  for (const { name, send } of requests) {
    it(`${name} makes exactly one Cypher round trip per request`, async () => {
      queries.length = 0;
      await send();
      expect(queries).toHaveLength(1);
    });
  }
});
