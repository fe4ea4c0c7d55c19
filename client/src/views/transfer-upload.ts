// Sends an import through the staged upload: start, the files in pieces, finish. Every import the
// panel makes goes this way, small or large, so there is one path to get right and no size at which
// the panel changes behaviour. The sender is passed in, so the integration tests drive this same code
// against a real server.
import {
  AppendImportChunkDocument,
  CancelImportUploadDocument,
  FinishImportUploadDocument,
  StartImportUploadDocument,
  type FinishImportUploadMutation,
  type ImportFormat,
  type TypedDocumentString,
} from '../api/generated/graphql.ts';
import { ApiError } from '../api/request.ts';

/** Pieces are bigger than an ordinary request may be; the server takes them as an upload. */
export const UPLOAD_HEADERS = { 'x-pathways-upload': 'import' } as const;

export type Send = <TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: { headers?: Record<string, string> },
) => Promise<TResult>;

export type StagedReport = FinishImportUploadMutation['finishImportUpload'];

export interface StagedImportOptions {
  /** Called before each piece is sent (sent = pieces already accepted) and once all are in. */
  onProgress?: (sent: number, total: number) => void;
  /** How long to wait before resending a piece refused as RATE_LIMITED. */
  retryDelayMs?: number;
}

/** What a code point costs inside a JSON request body, in UTF-8 bytes, escapes included. */
function jsonCost(code: number): number {
  if (code === 0x22 || code === 0x5c) return 2; // \" and \\
  if (code < 0x20)
    return code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 2 : 6;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code >= 0xd800 && code <= 0xdfff) return 6; // a lone surrogate, written as \udxxx
  if (code < 0x10000) return 3;
  return 4;
}

/**
 * Splits text into pieces that each cost at most `maxBytes` in a JSON body (so their UTF-8 text is at
 * most that too), never inside a surrogate pair; joined, they are the text. Empty text is one piece.
 */
export function splitForUpload(text: string, maxBytes: number): string[] {
  if (maxBytes < 6) throw new Error('A piece must hold at least one escaped character');
  const pieces: string[] = [];
  let start = 0;
  let cost = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    const c = jsonCost(code);
    if (cost + c > maxBytes) {
      pieces.push(text.slice(start, i));
      start = i;
      cost = 0;
    }
    cost += c;
    i += width;
  }
  pieces.push(text.slice(start));
  return pieces;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const isRateLimited = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'RATE_LIMITED';

/**
 * Uploads `files` in pieces and finishes with `dryRun`; returns the import report. A failure on the
 * way cancels the upload, so nothing is left behind but what expiry would sweep anyway.
 */
export async function stagedImport(
  send: Send,
  format: ImportFormat,
  files: readonly { name: string; content: string }[],
  dryRun: boolean,
  options: StagedImportOptions = {},
): Promise<StagedReport> {
  const { startImportUpload: upload } = await send(StartImportUploadDocument, { format }, {});
  try {
    if (files.length > upload.maxFiles) {
      throw new ApiError(
        `An import holds at most ${upload.maxFiles} files; ${files.length} were chosen.`,
        'BAD_USER_INPUT',
      );
    }
    const total = files.reduce((sum, f) => sum + new TextEncoder().encode(f.content).length, 0);
    if (total > upload.maxBytes) {
      throw new ApiError(
        `The files hold ${total.toLocaleString('en')} bytes; an import may hold ${upload.maxBytes.toLocaleString('en')}. Split them into smaller imports.`,
        'BAD_USER_INPUT',
      );
    }
    const split = files.map((f) => ({ name: f.name, pieces: splitForUpload(f.content, upload.chunkBytes) }));
    const count = split.reduce((sum, f) => sum + f.pieces.length, 0);
    let sent = 0;
    for (const file of split) {
      for (const [index, text] of file.pieces.entries()) {
        options.onProgress?.(sent, count);
        const variables = { uploadId: upload.id, fileName: file.name, index, text };
        for (let attempt = 0; ; attempt++) {
          try {
            await send(AppendImportChunkDocument, variables, { headers: UPLOAD_HEADERS });
            break;
          } catch (error) {
            // A piece refused by the rate limit was not kept: the same piece may be sent again.
            if (!isRateLimited(error) || attempt >= 60) throw error;
            await sleep(options.retryDelayMs ?? 1_000);
          }
        }
        sent += 1;
      }
    }
    options.onProgress?.(sent, count);
    const declared = split.map((f) => ({ name: f.name, chunks: f.pieces.length }));
    const { finishImportUpload } = await send(
      FinishImportUploadDocument,
      { uploadId: upload.id, files: declared, dryRun },
      {},
    );
    return finishImportUpload;
  } catch (error) {
    // Finishing deletes the upload itself; cancelling one already gone is a harmless false.
    await send(CancelImportUploadDocument, { uploadId: upload.id }, {}).catch(() => undefined);
    throw error;
  }
}
