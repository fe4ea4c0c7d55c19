// importGraph and exportGraph: files in, files out; and the staged upload (startImportUpload,
// appendImportChunk, finishImportUpload, cancelImportUpload) for imports too big for one request.
// Parsing and formatting live in server/transfer/, planning, writing and the staged pieces in
// server/graph/ (import-graph.ts, export.ts, import-uploads.ts); this checks who is asking and shapes
// the answer. Both ways in end in the same `runImport`.
import { randomUUID } from 'node:crypto';
import { importUploadMaxBytes } from '../config.ts';
import { NODE_LABELS } from '../graph/model.ts';
import { BadUserInputError } from '../errors.ts';
import { findChange, type Actor } from '../graph/audit.ts';
import type { GraphContext } from '../graph/executor.ts';
import { exportGraph } from '../graph/export.ts';
import { importGraph } from '../graph/import-graph.ts';
import { appendChunk, cancelUpload, startUpload, takeUpload } from '../graph/import-uploads.ts';
import {
  IMPORT_CHUNK_BYTES,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_FILES,
  parseImport,
  toCsv,
  toGraphJson,
  type ImportFile,
  type ImportFormat,
  type ParseOptions,
} from '../transfer/index.ts';
import type { ImportReport, MutationResolvers, QueryResolvers } from './generated/graphql.ts';
import { requireNonEmpty } from './arguments.ts';
import { shapeChange } from './change-shape.ts';
import { requireCurator } from './guards.ts';

export const MAX_IMPORT_FILES = IMPORT_MAX_FILES;

/** What importGraph says about files over its limit: where a larger import goes instead. */
const ONE_REQUEST_HINT =
  'That is the most importGraph takes in one request; send a larger import in pieces with startImportUpload, appendImportChunk and finishImportUpload (the Import panel does this by itself).';

/** Upload ids are UUIDs; anything longer is not one, and is refused before it reaches a query. */
function uploadIdOf(value: string): string {
  if (value.length > 64) throw new BadUserInputError('That is not an import upload id.', 'uploadId');
  return value;
}

/** The one import path after the files are in hand: the same parse, checks, transaction and report. */
async function runImport(
  ctx: GraphContext,
  actor: Actor,
  format: ImportFormat,
  files: readonly ImportFile[],
  dryRun: boolean,
  limits: ParseOptions,
): Promise<ImportReport> {
  const parsed = parseImport(format, files, limits);
  const report = await importGraph(ctx, actor, parsed, { dryRun });
  const change = report.changeId ? await findChange(ctx, report.changeId) : null;
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
}

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

type TransferMutations = Pick<
  MutationResolvers,
  'importGraph' | 'startImportUpload' | 'appendImportChunk' | 'finishImportUpload' | 'cancelImportUpload'
>;

/**
 * Every one of these is a write: the curator check with the CSRF token, and the curator write limit
 * per request, each piece included (a 20 MB import is 22 requests, well inside the burst; the panel
 * waits and resends a piece refused as RATE_LIMITED, which was not kept).
 */
export const transferMutations: TransferMutations = {
  importGraph: async (_parent, args, ctx) => {
    const actor = await requireCurator(ctx);
    if (args.files.length === 0) throw new BadUserInputError('Choose at least one file to import.', 'files');
    if (args.files.length > MAX_IMPORT_FILES) {
      throw new BadUserInputError(`Import at most ${MAX_IMPORT_FILES} files at once.`, 'files');
    }
    return runImport(ctx.graph, actor, args.format, args.files, args.dryRun, {
      maxBytes: IMPORT_MAX_BYTES,
      tooBigHint: ONE_REQUEST_HINT,
    });
  },

  startImportUpload: async (_parent, args, ctx) => {
    const actor = await requireCurator(ctx);
    const upload = await startUpload(ctx.graph, actor, {
      id: randomUUID(),
      format: args.format,
      chunkBytes: IMPORT_CHUNK_BYTES,
      maxBytes: importUploadMaxBytes(),
    });
    return { ...upload, maxFiles: IMPORT_MAX_FILES };
  },

  appendImportChunk: async (_parent, args, ctx) => {
    const actor = await requireCurator(ctx);
    return appendChunk(ctx.graph, actor, {
      uploadId: uploadIdOf(args.uploadId),
      fileName: args.fileName,
      index: args.index,
      text: args.text,
    });
  },

  finishImportUpload: async (_parent, args, ctx) => {
    const actor = await requireCurator(ctx);
    const taken = await takeUpload(ctx.graph, actor, uploadIdOf(args.uploadId), args.files);
    return runImport(ctx.graph, actor, taken.format, taken.files, args.dryRun, {
      maxBytes: taken.maxBytes,
      tooBigHint: 'Split it into smaller imports (for example by kind of node).',
    });
  },

  cancelImportUpload: async (_parent, args, ctx) => {
    const actor = await requireCurator(ctx);
    return cancelUpload(ctx.graph, actor, uploadIdOf(args.uploadId));
  },
};
