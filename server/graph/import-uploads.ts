// Staged import uploads: an import too big for one request arrives in pieces, kept in Neo4j as
// :ImportUpload (who, when, how much so far) and :ImportChunk (one piece of one file) until finished.
// In the database rather than in a process's memory, so the pieces of one upload may reach different
// API servers. The rules (order, sizes, what finishing needs) are server/transfer/upload.ts; this
// module applies them under the upload's write lock and keeps no state of its own.
import { AppError } from '../errors.ts';
import {
  IMPORT_UPLOADS_PER_CURATOR,
  IMPORT_UPLOAD_TTL_MS,
  afterChunk,
  assembleFiles,
  checkChunk,
  checkManifest,
  type DeclaredFile,
  type ImportFile,
  type ImportFormat,
  type UploadRefusal,
  type UploadState,
  type UploadedFile,
} from '../transfer/index.ts';
import type { Actor } from './audit.ts';
import { CHUNK_LABEL, UPLOAD_LABEL } from './database-schema.ts';
import { readQuery, type GraphContext } from './executor.ts';
import { run, writeTransaction } from './writer.ts';
import type { ManagedTransaction } from 'neo4j-driver';

/** Pieces read per round trip when finishing: 16 MiB at the usual piece size. */
const CHUNKS_PER_READ = 16;

export interface ImportUpload {
  id: string;
  format: ImportFormat;
  chunkBytes: number;
  maxBytes: number;
  expiresAt: string;
}

export interface UploadProgress {
  uploadId: string;
  fileName: string;
  chunks: number;
  totalBytes: number;
}

/** A refused piece or finish: BAD_USER_INPUT with the rule's stable reason. */
export class UploadRefusedError extends AppError {
  constructor(refusal: UploadRefusal) {
    super('BAD_USER_INPUT', refusal.message, { argument: refusal.argument, reason: refusal.reason });
  }
}

/** Unknown, expired, finished, cancelled, or another counsellor's: all look the same from outside. */
export class UploadNotFoundError extends AppError {
  constructor(id: string, expired: boolean) {
    super(
      'NOT_FOUND',
      expired
        ? `Import upload "${id}" expired (uploads last ${IMPORT_UPLOAD_TTL_MS / 60_000} minutes). Start the upload again.`
        : `No open import upload "${id}" of yours: it was finished, cancelled or never started. Start the upload again.`,
      { id, reason: expired ? 'EXPIRED' : 'UNKNOWN_UPLOAD' },
    );
  }
}

interface UploadRow {
  id: string;
  ownerId: string;
  format: ImportFormat;
  state: string;
  expiresAt: string;
  chunkBytes: number | bigint;
  maxBytes: number | bigint;
  totalBytes: number | bigint;
  fileNames: string[];
  fileChunks: (number | bigint)[];
  fileBytes: (number | bigint)[];
}

const UPLOAD_FIELDS = `u {.id, .ownerId, .format, .state, .expiresAt, .chunkBytes, .maxBytes, .totalBytes,
  .fileNames, .fileChunks, .fileBytes} AS upload`;

function filesOf(row: UploadRow): UploadedFile[] {
  return row.fileNames.map((name, i) => ({
    name,
    chunks: Number(row.fileChunks[i]),
    bytes: Number(row.fileBytes[i]),
  }));
}

function stateOf(row: UploadRow): UploadState {
  return {
    files: filesOf(row),
    totalBytes: Number(row.totalBytes),
    maxBytes: Number(row.maxBytes),
    chunkBytes: Number(row.chunkBytes),
  };
}

/** Deletes uploads (and their pieces) whose time is up, whoever started them. */
const SWEEP_EXPIRED = `
  MATCH (u:${UPLOAD_LABEL}) WHERE u.expiresAt <= $now
  OPTIONAL MATCH (c:${CHUNK_LABEL} {uploadId: u.id})
  DETACH DELETE c, u`;

const DELETE_UPLOAD = `
  MATCH (u:${UPLOAD_LABEL} {id: $id})
  OPTIONAL MATCH (c:${CHUNK_LABEL} {uploadId: u.id})
  DETACH DELETE c, u`;

/**
 * Sweeps expired uploads, then opens one for `actor` unless they have IMPORT_UPLOADS_PER_CURATOR open.
 * Two starts by the same counsellor at the same instant may both pass the count: the cap is against
 * forgotten uploads piling up, not a security boundary.
 */
export async function startUpload(
  ctx: GraphContext,
  actor: Actor,
  input: { id: string; format: ImportFormat; chunkBytes: number; maxBytes: number },
): Promise<ImportUpload> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + IMPORT_UPLOAD_TTL_MS).toISOString();
  return writeTransaction(ctx, async (tx) => {
    await run(tx, SWEEP_EXPIRED, { now: now.toISOString() });
    const [open] = await run<{ n: number | bigint; soonest: string | null }>(
      tx,
      `MATCH (u:${UPLOAD_LABEL} {ownerId: $ownerId}) RETURN count(u) AS n, min(u.expiresAt) AS soonest`,
      { ownerId: actor.id },
    );
    if (Number(open?.n ?? 0) >= IMPORT_UPLOADS_PER_CURATOR) {
      throw new AppError(
        'BAD_USER_INPUT',
        `You have ${IMPORT_UPLOADS_PER_CURATOR} import uploads open. Finish or cancel one, or wait until ${open?.soonest ?? 'the oldest'} when the oldest expires.`,
        { reason: 'TOO_MANY_UPLOADS', argument: 'format' },
      );
    }
    await run(
      tx,
      `CREATE (:${UPLOAD_LABEL} {id: $id, ownerId: $ownerId, ownerEmail: $ownerEmail, format: $format,
         state: 'open', createdAt: $now, expiresAt: $expiresAt, chunkBytes: $chunkBytes,
         maxBytes: $maxBytes, totalBytes: 0, fileNames: [], fileChunks: [], fileBytes: []})`,
      {
        ...input,
        ownerId: actor.id,
        ownerEmail: actor.email,
        now: now.toISOString(),
        expiresAt,
      },
    );
    return { ...input, expiresAt };
  });
}

/**
 * The upload `id` of `actor`, still open, with its write lock taken so pieces of one upload are added
 * one at a time whichever server receives them. An expired one is deleted on the way.
 */
async function lockOpenUpload(tx: ManagedTransaction, actor: Actor, id: string): Promise<UploadRow> {
  const now = new Date().toISOString();
  const [row] = await run<{ upload: UploadRow }>(
    tx,
    `MATCH (u:${UPLOAD_LABEL} {id: $id}) WHERE u.ownerId = $ownerId AND u.state = 'open'
     SET u.touchedAt = $now
     RETURN ${UPLOAD_FIELDS}`,
    { id, ownerId: actor.id, now },
  );
  if (!row) throw new UploadNotFoundError(id, false);
  if (row.upload.expiresAt <= now) {
    await run(tx, DELETE_UPLOAD, { id });
    throw new UploadNotFoundError(id, true);
  }
  return row.upload;
}

/**
 * Adds one piece; refused (and not kept) when the rules say so. An expired upload is deleted and
 * NOT_FOUND, which is why the refusal of a piece does not roll that deletion back: it commits first.
 */
export async function appendChunk(
  ctx: GraphContext,
  actor: Actor,
  input: { uploadId: string; fileName: string; index: number; text: string },
): Promise<UploadProgress> {
  const chunk = {
    fileName: input.fileName,
    index: input.index,
    bytes: Buffer.byteLength(input.text, 'utf8'),
  };
  const outcome = await writeTransaction(ctx, async (tx) => {
    let row: UploadRow;
    try {
      row = await lockOpenUpload(tx, actor, input.uploadId);
    } catch (error) {
      // Commit the deletion of an expired upload; report the refusal after.
      if (error instanceof UploadNotFoundError) return { refused: error };
      throw error;
    }
    const state = stateOf(row);
    const refusal = checkChunk(state, chunk);
    if (refusal) throw new UploadRefusedError(refusal);
    const next = afterChunk(state, chunk);
    await run(
      tx,
      `MATCH (u:${UPLOAD_LABEL} {id: $uploadId})
       CREATE (:${CHUNK_LABEL} {uploadId: $uploadId, fileName: $fileName, index: $index, bytes: $bytes, text: $text})
       SET u.fileNames = $fileNames, u.fileChunks = $fileChunks, u.fileBytes = $fileBytes,
           u.totalBytes = $totalBytes`,
      {
        uploadId: input.uploadId,
        fileName: input.fileName,
        index: input.index,
        bytes: chunk.bytes,
        text: input.text,
        fileNames: next.files.map((f) => f.name),
        fileChunks: next.files.map((f) => f.chunks),
        fileBytes: next.files.map((f) => f.bytes),
        totalBytes: next.totalBytes,
      },
    );
    const file = next.files.find((f) => f.name === input.fileName);
    return {
      progress: {
        uploadId: input.uploadId,
        fileName: input.fileName,
        chunks: file?.chunks ?? 0,
        totalBytes: next.totalBytes,
      },
    };
  });
  if ('refused' in outcome) throw outcome.refused;
  return outcome.progress;
}

async function deleteUpload(ctx: GraphContext, id: string): Promise<void> {
  await writeTransaction(ctx, (tx) => run(tx, DELETE_UPLOAD, { id }));
}

/** Reads one file's pieces in index order, a few per round trip so no answer holds the whole upload. */
async function readPieces(ctx: GraphContext, uploadId: string, file: DeclaredFile): Promise<string[]> {
  const texts: string[] = [];
  for (let from = 0; from < file.chunks; from += CHUNKS_PER_READ) {
    const rows = await readQuery<{ index: number | bigint; text: string }>(
      ctx,
      `MATCH (c:${CHUNK_LABEL} {uploadId: $uploadId, fileName: $fileName})
       WHERE c.index >= $from AND c.index < $to
       RETURN c.index AS index, c.text AS text ORDER BY c.index`,
      { uploadId, fileName: file.name, from, to: from + CHUNKS_PER_READ },
    );
    for (const row of rows) {
      if (Number(row.index) !== texts.length) {
        throw new Error(
          `Upload ${uploadId}: piece ${texts.length} of ${file.name} is missing from the store`,
        );
      }
      texts.push(row.text);
    }
  }
  return texts;
}

/**
 * Takes the upload out of the open state (so a second finish, on this server or another, is
 * NOT_FOUND), checks the declared files against what arrived, reads the pieces and deletes the upload,
 * whatever happens: the caller gets the files to import, or the refusal.
 */
export async function takeUpload(
  ctx: GraphContext,
  actor: Actor,
  uploadId: string,
  declared: readonly DeclaredFile[],
): Promise<{ format: ImportFormat; maxBytes: number; files: ImportFile[] }> {
  const claimed = await writeTransaction(ctx, async (tx) => {
    try {
      const row = await lockOpenUpload(tx, actor, uploadId);
      await run(tx, `MATCH (u:${UPLOAD_LABEL} {id: $id}) SET u.state = 'finishing'`, { id: uploadId });
      return { row };
    } catch (error) {
      if (error instanceof UploadNotFoundError) return { refused: error };
      throw error;
    }
  });
  if ('refused' in claimed) throw claimed.refused;
  const { row } = claimed;
  try {
    const refusal = checkManifest(filesOf(row), declared);
    if (refusal) throw new UploadRefusedError(refusal);
    const pieces = new Map<string, string[]>();
    for (const file of declared) pieces.set(file.name, await readPieces(ctx, uploadId, file));
    return { format: row.format, maxBytes: Number(row.maxBytes), files: assembleFiles(declared, pieces) };
  } finally {
    await deleteUpload(ctx, uploadId);
  }
}

/** Deletes `actor`'s open upload; false when there is none by that id. */
export async function cancelUpload(ctx: GraphContext, actor: Actor, uploadId: string): Promise<boolean> {
  return writeTransaction(ctx, async (tx) => {
    const [row] = await run<{ n: number | bigint }>(
      tx,
      `MATCH (u:${UPLOAD_LABEL} {id: $id}) WHERE u.ownerId = $ownerId AND u.state = 'open'
       OPTIONAL MATCH (c:${CHUNK_LABEL} {uploadId: u.id})
       WITH u, collect(c) AS chunks
       FOREACH (c IN chunks | DELETE c)
       DELETE u
       RETURN count(*) AS n`,
      { id: uploadId, ownerId: actor.id },
    );
    return Number(row?.n ?? 0) > 0;
  });
}
