// Import and export against the graph. Export reads every Entity node and the links among them in one
// read transaction. Import first plans (resolve O*NET codes to careers, check every reference and the
// data model, work out before → after for each node and link), then writes the plan and ONE :Change
// holding every before and after state, all in the same transaction: any problem, and nothing is written.
import type { ManagedTransaction } from 'neo4j-driver';
import type { Actor } from './audit.ts';
import { commitChange } from './changes.ts';
import {
  lockNodes,
  stateNodeIds,
  withoutProvenance,
  type EntityState,
  type Properties,
} from './entity-state.ts';
import { readTransaction, type GraphContext } from './executor.ts';
import {
  ENTITY_LABEL,
  NODE_LABELS,
  RELATIONSHIP_ENDPOINTS,
  RELATIONSHIP_TYPES,
  isNodeLabel,
  isRelationshipType,
  type NodeLabel,
  type RelationshipType,
} from './model.ts';
import { labelOf } from './node-mapper.ts';
import { run } from './writer.ts';
import { checkNodeProperties, checkRelationshipProperties, describeIssue } from '../transfer/properties.ts';
import { relationshipKey } from '../transfer/validate.ts';
import {
  isInternalProperty,
  type ExportedGraph,
  type ImportFormat,
  type ImportNode,
  type ImportProblem,
  type ImportRelationship,
  type ParsedImport,
} from '../transfer/types.ts';

/** An import may write thousands of records in its one transaction: more than a query's timeout. */
export const IMPORT_TIMEOUT_MS = 120_000;
const READ_CHUNK = 2_000;
const WRITE_BATCH = 500;

export interface ImportReport {
  dryRun: boolean;
  format: ImportFormat;
  /** Ids of the nodes the import creates (or would create), sorted. */
  created: string[];
  /** Ids of existing nodes whose properties it changes, sorted. */
  updated: string[];
  /** Nodes in the import that already hold exactly what it says. */
  unchanged: number;
  /** Relationships created. */
  linked: number;
  /** Existing relationships whose properties change. */
  relinked: number;
  /** Relationships already as the import says. */
  unchangedLinks: number;
  /** Every problem; when there is any, nothing was written. */
  problems: ImportProblem[];
  /** The :Change recorded (undo it to revert the import); null for a dry run, a failure or no change. */
  changeId: string | null;
  /** One line for people, also the :Change's summary. */
  summary: string;
}

export interface ImportOptions {
  dryRun: boolean;
  /** Called after each write batch, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

interface ExistingNode {
  label: NodeLabel;
  props: Properties;
}

interface NodeWrite {
  label: NodeLabel;
  id: string;
  before: Properties | null;
  after: Properties;
}

interface RelationshipWrite {
  type: RelationshipType;
  from: string;
  to: string;
  before: Properties | null;
  after: Properties;
}

interface Plan {
  nodes: NodeWrite[];
  relationships: RelationshipWrite[];
  unchanged: number;
  unchangedLinks: number;
  problems: ImportProblem[];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * What a record is compared and stored as: no provenance or derived `aliasText` (the write derives it
 * as applyState does), and the id lives outside the properties.
 */
function stored(props: Properties): Properties {
  const rest = withoutProvenance(props);
  delete rest.id;
  return rest;
}

function fromFile(props: Properties): Properties {
  const rest: Properties = {};
  for (const [key, value] of Object.entries(props))
    if (!isInternalProperty(key) && key !== 'id') rest[key] = value;
  return rest;
}

function sameProps(a: Properties, b: Properties): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

// Kept from the graph when a replacing record does not say: the loader's hash (so a later seed run
// still knows the record), and when and where the node first came from.
const CARRIED = ['seedHash', 'createdAt', 'source'] as const;

function afterProps(
  parsed: ParsedImport,
  record: { props: Properties; keepExisting?: readonly string[] },
  before: Properties | null,
  now: string,
): Properties {
  const incoming = fromFile(record.props);
  if (!before) {
    return {
      ...incoming,
      createdAt: incoming.createdAt ?? now,
      source: incoming.source ?? parsed.format.toLowerCase(),
    };
  }
  const existing = stored(before);
  if (parsed.merge) {
    const after = { ...existing };
    for (const [key, value] of Object.entries(incoming)) {
      if (record.keepExisting?.includes(key) && existing[key] !== undefined) continue;
      after[key] = value;
    }
    return after;
  }
  const after: Properties = {};
  for (const key of CARRIED) {
    const value = existing[key];
    if (value !== undefined) after[key] = value;
  }
  return { ...after, ...incoming };
}

async function readMatches(
  tx: ManagedTransaction,
  nodes: readonly ImportNode[],
): Promise<Map<string, string[]>> {
  const groups = new Map<string, { label: NodeLabel; property: string; values: Set<string> }>();
  for (const node of nodes) {
    if (!node.match) continue;
    const key = `${node.label}|${node.match.property}`;
    const group = groups.get(key) ?? { label: node.label, property: node.match.property, values: new Set() };
    group.values.add(node.match.value);
    groups.set(key, group);
  }
  const found = new Map<string, string[]>();
  for (const { label, property, values } of groups.values()) {
    if (!isNodeLabel(label)) throw new Error(`Unknown label ${label}`);
    const rows = await run<{ value: string; id: string }>(
      tx,
      `MATCH (n:${label}) WHERE n[$property] IN $values RETURN n[$property] AS value, n.id AS id ORDER BY id`,
      { property, values: [...values] },
    );
    for (const row of rows) {
      const key = `${label}|${property}|${row.value}`;
      found.set(key, [...(found.get(key) ?? []), row.id]);
    }
  }
  return found;
}

async function readNodes(tx: ManagedTransaction, ids: Iterable<string>): Promise<Map<string, ExistingNode>> {
  const out = new Map<string, ExistingNode>();
  for (const chunk of chunks([...new Set(ids)], READ_CHUNK)) {
    const rows = await run<{ id: string; labels: string[]; props: Properties }>(
      tx,
      `UNWIND $ids AS id MATCH (n:${ENTITY_LABEL} {id: id}) RETURN id, labels(n) AS labels, properties(n) AS props`,
      { ids: chunk },
    );
    for (const row of rows) out.set(row.id, { label: labelOf(row.labels), props: row.props });
  }
  return out;
}

async function readLinks(
  tx: ManagedTransaction,
  type: RelationshipType,
  pairs: readonly { from: string; to: string }[],
): Promise<Map<string, Properties>> {
  const out = new Map<string, Properties>();
  for (const chunk of chunks(pairs, READ_CHUNK)) {
    const rows = await run<{ from: string; to: string; props: Properties }>(
      tx,
      `UNWIND $pairs AS p
       MATCH (a:${ENTITY_LABEL} {id: p.from})
       MATCH (b:${ENTITY_LABEL} {id: p.to})
       MATCH (a)-[r:${type}]->(b)
       RETURN p.from AS from, p.to AS to, properties(r) AS props`,
      { pairs: chunk },
    );
    for (const row of rows) out.set(relationshipKey({ type, from: row.from, to: row.to }), row.props);
  }
  return out;
}

const at = (
  record: { origin?: { file: string; row: number | null; column: string } },
  column?: string | null,
) => ({
  file: record.origin?.file ?? '(import)',
  row: record.origin?.row ?? null,
  column: column === undefined ? (record.origin?.column ?? null) : column,
});

const kindName = (label: NodeLabel) => label.toLowerCase();

/** `forWrite`: the nodes the import touches are read under their write locks (see entity-state.ts). */
async function plan(
  tx: ManagedTransaction,
  parsed: ParsedImport,
  now: string,
  forWrite: boolean,
): Promise<Plan> {
  const problems: ImportProblem[] = [];
  const matches = await readMatches(tx, parsed.nodes);
  const matchedIds = (n: ImportNode) =>
    n.match ? matches.get(`${n.label}|${n.match.property}|${n.match.value}`) : undefined;
  // Our own generated ids may meet a node of another kind ("mathematics" the subject); those get the
  // kind as a suffix. An id from a file is the file's word and is never changed.
  const alternate = (n: ImportNode) => `${n.id}-${kindName(n.label)}`;
  const touched = [
    ...parsed.nodes.flatMap((n) => [...(matchedIds(n) ?? []), n.id, ...(n.match ? [alternate(n)] : [])]),
    ...parsed.relationships.flatMap((r) => [r.from, r.to]),
  ];
  if (forWrite) await lockNodes(tx, touched);
  const existing = await readNodes(tx, touched);

  // Which graph node(s) each import record stands for.
  const targets = new Map<string, string[]>();
  const labelOfTarget = new Map<string, NodeLabel>();
  const claimedBy = new Map<string, ImportNode>();
  const nodes: NodeWrite[] = [];
  let unchanged = 0;
  for (const node of parsed.nodes) {
    let ids = matchedIds(node) ?? [];
    if (ids.length === 0) {
      const candidates = node.match ? [node.id, alternate(node)] : [node.id];
      const free = candidates.find((id) => {
        const found = existing.get(id);
        return !found || found.label === node.label;
      });
      if (!free) {
        const other = existing.get(node.id);
        problems.push({
          ...at(node),
          message: `The id "${node.id}" already belongs to a ${other?.label.toLowerCase() ?? 'node'}; ids are shared by all kinds, so give this ${kindName(node.label)} another id.`,
        });
        targets.set(node.id, []);
        continue;
      }
      if (node.updateOnly && !existing.has(free)) {
        const hint = node.hints?.name ? `; ${node.hints.name}` : '';
        problems.push({
          ...at(node),
          message: `${node.match?.value ?? node.id} is not in this import and no ${kindName(node.label)} in the graph has it, so there is nothing to update or link${hint}.`,
        });
        targets.set(node.id, []);
        continue;
      }
      ids = [free];
    }
    if (targets.has(node.id)) {
      problems.push({
        ...at(node),
        message: `Two records in this import would both be "${node.id}"; keep one.`,
      });
      continue;
    }
    targets.set(node.id, ids);
    for (const id of ids) {
      const first = claimedBy.get(id);
      if (first) {
        problems.push({
          ...at(node),
          message: `This record and ${first.origin ? `${first.origin.file} row ${String(first.origin.row)}` : 'another'} both resolve to "${id}"; keep one.`,
        });
        continue;
      }
      claimedBy.set(id, node);
      labelOfTarget.set(id, node.label);
      const before = existing.get(id)?.props ?? null;
      const after = afterProps(parsed, node, before, now);
      if (parsed.merge) {
        for (const issue of checkNodeProperties(node.label, after)) {
          const hint = issue.property ? node.hints?.[issue.property] : undefined;
          problems.push({
            ...at(node),
            message: `${node.label} "${id}": ${describeIssue(issue)}${hint ? `; ${hint}` : ''}.`,
          });
        }
      }
      if (before && sameProps(stored(before), after)) unchanged++;
      else nodes.push({ label: node.label, id, before, after });
    }
  }

  const endLabel = (id: string) => labelOfTarget.get(id) ?? existing.get(id)?.label;
  const pending = new Map<
    string,
    { rel: ImportRelationship; type: RelationshipType; from: string; to: string }
  >();
  for (const rel of parsed.relationships) {
    const froms = targets.get(rel.from) ?? [rel.from];
    const tos = targets.get(rel.to) ?? [rel.to];
    for (const from of froms) {
      for (const to of tos) {
        const fromLabel = endLabel(from);
        const toLabel = endLabel(to);
        let ok = true;
        for (const [end, id, label] of [
          ['from', from, fromLabel],
          ['to', to, toLabel],
        ] as const) {
          if (!label) {
            problems.push({
              ...at(rel, end),
              message: `"${id}" is neither in this import nor in the graph.`,
            });
            ok = false;
          }
        }
        if (!ok || !fromLabel || !toLabel) continue;
        const allowed = RELATIONSHIP_ENDPOINTS[rel.type];
        if (!allowed.from.includes(fromLabel) || !allowed.to.includes(toLabel)) {
          problems.push({
            ...at(rel, 'type'),
            message: `${rel.type} cannot link a ${kindName(fromLabel)} (${from}) to a ${kindName(toLabel)} (${to}); it links ${allowed.from.join('/')} to ${allowed.to.join('/')}.`,
          });
          continue;
        }
        const key = relationshipKey({ type: rel.type, from, to });
        if (!pending.has(key)) pending.set(key, { rel, type: rel.type, from, to });
      }
    }
  }

  const byType = new Map<RelationshipType, { from: string; to: string }[]>();
  for (const p of pending.values()) {
    if (!existing.has(p.from) || !existing.has(p.to)) continue;
    byType.set(p.type, [...(byType.get(p.type) ?? []), { from: p.from, to: p.to }]);
  }
  const links = new Map<string, Properties>();
  for (const [type, pairs] of byType) {
    if (!isRelationshipType(type)) throw new Error(`Unknown relationship type ${type}`);
    for (const [key, props] of await readLinks(tx, type, pairs)) links.set(key, props);
  }

  const relationships: RelationshipWrite[] = [];
  let unchangedLinks = 0;
  for (const [key, { rel, type, from, to }] of pending) {
    const before = links.get(key) ?? null;
    const after = afterProps(parsed, rel, before, now);
    if (parsed.merge) {
      for (const issue of checkRelationshipProperties(type, after)) {
        problems.push({
          ...at(rel),
          message: `${type} ${from} → ${to}: ${describeIssue(issue)}.`,
        });
      }
    }
    if (before && sameProps(stored(before), after)) unchangedLinks++;
    else relationships.push({ type, from, to, before, after });
  }
  return { nodes, relationships, unchanged, unchangedLinks, problems };
}

function summaryOf(format: ImportFormat, p: Plan): string {
  const created = new Map<string, number>();
  for (const n of p.nodes) if (!n.before) created.set(n.label, (created.get(n.label) ?? 0) + 1);
  const parts = NODE_LABELS.filter((l) => created.has(l)).map((l) => {
    const count = created.get(l) ?? 0;
    const noun = l === 'Skill' ? 'skill' : l.toLowerCase();
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
  });
  const updated = p.nodes.filter((n) => n.before).length;
  const links = p.relationships.length;
  const what = [
    parts.length > 0 ? `created ${parts.join(', ')}` : null,
    updated > 0 ? `updated ${updated} node${updated === 1 ? '' : 's'}` : null,
    links > 0 ? `wrote ${links} relationship${links === 1 ? '' : 's'}` : null,
  ].filter((s) => s !== null);
  const source = format === 'ONET' ? 'O*NET' : format;
  return what.length > 0
    ? `Imported from ${source}: ${what.join('; ')}`
    : `Imported from ${source}: nothing to change`;
}

function reportOf(parsed: ParsedImport, p: Plan, dryRun: boolean, changeId: string | null): ImportReport {
  const sorted = (ids: string[]) => [...ids].sort();
  return {
    dryRun,
    format: parsed.format,
    created: sorted(p.nodes.filter((n) => !n.before).map((n) => n.id)),
    updated: sorted(p.nodes.filter((n) => n.before).map((n) => n.id)),
    unchanged: p.unchanged,
    linked: p.relationships.filter((r) => !r.before).length,
    relinked: p.relationships.filter((r) => r.before).length,
    unchangedLinks: p.unchangedLinks,
    problems: [...parsed.problems, ...p.problems],
    changeId,
    summary: summaryOf(parsed.format, p),
  };
}

interface Batch {
  statement: string;
  rows: Record<string, unknown>[];
  /** Deletions may find nothing to delete; writes must write every row. */
  exact: boolean;
}

function upsertBatches(states: readonly EntityState[]): Batch[] {
  const batches: Batch[] = [];
  for (const label of NODE_LABELS) {
    const rows = states
      .filter((s) => s.kind === 'node' && s.label === label && s.props !== null)
      .map((s) => ({ id: s.kind === 'node' ? s.id : '', props: stored(s.props ?? {}) }));
    for (const chunk of chunks(rows, WRITE_BATCH)) {
      batches.push({
        statement: `UNWIND $rows AS row
          MERGE (n:${ENTITY_LABEL}:${label} {id: row.id})
          WITH n, row, coalesce(n.version, 0) AS previous
          SET n = row.props, n.id = row.id, n.version = previous + 1, n.updatedAt = $at, n.updatedBy = $by,
              n.aliasText = reduce(s = '', a IN coalesce(row.props.aliases, []) | s + ' ' + a)
          RETURN count(n) AS written`,
        rows: chunk,
        exact: true,
      });
    }
  }
  for (const type of RELATIONSHIP_TYPES) {
    const rows = states.flatMap((s) =>
      s.kind === 'relationship' && s.type === type && s.props !== null
        ? [{ from: s.from, to: s.to, props: stored(s.props) }]
        : [],
    );
    for (const chunk of chunks(rows, WRITE_BATCH)) {
      batches.push({
        statement: `UNWIND $rows AS row
          MATCH (a:${ENTITY_LABEL} {id: row.from})
          MATCH (b:${ENTITY_LABEL} {id: row.to})
          MERGE (a)-[r:${type}]->(b)
          SET r = row.props, r.updatedAt = $at, r.updatedBy = $by
          RETURN count(r) AS written`,
        rows: chunk,
        exact: true,
      });
    }
  }
  return batches;
}

function deleteBatches(states: readonly EntityState[], kind: 'node' | 'relationship'): Batch[] {
  const batches: Batch[] = [];
  if (kind === 'node') {
    const rows = states.flatMap((s) => (s.kind === 'node' && s.props === null ? [{ id: s.id }] : []));
    for (const chunk of chunks(rows, WRITE_BATCH)) {
      batches.push({
        statement: `UNWIND $rows AS row MATCH (n:${ENTITY_LABEL} {id: row.id}) DETACH DELETE n RETURN count(*) AS written`,
        rows: chunk,
        exact: false,
      });
    }
    return batches;
  }
  for (const type of RELATIONSHIP_TYPES) {
    const rows = states.flatMap((s) =>
      s.kind === 'relationship' && s.type === type && s.props === null ? [{ from: s.from, to: s.to }] : [],
    );
    for (const chunk of chunks(rows, WRITE_BATCH)) {
      batches.push({
        statement: `UNWIND $rows AS row
          MATCH (:${ENTITY_LABEL} {id: row.from})-[r:${type}]->(:${ENTITY_LABEL} {id: row.to})
          DELETE r RETURN count(*) AS written`,
        rows: chunk,
        exact: false,
      });
    }
  }
  return batches;
}

/**
 * entity-state's applyState for many states at once: the same semantics (a node's properties replaced,
 * its version moved on, provenance stamped, `aliasText` derived; null props delete), in UNWIND batches
 * of a few hundred rows rather than one statement per state. Runs link deletions, then node writes, then
 * node deletions, then link writes, so no write needs a node that is not there yet. A link whose end is
 * missing throws, which rolls the transaction back.
 */
export async function applyStates(
  tx: ManagedTransaction,
  states: readonly EntityState[],
  stamp: { at: string; by: string },
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const nodeWrites = upsertBatches(states.filter((s) => s.kind === 'node'));
  const linkWrites = upsertBatches(states.filter((s) => s.kind === 'relationship'));
  const batches = [
    ...deleteBatches(states, 'relationship'),
    ...nodeWrites,
    ...deleteBatches(states, 'node'),
    ...linkWrites,
  ];
  for (const [index, batch] of batches.entries()) {
    const [row] = await run<{ written: number }>(tx, batch.statement, {
      rows: batch.rows,
      at: stamp.at,
      by: stamp.by,
    });
    if (batch.exact && row?.written !== batch.rows.length) {
      throw new Error(`Batch ${index + 1} wrote ${String(row?.written)} of ${batch.rows.length} records`);
    }
    onProgress?.(index + 1, batches.length);
  }
}

/** entity-state's readState for many states at once: what the graph holds now for each, under lock. */
export async function readStates(
  tx: ManagedTransaction,
  states: readonly EntityState[],
): Promise<EntityState[]> {
  await lockNodes(tx, states.flatMap(stateNodeIds));
  const nodes = await readNodes(
    tx,
    states.flatMap((s) => (s.kind === 'node' ? [s.id] : [])),
  );
  const links = new Map<string, Properties>();
  for (const type of RELATIONSHIP_TYPES) {
    const pairs = states.flatMap((s) =>
      s.kind === 'relationship' && s.type === type ? [{ from: s.from, to: s.to }] : [],
    );
    if (pairs.length > 0) for (const [key, props] of await readLinks(tx, type, pairs)) links.set(key, props);
  }
  return states.map((s): EntityState => {
    if (s.kind === 'relationship') return { ...s, props: links.get(relationshipKey(s)) ?? null };
    const found = nodes.get(s.id);
    return found ? { ...s, label: found.label, props: found.props } : { ...s, props: null };
  });
}

const shown = (props: Properties | null) => (props === null ? null : stored(props));

function states(p: Plan, side: 'before' | 'after'): EntityState[] {
  return [
    ...p.nodes.map((n): EntityState => ({ kind: 'node', label: n.label, id: n.id, props: shown(n[side]) })),
    ...p.relationships.map((r): EntityState => ({
      kind: 'relationship',
      type: r.type,
      from: r.from,
      to: r.to,
      props: shown(r[side]),
    })),
  ];
}

/** Thrown inside the write transaction to roll it back when the plan says not to write. */
class NothingWritten extends Error {
  constructor(readonly plan: Plan) {
    super('import not written');
  }
}

/**
 * Applies a parsed import. With `dryRun`, or with any problem (the parser's or the graph's), nothing is
 * written and the report says what would happen or what is wrong. Otherwise every write and ONE
 * :Change (action IMPORT, with the before and after state of each node and link touched) commit in a
 * single transaction. Re-importing the same data changes nothing and records no change.
 */
export async function importGraph(
  ctx: GraphContext,
  actor: Actor,
  parsed: ParsedImport,
  options: ImportOptions,
): Promise<ImportReport> {
  const long = { ...ctx, timeoutMs: Math.max(ctx.timeoutMs, IMPORT_TIMEOUT_MS) };
  if (options.dryRun || parsed.problems.length > 0) {
    const p = await readTransaction(long, (tx) => plan(tx, parsed, new Date().toISOString(), false));
    return reportOf(parsed, p, options.dryRun, null);
  }
  try {
    let written: Plan | undefined;
    const change = await commitChange(long, actor, async (tx, stamp) => {
      const p = await plan(tx, parsed, stamp.at, true);
      if (p.problems.length > 0 || (p.nodes.length === 0 && p.relationships.length === 0))
        throw new NothingWritten(p);
      await applyStates(tx, states(p, 'after'), stamp, options.onProgress);
      written = p;
      return {
        action: 'IMPORT',
        summary: summaryOf(parsed.format, p),
        before: states(p, 'before'),
        after: states(p, 'after'),
      };
    });
    if (!written) throw new Error('The import committed without a plan');
    return reportOf(parsed, written, false, change.id);
  } catch (error) {
    if (error instanceof NothingWritten) return reportOf(parsed, error.plan, false, null);
    throw error;
  }
}

/**
 * Every Entity node of the given labels (all by default), retired ones included, and the relationships
 * whose both ends are among them. Leaves out what a file must not carry (INTERNAL_PROPERTIES: the
 * derived `aliasText`, the loader's `seedHash`, provenance `version`/`updatedAt`/`updatedBy`) and the
 * audit log, which is history rather than graph.
 */
export async function exportGraph(
  ctx: GraphContext,
  options: { labels?: readonly NodeLabel[] } = {},
): Promise<ExportedGraph> {
  const labels = [...(options.labels ?? NODE_LABELS)].filter(isNodeLabel);
  return readTransaction({ ...ctx, timeoutMs: Math.max(ctx.timeoutMs, IMPORT_TIMEOUT_MS) }, async (tx) => {
    const nodes = await run<{ label: NodeLabel; id: string; props: Properties }>(
      tx,
      `MATCH (n:${ENTITY_LABEL})
       WITH n, [l IN labels(n) WHERE l IN $labels][0] AS label
       WHERE label IS NOT NULL
       RETURN label, n.id AS id, properties(n) AS props`,
      { labels },
    );
    const relationships = await run<{ type: RelationshipType; from: string; to: string; props: Properties }>(
      tx,
      `MATCH (a:${ENTITY_LABEL})-[r]->(b:${ENTITY_LABEL})
       WHERE type(r) IN $types AND any(l IN labels(a) WHERE l IN $labels) AND any(l IN labels(b) WHERE l IN $labels)
       RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props`,
      { labels, types: [...RELATIONSHIP_TYPES] },
    );
    return {
      nodes: nodes.map((n) => ({ label: n.label, id: n.id, props: fromFile(n.props) })),
      relationships: relationships.map((r) => ({
        type: r.type,
        from: r.from,
        to: r.to,
        props: fromFile(r.props),
      })),
    };
  });
}
