// Idempotent loader: constraints and indexes first, then batched UNWIND … MERGE, one transaction
// per batch. A record whose content hash is unchanged is not written, so a second run changes nothing.
import type { Driver } from 'neo4j-driver';
import { ENTITY_LABEL, NODE_LABELS, SEARCH_INDEX, type NodeLabel } from '../server/graph/model.ts';
import { nodeRows, relationshipRows, type NodeRow, type RelationshipRow } from './graph-rows.ts';
import type { SeedData } from './read.ts';

/** Rows per transaction: larger batches mean fewer commits, but tx state grows and Eager buffers it all. */
const BATCH_SIZE = 2000;

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface LoadReport {
  nodes: Record<NodeLabel, WriteCounts>;
  relationships: Record<string, WriteCounts>;
  batches: number;
  millis: number;
}

export interface LoadOptions {
  database?: string | undefined;
  /** Recorded as updatedBy on what the load writes. */
  actor?: string;
  /** Recorded as `source` on what the load creates. */
  source?: string;
  /** Rows per UNWIND batch (one transaction each). */
  batchSize?: number;
  /** `total` is the batches known so far: a load in parts learns of later parts as it goes. */
  onBatch?: (done: number, total: number) => void;
}

const CONSTRAINTS = [
  `CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:${ENTITY_LABEL}) REQUIRE n.id IS UNIQUE`,
  ...NODE_LABELS.map(
    (label) =>
      `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  ),
];
const FULL_TEXT_INDEX = `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS FOR (n:${NODE_LABELS.join('|')}) ON EACH [n.name, n.aliasText, n.description]`;

async function run(driver: Driver, database: string | undefined, statements: readonly string[]) {
  for (const statement of statements) await driver.executeQuery(statement, {}, { database });
  // Populating an index over a million nodes takes minutes on a small machine.
  await driver.executeQuery('CALL db.awaitIndexes(1800)', {}, { database });
}

export async function ensureSchema(driver: Driver, database?: string): Promise<void> {
  await run(driver, database, [...CONSTRAINTS, FULL_TEXT_INDEX]);
}

async function fullTextIndexExists(driver: Driver, database: string | undefined): Promise<boolean> {
  const result = await driver.executeQuery(
    'SHOW FULLTEXT INDEXES YIELD name WHERE name = $name RETURN count(*) > 0 AS exists',
    { name: SEARCH_INDEX },
    { database },
  );
  return result.records[0]?.get('exists') === true;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function nodeStatement(label: NodeLabel): string {
  // `aliasText` feeds the full-text index, which indexes strings rather than lists.
  return `
    UNWIND $rows AS row
    MERGE (n:${ENTITY_LABEL}:${label} {id: row.id})
    ON CREATE SET n.createdAt = $now, n.source = $source
    WITH n, row, n.createdAt = $now AS created
    WHERE n.seedHash IS NULL OR n.seedHash <> row.hash
    SET n += row.props,
        n.aliasText = reduce(s = '', a IN row.props.aliases | s + ' ' + a),
        n.seedHash = row.hash, n.updatedAt = $now, n.updatedBy = $actor
    RETURN count(CASE WHEN created THEN 1 END) AS created, count(n) AS written`;
}

function relationshipStatement(r: Pick<RelationshipRow, 'type' | 'fromLabel' | 'toLabel'>): string {
  return `
    UNWIND $rows AS row
    MATCH (a:${r.fromLabel} {id: row.from})
    MATCH (b:${r.toLabel} {id: row.to})
    MERGE (a)-[rel:${r.type}]->(b)
    ON CREATE SET rel.createdAt = $now, rel.source = $source
    WITH rel, row, rel.createdAt = $now AS created
    WHERE rel.seedHash IS NULL OR rel.seedHash <> row.hash
    SET rel += row.props, rel.seedHash = row.hash, rel.updatedAt = $now, rel.updatedBy = $actor
    RETURN count(CASE WHEN created THEN 1 END) AS created, count(rel) AS written`;
}

interface Batch {
  statement: string;
  rows: (NodeRow | RelationshipRow)[];
  counts: WriteCounts;
}

function emptyReport(): LoadReport {
  return { nodes: {} as LoadReport['nodes'], relationships: {}, batches: 0, millis: 0 };
}

function planBatches(data: SeedData, report: LoadReport, batchSize: number): Batch[] {
  const batches: Batch[] = [];
  for (const [label, rows] of nodeRows(data)) {
    const counts = (report.nodes[label] ??= { created: 0, updated: 0, unchanged: 0 });
    for (const chunk of chunks(rows, batchSize))
      batches.push({ statement: nodeStatement(label), rows: chunk, counts });
  }
  const groups = new Map<string, RelationshipRow[]>();
  for (const row of relationshipRows(data)) {
    const key = `${row.type}:${row.fromLabel}:${row.toLabel}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  for (const rows of groups.values()) {
    const first = rows[0];
    if (!first) continue;
    const counts = (report.relationships[first.type] ??= { created: 0, updated: 0, unchanged: 0 });
    for (const chunk of chunks(rows, batchSize)) {
      batches.push({ statement: relationshipStatement(first), rows: chunk, counts });
    }
  }
  return batches;
}

async function writeBatches(
  driver: Driver,
  batches: readonly Batch[],
  params: { now: string; actor: string; source: string; database: string | undefined },
  onBatch: (done: number, total: number) => void,
): Promise<void> {
  const { now, actor, source, database } = params;
  for (const [index, batch] of batches.entries()) {
    const rows = batch.rows.map((r) =>
      'type' in r ? { from: r.from, to: r.to, props: r.props, hash: r.hash } : r,
    );
    const result = await driver.executeQuery(
      batch.statement,
      { rows, now, actor, source },
      { database, routing: 'WRITE' },
    );
    const record = result.records[0];
    const created = Number(record?.get('created') ?? 0);
    const written = Number(record?.get('written') ?? 0);
    batch.counts.created += created;
    batch.counts.updated += written - created;
    batch.counts.unchanged += batch.rows.length - written;
    onBatch(index + 1, batches.length);
  }
}

export async function loadSeed(
  driver: Driver,
  data: SeedData,
  options: LoadOptions = {},
): Promise<LoadReport> {
  return loadSeedChunks(driver, [data], options);
}

/**
 * Loads data that arrives in parts (a generated graph too big to hold at once), with one schema step,
 * one run timestamp and one report. Each part's relationships may point only at nodes of that part or
 * of earlier ones: a MATCH that finds no endpoint writes nothing.
 */
export async function loadSeedChunks(
  driver: Driver,
  parts: Iterable<SeedData>,
  options: LoadOptions = {},
): Promise<LoadReport> {
  const started = Date.now();
  const { database, actor = 'seed', source = 'curated', batchSize = BATCH_SIZE } = options;
  // Into an empty graph, the full-text index is built once at the end: one bulk population is several
  // times cheaper than updating Lucene in every batch's commit. The constraints come first, as MERGE needs them.
  const deferFullText =
    !(await fullTextIndexExists(driver, database)) && (await graphIsEmpty(driver, database));
  await run(driver, database, deferFullText ? CONSTRAINTS : [...CONSTRAINTS, FULL_TEXT_INDEX]);
  const report = emptyReport();
  // One timestamp for the run: it marks what this run created, and keeps the run's writes consistent.
  const now = new Date().toISOString();
  let done = 0;
  for (const data of parts) {
    const batches = planBatches(data, report, batchSize);
    const before = done;
    await writeBatches(driver, batches, { now, actor, source, database }, (i, total) =>
      options.onBatch?.(before + i, before + total),
    );
    done += batches.length;
  }
  if (deferFullText) await run(driver, database, [FULL_TEXT_INDEX]);
  report.batches = done;
  report.millis = Date.now() - started;
  return report;
}

/** Nodes plus relationships the run looked at (written or found unchanged), per second of the whole run. */
export function loadThroughput(report: LoadReport): { items: number; perSecond: number } {
  const total = (c: WriteCounts) => c.created + c.updated + c.unchanged;
  const items = [...Object.values(report.nodes), ...Object.values(report.relationships)].reduce(
    (sum, c) => sum + total(c),
    0,
  );
  return { items, perSecond: items / Math.max(0.001, report.millis / 1000) };
}

export async function graphIsEmpty(driver: Driver, database?: string): Promise<boolean> {
  const result = await driver.executeQuery(
    `MATCH (n:${ENTITY_LABEL}) RETURN count(n) > 0 AS any`,
    {},
    { database },
  );
  return result.records[0]?.get('any') !== true;
}

export function loadThroughputLine(report: LoadReport): string {
  const nodes = Object.values(report.nodes).reduce((s, c) => s + c.created + c.updated + c.unchanged, 0);
  const { items, perSecond } = loadThroughput(report);
  return `${nodes} nodes + ${items - nodes} relationships, ${Math.round(perSecond).toLocaleString('en')} per second`;
}

export function formatLoadReport(report: LoadReport): string {
  const line = (name: string, c: WriteCounts) =>
    `  ${name.padEnd(12)} ${String(c.created).padStart(8)} created ${String(c.updated).padStart(8)} updated ${String(c.unchanged).padStart(8)} unchanged`;
  return [
    'Nodes:',
    ...Object.entries(report.nodes).map(([k, c]) => line(k, c)),
    'Relationships:',
    ...Object.entries(report.relationships).map(([k, c]) => line(k, c)),
    `${report.batches} batches in ${(report.millis / 1000).toFixed(1)} s: ${loadThroughputLine(report)}`,
  ].join('\n');
}
