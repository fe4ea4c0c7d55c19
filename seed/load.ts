// Idempotent loader: constraints and indexes first, then batched UNWIND … MERGE, one transaction
// per batch. A record whose content hash is unchanged is not written, so a second run changes nothing.
// Into an empty graph the same rows go through CREATE instead (see first-load.ts), and the constraints
// and indexes are built once at the end: same result, less work.
import { ENTITY_LABEL, NODE_LABELS, type NodeLabel } from '../model/data-model.ts';
import type { LoaderDoor } from '../model/loader-door.ts';
import { FirstLoadGuard } from './first-load.ts';
import { nodeRows, relationshipRows, type NodeRow, type RelationshipRow } from './graph-rows.ts';
import { nodeStatement, relationshipStatement, type WriteMode } from './load-statements.ts';
import type { SeedData } from './read.ts';

/**
 * Rows per transaction: larger batches mean fewer commits, but tx state grows and Eager buffers it all.
 * For CREATE too: 10,000-row batches loaded 100k synthetic nodes slower (7.2k/s against 8.0k/s) as the
 * default 512 MiB heap spent 10 s in young GC, against 1.4 s with 2,000.
 */
const BATCH_SIZE = 2000;

/**
 * CREATE batches of a first load that may run at once. Two, for two cores: 100k synthetic nodes
 * loaded at 13.1k/s with one and 14.4k/s with two (14.7k/s with three), Neo4j being the busier process.
 * A deadlock between two of them rolls one back, and the driver's retry runs it again.
 */
const CREATE_BATCHES_IN_FLIGHT = 2;

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
  /** True when the graph was empty and everything went through CREATE rather than MERGE. */
  bulkCreate: boolean;
}

export interface LoadOptions {
  /** Recorded as updatedBy on what the load writes. */
  actor?: string;
  /** Recorded as `source` on what the load creates. */
  source?: string;
  /** Rows per UNWIND batch (one transaction each). */
  batchSize?: number;
  /** `total` is the batches known so far: a load in parts learns of later parts as it goes. */
  onBatch?: (done: number, total: number) => void;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface Batch {
  statement: string;
  /** Waits for every batch before it to commit: a part's relationships need its nodes. */
  barrier: boolean;
  mode: WriteMode;
  rows: (NodeRow | RelationshipRow)[];
  counts: WriteCounts;
}

function emptyReport(): LoadReport {
  return { nodes: {} as LoadReport['nodes'], relationships: {}, batches: 0, millis: 0, bulkCreate: false };
}

function planBatches(
  nodes: Map<NodeLabel, NodeRow[]>,
  relationships: readonly RelationshipRow[],
  mode: WriteMode,
  report: LoadReport,
  batchSize: number,
): Batch[] {
  const batches: Batch[] = [];
  for (const [label, rows] of nodes) {
    const counts = (report.nodes[label] ??= { created: 0, updated: 0, unchanged: 0 });
    const statement = nodeStatement(label, mode);
    for (const chunk of chunks(rows, batchSize))
      batches.push({ statement, rows: chunk, counts, barrier: false, mode });
  }
  const firstRelationship = batches.length;
  const groups = new Map<string, RelationshipRow[]>();
  for (const row of relationships) {
    const key = `${row.type}:${row.fromLabel}:${row.toLabel}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  for (const rows of groups.values()) {
    const first = rows[0];
    if (!first) continue;
    const counts = (report.relationships[first.type] ??= { created: 0, updated: 0, unchanged: 0 });
    const statement = relationshipStatement(first, mode);
    for (const chunk of chunks(rows, batchSize))
      batches.push({ statement, rows: chunk, counts, barrier: false, mode });
  }
  const barrier = batches[firstRelationship];
  if (barrier) barrier.barrier = true;
  return batches;
}

interface RunParams {
  now: string;
  actor: string;
  source: string;
  /** Element id of every node this run created, by our id: how CREATE relationships find their ends. */
  placed: Map<string, string>;
}

async function writeBatch(door: LoaderDoor, batch: Batch, params: RunParams): Promise<void> {
  const { now, actor, source, placed } = params;
  const rows = batch.rows.map((r) => {
    if (!('type' in r)) return r;
    const source = r.source ?? null;
    if (batch.mode === 'merge') return { from: r.from, to: r.to, props: r.props, hash: r.hash, source };
    const [fromElement, toElement] = [placed.get(r.from) ?? null, placed.get(r.to) ?? null];
    return { fromElement, toElement, props: r.props, hash: r.hash, source };
  });
  const [record] = await door.write<{
    placed?: [string, string][];
    created?: unknown;
    written?: unknown;
  }>(batch.statement, { rows, now, actor, source });
  for (const [id, element] of record?.placed ?? []) placed.set(id, element);
  const created = Number(record?.created ?? 0);
  const written = Number(record?.written ?? 0);
  batch.counts.created += created;
  batch.counts.updated += written - created;
  batch.counts.unchanged += batch.rows.length - written;
}

/** Lets a just-started query reach the socket before the caller goes back to synchronous work. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function loadSeed(
  door: LoaderDoor,
  data: SeedData,
  options: LoadOptions = {},
): Promise<LoadReport> {
  return loadSeedChunks(door, [data], options);
}

/**
 * Loads data that arrives in parts (a generated graph too big to hold at once), with one schema step,
 * one run timestamp and one report. Each part's relationships may point only at nodes of that part or
 * of earlier ones: a MATCH that finds no endpoint writes nothing.
 */
export async function loadSeedChunks(
  door: LoaderDoor,
  parts: Iterable<SeedData>,
  options: LoadOptions = {},
): Promise<LoadReport> {
  const started = Date.now();
  const { actor = 'seed', source = 'curated' } = options;
  const empty = await graphIsEmpty(door);
  // Into an empty graph, the constraints' indexes and the full-text index are built once at the end:
  // one bulk population is much cheaper than updating them in every batch, and CREATE needs no index
  // (the guard keeps ids unique, relationships find their ends by element id). MERGE does need them,
  // so they are built before the first MERGE batch of a run that falls back.
  let schemaBuilt = false;
  const buildSchema = async () => {
    if (schemaBuilt) return;
    await door.applySchema();
    schemaBuilt = true;
  };
  if (!empty) await buildSchema();
  const report = emptyReport();
  const guard = new FirstLoadGuard(empty);
  const params: RunParams = {
    // One timestamp for the run: it marks what this run created, and keeps the run's writes consistent.
    now: new Date().toISOString(),
    actor,
    source,
    placed: new Map(),
  };
  let done = 0;
  let known = 0;
  let bulkCreate = true;
  function* batches(): Generator<Batch> {
    for (const data of parts) {
      const nodes = nodeRows(data);
      const relationships = relationshipRows(data);
      const mode = guard.modeFor(nodes, relationships);
      bulkCreate &&= mode === 'create';
      const planned = planBatches(nodes, relationships, mode, report, options.batchSize ?? BATCH_SIZE);
      known += planned.length;
      yield* planned;
    }
  }
  // While one batch commits, the next is prepared (for a generated graph, the next part generated and
  // checked) and may run: client and server work overlap, and on two cores Neo4j runs two CREATE
  // batches side by side. A part's relationships wait for every batch before them (its nodes must be
  // committed); MERGE batches run one at a time, as two MERGEs of one relationship would race.
  const running = new Set<Promise<void>>();
  try {
    for (const batch of batches()) {
      if (batch.barrier || batch.mode === 'merge') await Promise.all(running);
      if (batch.mode === 'merge') await buildSchema();
      while (running.size >= CREATE_BATCHES_IN_FLIGHT) await Promise.race(running);
      const write: Promise<void> = writeBatch(door, batch, params).then(() => {
        done += 1;
        options.onBatch?.(done, known);
        running.delete(write);
      });
      running.add(write);
      // Marked handled so that a failure surfacing while the next batch is prepared is not reported as
      // unhandled; it is rethrown by an await above or below.
      write.catch(() => undefined);
      await yieldToIo();
    }
    await Promise.all(running);
  } catch (error) {
    // What did commit must not be left without its constraints (a server started on it would not
    // build them); the load's own error is the one worth reporting.
    await Promise.allSettled(running);
    await buildSchema().catch(() => undefined);
    throw error;
  }
  await buildSchema();
  if (wroteAnything(report)) {
    // Moves the graph version a running server's result cache follows (server/graph/graph-version.ts).
    await door.moveVersion();
  }
  report.batches = done;
  report.bulkCreate = empty && bulkCreate;
  report.millis = Date.now() - started;
  return report;
}

function wroteAnything(report: LoadReport): boolean {
  return [...Object.values(report.nodes), ...Object.values(report.relationships)].some(
    (c) => c.created + c.updated > 0,
  );
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

/** No node carries any of our labels (each count comes from the count store, so this is cheap). */
export async function graphIsEmpty(door: LoaderDoor): Promise<boolean> {
  const counts = [ENTITY_LABEL, ...NODE_LABELS].map((label) => `COUNT { (:${label}) }`).join(' + ');
  const [row] = await door.read<{ any: boolean }>(`RETURN ${counts} > 0 AS any`, {});
  return row?.any !== true;
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
    `${report.batches} batches${report.bulkCreate ? ' (first load: CREATE)' : ''} in ${(report.millis / 1000).toFixed(1)} s: ${loadThroughputLine(report)}`,
  ].join('\n');
}
