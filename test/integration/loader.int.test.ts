// The loader against the real Neo4j the run started (already seeded once by the global setup).
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../seed/load.ts';
import { SEED_DATA_DIR } from '../../seed/paths.ts';
import { readCheckedSeed } from '../../seed/prepare.ts';
import { readSeedDirectory, SeedFileError } from '../../seed/read.ts';
import { checkIntegrity } from '../../seed/integrity.ts';
import { testDriver, testNeo4j } from '../support/neo4j.ts';

let driver: Driver;
const database = () => testNeo4j().database;

// Other test files add nodes, links, accounts and sessions of their own to the shared graph, so the
// loader's work is measured on the seed's own ids only.
const seedIds = (): string[] => {
  const data = readCheckedSeed(SEED_DATA_DIR);
  return [data.subjects, data.fields, data.skills, data.careers, data.courses, data.applications].flatMap(
    (records) => records.map((r) => r.id),
  );
};

async function seedCounts(): Promise<Record<string, number>> {
  const result = await driver.executeQuery(
    `MATCH (n:Entity) WHERE n.id IN $ids AND n.retiredAt IS NULL
     RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, count(*) AS count`,
    { ids: seedIds() },
    { database: database() },
  );
  return Object.fromEntries(result.records.map((r) => [r.get('label') as string, r.get('count') as number]));
}

async function relationshipCount(): Promise<number> {
  const result = await driver.executeQuery(
    'MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids RETURN count(r) AS n',
    { ids: seedIds() },
    { database: database() },
  );
  return result.records[0]?.get('n') as number;
}

beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

describe('seed loader', () => {
  it('holds exactly what the seed files describe', async () => {
    const data = readCheckedSeed(SEED_DATA_DIR);
    const expected = checkIntegrity(data);
    expect(await seedCounts()).toEqual(expected.counts);
    expect(await relationshipCount()).toBe(expected.relationships);
  });

  it('changes nothing on a second run', async () => {
    const before = { nodes: await seedCounts(), relationships: await relationshipCount() };
    const report = await loadSeed(driver, readCheckedSeed(SEED_DATA_DIR), { database: database() });
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
    const data = readCheckedSeed(SEED_DATA_DIR);
    const career = data.careers[0]!;
    const original = career.description;
    career.description = `${original} (edited for a test)`;
    const report = await loadSeed(driver, data, { database: database(), actor: 'loader-test' });
    expect(report.nodes.Career).toMatchObject({ created: 0, updated: 1 });
    expect(report.nodes.Skill).toMatchObject({ created: 0, updated: 0 });
    const row = await driver.executeQuery(
      'MATCH (c:Career {id: $id}) RETURN c.description AS d, c.updatedBy AS by',
      { id: career.id },
      { database: database() },
    );
    expect(row.records[0]?.toObject()).toEqual({ d: career.description, by: 'loader-test' });

    career.description = original;
    const restored = await loadSeed(driver, data, { database: database() });
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
      /careers-zz-broken\.json: record 1 "brand-new-career": field jobZone: Too big/,
    );
    expect({ nodes: await seedCounts(), relationships: await relationshipCount() }).toEqual(before);
  });
});

describe('constraints', () => {
  it('reject a second node with an existing id, within a label and across labels', async () => {
    const [career] = readCheckedSeed(SEED_DATA_DIR).careers;
    await expect(
      driver.executeQuery(
        'CREATE (:Career {id: $id, name: "Duplicate"})',
        { id: career!.id },
        { database: database() },
      ),
    ).rejects.toMatchObject({ code: 'Neo.ClientError.Schema.ConstraintValidationFailed' });
    await expect(
      driver.executeQuery(
        'CREATE (:Entity:Skill {id: $id, name: "Duplicate"})',
        { id: career!.id },
        { database: database() },
      ),
    ).rejects.toMatchObject({ code: 'Neo.ClientError.Schema.ConstraintValidationFailed' });
    const count = await driver.executeQuery(
      'MATCH (n {id: $id}) RETURN count(n) AS n',
      { id: career!.id },
      { database: database() },
    );
    expect(count.records[0]?.get('n')).toBe(1);
  });

  it('include a full-text index over name, aliases and description', async () => {
    const result = await driver.executeQuery(
      `SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, state WHERE name = 'node_search'
       RETURN labelsOrTypes, properties, state`,
      {},
      { database: database() },
    );
    expect(result.records[0]?.toObject()).toEqual({
      labelsOrTypes: ['Subject', 'Field', 'Skill', 'Career', 'Course', 'Application'],
      properties: ['name', 'aliasText', 'description'],
      state: 'ONLINE',
    });
    const hits = await driver.executeQuery(
      `CALL db.index.fulltext.queryNodes('node_search', 'hydrolog*') YIELD node RETURN collect(node.id) AS ids`,
      {},
      { database: database() },
    );
    expect(hits.records[0]?.get('ids')).toContain('hydrologist');
  });
});
