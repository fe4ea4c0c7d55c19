// nodes.csv and relationships.csv: one record per row, one documented column per property of the data
// model, and a `properties` column holding anything else as a JSON object, so a CSV export carries the
// whole graph and a spreadsheet user still sees plain columns.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Properties, PropertyValue } from '../../model/values.ts';
import {
  NODE_PROVENANCE,
  RELATIONSHIP_PROVENANCE,
  allNodeProperties,
  allRelationshipProperties,
  isNodeLabel,
  nodeProperties,
  isRelationshipType,
  type PropertySpec,
} from '../../model/data-model.ts';
import { sortNodes, sortRelationships } from './graph-json.ts';
import { isPropertyValue } from '../../model/values.ts';
import { nodeProblems, problem, relationshipProblems } from './validate.ts';
import type { ExportedGraph, ImportFile, ImportNode, ImportProblem, ImportRelationship } from './types.ts';

export const NODES_CSV = 'nodes.csv';
export const RELATIONSHIPS_CSV = 'relationships.csv';

type ColumnKind = 'text' | 'number' | 'list' | 'boolean';

function columnKind(property: PropertySpec): ColumnKind {
  if (property.type === 'textList') return 'list';
  if (property.type === 'boolean') return 'boolean';
  return property.type === 'integer' || property.type === 'number' ? 'number' : 'text';
}

function columns(
  properties: readonly PropertySpec[],
  provenance: readonly string[],
): Record<string, ColumnKind> {
  return {
    ...Object.fromEntries(properties.map((p) => [p.name, columnKind(p)])),
    ...Object.fromEntries(provenance.map((name) => [name, 'text' as const])),
  };
}

/**
 * Property columns in the order files carry them (the data model's, then provenance); `label`/`id`
 * or `type`/`from`/`to` come first.
 */
export const NODE_PROPERTY_COLUMNS: Readonly<Record<string, ColumnKind>> = columns(
  allNodeProperties(),
  NODE_PROVENANCE,
);

export const RELATIONSHIP_PROPERTY_COLUMNS: Readonly<Record<string, ColumnKind>> = columns(
  allRelationshipProperties(),
  RELATIONSHIP_PROVENANCE,
);

const EXTRA = 'properties';
const NODE_KEYS = ['label', 'id'] as const;
const RELATIONSHIP_KEYS = ['type', 'from', 'to'] as const;

export const NODE_COLUMNS = [...NODE_KEYS, ...Object.keys(NODE_PROPERTY_COLUMNS), EXTRA];
export const RELATIONSHIP_COLUMNS = [
  ...RELATIONSHIP_KEYS,
  ...Object.keys(RELATIONSHIP_PROPERTY_COLUMNS),
  EXTRA,
];

// Aliases are separated by "|"; a "|" or "\" inside an alias is escaped with "\".
function joinList(items: readonly string[]): string {
  return items.map((s) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|')).join('|');
}

function splitList(cell: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i];
    if (c === '\\' && i + 1 < cell.length) current += cell[++i];
    else if (c === '|') {
      items.push(current.trim());
      current = '';
    } else current += c;
  }
  items.push(current.trim());
  return items.filter((s) => s !== '');
}

/** The cell for a value, or undefined when the column cannot hold it exactly (it then goes to `properties`). */
function cellOf(kind: ColumnKind, value: PropertyValue): string | undefined {
  if (kind === 'text') return typeof value === 'string' && value !== '' ? value : undefined;
  if (kind === 'number')
    return typeof value === 'number' ? String(Object.is(value, -0) ? 0 : value) : undefined;
  if (kind === 'boolean') return typeof value === 'boolean' ? String(value) : undefined;
  return Array.isArray(value) &&
    value.every((v): v is string => typeof v === 'string' && v.trim() === v && v !== '')
    ? joinList(value)
    : undefined;
}

function canonicalJson(props: Properties): string {
  const keys = Object.keys(props).sort();
  return keys.length === 0 ? '' : JSON.stringify(Object.fromEntries(keys.map((k) => [k, props[k]])));
}

function rowOf(columns: Readonly<Record<string, ColumnKind>>, props: Properties): string[] {
  const extra: Properties = {};
  const cells = new Map<string, string>();
  for (const [key, value] of Object.entries(props)) {
    const kind = columns[key];
    const cell = kind ? cellOf(kind, value) : undefined;
    if (cell === undefined) extra[key] = value;
    else cells.set(key, cell);
  }
  return [...Object.keys(columns).map((c) => cells.get(c) ?? ''), canonicalJson(extra)];
}

// A spreadsheet runs a cell that starts with = + - @, a tab or a carriage return as a formula
// (OWASP, "CSV Injection"). Export puts a ' before such a cell, and before a cell that already starts
// with quotes and then one of those, so import can take exactly one ' off again: every text reads
// back unchanged, and no exported cell is a formula.
const FORMULA_LEADING = /^'*[=+\-@\t\r]/;

function neutralise(cell: string): string {
  return FORMULA_LEADING.test(cell) ? `'${cell}` : cell;
}

function restore(cell: string): string {
  return cell.startsWith("'") && FORMULA_LEADING.test(cell) ? cell.slice(1) : cell;
}

export function toCsv(graph: ExportedGraph): { 'nodes.csv': string; 'relationships.csv': string } {
  const nodes = sortNodes(graph.nodes).map((n) => [n.label, n.id, ...rowOf(NODE_PROPERTY_COLUMNS, n.props)]);
  const rels = sortRelationships(graph.relationships).map((r) => [
    r.type,
    r.from,
    r.to,
    ...rowOf(RELATIONSHIP_PROPERTY_COLUMNS, r.props),
  ]);
  const write = (header: string[], rows: string[][]) =>
    stringify([header, ...rows.map((row) => row.map(neutralise))], { record_delimiter: '\n' });
  return { 'nodes.csv': write(NODE_COLUMNS, nodes), 'relationships.csv': write(RELATIONSHIP_COLUMNS, rels) };
}

const NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

interface Table {
  header: string[];
  rows: string[][];
}

function readTable(
  file: ImportFile,
  known: readonly string[],
  required: readonly string[],
  problems: ImportProblem[],
): Table | null {
  let records: string[][];
  try {
    records = parse(file.content, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (error) {
    problems.push(
      problem({ file: file.name, row: null }, null, `Not readable as CSV: ${(error as Error).message}`),
    );
    return null;
  }
  const [header, ...written] = records;
  const rows = written.map((row) => row.map(restore));
  if (!header) {
    problems.push(
      problem({ file: file.name, row: null }, null, `${file.name} is empty; it needs a header row.`),
    );
    return null;
  }
  let ok = true;
  for (const column of header) {
    if (!known.includes(column)) {
      problems.push(
        problem(
          { file: file.name, row: null },
          column,
          `Unknown column "${column}"; the columns are ${known.join(', ')}.`,
        ),
      );
      ok = false;
    }
  }
  for (const column of required) {
    if (!header.includes(column)) {
      problems.push(problem({ file: file.name, row: null }, column, `Missing the "${column}" column.`));
      ok = false;
    }
  }
  return ok ? { header, rows } : null;
}

function propsOf(
  table: Table,
  cells: string[],
  columns: Readonly<Record<string, ColumnKind>>,
  at: { file: string; row: number },
  problems: ImportProblem[],
  ownLists?: ReadonlySet<string>,
): Properties {
  const props: Properties = {};
  table.header.forEach((column, i) => {
    const cell = cells[i] ?? '';
    const kind = columns[column];
    // An empty list cell is an empty list for a kind that has the list, and nothing for one that does
    // not (a skill's blank `typicalDay` column is not a typical day).
    if (kind === 'list') {
      if (cell !== '' || !ownLists || ownLists.has(column)) props[column] = splitList(cell);
    } else if (cell === '' || !kind) return;
    else if (kind === 'boolean') {
      if (cell === 'true' || cell === 'false') props[column] = cell === 'true';
      else problems.push(problem(at, column, `"${cell}" is not true or false.`));
    } else if (kind === 'number') {
      if (NUMBER.test(cell.trim())) props[column] = Number(cell);
      else problems.push(problem(at, column, `"${cell}" is not a number.`));
    } else props[column] = cell;
  });
  const extraAt = table.header.indexOf(EXTRA);
  const extra = extraAt >= 0 ? (cells[extraAt] ?? '') : '';
  if (extra.trim() !== '') {
    let value: unknown;
    try {
      value = JSON.parse(extra);
    } catch {
      value = undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(problem(at, EXTRA, 'must be a JSON object such as {"note": "…"}, or empty.'));
    } else {
      for (const [key, v] of Object.entries(value)) {
        if (key in props)
          problems.push(problem(at, EXTRA, `"${key}" has its own column; give it only once.`));
        else if (!isPropertyValue(v))
          problems.push(problem(at, EXTRA, `"${key}" must be text, a number, true/false or a flat list.`));
        else props[key] = v;
      }
    }
  }
  return props;
}

function checkWidth(
  table: Table,
  cells: string[],
  at: { file: string; row: number },
  problems: ImportProblem[],
): boolean {
  if (cells.length === table.header.length) return true;
  problems.push(
    problem(
      at,
      null,
      `Has ${cells.length} cells; the header has ${table.header.length}. Check for a stray comma or quote.`,
    ),
  );
  return false;
}

/** A cell already reported as unreadable is not reported again as missing. */
function unlessReported(reported: readonly ImportProblem[], found: ImportProblem[]): ImportProblem[] {
  return found.filter(
    (p) =>
      !reported.some(
        (r) => r.file === p.file && r.row === p.row && r.column === p.column && r.column !== null,
      ),
  );
}

export interface CsvParts {
  nodes: ImportNode[];
  relationships: ImportRelationship[];
  problems: ImportProblem[];
}

export function readCsvFiles(files: readonly ImportFile[]): CsvParts {
  const out: CsvParts = { nodes: [], relationships: [], problems: [] };
  for (const file of files) {
    if (file.name === NODES_CSV) readNodes(file, out);
    else if (file.name === RELATIONSHIPS_CSV) readRelationships(file, out);
    else {
      out.problems.push(
        problem(
          { file: file.name, row: null },
          null,
          `A CSV import reads ${NODES_CSV} and ${RELATIONSHIPS_CSV} only.`,
        ),
      );
    }
  }
  return out;
}

function readNodes(file: ImportFile, out: CsvParts): void {
  const table = readTable(file, NODE_COLUMNS, NODE_KEYS, out.problems);
  if (!table) return;
  const labelAt = table.header.indexOf('label');
  const idAt = table.header.indexOf('id');
  table.rows.forEach((cells, index) => {
    const at = { file: file.name, row: index + 1, column: 'id' };
    if (!checkWidth(table, cells, at, out.problems)) return;
    const label = cells[labelAt] ?? '';
    if (!isNodeLabel(label)) {
      out.problems.push(
        problem(
          at,
          'label',
          `"${label}" is not a kind of node; use Subject, Field, Skill, Career, Course or Application.`,
        ),
      );
      return;
    }
    const lists = new Set(
      nodeProperties(label)
        .filter((p) => p.type === 'textList')
        .map((p) => p.name),
    );
    const props = propsOf(table, cells, NODE_PROPERTY_COLUMNS, at, out.problems, lists);
    const node: ImportNode = { label, id: cells[idAt] ?? '', props, origin: at };
    out.problems.push(
      ...unlessReported(
        out.problems,
        nodeProblems(node, (p) => (p === null ? null : p in NODE_PROPERTY_COLUMNS ? p : EXTRA)),
      ),
    );
    out.nodes.push(node);
  });
}

function readRelationships(file: ImportFile, out: CsvParts): void {
  const table = readTable(file, RELATIONSHIP_COLUMNS, RELATIONSHIP_KEYS, out.problems);
  if (!table) return;
  const [typeAt, fromAt, toAt] = RELATIONSHIP_KEYS.map((k) => table.header.indexOf(k));
  table.rows.forEach((cells, index) => {
    const at = { file: file.name, row: index + 1, column: 'from' };
    if (!checkWidth(table, cells, at, out.problems)) return;
    const type = cells[typeAt ?? -1] ?? '';
    if (!isRelationshipType(type)) {
      out.problems.push(
        problem(
          at,
          'type',
          `"${type}" is not a kind of link; use one of LEADS_TO, INCLUDES, REQUIRES, DRAWS_ON, DEVELOPS, TEACHES, APPLIED_IN, USED_IN, RELATED_TO, PART_OF.`,
        ),
      );
      return;
    }
    const props = propsOf(table, cells, RELATIONSHIP_PROPERTY_COLUMNS, at, out.problems);
    const rel: ImportRelationship = {
      type,
      from: cells[fromAt ?? -1] ?? '',
      to: cells[toAt ?? -1] ?? '',
      props,
      origin: at,
    };
    out.problems.push(
      ...unlessReported(
        out.problems,
        relationshipProblems(rel, (p) =>
          p === null ? null : p === 'from' || p === 'to' || p in RELATIONSHIP_PROPERTY_COLUMNS ? p : EXTRA,
        ),
      ),
    );
    out.relationships.push(rel);
  });
}
