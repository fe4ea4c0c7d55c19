// The loader against the real Neo4j the run started (already seeded once by the global setup).
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeed, loadSeedChunks, type LoadReport } from '../../seed/load.ts';
import { loaderDoor } from '../../server/graph/loader-door.ts';
import { SEED_DATA_DIR } from '../../model/paths.ts';
import { readCheckedSeed } from '../../seed/prepare.ts';
import { readSeedDirectory, SeedFileError } from '../../seed/read.ts';
import { checkIntegrity } from '../../seed/integrity.ts';
import { defaultGraph } from '../support/default-graph.ts';
import { useOwnNeo4j, useTestGraph } from '../support/harness.ts';

const shared = useTestGraph();
const database = () => shared.graph.database;

// Other test files add nodes, links, accounts and sessions of their own to the shared graph, so the
// loader's work is measured on the default graph's own ids only.
const seedIds = (): string[] => {
  const data = defaultGraph();
  return [data.subjects, data.fields, data.skills, data.careers, data.courses, data.applications].flatMap(
    (records) => records.map((r) => r.id),
  );
};

async function seedCounts(): Promise<Record<string, number>> {
  const rows = await shared.cypher<{ label: string; count: number }>(
    `MATCH (n:Entity) WHERE n.id IN $ids AND n.retiredAt IS NULL
     RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, count(*) AS count`,
    { ids: seedIds() },
  );
  return Object.fromEntries(rows.map((r) => [r.label, r.count]));
}

async function relationshipCount(): Promise<number> {
  const [row] = await shared.cypher<{ n: number }>(
    'MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids RETURN count(r) AS n',
    { ids: seedIds() },
  );
  return row!.n;
}

describe('seed loader', () => {
  it('holds exactly what the default graph describes', async () => {
    const data = defaultGraph();
    const expected = checkIntegrity(data);
    expect(await seedCounts()).toEqual(expected.counts);
    expect(await relationshipCount()).toBe(expected.relationships);
  });

  it('changes nothing on a second run', async () => {
    const before = { nodes: await seedCounts(), relationships: await relationshipCount() };
    const report = await loadSeed(loaderDoor(shared.driver, database()), defaultGraph());
    for (const counts of [...Object.values(report.nodes), ...Object.values(report.relationships)]) {
      expect(counts.created).toBe(0);
      expect(counts.updated).toBe(0);
    }
    expect(Object.values(report.nodes).reduce((sum, c) => sum + c.unchanged, 0)).toBe(
      Object.values(before.nodes).reduce((sum, n) => sum + n, 0),
    );
    expect({ nodes: await seedCounts(), relationships: await relationshipCount() }).toEqual(before);
  });

  it('updates exactly the record that changed, and records who changed it', async () => {
    const data = defaultGraph();
    const career = data.careers[0]!;
    const original = career.description;
    career.description = `${original} (edited for a test)`;
    const report = await loadSeed(loaderDoor(shared.driver, database()), data, { actor: 'loader-test' });
    expect(report.nodes.Career).toMatchObject({ created: 0, updated: 1 });
    expect(report.nodes.Skill).toMatchObject({ created: 0, updated: 0 });
    const [row] = await shared.cypher(
      'MATCH (c:Career {id: $id}) RETURN c.description AS d, c.updatedBy AS by',
      {
        id: career.id,
      },
    );
    expect(row).toEqual({ d: career.description, by: 'loader-test' });

    career.description = original;
    const restored = await loadSeed(loaderDoor(shared.driver, database()), data);
    expect(restored.nodes.Career).toMatchObject({ created: 0, updated: 1 });
  });

  it('refuses a malformed seed before writing anything, naming file, record and field', async () => {
    const before = { nodes: await seedCounts(), relationships: await relationshipCount() };
    const dir = mkdtempSync(join(tmpdir(), 'pathways-bad-seed-'));
    cpSync(SEED_DATA_DIR, dir, { recursive: true });
    const { data } = readSeedDirectory(dir);
    // A new, valid-looking career with one bad field: nothing of it, nor of the good files, may be written.
    writeFileSync(
      join(dir, 'careers-zz-broken.json'),
      JSON.stringify([{ ...data.careers[4], id: 'brand-new-career', jobZone: 9 }]),
    );
    expect(() => readCheckedSeed(dir)).toThrowError(SeedFileError);
    expect(() => readCheckedSeed(dir)).toThrowError(
      /careers-zz-broken\.json: record 1 "brand-new-career": field jobZone: must be at most 5/,
    );
    expect({ nodes: await seedCounts(), relationships: await relationshipCount() }).toEqual(before);
  });
});

describe('constraints', () => {
  it('reject a second node with an existing id, within a label and across labels', async () => {
    const [career] = readCheckedSeed(SEED_DATA_DIR).careers;
    await expect(
      shared.cypher('CREATE (:Career {id: $id, name: "Duplicate"})', { id: career!.id }),
    ).rejects.toMatchObject({ code: 'Neo.ClientError.Schema.ConstraintValidationFailed' });
    await expect(
      shared.cypher('CREATE (:Entity:Skill {id: $id, name: "Duplicate"})', { id: career!.id }),
    ).rejects.toMatchObject({ code: 'Neo.ClientError.Schema.ConstraintValidationFailed' });
    const [count] = await shared.cypher<{ n: number }>('MATCH (n {id: $id}) RETURN count(n) AS n', {
      id: career!.id,
    });
    expect(count?.n).toBe(1);
  });

  it('include a full-text index over name, aliases and description', async () => {
    const [index] = await shared.cypher(
      `SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, state WHERE name = 'node_search'
       RETURN labelsOrTypes, properties, state`,
    );
    expect(index).toEqual({
      labelsOrTypes: ['Subject', 'Field', 'Skill', 'Career', 'Course', 'Application'],
      properties: ['name', 'aliasText', 'description'],
      state: 'ONLINE',
    });
    const [hits] = await shared.cypher<{ ids: string[] }>(
      `CALL db.index.fulltext.queryNodes('node_search', 'hydrolog*') YIELD node RETURN collect(node.id) AS ids`,
    );
    expect(hits?.ids).toContain('hydrologist');
  });
});

// The first load into an empty graph takes the CREATE path; every later load takes MERGE. Both must
// leave the same graph, property for property, so this needs a graph of its own that can be emptied.
describe('first load into an empty graph', () => {
  const neo4j = useOwnNeo4j('loader');
  const outsider = 'pre-existing-skill';
  const wipe = () => neo4j.driver.executeQuery('MATCH (n) DETACH DELETE n');

  /** The names of the constraints and indexes that are online. */
  async function schema(): Promise<string[]> {
    const result = await neo4j.driver.executeQuery(
      `SHOW INDEXES YIELD name, type, state WHERE type <> 'LOOKUP' AND state = 'ONLINE'
       RETURN collect(name) AS names`,
    );
    return (result.records[0]?.get('names') as string[]).sort();
  }
  // The loader applies the whole database schema (server/graph/database-schema.ts), not only the graph's.
  const BUILT_SCHEMA = [
    'application_id',
    'career_id',
    'change_id',
    'change_seq',
    'changelog_id',
    'course_id',
    'entity_id',
    'field_id',
    'import_chunk_key',
    'import_upload_id',
    'node_search',
    'plan_id',
    'rate_limit_expires',
    'rate_limit_key',
    'session_token',
    'skill_id',
    'subject_id',
    'user_email',
    'user_id',
  ];

  /** Back to a fresh database: no data, no constraints, no full-text index. */
  async function wipeAll(): Promise<void> {
    await wipe();
    const constraints = await neo4j.driver.executeQuery(
      'SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names',
    );
    // Names Neo4j itself reports, quoted: test set-up, not user input.
    for (const name of constraints.records[0]?.get('names') as string[])
      await neo4j.driver.executeQuery(`DROP CONSTRAINT \`${name}\``);
    const indexes = await neo4j.driver.executeQuery(
      "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN collect(name) AS names",
    );
    for (const name of indexes.records[0]?.get('names') as string[])
      await neo4j.driver.executeQuery(`DROP INDEX \`${name}\` IF EXISTS`);
    expect(await schema()).toEqual([]);
  }

  /**
   * Every node and relationship with all its properties, sorted. A run stamps one time on all it
   * writes; that time is checked to be single and replaced, so runs at different moments compare.
   */
  async function snapshot(): Promise<unknown[]> {
    const nodes = await neo4j.driver.executeQuery(
      `MATCH (n:Entity) WHERE n.id <> $outsider
       RETURN n.id AS key, labels(n) AS labels, properties(n) AS props ORDER BY key`,
      { outsider },
    );
    const rels = await neo4j.driver.executeQuery(
      `MATCH (a:Entity)-[r]->(b:Entity)
       RETURN type(r) + ' ' + a.id + ' ' + b.id AS key, properties(r) AS props ORDER BY key`,
    );
    const items = [...nodes.records, ...rels.records].map((r) => r.toObject());
    const times = new Set<unknown>();
    for (const item of items) {
      const props = item.props as Record<string, unknown>;
      times.add(props.createdAt).add(props.updatedAt);
      props.createdAt = props.updatedAt = '<run time>';
    }
    expect(times.size).toBe(1);
    return items;
  }

  const written = (report: LoadReport) =>
    [...Object.values(report.nodes), ...Object.values(report.relationships)].reduce(
      (sum, c) => ({ created: sum.created + c.created, updated: sum.updated + c.updated }),
      { created: 0, updated: 0 },
    );

  it('creates the same graph as the MERGE path, and a second run then changes nothing', async () => {
    const data = readCheckedSeed(SEED_DATA_DIR);
    const expected = checkIntegrity(data);
    const first = await loadSeed(loaderDoor(neo4j.driver), data);
    expect(first.bulkCreate).toBe(true);
    // The first load builds the constraints and the full-text index at its end.
    expect(await schema()).toEqual(BUILT_SCHEMA);
    expect(written(first)).toEqual({
      created: Object.values(expected.counts).reduce((a, b) => a + b, 0) + expected.relationships,
      updated: 0,
    });
    const created = await snapshot();
    expect(created.length).toBe(
      Object.values(expected.counts).reduce((a, b) => a + b, 0) + expected.relationships,
    );

    // One node the seed does not know makes the graph non-empty: the same seed now goes through MERGE.
    await wipe();
    await neo4j.driver.executeQuery('CREATE (:Entity:Skill {id: $outsider, name: "Outsider"})', { outsider });
    const merged = await loadSeed(loaderDoor(neo4j.driver), data);
    expect(merged.bulkCreate).toBe(false);
    expect(await snapshot()).toEqual(created);

    // A load that wrote moves the graph version running servers' result caches follow; one that
    // changed nothing leaves it.
    const loads = async () =>
      (
        await neo4j.driver.executeQuery("MATCH (l:ChangeLog {id: 'changes'}) RETURN l.loads AS n")
      ).records[0]?.get('n');
    const before = Number(await loads());
    const again = await loadSeed(loaderDoor(neo4j.driver), data);
    expect(again.bulkCreate).toBe(false);
    expect(written(again)).toEqual({ created: 0, updated: 0 });
    expect(Number(await loads())).toBe(before);
    expect(before).toBeGreaterThanOrEqual(1);
  });

  it('falls back to MERGE when a relationship is listed twice, writing it once', async () => {
    await wipe();
    const data = readCheckedSeed(SEED_DATA_DIR);
    const career = data.careers[0]!;
    const requirement = career.requires[0]!;
    career.requires.push({ ...requirement, why: `${requirement.why} (listed twice)` });
    const report = await loadSeed(loaderDoor(neo4j.driver), data);
    expect(report.bulkCreate).toBe(false);
    const result = await neo4j.driver.executeQuery(
      'MATCH (:Career {id: $career})-[r:REQUIRES]->(:Skill {id: $skill}) RETURN count(r) AS n, collect(r.why) AS why',
      { career: career.id, skill: requirement.skill },
    );
    // MERGE semantics: one relationship, the later listing's properties.
    expect(result.records[0]?.toObject()).toEqual({ n: 1, why: [`${requirement.why} (listed twice)`] });
  });

  it('builds the constraints before its first MERGE when a later part repeats a node', async () => {
    await wipeAll();
    const data = readCheckedSeed(SEED_DATA_DIR);
    const subject = data.subjects[0]!;
    const again = { ...subject, description: `${subject.description} (listed again)` };
    const part = { subjects: [again], fields: [], skills: [], careers: [], courses: [], applications: [] };
    // Records the statements the loader sends, in order.
    const sent: string[] = [];
    const report = await loadSeedChunks(
      loaderDoor(neo4j.driver, undefined, (cypher) => sent.push(cypher)),
      [data, part],
    );
    expect(report.bulkCreate).toBe(false);
    expect(await schema()).toEqual(BUILT_SCHEMA);
    // MERGE without the constraints would scan whole labels, and two could race to create one node.
    const firstMerge = sent.findIndex((q) => q.includes('MERGE'));
    const lastConstraint = sent.findLastIndex((q) => q.includes('CREATE CONSTRAINT subject_id'));
    const firstCreate = sent.findIndex((q) => /\bCREATE \(n:/.test(q));
    expect(firstCreate).toBeGreaterThanOrEqual(0);
    expect(lastConstraint).toBeGreaterThan(firstCreate);
    expect(firstMerge).toBeGreaterThan(lastConstraint);
    const result = await neo4j.driver.executeQuery(
      'MATCH (s:Subject {id: $id}) RETURN count(s) AS n, collect(s.description) AS descriptions',
      { id: subject.id },
    );
    // MERGE semantics: one node, the later listing's description.
    expect(result.records[0]?.toObject()).toEqual({ n: 1, descriptions: [again.description] });
    const links = await neo4j.driver.executeQuery(
      'MATCH (:Subject {id: $id})-[r:LEADS_TO]->() RETURN count(r) AS n',
      {
        id: subject.id,
      },
    );
    expect(links.records[0]?.get('n')).toBe(subject.leadsTo.length);
  });
});
