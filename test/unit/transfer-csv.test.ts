// nodes.csv and relationships.csv: typed columns, the `properties` catch-all, exact round trips, and a
// problem with file, row and column for each kind of mistake.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseImport, toCsv, type ExportedGraph, type ImportProblem } from '../../server/transfer/index.ts';

const why = 'Hydrologists read river levels every day to warn towns of floods.';

function graph(): ExportedGraph {
  return {
    nodes: [
      {
        label: 'Skill',
        id: 'flood-modelling',
        props: {
          name: 'Flood Modelling',
          description: 'Predicting where water goes when rivers overflow.',
          aliases: ['Flood risk | hazard mapping', 'Inundation modelling'],
          kind: 'hard',
          retiredAt: '2026-01-02T03:04:05.000Z',
          reviewed: true,
          scores: [1, 2.5],
          note: '',
        },
      },
      {
        label: 'Career',
        id: 'hydrologist',
        props: {
          name: 'Hydrologist',
          description: 'Studies how water moves through soil, rivers and rock.',
          aliases: [],
          onetSoc: '19-2043.00',
          jobZone: 5,
          education: "Master's degree",
          riasec: 'IRC',
          outlook: 'steady',
          outlookNote: 'About as many openings as most jobs.',
          alternateTitles: [],
          typicalDay: [],
          source: 'curated',
        },
      },
    ],
    relationships: [
      {
        type: 'REQUIRES',
        from: 'hydrologist',
        to: 'flood-modelling',
        props: { why, importance: 0.85, level: 'advanced' },
      },
    ],
  };
}

const files = (csv: Record<string, string>) =>
  Object.entries(csv).map(([name, content]) => ({ name, content }));
const where = (problems: ImportProblem[]) => problems.map((p) => [p.file, p.row, p.column]);

describe('CSV export', () => {
  it('is the same bytes whatever order the records come in', () => {
    const g = graph();
    const reversed = { nodes: [...g.nodes].reverse(), relationships: [...g.relationships].reverse() };
    expect(toCsv(reversed)).toEqual(toCsv(g));
    const nodes = toCsv(g)['nodes.csv'].split('\n');
    expect(nodes[0]).toBe(
      'label,id,name,description,aliases,kind,onetElementId,hotTechnology,onetSoc,jobZone,education,riasec,outlook,outlookNote,alternateTitles,typicalDay,provider,format,level,hours,example,reflectionPrompt,source,createdAt,retiredAt,properties',
    );
    // Careers sort before skills; what has no column of its own goes to `properties` as JSON.
    expect(nodes[1]).toMatch(/^Career,hydrologist,Hydrologist,/);
    expect(nodes[2]).toContain('Flood Modelling');
    expect(nodes[2]).toContain('Flood risk \\| hazard mapping|Inundation modelling');
    expect(nodes[2]).toContain('"{""note"":"""",""reviewed"":true,""scores"":[1,2.5]}"');
    expect(toCsv(g)['relationships.csv']).toBe(
      `type,from,to,why,weight,importance,level,score,inDemand,source,createdAt,properties\nREQUIRES,hydrologist,flood-modelling,${why},,0.85,advanced,,,,,\n`,
    );
  });

  it('reads back exactly what it wrote', () => {
    const parsed = parseImport('CSV', files(toCsv(graph())));
    expect(parsed.problems).toEqual([]);
    expect(parsed.merge).toBe(false);
    const strip = <T extends { origin?: unknown }>(records: T[]) =>
      records.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'origin')));
    expect(strip(parsed.nodes)).toEqual(expect.arrayContaining(graph().nodes));
    expect(strip(parsed.relationships)).toEqual(graph().relationships);
    expect(parsed.nodes[0]?.origin).toEqual({ file: 'nodes.csv', row: 1, column: 'id' });
  });

  it('writes no cell a spreadsheet would run as a formula, and reads every text back unchanged', () => {
    const texts = {
      name: '=HYPERLINK("http://x.example","Click")',
      description: '+cmd|/c calc, which a spreadsheet would run without the leading quote',
      aliases: ['@SUM(A1:A9)', '-2+3', "'=already quoted"],
      education: '\tTab first',
      outlookNote: "''+two quotes then a plus sign",
    };
    const g = graph();
    const [skill, career] = g.nodes;
    if (!skill || !career) throw new Error('fixture changed');
    const hostile: ExportedGraph = {
      nodes: [skill, { ...career, props: { ...career.props, ...texts } }],
      relationships: g.relationships.map((r) => ({ ...r, props: { ...r.props, why: `=1+1 ${why}` } })),
    };
    const csv = toCsv(hostile);
    for (const content of Object.values(csv)) {
      const cells = (parse(content) as string[][]).flat();
      expect(cells.length).toBeGreaterThan(20);
      for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    const parsed = parseImport('CSV', files(csv));
    expect(parsed.problems).toEqual([]);
    expect(parsed.nodes.find((n) => n.id === 'hydrologist')?.props).toMatchObject(texts);
    expect(parsed.relationships[0]?.props.why).toBe(`=1+1 ${why}`);
  });
});

describe('CSV import problems', () => {
  it('name the row and column of each bad cell', () => {
    const nodes = [
      'label,id,name,description,aliases,kind,jobZone,properties',
      'Planet,mars,Mars,The fourth planet from the Sun.,,,,', // 1: unknown label
      'Skill,Bad Id,Bad,Just a skill with a bad id here.,,soft,,', // 2: id not a slug
      'Skill,no-description,No Description,,,soft,,', // 3: required property missing
      'Skill,wrong-kind,Wrong Kind,A skill whose kind is not one we know.,,magic,,', // 4: bad enum
      'Career,hydrologist,Hydrologist,Studies water for a living every day.,,,five,', // 5: not a number
      'Skill,bad-json,Bad Json,A skill whose extra properties are broken.,,soft,,{oops', // 6
      'Skill,too-many,Too Many,A row with more cells than the header has.,,soft,,,extra', // 7
      'Skill,bad-json,Again,A second record with an id already used above.,,soft,,', // 8: duplicate
    ].join('\n');
    const relationships = [
      'type,from,to,why,importance,level',
      `LIKES,hydrologist,bad-json,${why},,`, // 1
      `REQUIRES,hydrologist,wrong-kind,${why},1.5,advanced`, // 2
    ].join('\n');
    const parsed = parseImport('CSV', [
      { name: 'nodes.csv', content: nodes },
      { name: 'relationships.csv', content: relationships },
    ]);
    expect(where(parsed.problems)).toEqual(
      expect.arrayContaining([
        ['nodes.csv', 1, 'label'],
        ['nodes.csv', 2, 'id'],
        ['nodes.csv', 3, 'description'],
        ['nodes.csv', 4, 'kind'],
        ['nodes.csv', 5, 'jobZone'],
        ['nodes.csv', 6, 'properties'],
        ['nodes.csv', 7, null],
        ['nodes.csv', 8, 'id'],
        ['relationships.csv', 1, 'type'],
        ['relationships.csv', 2, 'importance'],
      ]),
    );
    const message = (row: number, file = 'nodes.csv') =>
      parsed.problems.find((p) => p.file === file && p.row === row)?.message;
    expect(message(1)).toBe(
      '"Planet" is not a kind of node; use Subject, Field, Skill, Career, Course or Application.',
    );
    expect(message(3)).toBe('Skill "no-description": description is required.');
    expect(message(5, 'nodes.csv')).toContain('"five" is not a number.');
    expect(message(8)).toBe('"bad-json" appears twice (first in nodes.csv, row 6); keep one record.');
  });

  it('name an unknown or missing column, and a file it does not read', () => {
    const parsed = parseImport('CSV', [
      { name: 'nodes.csv', content: 'label,id,colour\nSkill,x,red' },
      { name: 'relationships.csv', content: 'type,from,why\n' },
      { name: 'edges.csv', content: 'a,b\n' },
    ]);
    expect(where(parsed.problems)).toEqual([
      ['nodes.csv', null, 'colour'],
      ['relationships.csv', null, 'to'],
      ['edges.csv', null, null],
    ]);
  });
});
