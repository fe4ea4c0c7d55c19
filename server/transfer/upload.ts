// The rules of a staged import upload, without the database: whether a piece may be added to what an
// upload holds, whether the pieces match what the client says it sent, and how the files are put
// back together. server/graph/import-uploads.ts keeps the pieces in Neo4j and asks these rules under
// the upload's lock, so every API server behind a load balancer answers the same way.
import type { ImportFile } from './types.ts';

/**
 * Text per piece, in UTF-8 bytes: well under the 4 MB body a counsellor's upload request may carry
 * (server/app.ts), even when JSON escaping doubles quotes and tabs. A 20 MB import is 20 requests.
 */
export const IMPORT_CHUNK_BYTES = 1024 * 1024;

/** An upload not finished within this long is refused and swept away by the next start. */
export const IMPORT_UPLOAD_TTL_MS = 60 * 60 * 1000;

/** Uploads one counsellor may have open at once: a retry or a second tab, not a pile of abandoned ones. */
export const IMPORT_UPLOADS_PER_CURATOR = 3;

/** Files in one import, uploaded in one request or in pieces. */
export const IMPORT_MAX_FILES = 10;

/** Longest file name kept; O*NET's longest is "Technology Skills.txt". */
export const IMPORT_FILE_NAME_MAX = 200;

/** Stable `reason`s of a refused piece or finish (`extensions.reason`, with BAD_USER_INPUT). */
export type UploadRefusalReason =
  | 'BAD_FILE_NAME'
  | 'TOO_MANY_FILES'
  | 'CHUNK_TOO_LARGE'
  | 'DUPLICATE_CHUNK'
  | 'CHUNK_OUT_OF_ORDER'
  | 'UPLOAD_TOO_LARGE'
  | 'NO_FILES'
  | 'DUPLICATE_FILE'
  | 'MISSING_FILE'
  | 'MISSING_CHUNK'
  | 'UNEXPECTED_CHUNK'
  | 'UNDECLARED_FILE';

export interface UploadRefusal {
  reason: UploadRefusalReason;
  /** The argument at fault, as `extensions.argument`. */
  argument: string;
  message: string;
}

/** What an upload holds so far: each file's name, pieces and bytes, in the order first sent. */
export interface UploadedFile {
  name: string;
  chunks: number;
  bytes: number;
}

export interface UploadState {
  files: readonly UploadedFile[];
  totalBytes: number;
  maxBytes: number;
  chunkBytes: number;
}

export interface ChunkInput {
  fileName: string;
  index: number;
  /** UTF-8 bytes of the piece's text. */
  bytes: number;
}

/** What the client says it sent, in the order the files are to be read. */
export interface DeclaredFile {
  name: string;
  chunks: number;
}

const bytes = (n: number) => n.toLocaleString('en');
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
const refuse = (reason: UploadRefusalReason, argument: string, message: string): UploadRefusal => ({
  reason,
  argument,
  message,
});

function nameProblem(name: string, argument: string): UploadRefusal | null {
  if (name.trim() === '' || name.length > IMPORT_FILE_NAME_MAX) {
    return refuse(
      'BAD_FILE_NAME',
      argument,
      `A file name must be 1 to ${IMPORT_FILE_NAME_MAX} characters, such as careers.json or Skills.txt.`,
    );
  }
  return null;
}

/**
 * Whether a piece may be added: pieces of a file arrive one after another from index 0, each at most
 * `chunkBytes`, and all of them together stay within `maxBytes`. Null when it may; the state after
 * it is `afterChunk`.
 */
export function checkChunk(state: UploadState, chunk: ChunkInput): UploadRefusal | null {
  const badName = nameProblem(chunk.fileName, 'fileName');
  if (badName) return badName;
  const file = state.files.find((f) => f.name === chunk.fileName);
  if (!file && state.files.length >= IMPORT_MAX_FILES) {
    return refuse('TOO_MANY_FILES', 'fileName', `An import holds at most ${IMPORT_MAX_FILES} files.`);
  }
  const expected = file?.chunks ?? 0;
  if (!Number.isInteger(chunk.index) || chunk.index < 0) {
    return refuse('CHUNK_OUT_OF_ORDER', 'index', `Piece numbers start at 0; ${chunk.index} is not one.`);
  }
  if (chunk.index < expected) {
    return refuse(
      'DUPLICATE_CHUNK',
      'index',
      `Piece ${chunk.index} of ${chunk.fileName} was already received; send piece ${expected} next.`,
    );
  }
  if (chunk.index > expected) {
    return refuse(
      'CHUNK_OUT_OF_ORDER',
      'index',
      `Piece ${chunk.index} of ${chunk.fileName} came before piece ${expected}; send the pieces of a file in order, from 0.`,
    );
  }
  if (chunk.bytes > state.chunkBytes) {
    return refuse(
      'CHUNK_TOO_LARGE',
      'text',
      `A piece holds at most ${bytes(state.chunkBytes)} bytes of text; this one is ${bytes(chunk.bytes)}. Split it further.`,
    );
  }
  if (state.totalBytes + chunk.bytes > state.maxBytes) {
    return refuse(
      'UPLOAD_TOO_LARGE',
      'text',
      `The import would be more than ${bytes(state.maxBytes)} bytes (${mib(state.maxBytes)}), the most an upload may hold. Split it into smaller imports (for example by kind of node), or import local files with the command line (npm run import -- --max-mb …).`,
    );
  }
  return null;
}

/** The state once `chunk` (already checked) is added. */
export function afterChunk(state: UploadState, chunk: ChunkInput): UploadState {
  const known = state.files.some((f) => f.name === chunk.fileName);
  const files = known
    ? state.files.map((f) =>
        f.name === chunk.fileName ? { ...f, chunks: f.chunks + 1, bytes: f.bytes + chunk.bytes } : f,
      )
    : [...state.files, { name: chunk.fileName, chunks: 1, bytes: chunk.bytes }];
  return { ...state, files, totalBytes: state.totalBytes + chunk.bytes };
}

/**
 * Whether the pieces received are exactly the ones the client declares: every declared file with all
 * its pieces, nothing else. A file, even an empty one, is at least one piece.
 */
export function checkManifest(
  received: readonly UploadedFile[],
  declared: readonly DeclaredFile[],
): UploadRefusal | null {
  if (declared.length === 0) return refuse('NO_FILES', 'files', 'Name at least one file to import.');
  if (declared.length > IMPORT_MAX_FILES) {
    return refuse('TOO_MANY_FILES', 'files', `An import holds at most ${IMPORT_MAX_FILES} files.`);
  }
  const seen = new Set<string>();
  for (const file of declared) {
    const badName = nameProblem(file.name, 'files');
    if (badName) return badName;
    if (seen.has(file.name)) {
      return refuse('DUPLICATE_FILE', 'files', `${file.name} is named twice; name each file once.`);
    }
    seen.add(file.name);
    if (!Number.isInteger(file.chunks) || file.chunks < 1) {
      return refuse(
        'MISSING_CHUNK',
        'files',
        `${file.name} must be at least one piece (an empty file is one empty piece).`,
      );
    }
    const got = received.find((f) => f.name === file.name);
    if (!got) return refuse('MISSING_FILE', 'files', `No piece of ${file.name} was received.`);
    if (got.chunks < file.chunks) {
      return refuse(
        'MISSING_CHUNK',
        'files',
        `${file.name} should be ${file.chunks} pieces but only ${got.chunks} arrived (0 to ${got.chunks - 1}); piece ${got.chunks} is missing.`,
      );
    }
    if (got.chunks > file.chunks) {
      return refuse(
        'UNEXPECTED_CHUNK',
        'files',
        `${file.name} should be ${file.chunks} pieces but ${got.chunks} arrived.`,
      );
    }
  }
  const extra = received.find((f) => !seen.has(f.name));
  if (extra) {
    return refuse(
      'UNDECLARED_FILE',
      'files',
      `Pieces of ${extra.name} were received but it is not among the files named; name it or start again.`,
    );
  }
  return null;
}

/** The files in the declared order, each its pieces joined in index order. */
export function assembleFiles(
  declared: readonly DeclaredFile[],
  pieces: ReadonlyMap<string, readonly string[]>,
): ImportFile[] {
  return declared.map((file) => {
    const texts = pieces.get(file.name) ?? [];
    if (texts.length !== file.chunks) {
      throw new Error(`${file.name}: ${texts.length} pieces read, ${file.chunks} declared`);
    }
    return { name: file.name, content: texts.join('') };
  });
}
