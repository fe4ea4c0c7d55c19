// How an import's outcome is told: the report the API and the command line show, and the one-line
// summary that is also the :Change's, so the history reads the same as the answer the importer saw.
import type { ImportPlan } from './import-plan.ts';
import { NODE_LABELS } from './model.ts';
import type { ImportFormat, ImportProblem, ParsedImport } from '../transfer/records.ts';

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

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

export function importSummary(format: ImportFormat, plan: ImportPlan): string {
  const created = new Map<string, number>();
  for (const n of plan.nodes) if (!n.before) created.set(n.label, (created.get(n.label) ?? 0) + 1);
  const parts = NODE_LABELS.filter((l) => created.has(l)).map((l) =>
    plural(created.get(l) ?? 0, l.toLowerCase()),
  );
  const updated = plan.nodes.filter((n) => n.before).length;
  const links = plan.relationships.length;
  const what = [
    parts.length > 0 ? `created ${parts.join(', ')}` : null,
    updated > 0 ? `updated ${plural(updated, 'node')}` : null,
    links > 0 ? `wrote ${plural(links, 'relationship')}` : null,
  ].filter((s) => s !== null);
  const source = format === 'ONET' ? 'O*NET' : format;
  return what.length > 0
    ? `Imported from ${source}: ${what.join('; ')}`
    : `Imported from ${source}: nothing to change`;
}

export function importReport(
  parsed: ParsedImport,
  plan: ImportPlan,
  dryRun: boolean,
  changeId: string | null,
): ImportReport {
  const sorted = (ids: string[]) => [...ids].sort();
  return {
    dryRun,
    format: parsed.format,
    created: sorted(plan.nodes.filter((n) => !n.before).map((n) => n.id)),
    updated: sorted(plan.nodes.filter((n) => n.before).map((n) => n.id)),
    unchanged: plan.unchanged,
    linked: plan.relationships.filter((r) => !r.before).length,
    relinked: plan.relationships.filter((r) => r.before).length,
    unchangedLinks: plan.unchangedLinks,
    problems: [...parsed.problems, ...plan.problems],
    changeId,
    summary: importSummary(parsed.format, plan),
  };
}
