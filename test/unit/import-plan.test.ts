// The import plan without a database: a small graph held in memory answers exactly the reads the plan
// asks for (matchLookups → nodeIdsToRead → linksToRead), and planImport decides from those alone.
import { describe, expect, it } from 'vitest';
import { matchKey, type ExistingNode } from '../../server/graph/entity-reads.ts';
import { linkKey, type Properties } from '../../server/graph/entity-state.ts';
import {
  linksToRead,
  matchLookups,
  nodeIdsToRead,
  planImport,
  planStates,
  type GraphView,
  type ImportPlan,
  type PropertyRules,
} from '../../server/graph/import-plan.ts';
import { importReport, importSummary } from '../../server/graph/import-report.ts';
import type { RelationshipType } from '../../server/graph/model.ts';
import type { ImportNode, ImportRelationship, ParsedImport } from '../../server/transfer/records.ts';
import {
  checkNodeProperties,
  checkRelationshipProperties,
  describeIssue,
} from '../../server/transfer/properties.ts';

const NOW = '2025-01-02T03:04:05.000Z';
const RULES: PropertyRules = {
  node: checkNodeProperties,
  relationship: checkRelationshipProperties,
  describe: describeIssue,
};

interface FakeGraph {
  nodes: Map<string, ExistingNode>;
  links: Map<string, Properties>;
}

function graphOf(
  nodes: Record<string, ExistingNode>,
  links: { type: RelationshipType; from: string; to: string; props: Properties }[] = [],
): FakeGraph {
  return {
    nodes: new Map(Object.entries(nodes)),
    links: new Map(links.map((l) => [linkKey(l), l.props])),
  };
}

/** What the database would answer to each of the plan's reads, and nothing more. */
function viewOf(graph: FakeGraph, parsed: ParsedImport): GraphView {
  const matches = new Map<string, string[]>();
  for (const { label, property, values } of matchLookups(parsed)) {
    for (const id of [...graph.nodes.keys()].sort()) {
      const node = graph.nodes.get(id)!;
      const value = node.props[property];
      if (node.label !== label || typeof value !== 'string' || !values.includes(value)) continue;
      const key = matchKey(label, property, value);
      matches.set(key, [...(matches.get(key) ?? []), id]);
    }
  }
  const nodes = new Map<string, ExistingNode>();
  for (const id of nodeIdsToRead(parsed, matches)) {
    const node = graph.nodes.get(id);
    if (node) nodes.set(id, node);
  }
  const links = new Map<string, Properties>();
  for (const { type, pairs } of linksToRead(parsed, { matches, nodes })) {
    for (const pair of pairs) {
      const key = linkKey({ type, ...pair });
      const props = graph.links.get(key);
      if (props) links.set(key, props);
    }
  }
  return { matches, nodes, links };
}

function plan(graph: FakeGraph, parsed: ParsedImport): ImportPlan {
  return planImport(parsed, viewOf(graph, parsed), { now: NOW, rules: RULES });
}

const jsonImport = (nodes: ImportNode[], relationships: ImportRelationship[] = []): ParsedImport => ({
  format: 'JSON',
  merge: false,
  nodes,
  relationships,
  problems: [],
});

const onetImport = (nodes: ImportNode[], relationships: ImportRelationship[] = []): ParsedImport => ({
  format: 'ONET',
  merge: true,
  nodes,
  relationships,
  problems: [],
});

const at = (row: number, column = 'id') => ({ file: 'graph.json', row, column });

const SKILL = {
  name: 'Field Sampling',
  description: 'Collecting soil and water samples in the field without spoiling them.',
  aliases: ['sampling'],
  kind: 'hard',
};
const skill = (id: string, row: number, props: Properties = SKILL): ImportNode => ({
  label: 'Skill',
  id,
  props,
  origin: at(row),
});

const BIOLOGY: ExistingNode = {
  label: 'Subject',
  props: {
    id: 'biology',
    name: 'Biology',
    description: 'The study of living things and how they work.',
    aliases: [],
    version: 4,
    updatedAt: '2024-06-01T00:00:00.000Z',
    updatedBy: 'seed',
    aliasText: '',
    seedHash: 'abc',
  },
};
const DEVELOPS_WHY = { why: 'Biology fieldwork practises careful sampling of living things.', weight: 0.4 };
const develops = (to: string, row: number): ImportRelationship => ({
  type: 'DEVELOPS',
  from: 'biology',
  to,
  props: DEVELOPS_WHY,
  origin: { file: 'graph.json', row, column: 'from' },
});

/** A skill as the graph holds it after a write: provenance and the derived aliasText beside the data. */
const stored = (props: Properties, extra: Properties = {}): ExistingNode => ({
  label: 'Skill',
  props: {
    ...props,
    ...extra,
    version: 2,
    updatedAt: '2024-07-01T00:00:00.000Z',
    updatedBy: 'curator@pathways.test',
    aliasText: ' sampling',
  },
});

describe('planImport, replacing (a JSON or CSV file is the whole truth about each record)', () => {
  it('creates a new node and its link to a node the graph holds, stamping createdAt and source', () => {
    const parsed = jsonImport([skill('field-sampling', 1)], [develops('field-sampling', 1)]);
    const p = plan(graphOf({ biology: BIOLOGY }), parsed);
    expect(p.problems).toEqual([]);
    expect(p.nodes).toEqual([
      {
        label: 'Skill',
        id: 'field-sampling',
        before: null,
        after: { ...SKILL, createdAt: NOW, source: 'json' },
      },
    ]);
    expect(p.relationships).toEqual([
      {
        type: 'DEVELOPS',
        from: 'biology',
        to: 'field-sampling',
        before: null,
        after: { ...DEVELOPS_WHY, createdAt: NOW, source: 'json' },
      },
    ]);
    expect(planStates(p, 'before').map((s) => s.props)).toEqual([null, null]);
    expect(planStates(p, 'after')).toEqual([
      { kind: 'node', label: 'Skill', id: 'field-sampling', props: p.nodes[0]!.after },
      {
        kind: 'relationship',
        type: 'DEVELOPS',
        from: 'biology',
        to: 'field-sampling',
        props: p.relationships[0]!.after,
      },
    ]);
  });

  it('updates a node whose record differs: carries seedHash, createdAt and source, drops the rest', () => {
    const graph = graphOf({
      biology: BIOLOGY,
      'field-sampling': stored(SKILL, {
        id: 'field-sampling',
        seedHash: 'h1',
        createdAt: '2024-01-01T00:00:00.000Z',
        source: 'seed',
        note: 'a property the file no longer has',
      }),
    });
    const description = 'Taking samples of soil, water and air so a laboratory can trust them.';
    const p = plan(graph, jsonImport([skill('field-sampling', 1, { ...SKILL, description })]));
    expect(p.problems).toEqual([]);
    expect(p.unchanged).toBe(0);
    expect(p.nodes).toHaveLength(1);
    expect(p.nodes[0]!.before).toBe(graph.nodes.get('field-sampling')!.props);
    expect(p.nodes[0]!.after).toEqual({
      ...SKILL,
      description,
      seedHash: 'h1',
      createdAt: '2024-01-01T00:00:00.000Z',
      source: 'seed',
    });
    // The stored "before" keeps provenance for the record; what is written back never carries it.
    expect(planStates(p, 'before')[0]!.props).not.toHaveProperty('version');
    expect(planStates(p, 'before')[0]!.props).toHaveProperty('note');
  });

  it('counts a record (and a link) that says what the graph holds as unchanged, provenance aside', () => {
    const createdAt = '2024-01-01T00:00:00.000Z';
    const graph = graphOf(
      {
        biology: BIOLOGY,
        'field-sampling': stored(SKILL, { id: 'field-sampling', createdAt, source: 'json' }),
      },
      [
        {
          type: 'DEVELOPS',
          from: 'biology',
          to: 'field-sampling',
          props: { ...DEVELOPS_WHY, createdAt, source: 'json', updatedAt: NOW, updatedBy: 'x' },
        },
      ],
    );
    const p = plan(
      graph,
      jsonImport(
        [skill('field-sampling', 1, { ...SKILL, createdAt, source: 'json' })],
        [{ ...develops('field-sampling', 1), props: { ...DEVELOPS_WHY, createdAt, source: 'json' } }],
      ),
    );
    expect(p).toEqual({ nodes: [], relationships: [], unchanged: 1, unchangedLinks: 1, problems: [] });
  });

  it('names each end of a link that is neither in the import nor in the graph', () => {
    const p = plan(
      graphOf({}),
      jsonImport([], [{ type: 'DEVELOPS', from: 'ghost-subject', to: 'ghost-skill', props: DEVELOPS_WHY }]),
    );
    expect(p.relationships).toEqual([]);
    expect(p.problems).toEqual([
      {
        file: '(import)',
        row: null,
        column: 'from',
        message: '"ghost-subject" is neither in this import nor in the graph.',
      },
      {
        file: '(import)',
        row: null,
        column: 'to',
        message: '"ghost-skill" is neither in this import nor in the graph.',
      },
    ]);
  });

  it('refuses two records with one id, pointing at the second', () => {
    const p = plan(graphOf({}), jsonImport([skill('field-sampling', 1), skill('field-sampling', 7)]));
    expect(p.nodes.map((n) => n.id)).toEqual(['field-sampling']);
    expect(p.problems).toEqual([
      {
        file: 'graph.json',
        row: 7,
        column: 'id',
        message: 'Two records in this import would both be "field-sampling"; keep one.',
      },
    ]);
  });

  it('refuses an id that a node of another kind holds, and plans nothing for its links', () => {
    const p = plan(
      graphOf({ biology: BIOLOGY }),
      jsonImport([skill('biology', 3)], [develops('biology', 4)]),
    );
    expect(p.nodes).toEqual([]);
    expect(p.relationships).toEqual([]);
    expect(p.problems).toEqual([
      {
        file: 'graph.json',
        row: 3,
        column: 'id',
        message:
          'The id "biology" already belongs to a subject; ids are shared by all kinds, so give this skill another id.',
      },
    ]);
  });

  it('refuses a link between kinds its type cannot join', () => {
    const p = plan(
      graphOf({ biology: BIOLOGY }),
      jsonImport(
        [skill('field-sampling', 1)],
        [{ ...develops('field-sampling', 2), type: 'LEADS_TO', props: DEVELOPS_WHY }],
      ),
    );
    expect(p.relationships).toEqual([]);
    expect(p.problems).toEqual([
      {
        file: 'graph.json',
        row: 2,
        column: 'type',
        message:
          'LEADS_TO cannot link a subject (biology) to a skill (field-sampling); it links Subject to Field.',
      },
    ]);
  });

  it('treats a retired node as in the graph: links to it are planned, and a file without retiredAt restores it', () => {
    const retiredAt = '2024-09-09T00:00:00.000Z';
    const graph = graphOf({
      biology: BIOLOGY,
      'field-sampling': stored(SKILL, { id: 'field-sampling', retiredAt }),
    });
    const linkOnly = plan(graph, jsonImport([], [develops('field-sampling', 1)]));
    expect(linkOnly.problems).toEqual([]);
    expect(linkOnly.relationships.map((r) => [r.from, r.to, r.before])).toEqual([
      ['biology', 'field-sampling', null],
    ]);

    expect(plan(graph, jsonImport([skill('field-sampling', 1, { ...SKILL, retiredAt })])).unchanged).toBe(1);
    const restored = plan(graph, jsonImport([skill('field-sampling', 1)]));
    expect(restored.nodes[0]!.after).toEqual(SKILL);
  });

  it('leaves the data-model checks of a replacing record to the parser', () => {
    const p = plan(graphOf({}), jsonImport([skill('field-sampling', 1, { name: 'Field Sampling' })]));
    expect(p.problems).toEqual([]);
    expect(p.nodes).toHaveLength(1);
  });
});

const CODE = '15-2051.00';
const DATA_SCIENTIST: ExistingNode = {
  label: 'Career',
  props: {
    id: 'data-scientist',
    name: 'Data Scientist',
    description: 'Finds patterns in data and explains what they mean to the people who decide.',
    aliases: [],
    onetSoc: CODE,
    jobZone: 4,
    education: "Bachelor's degree",
    riasec: 'ICA',
    outlook: 'bright',
    outlookNote: 'Demand keeps growing as more decisions rest on data.',
    source: 'seed',
  },
};
const onetCareer = (id: string, code: string, props: Properties, row = 1): ImportNode => ({
  label: 'Career',
  id,
  props: { onetSoc: code, ...props },
  origin: { file: 'Occupation Data.txt', row, column: 'O*NET-SOC Code' },
  match: { property: 'onetSoc', value: code },
  keepExisting: ['name', 'description', 'aliases', 'education', 'outlook', 'outlookNote', 'source'],
  hints: {
    name: `add ${code} to Occupation Data.txt`,
    riasec: `add the OI rows for ${code} to Interests.txt`,
  },
});
const PROGRAMMING: ExistingNode = {
  label: 'Skill',
  props: {
    id: 'programming',
    name: 'Programming',
    description: 'Writing computer programs for various purposes.',
    aliases: [],
    kind: 'hard',
    onetElementId: '2.B.3.e',
  },
};
const onetSkill = (id: string, element: string): ImportNode => ({
  label: 'Skill',
  id,
  props: {
    name: 'Mathematics',
    description: 'Mathematics, one of the skills O*NET rates for every occupation (element 2.A.1.e).',
    aliases: [],
    kind: 'soft',
    onetElementId: element,
    source: 'onet',
  },
  origin: { file: 'Skills.txt', row: 1, column: 'Element ID' },
  match: { property: 'onetElementId', value: element },
  keepExisting: ['name', 'description', 'aliases', 'kind', 'source'],
});
const requires = (from: string, to: string, props: Properties): ImportRelationship => ({
  type: 'REQUIRES',
  from,
  to,
  props: { source: 'onet', ...props },
  origin: { file: 'Skills.txt', row: 2, column: 'Data Value' },
  keepExisting: ['why', 'source'],
});
const REQUIRES_WHY = 'O*NET rates Programming 4.1 of 5 for importance to Data Scientists.';

describe('planImport, merging (O*NET adds facts to what the graph holds)', () => {
  it('finds the career by its O*NET code whatever its id, keeps curated wording, and follows its links', () => {
    const graph = graphOf({ 'data-scientist': DATA_SCIENTIST, programming: PROGRAMMING });
    const parsed = onetImport(
      [onetCareer('data-scientists', CODE, { name: 'Data Scientists', jobZone: 5, source: 'onet' })],
      [
        requires('data-scientists', 'programming', {
          why: REQUIRES_WHY,
          importance: 0.78,
          level: 'advanced',
        }),
      ],
    );
    const p = plan(graph, parsed);
    expect(p.problems).toEqual([]);
    expect(p.nodes.map((n) => [n.id, n.after.name, n.after.jobZone, n.after.source])).toEqual([
      ['data-scientist', 'Data Scientist', 5, 'seed'],
    ]);
    expect(p.relationships.map((r) => [r.from, r.to, r.before])).toEqual([
      ['data-scientist', 'programming', null],
    ]);
  });

  it('keeps an existing link’s wording and updates its numbers', () => {
    const graph = graphOf({ 'data-scientist': DATA_SCIENTIST, programming: PROGRAMMING }, [
      {
        type: 'REQUIRES',
        from: 'data-scientist',
        to: 'programming',
        props: { why: 'Curated: they write code every day.', importance: 0.5, level: 'advanced' },
      },
    ]);
    const p = plan(
      graph,
      onetImport(
        [onetCareer('data-scientists', CODE, {})],
        [
          requires('data-scientists', 'programming', {
            why: REQUIRES_WHY,
            importance: 0.78,
            level: 'advanced',
          }),
        ],
      ),
    );
    expect(p.unchanged).toBe(1);
    expect(p.relationships).toHaveLength(1);
    expect(p.relationships[0]!.before).toEqual(graph.links.values().next().value);
    expect(p.relationships[0]!.after).toEqual({
      why: 'Curated: they write code every day.',
      importance: 0.78,
      level: 'advanced',
      source: 'onet',
    });
  });

  it('checks a merged link against the data model', () => {
    const graph = graphOf({ 'data-scientist': DATA_SCIENTIST, programming: PROGRAMMING });
    const p = plan(
      graph,
      onetImport(
        [onetCareer('data-scientists', CODE, {})],
        [
          requires('data-scientists', 'programming', {
            why: REQUIRES_WHY,
            importance: 1.5,
            level: 'advanced',
          }),
        ],
      ),
    );
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toMatchObject({ file: 'Skills.txt', row: 2, column: 'Data Value' });
    expect(p.problems[0]!.message).toMatch(/^REQUIRES data-scientist → programming: importance: .+\.$/);
  });

  it('checks a merged new career against the data model and says which file would complete it', () => {
    const code = '15-0000.00';
    const p = plan(
      graphOf({}),
      onetImport([
        // O*NET may leave a job zone, interests or an outlook unrated, but never the title.
        onetCareer('probe-analysts', code, {
          description: 'Analyse probes that the planner unit test makes up for this case.',
          jobZone: 3,
        }),
      ]),
    );
    expect(p.nodes.map((n) => [n.id, n.before, n.after.source])).toEqual([['probe-analysts', null, 'onet']]);
    expect(p.problems.map((x) => x.message)).toEqual([
      `Career "probe-analysts": name is required; add ${code} to Occupation Data.txt.`,
    ]);
  });

  it('gives a generated id its kind as a suffix when another kind holds the id', () => {
    const graph = graphOf({ mathematics: { label: 'Subject', props: { id: 'mathematics', name: 'Maths' } } });
    const parsed = onetImport([onetSkill('mathematics', '2.A.1.e')]);
    expect(nodeIdsToRead(parsed, new Map())).toEqual(['mathematics', 'mathematics-skill']);
    const p = plan(graph, parsed);
    expect(p.problems).toEqual([]);
    expect(p.nodes.map((n) => [n.label, n.id, n.before])).toEqual([['Skill', 'mathematics-skill', null]]);
  });

  it('refuses an update-only record whose code no career has, and plans nothing for its links', () => {
    const code = '15-9999.00';
    const p = plan(
      graphOf({ programming: PROGRAMMING }),
      onetImport(
        [{ ...onetCareer('occupation-15-9999-00', code, { jobZone: 2 }), updateOnly: true }],
        [
          requires('occupation-15-9999-00', 'programming', {
            why: REQUIRES_WHY,
            importance: 0.5,
            level: 'basic',
          }),
        ],
      ),
    );
    expect(p.nodes).toEqual([]);
    expect(p.relationships).toEqual([]);
    expect(p.problems.map((x) => x.message)).toEqual([
      `${code} is not in this import and no career in the graph has it, so there is nothing to update or link; add ${code} to Occupation Data.txt.`,
    ]);
  });

  it('refuses two records that resolve to the same graph node', () => {
    const graph = graphOf({ 'data-scientist': DATA_SCIENTIST });
    const p = plan(
      graph,
      onetImport([onetCareer('data-scientists', CODE, {}, 1), onetCareer('data-wranglers', CODE, {}, 9)]),
    );
    expect(p.problems.map((x) => [x.row, x.message])).toEqual([
      [9, 'This record and Occupation Data.txt row 1 both resolve to "data-scientist"; keep one.'],
    ]);
  });
});

describe('the reads a plan asks for', () => {
  it('looks natural keys up once per label and property', () => {
    const parsed = onetImport([
      onetCareer('a-career', '11-1111.00', {}),
      onetCareer('b-career', '22-2222.00', {}),
      onetCareer('a-again', '11-1111.00', {}),
      onetSkill('mathematics', '2.A.1.e'),
      skill('plain', 1),
    ]);
    expect(matchLookups(parsed)).toEqual([
      { label: 'Career', property: 'onetSoc', values: ['11-1111.00', '22-2222.00'] },
      { label: 'Skill', property: 'onetElementId', values: ['2.A.1.e'] },
    ]);
  });

  it('reads the matched nodes, and only links whose both ends the graph holds', () => {
    const parsed = onetImport(
      [onetCareer('data-scientists', CODE, {}), onetSkill('new-skill', '9.Z.9')],
      [
        requires('data-scientists', 'programming', { why: REQUIRES_WHY, importance: 0.5, level: 'basic' }),
        requires('data-scientists', 'new-skill', { why: REQUIRES_WHY, importance: 0.5, level: 'basic' }),
      ],
    );
    const matches = new Map([[matchKey('Career', 'onetSoc', CODE), ['data-scientist']]]);
    expect(nodeIdsToRead(parsed, matches)).toEqual(
      expect.arrayContaining(['data-scientist', 'data-scientists', 'programming', 'new-skill']),
    );
    const nodes = new Map([
      ['data-scientist', DATA_SCIENTIST],
      ['programming', PROGRAMMING],
    ]);
    expect(linksToRead(parsed, { matches, nodes })).toEqual([
      { type: 'REQUIRES', pairs: [{ from: 'data-scientist', to: 'programming' }] },
    ]);
  });
});

describe('the report', () => {
  it('sums up what the plan writes, in the words the history shows', () => {
    const parsed = onetImport(
      [onetCareer('data-scientists', CODE, { jobZone: 5 }), onetSkill('mathematics', '2.A.1.e')],
      [requires('data-scientists', 'programming', { why: REQUIRES_WHY, importance: 0.5, level: 'basic' })],
    );
    const p = plan(graphOf({ 'data-scientist': DATA_SCIENTIST, programming: PROGRAMMING }), parsed);
    expect(importSummary('ONET', p)).toBe(
      'Imported from O*NET: created 1 skill; updated 1 node; wrote 1 relationship',
    );
    expect(importReport(parsed, p, true, null)).toMatchObject({
      dryRun: true,
      format: 'ONET',
      created: ['mathematics'],
      updated: ['data-scientist'],
      linked: 1,
      relinked: 0,
      changeId: null,
    });
    const nothing: ImportPlan = {
      nodes: [],
      relationships: [],
      unchanged: 2,
      unchangedLinks: 0,
      problems: [],
    };
    expect(importSummary('CSV', nothing)).toBe('Imported from CSV: nothing to change');
  });

  it('lists the parser’s problems before the graph’s', () => {
    const parsed: ParsedImport = {
      ...jsonImport([], [{ type: 'DEVELOPS', from: 'biology', to: 'ghost', props: DEVELOPS_WHY }]),
      problems: [{ file: 'graph.json', row: 1, column: 'id', message: 'parser' }],
    };
    const report = importReport(parsed, plan(graphOf({ biology: BIOLOGY }), parsed), false, null);
    expect(report.problems.map((x) => x.message)).toEqual([
      'parser',
      '"ghost" is neither in this import nor in the graph.',
    ]);
  });
});
