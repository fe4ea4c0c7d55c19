// importGraph and exportGraph: files in, files out. Parsing and formatting live in server/transfer/,
// planning and writing in server/graph/ (import-graph.ts, export.ts); this checks who is asking and
// shapes the answer.
import { NODE_LABELS } from '../graph/model.ts';
import { BadUserInputError } from '../errors.ts';
import { findChange } from '../graph/audit.ts';
import { exportGraph } from '../graph/export.ts';
import { importGraph } from '../graph/import-graph.ts';
import { IMPORT_MAX_BYTES, parseImport, toCsv, toGraphJson } from '../transfer/index.ts';
import type { MutationResolvers, QueryResolvers } from './generated/graphql.ts';
import { requireNonEmpty } from './arguments.ts';
import { shapeChange } from './change-shape.ts';
import { requireCurator } from './guards.ts';

export const MAX_IMPORT_FILES = 10;

export const transferQueries: Pick<QueryResolvers, 'exportGraph'> = {
  exportGraph: async (_parent, args, ctx) => {
    await requireCurator(ctx, { write: false });
    const labels = args.kinds ? requireNonEmpty(args.kinds, 'kinds', NODE_LABELS) : undefined;
    const graph = await exportGraph(ctx.graph, labels ? { labels } : {});
    if (args.format === 'JSON') {
      return { format: 'JSON', files: [{ name: 'pathways-graph.json', content: toGraphJson(graph) }] };
    }
    const csv = toCsv(graph);
    return { format: 'CSV', files: Object.entries(csv).map(([name, content]) => ({ name, content })) };
  },
};

export const transferMutations: Pick<MutationResolvers, 'importGraph'> = {
  importGraph: async (_parent, args, ctx) => {
    const actor = await requireCurator(ctx);
    if (args.files.length === 0) throw new BadUserInputError('Choose at least one file to import.', 'files');
    if (args.files.length > MAX_IMPORT_FILES) {
      throw new BadUserInputError(`Import at most ${MAX_IMPORT_FILES} files at once.`, 'files');
    }
    const parsed = parseImport(args.format, args.files, { maxBytes: IMPORT_MAX_BYTES });
    const report = await importGraph(ctx.graph, actor, parsed, { dryRun: args.dryRun });
    const change = report.changeId ? await findChange(ctx.graph, report.changeId) : null;
    return {
      dryRun: report.dryRun,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      linked: report.linked,
      relinked: report.relinked,
      problems: report.problems,
      change: change ? shapeChange(change) : null,
    };
  },
};
