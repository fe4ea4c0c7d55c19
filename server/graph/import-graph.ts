// Applying an import: read what the plan needs (import-plan.ts says what), plan it, then write the plan
// with the state writer and ONE :Change holding every before and after state, all in the same
// transaction, so any problem means nothing is written.
import type { ManagedTransaction } from 'neo4j-driver';
import { checkNodeProperties, checkRelationshipProperties, describeIssue } from '../transfer/properties.ts';
import type { Actor } from './audit.ts';
import { commitChange } from './changes.ts';
import { readLinks, readMatches, readNodes } from './entity-reads.ts';
import { lockNodes, type Properties } from './entity-state.ts';
import { readTransaction, type GraphContext } from './executor.ts';
import {
  linksToRead,
  matchLookups,
  nodeIdsToRead,
  planChanges,
  planImport,
  planStates,
  type GraphView,
  type ImportPlan,
  type PropertyRules,
} from './import-plan.ts';
import { importReport, importSummary, type ImportReport } from './import-report.ts';
import { applyStates, IMPORT_TIMEOUT_MS } from './state-writer.ts';
import type { ParsedImport } from '../transfer/records.ts';

export interface ImportOptions {
  dryRun: boolean;
  /** Called after each write batch, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

// The data model's rules, so an import and the curated files never disagree on what a valid record is.
const RULES: PropertyRules = {
  node: checkNodeProperties,
  relationship: checkRelationshipProperties,
  describe: describeIssue,
};

/**
 * What the graph holds of what the import touches. `forWrite`: the nodes are read under their write
 * locks (see entity-state.ts), so the plan's "before" states are the ones its write replaces.
 */
async function readView(tx: ManagedTransaction, parsed: ParsedImport, forWrite: boolean): Promise<GraphView> {
  const matches = await readMatches(tx, matchLookups(parsed));
  const ids = nodeIdsToRead(parsed, matches);
  if (forWrite) await lockNodes(tx, ids);
  const nodes = await readNodes(tx, ids);
  const links = new Map<string, Properties>();
  for (const { type, pairs } of linksToRead(parsed, { matches, nodes })) {
    for (const [key, props] of await readLinks(tx, type, pairs)) links.set(key, props);
  }
  return { matches, nodes, links };
}

/** Thrown inside the write transaction to roll it back when the plan says not to write. */
class NothingWritten extends Error {
  constructor(readonly plan: ImportPlan) {
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
    const now = new Date().toISOString();
    const plan = await readTransaction(long, async (tx) =>
      planImport(parsed, await readView(tx, parsed, false), { now, rules: RULES }),
    );
    return importReport(parsed, plan, options.dryRun, null);
  }
  try {
    let written: ImportPlan | undefined;
    const change = await commitChange(long, actor, async (tx, stamp) => {
      const plan = planImport(parsed, await readView(tx, parsed, true), { now: stamp.at, rules: RULES });
      if (plan.problems.length > 0 || !planChanges(plan)) throw new NothingWritten(plan);
      await applyStates(tx, planStates(plan, 'after'), stamp, options.onProgress);
      written = plan;
      return {
        action: 'IMPORT',
        summary: importSummary(parsed.format, plan),
        before: planStates(plan, 'before'),
        after: planStates(plan, 'after'),
      };
    });
    if (!written) throw new Error('The import committed without a plan');
    return importReport(parsed, written, false, change.id);
  } catch (error) {
    if (error instanceof NothingWritten) return importReport(parsed, error.plan, false, null);
    throw error;
  }
}
