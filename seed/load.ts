// Idempotent loader: constraints and indexes first, then batched UNWIND … MERGE, one transaction
// per batch. A record whose content hash is unchanged is not written, so a second run changes nothing.
import type { Driver } from 'neo4j-driver';
import { ENTITY_LABEL, NODE_LABELS, SEARCH_INDEX, type NodeLabel } from '../server/graph/model.ts';
import { nodeRows, relationshipRows, type NodeRow, type RelationshipRow } from './graph-rows.ts';
import type { SeedData } from './read.ts';

const BATCH_SIZE = 500;

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
  onBatch?: (done: number, total: number) => void;
}

export async function ensureSchema(driver: Driver, database?: string): Promise<void> {
  const statements = [
    `CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:${ENTITY_LABEL}) REQUIRE n.id IS UNIQUE`,
    ...NODE_LABELS.map(
      (label) =>
        `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
    ),
    `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS FOR (n:${NODE_LABELS.join('|')}) ON EACH [n.name, n.aliasText, n.description]`,
  ];
  for (const statement of statements) await driver.executeQuery(statement, {}, { database });
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
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
    ON CREATE SET n.createdAt = $now, n.source = 'curated'
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
    ON CREATE SET rel.createdAt = $now, rel.source = 'curated'
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

export async function loadSeed(
  driver: Driver,
  data: SeedData,
  options: LoadOptions = {},
): Promise<LoadReport> {
  const started = Date.now();
  const { database, actor = 'seed' } = options;
  await ensureSchema(driver, database);

  const report: LoadReport = { nodes: {} as LoadReport['nodes'], relationships: {}, batches: 0, millis: 0 };
  const batches: Batch[] = [];
  for (const [label, rows] of nodeRows(data)) {
    const counts = { created: 0, updated: 0, unchanged: 0 };
    report.nodes[label] = counts;
    for (const chunk of chunks(rows, BATCH_SIZE))
      batches.push({ statement: nodeStatement(label), rows: chunk, counts });
  }
  const groups = new Map<string, RelationshipRow[]>();
  for (const row of relationshipRows(data)) {
    const key = `${row.type}:${row.fromLabel}:${row.toLabel}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const rows of groups.values()) {
    const first = rows[0];
    if (!first) continue;
    const counts = (report.relationships[first.type] ??= { created: 0, updated: 0, unchanged: 0 });
    for (const chunk of chunks(rows, BATCH_SIZE)) {
      batches.push({ statement: relationshipStatement(first), rows: chunk, counts });
    }
  }

  // One timestamp for the run: it marks what this run created, and keeps the run's writes consistent.
  const now = new Date().toISOString();
  for (const [index, batch] of batches.entries()) {
    const rows = batch.rows.map((r) =>
      'type' in r ? { from: r.from, to: r.to, props: r.props, hash: r.hash } : r,
    );
    const result = await driver.executeQuery(
      batch.statement,
      { rows, now, actor },
      { database, routing: 'WRITE' },
    );
    const record = result.records[0];
    const created = Number(record?.get('created') ?? 0);
    const written = Number(record?.get('written') ?? 0);
    batch.counts.created += created;
    batch.counts.updated += written - created;
    batch.counts.unchanged += batch.rows.length - written;
    options.onBatch?.(index + 1, batches.length);
  }
  report.batches = batches.length;
  report.millis = Date.now() - started;
  return report;
}

export async function graphIsEmpty(driver: Driver, database?: string): Promise<boolean> {
  const result = await driver.executeQuery(
    `MATCH (n:${ENTITY_LABEL}) RETURN count(n) > 0 AS any`,
    {},
    { database },
  );
  return result.records[0]?.get('any') !== true;
}

export function formatLoadReport(report: LoadReport): string {
  const line = (name: string, c: WriteCounts) =>
    `  ${name.padEnd(12)} ${String(c.created).padStart(5)} created ${String(c.updated).padStart(5)} updated ${String(c.unchanged).padStart(5)} unchanged`;
  return [
    'Nodes:',
    ...Object.entries(report.nodes).map(([k, c]) => line(k, c)),
    'Relationships:',
    ...Object.entries(report.relationships).map(([k, c]) => line(k, c)),
    `${report.batches} batches in ${(report.millis / 1000).toFixed(1)} s`,
  ].join('\n');
}
