// Checks every format shares: ids are slugs, properties meet the data model, nothing comes twice.
// Checks that need the graph (does the other end exist? is the id taken by another kind?) are made
// when the import is applied.
import { ID_MAX_LENGTH, ID_PATTERN } from '../../model/data-model.ts';
import { checkNodeProperties, checkRelationshipProperties, describeIssue } from './properties.ts';
import type { ImportNode, ImportProblem, ImportRelationship } from './types.ts';

/** A message when `id` cannot be an id, else null. */
export function idProblem(id: string): string | null {
  if (id === '') return 'is empty; every record needs an id';
  if (id.length > ID_MAX_LENGTH) return `is ${id.length} characters long; ids have at most ${ID_MAX_LENGTH}`;
  if (!ID_PATTERN.test(id)) {
    return `"${id}" is not an id: use lower-case letters, digits and single hyphens, such as "environmental-science"`;
  }
  return null;
}

/** Names the column of a property in the format at hand (`properties.jobZone`, `jobZone`, …). */
export type ColumnOf = (property: string | null) => string | null;

export function problem(
  at: { file: string; row: number | null },
  column: string | null,
  message: string,
): ImportProblem {
  return { file: at.file, row: at.row, column, message };
}

export function nodeProblems(node: ImportNode, columnOf: ColumnOf): ImportProblem[] {
  const at = node.origin ?? { file: '(import)', row: null, column: 'id' };
  const problems: ImportProblem[] = [];
  const bad = idProblem(node.id);
  if (bad) problems.push(problem(at, at.column, `The id ${bad}.`));
  for (const issue of checkNodeProperties(node.label, node.props)) {
    const hint = issue.property ? node.hints?.[issue.property] : undefined;
    problems.push(
      problem(
        at,
        columnOf(issue.property),
        `${node.label} "${node.id}": ${describeIssue(issue)}${hint ? ` (${hint})` : ''}.`,
      ),
    );
  }
  return problems;
}

export function relationshipProblems(rel: ImportRelationship, columnOf: ColumnOf): ImportProblem[] {
  const at = rel.origin ?? { file: '(import)', row: null, column: 'from' };
  const problems: ImportProblem[] = [];
  for (const [end, id] of [
    ['from', rel.from],
    ['to', rel.to],
  ] as const) {
    const bad = idProblem(id);
    if (bad) problems.push(problem(at, columnOf(end), `The ${end} id ${bad}.`));
  }
  for (const issue of checkRelationshipProperties(rel.type, rel.props)) {
    problems.push(
      problem(at, columnOf(issue.property), `${rel.type} ${rel.from} → ${rel.to}: ${describeIssue(issue)}.`),
    );
  }
  return problems;
}

export const relationshipKey = (r: Pick<ImportRelationship, 'type' | 'from' | 'to'>): string =>
  `${r.from}|${r.type}|${r.to}`;

/** The second and later records with an id (or link) already seen; the first one stands. */
export function duplicateProblems(
  nodes: readonly ImportNode[],
  relationships: readonly ImportRelationship[],
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const seen = new Map<string, ImportNode>();
  for (const node of nodes) {
    const key = node.match ? `${node.label}|${node.match.property}|${node.match.value}` : node.id;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, node);
      continue;
    }
    const at = node.origin ?? { file: '(import)', row: null, column: 'id' };
    const where = first.origin
      ? ` (first in ${first.origin.file}${first.origin.row ? `, row ${first.origin.row}` : ''})`
      : '';
    problems.push(
      problem(at, at.column, `"${node.match?.value ?? node.id}" appears twice${where}; keep one record.`),
    );
  }
  const links = new Map<string, ImportRelationship>();
  for (const rel of relationships) {
    const key = relationshipKey(rel);
    const first = links.get(key);
    if (!first) {
      links.set(key, rel);
      continue;
    }
    const at = rel.origin ?? { file: '(import)', row: null, column: 'from' };
    const where = first.origin
      ? ` (first in ${first.origin.file}${first.origin.row ? `, row ${first.origin.row}` : ''})`
      : '';
    problems.push(
      problem(at, at.column, `${rel.type} ${rel.from} → ${rel.to} appears twice${where}; keep one.`),
    );
  }
  return problems;
}
