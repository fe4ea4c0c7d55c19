// The graph JSON that export writes, and the seed's own files, as imports: exact round trips, a
// deterministic layout, and problems that point at the file, the record and the field.
import { describe, expect, it } from 'vitest';
import { nodeRows, relationshipRows } from '../../seed/graph-rows.ts';
import { parseImport, toGraphJson, type ExportedGraph } from '../../server/transfer/index.ts';
import { tinySeed } from './seed-fixtures.ts';

const why = 'Hydrologists read river levels every day to warn towns of floods.';

function graph(): ExportedGraph {
  return {
    nodes: [
      {
        label: 'Subject',
        id: 'geography',
        props: {
          name: 'Geography',
          description: 'Places, people and the processes that shape them.',
          aliases: ['Geog'],
        },
      },
      {
        label: 'Field',
        id: 'hydrology',
        props: {
          description: 'The science of water on and under the land.',
          name: 'Hydrology',
          aliases: [],
          weight: -0,
        },
      },
    ],
    relationships: [{ type: 'LEADS_TO', from: 'geography', to: 'hydrology', props: { weight: 0.7, why } }],
  };
}

describe('graph JSON export', () => {
  it('sorts records and keys and ends with a newline, so equal graphs give equal bytes', () => {
    const g = graph();
    const text = toGraphJson(g);
    expect(toGraphJson({ nodes: [...g.nodes].reverse(), relationships: g.relationships })).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    const value = JSON.parse(text) as { nodes: { id: string; properties: object }[] };
    expect(Object.keys(value)).toEqual(['format', 'nodes', 'relationships', 'version']);
    expect(value.nodes.map((n) => n.id)).toEqual(['hydrology', 'geography']);
    expect(Object.keys(value.nodes[0]!.properties)).toEqual(['aliases', 'description', 'name', 'weight']);
    expect(text).toContain('"weight": 0\n');
  });

  it('reads back what it wrote', () => {
    const parsed = parseImport('JSON', [{ name: 'graph.json', content: toGraphJson(graph()) }]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.nodes.map(({ label, id, props }) => ({ label, id, props }))).toEqual(
      expect.arrayContaining([
        graph().nodes[0],
        { ...graph().nodes[1], props: { ...graph().nodes[1]!.props, weight: 0 } },
      ]),
    );
    expect(parsed.relationships[0]).toMatchObject(graph().relationships[0]!);
  });

  it('names record and field of each problem', () => {
    const file = {
      format: 'pathways-graph',
      version: 1,
      nodes: [
        { label: 'Planet', id: 'mars', properties: {} },
        {
          label: 'Skill',
          id: 'flood-modelling',
          properties: { name: 'Flood Modelling', kind: 'hard', extra: { a: 1 } },
        },
      ],
      relationships: [{ type: 'REQUIRES', from: 'Hydrologist', to: 'flood-modelling', properties: { why } }],
    };
    const parsed = parseImport('JSON', [{ name: 'graph.json', content: JSON.stringify(file) }]);
    expect(parsed.problems.map((p) => [p.row, p.column])).toEqual([
      [1, 'nodes.label'],
      [2, 'nodes.properties'],
      [1, 'relationships.from'],
      [1, 'relationships.properties.importance'],
      [1, 'relationships.properties.level'],
    ]);
    expect(parsed.problems.every((p) => p.file === 'graph.json')).toBe(true);
  });

  it('refuses another version, invalid JSON and files it does not know', () => {
    const parsed = parseImport('JSON', [
      {
        name: 'graph.json',
        content: JSON.stringify({ format: 'pathways-graph', version: 2, nodes: [], relationships: [] }),
      },
      { name: 'broken.json', content: '{"format": ' },
      { name: 'people.json', content: '[]' },
    ]);
    expect(parsed.problems.map((p) => [p.file, p.row, p.column])).toEqual([
      ['graph.json', null, 'version'],
      ['broken.json', null, null],
      ['people.json', null, null],
    ]);
    expect(parsed.problems[0]?.message).toBe('this reader knows version 1 only');
  });
});

describe('seed files as an import', () => {
  it('give the same nodes and relationships as the loader writes', () => {
    const data = tinySeed();
    const files = Object.entries(data).map(([kind, records]) => ({
      name: `${kind}.json`,
      content: JSON.stringify(records),
    }));
    const parsed = parseImport('JSON', files);
    expect(parsed.problems).toEqual([]);
    const expectedNodes = [...nodeRows(data)].flatMap(([label, rows]) =>
      rows.map((r) => ({ label, id: r.id, props: r.props })),
    );
    expect(parsed.nodes.map(({ label, id, props }) => ({ label, id, props }))).toEqual(expectedNodes);
    expect(parsed.relationships.map(({ type, from, to, props }) => ({ type, from, to, props }))).toEqual(
      relationshipRows(data).map(({ type, from, to, props }) => ({ type, from, to, props })),
    );
    // A link kept in the career's record points at that record.
    expect(parsed.relationships.find((r) => r.type === 'INCLUDES')?.origin).toEqual({
      file: 'careers.json',
      row: 1,
      column: 'fields',
    });
  });

  it('name the file, record and field of a bad record', () => {
    const [career] = tinySeed().careers;
    const parsed = parseImport('JSON', [
      { name: 'careers-extra.json', content: JSON.stringify([career, { ...career, id: 'x2', jobZone: 9 }]) },
    ]);
    expect(parsed.problems).toEqual([
      {
        file: 'careers-extra.json',
        row: 2,
        column: 'jobZone',
        message: 'must be at most 5',
      },
    ]);
  });
});
