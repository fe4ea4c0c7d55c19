// Import and export against a real Neo4j. Wiping the graph and failing imports on purpose must not
// disturb the other test files, which share the run's Neo4j, so this file starts its own throw-away
// Neo4j, loads the curated seed into it, and stops it afterwards whatever happens.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../model/paths.ts';
import { listChanges } from '../../server/graph/audit.ts';
import { undoChange } from '../../server/graph/curate.ts';
import type { EntityState } from '../../server/graph/entity-state.ts';
import type { GraphContext } from '../../server/graph/executor.ts';
import { exportGraph } from '../../server/graph/export.ts';
import { importGraph } from '../../server/graph/import-graph.ts';
import { IMPORT_TIMEOUT_MS, applyStates, readStates } from '../../server/graph/state-writer.ts';
import { writeTransaction } from '../../server/graph/writer.ts';
import {
  IMPORT_MAX_BYTES,
  parseImport,
  toCsv,
  toGraphJson,
  type ImportFile,
} from '../../server/transfer/index.ts';
import { useOwnNeo4j } from '../support/harness.ts';

const ONET_DIR = join(PROJECT_ROOT, 'test', 'fixtures', 'onet');
const actor = { id: 'test', email: 'import-test@example.org' };
// The whole curated graph as one file is about as large as importGraph takes in one request; these
// in-process tests raise the limit the way the command line does (over HTTP it goes through the
// staged upload: import-upload.int.test.ts).
const WHOLE_GRAPH = { maxBytes: 16 * 1024 * 1024 };
/** The report of an import that found everything already there. */
const WROTE_NOTHING = { created: [], updated: [], linked: 0, relinked: 0, changeId: null, problems: [] };

const neo4j = useOwnNeo4j('import', { seed: true });
let ctx: GraphContext;
beforeAll(() => {
  ctx = neo4j.graph;
});

function onetFiles(): ImportFile[] {
  return readdirSync(ONET_DIR).map((name) => ({ name, content: readFileSync(join(ONET_DIR, name), 'utf8') }));
}

const importWholeGraph = (content: string) =>
  importGraph(ctx, actor, parseImport('JSON', [{ name: 'graph.json', content }], WHOLE_GRAPH), {
    dryRun: false,
  });

async function exportJson(): Promise<string> {
  return toGraphJson(await exportGraph(ctx));
}

async function count(cypher: string, params: Record<string, unknown> = {}): Promise<number> {
  const result = await ctx.driver.executeQuery(cypher, params);
  return result.records[0]?.get('n') as number;
}

async function wipe(): Promise<void> {
  await ctx.driver.executeQuery('MATCH (n) DETACH DELETE n');
  expect(await count('MATCH (n) RETURN count(n) AS n')).toBe(0);
}

describe('O*NET import', () => {
  let beforeImport = '';
  const newCareers = [
    'climate-change-policy-analysts',
    'forest-and-conservation-technicians',
    'industrial-ecologists',
  ];

  it('dry run reports what it would create, update and link, and writes nothing', async () => {
    const before = await exportJson();
    const report = await importGraph(ctx, actor, parseImport('ONET', onetFiles()), { dryRun: true });
    expect(report.problems).toEqual([]);
    expect(report.dryRun).toBe(true);
    expect(report.changeId).toBeNull();
    // "mathematics" is a subject, so O*NET's Mathematics skill gets the kind as a suffix.
    expect(report.created).toEqual([...newCareers, 'mathematics-skill', 'monitoring', 'science'].sort());
    // Careers found by O*NET-SOC code, skills by id: curated nodes gain the O*NET facts.
    expect(report.updated).toEqual([
      'active-listening',
      'critical-thinking',
      'environmental-scientist',
      'hydrologist',
      'programming',
    ]);
    expect(report.linked).toBeGreaterThan(10);
    expect(await exportJson()).toBe(before);
  });

  it('imports as one change, keeps curated wording, and a re-import updates nothing', async () => {
    beforeImport = await exportJson();
    const started = Date.now();
    const first = await importGraph(ctx, actor, parseImport('ONET', onetFiles()), { dryRun: false });
    console.log(`O*NET fixture import: ${Date.now() - started} ms`);
    expect(first.problems).toEqual([]);
    expect(first.changeId).not.toBeNull();
    expect(first.created).toHaveLength(6);

    const env = await ctx.driver.executeQuery(
      `MATCH (c:Career {onetSoc: '19-2041.00'}) RETURN c.id AS id, c.name AS name, c.riasec AS riasec,
         c.jobZone AS jobZone, c.outlook AS outlook`,
    );
    expect(env.records.map((r) => r.toObject())).toEqual([
      {
        id: 'environmental-scientist',
        name: 'Environmental Scientist',
        riasec: 'ICR',
        jobZone: 4,
        outlook: 'steady',
      },
    ]);
    const link = await ctx.driver.executeQuery(
      `MATCH (:Career {id: 'climate-change-policy-analysts'})-[r:RELATED_TO]->(c:Career) RETURN c.id AS id ORDER BY id`,
    );
    expect(link.records.map((r) => r.get('id'))).toEqual([
      'environmental-scientist',
      'industrial-ecologists',
    ]);
    expect(
      await count(
        `MATCH (:Career {id: 'forest-and-conservation-technicians'})-[:RELATED_TO]->(:Career {id: 'forester'}) RETURN count(*) AS n`,
      ),
    ).toBe(1);

    const again = await importGraph(ctx, actor, parseImport('ONET', onetFiles()), { dryRun: false });
    expect(again).toMatchObject(WROTE_NOTHING);
    expect(again.unchanged).toBe(first.created.length + first.updated.length + 1);
    expect(await count(`MATCH (c:Career) WHERE c.onetSoc STARTS WITH '19-2041.' RETURN count(c) AS n`)).toBe(
      3,
    );
  });

  it('records the import as one IMPORT change with before and after, and undo reverts it exactly', async () => {
    const { items } = await listChanges(ctx, { first: 5 });
    const imports = items.filter((c) => c.action === 'IMPORT');
    expect(imports).toHaveLength(1);
    const change = imports[0]!;
    expect(change.byEmail).toBe(actor.email);
    expect(change.summary).toMatch(
      /^Imported from O\*NET: created 3 skills, 3 careers; updated 5 nodes; wrote \d+ relationships$/,
    );
    const state = (list: EntityState[], id: string) => list.find((s) => s.kind === 'node' && s.id === id);
    expect(state(change.before, 'environmental-scientist')?.props).toMatchObject({ riasec: 'IRC' });
    expect(state(change.after, 'environmental-scientist')?.props).toMatchObject({ riasec: 'ICR' });
    expect(state(change.before, 'industrial-ecologists')?.props).toBeNull();
    expect(change.before.some((s) => s.kind === 'relationship' && s.props === null)).toBe(true);

    const reverted = await undoChange(ctx, actor, change.id);
    expect(reverted.action).toBe('UNDO');
    expect(await exportJson()).toBe(beforeImport);
  });
});

describe('a failing import', () => {
  it('leaves the graph byte-identical when only the last row is wrong', async () => {
    const before = await exportJson();
    const nodes = [
      'label,id,name,description,aliases,kind',
      'Skill,soil-mapping,Soil Mapping,Drawing maps of soil types from samples and survey data.,Soil survey,hard',
      'Skill,flood-modelling,Flood Modelling,Predicting where water goes when rivers overflow their banks.,,hard',
    ].join('\n');
    const relationships = [
      'type,from,to,why,level,importance',
      'REQUIRES,hydrologist,flood-modelling,Hydrologists predict floods for towns and farms downstream.,advanced,0.8',
      'REQUIRES,hydrologist,no-such-skill,Hydrologists predict floods for towns and farms downstream.,advanced,0.8',
    ].join('\n');
    const parsed = parseImport('CSV', [
      { name: 'nodes.csv', content: nodes },
      { name: 'relationships.csv', content: relationships },
    ]);
    expect(parsed.problems).toEqual([]);
    const report = await importGraph(ctx, actor, parsed, { dryRun: false });
    expect(report.problems).toEqual([
      {
        file: 'relationships.csv',
        row: 2,
        column: 'to',
        message: '"no-such-skill" is neither in this import nor in the graph.',
      },
    ]);
    expect(report.changeId).toBeNull();
    expect(await exportJson()).toBe(before);
  });

  it('takes a new career O*NET rates nothing more for, and names an unknown related code', async () => {
    const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n');
    const files = [
      {
        name: 'Occupation Data.txt',
        content: tsv([
          ['O*NET-SOC Code', 'Title', 'Description'],
          [
            '19-1031.03',
            'Park Naturalists',
            'Plan, develop, and conduct programs to inform the public about parks.',
          ],
        ]),
      },
      {
        name: 'Related Occupations.txt',
        content: tsv([
          ['O*NET-SOC Code', 'Related O*NET-SOC Code', 'Relatedness Tier', 'Index'],
          ['19-1031.03', '99-9999.00', 'Primary-Short', '1'],
        ]),
      },
    ];
    const report = await importGraph(ctx, actor, parseImport('ONET', files), { dryRun: false });
    // A job zone, interests and an outlook may be unknown (O*NET leaves some occupations unrated), so
    // the new career alone is fine; the related code no career has is not.
    expect(report.problems.map((p) => [p.file, p.row, p.column, p.message])).toEqual([
      [
        'Related Occupations.txt',
        1,
        'Related O*NET-SOC Code',
        '99-9999.00 is not in this import and no career in the graph has it, so there is nothing to update or link; add 99-9999.00 to Occupation Data.txt.',
      ],
    ]);
    expect(report.changeId).toBeNull();
    expect(await count(`MATCH (c:Career {onetSoc: '19-1031.03'}) RETURN count(c) AS n`)).toBe(0);
  });

  it('names graph problems: an id of another kind, a link between kinds it cannot join', async () => {
    const before = await exportJson();
    const file = {
      format: 'pathways-graph',
      version: 1,
      nodes: [
        {
          label: 'Skill',
          id: 'biology',
          properties: {
            name: 'Biology',
            description: 'A skill that would clash with the subject.',
            kind: 'hard',
          },
        },
      ],
      relationships: [
        {
          type: 'REQUIRES',
          from: 'chemistry',
          to: 'critical-thinking',
          properties: { why: 'A reason long enough to pass.', importance: 0.5, level: 'basic' },
        },
      ],
    };
    const report = await importGraph(
      ctx,
      actor,
      parseImport('JSON', [{ name: 'graph.json', content: JSON.stringify(file) }]),
      {
        dryRun: false,
      },
    );
    expect(report.problems).toEqual([
      {
        file: 'graph.json',
        row: 1,
        column: 'nodes.id',
        message:
          'The id "biology" already belongs to a subject; ids are shared by all kinds, so give this skill another id.',
      },
      {
        file: 'graph.json',
        row: 1,
        column: 'type',
        message:
          'REQUIRES cannot link a subject (chemistry) to a skill (critical-thinking); it links Career to Skill.',
      },
    ]);
    expect(report.changeId).toBeNull();
    expect(await exportJson()).toBe(before);
  });

  it('refuses an upload over the size limit with a clear problem and writes nothing', async () => {
    const before = await exportJson();
    const big = toGraphJson({ nodes: [], relationships: [] }).replace(
      '"nodes": []',
      `"nodes": [], "padding": "${'x'.repeat(IMPORT_MAX_BYTES)}"`,
    );
    const report = await importGraph(
      ctx,
      actor,
      parseImport('JSON', [{ name: 'graph.json', content: big }]),
      {
        dryRun: false,
      },
    );
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]?.message).toMatch(
      /^The import is [\d,]+ bytes; the limit is 2,097,152 bytes \(2\.0 MiB\)\. Split it/,
    );
    expect(await exportJson()).toBe(before);
  });
});

describe('round trips', () => {
  it('export JSON → wipe → import → export is byte-identical', async () => {
    // A retired node must come back retired.
    await ctx.driver.executeQuery(
      `MATCH (c:Career {id: 'hydrologist'}) SET c.retiredAt = '2026-05-01T10:00:00.000Z'`,
    );
    const exported = await exportJson();
    expect(exported).toContain('"retiredAt": "2026-05-01T10:00:00.000Z"');
    await wipe();
    const started = Date.now();
    const report = await importWholeGraph(exported);
    console.log(
      `Whole-graph JSON import (${report.created.length} nodes, ${report.linked} relationships): ${Date.now() - started} ms`,
    );
    expect(report.problems).toEqual([]);
    expect(report.updated).toEqual([]);
    expect(await exportJson()).toBe(exported);
  });

  it('replays the whole-graph IMPORT backwards and forwards with the batched applyStates', async () => {
    const imported = await exportJson();
    const { items } = await listChanges(ctx, { first: 1 });
    const change = items[0]!;
    expect(change.action).toBe('IMPORT');
    const long = { ...ctx, timeoutMs: IMPORT_TIMEOUT_MS };
    const stamp = () => ({ at: new Date().toISOString(), by: 'test-replay' });
    const started = Date.now();
    await writeTransaction(long, async (tx) => {
      expect(await readStates(tx, change.after)).toHaveLength(change.after.length);
      await applyStates(tx, change.before, stamp());
    });
    console.log(`Batched undo of ${change.before.length} states: ${Date.now() - started} ms`);
    expect(await count('MATCH (n:Entity) RETURN count(n) AS n')).toBe(0);
    await writeTransaction(long, async (tx) => {
      const now = await readStates(tx, change.after);
      expect(now.every((s) => s.props === null)).toBe(true);
      await applyStates(tx, change.after, stamp());
    });
    expect(await exportJson()).toBe(imported);
  });

  it('export CSV → wipe → import → export is byte-identical', async () => {
    const exported = toCsv(await exportGraph(ctx));
    await wipe();
    const files = Object.entries(exported).map(([name, content]) => ({ name, content }));
    const report = await importGraph(ctx, actor, parseImport('CSV', files, WHOLE_GRAPH), { dryRun: false });
    expect(report.problems).toEqual([]);
    expect(toCsv(await exportGraph(ctx))).toEqual(exported);
  });

  it('re-importing an export unchanged writes nothing', async () => {
    const exported = await exportJson();
    const report = await importWholeGraph(exported);
    expect(report).toMatchObject(WROTE_NOTHING);
    expect(report.unchanged).toBeGreaterThan(500);
  });

  it('exports one kind of node with only the links among them', async () => {
    const careers = await exportGraph(ctx, { labels: ['Career'] });
    expect(new Set(careers.nodes.map((n) => n.label))).toEqual(new Set(['Career']));
    expect(new Set(careers.relationships.map((r) => r.type))).toEqual(new Set(['RELATED_TO']));
    expect(careers.nodes.every((n) => !('aliasText' in n.props) && !('version' in n.props))).toBe(true);
  });
});

describe('command line', () => {
  function cli(
    script: string,
    args: string[],
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', join('server', 'cli', script), ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
  }

  it('exports CSV, dry-runs it back unchanged, and refuses broken files with file, row and column', async () => {
    const out = join(neo4j.home, 'cli-export');
    const exported = await cli('export.ts', ['--format', 'csv', '--out', out, '--label', 'Career']);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(
      /Exported \d+ nodes and \d+ relationships to .*nodes\.csv and .*relationships\.csv/,
    );

    const again = await cli('import.ts', ['--format', 'csv', '--dir', out, '--dry-run']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Dry run: nothing was written.');
    expect(again.stdout).toMatch(/nodes: 0 created, 0 updated, \d+ unchanged/);

    const broken = join(neo4j.home, 'cli-broken');
    mkdirSync(broken);
    writeFileSync(
      join(broken, 'nodes.csv'),
      'label,id,name,description\nPlanet,mars,Mars,The fourth planet from the Sun.\n',
    );
    const refused = await cli('import.ts', ['--format', 'csv', '--dir', broken]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('nodes.csv, row 1, column "label": "Planet" is not a kind of node');
  });
});
