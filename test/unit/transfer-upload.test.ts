// The staged upload's rules without a database: which pieces may be added, what finishing needs, how
// files are put back together, and how the client cuts text into pieces the server will take.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitForUpload } from '../../client/src/views/transfer-upload.ts';
import {
  IMPORT_MAX_FILES,
  afterChunk,
  assembleFiles,
  checkChunk,
  checkManifest,
  type UploadState,
} from '../../server/transfer/index.ts';

const empty: UploadState = { files: [], totalBytes: 0, maxBytes: 100, chunkBytes: 10 };
const reasonOf = (refusal: { reason: string } | null) => refusal?.reason ?? null;

describe('checkChunk', () => {
  it('takes the pieces of each file in order from 0, files interleaved', () => {
    let state = empty;
    for (const chunk of [
      { fileName: 'nodes.csv', index: 0, bytes: 10 },
      { fileName: 'relationships.csv', index: 0, bytes: 5 },
      { fileName: 'nodes.csv', index: 1, bytes: 3 },
    ]) {
      expect(checkChunk(state, chunk)).toBeNull();
      state = afterChunk(state, chunk);
    }
    expect(state.files).toEqual([
      { name: 'nodes.csv', chunks: 2, bytes: 13 },
      { name: 'relationships.csv', chunks: 1, bytes: 5 },
    ]);
    expect(state.totalBytes).toBe(18);
  });

  it('refuses a piece received before, one out of order, and a negative one, naming what to send', () => {
    const state = afterChunk(empty, { fileName: 'a.json', index: 0, bytes: 1 });
    const duplicate = checkChunk(state, { fileName: 'a.json', index: 0, bytes: 1 });
    expect(duplicate).toMatchObject({ reason: 'DUPLICATE_CHUNK', argument: 'index' });
    expect(duplicate?.message).toBe('Piece 0 of a.json was already received; send piece 1 next.');
    const ahead = checkChunk(state, { fileName: 'a.json', index: 2, bytes: 1 });
    expect(ahead?.message).toBe(
      'Piece 2 of a.json came before piece 1; send the pieces of a file in order, from 0.',
    );
    expect(reasonOf(ahead)).toBe('CHUNK_OUT_OF_ORDER');
    expect(reasonOf(checkChunk(state, { fileName: 'b.json', index: 1, bytes: 1 }))).toBe(
      'CHUNK_OUT_OF_ORDER',
    );
    expect(reasonOf(checkChunk(state, { fileName: 'b.json', index: -1, bytes: 1 }))).toBe(
      'CHUNK_OUT_OF_ORDER',
    );
  });

  it('refuses a piece over the piece size and one that takes the upload over its cap', () => {
    expect(reasonOf(checkChunk(empty, { fileName: 'a.json', index: 0, bytes: 11 }))).toBe('CHUNK_TOO_LARGE');
    const nearlyFull = { ...empty, totalBytes: 95 };
    expect(reasonOf(checkChunk(nearlyFull, { fileName: 'a.json', index: 0, bytes: 5 }))).toBeNull();
    const over = checkChunk(nearlyFull, { fileName: 'a.json', index: 0, bytes: 6 });
    expect(reasonOf(over)).toBe('UPLOAD_TOO_LARGE');
    expect(over?.message).toContain('more than 100 bytes');
  });

  it('refuses a file beyond the most an import holds, and a name that is empty or too long', () => {
    let state = empty;
    for (let i = 0; i < IMPORT_MAX_FILES; i++)
      state = afterChunk(state, { fileName: `f${i}`, index: 0, bytes: 0 });
    expect(reasonOf(checkChunk(state, { fileName: 'one-more', index: 0, bytes: 0 }))).toBe('TOO_MANY_FILES');
    expect(checkChunk(state, { fileName: 'f0', index: 1, bytes: 0 })).toBeNull();
    expect(reasonOf(checkChunk(empty, { fileName: ' ', index: 0, bytes: 0 }))).toBe('BAD_FILE_NAME');
    expect(reasonOf(checkChunk(empty, { fileName: 'x'.repeat(201), index: 0, bytes: 0 }))).toBe(
      'BAD_FILE_NAME',
    );
  });
});

describe('checkManifest', () => {
  const received = [
    { name: 'nodes.csv', chunks: 3, bytes: 30 },
    { name: 'relationships.csv', chunks: 1, bytes: 4 },
  ];

  it('accepts exactly what arrived, in any order of files', () => {
    expect(
      checkManifest(received, [
        { name: 'relationships.csv', chunks: 1 },
        { name: 'nodes.csv', chunks: 3 },
      ]),
    ).toBeNull();
  });

  it('names a missing piece, a missing file, pieces left over and files not named', () => {
    const missing = checkManifest(received, [
      { name: 'nodes.csv', chunks: 4 },
      { name: 'relationships.csv', chunks: 1 },
    ]);
    expect(missing).toMatchObject({ reason: 'MISSING_CHUNK', argument: 'files' });
    expect(missing?.message).toBe(
      'nodes.csv should be 4 pieces but only 3 arrived (0 to 2); piece 3 is missing.',
    );
    expect(reasonOf(checkManifest(received, [...received, { name: 'other.csv', chunks: 1 }]))).toBe(
      'MISSING_FILE',
    );
    expect(
      reasonOf(
        checkManifest(received, [
          { name: 'nodes.csv', chunks: 2 },
          { name: 'relationships.csv', chunks: 1 },
        ]),
      ),
    ).toBe('UNEXPECTED_CHUNK');
    expect(reasonOf(checkManifest(received, [{ name: 'nodes.csv', chunks: 3 }]))).toBe('UNDECLARED_FILE');
    expect(reasonOf(checkManifest(received, []))).toBe('NO_FILES');
    expect(reasonOf(checkManifest(received, [received[0]!, received[0]!]))).toBe('DUPLICATE_FILE');
    expect(reasonOf(checkManifest([], [{ name: 'empty.csv', chunks: 0 }]))).toBe('MISSING_CHUNK');
  });
});

describe('assembleFiles', () => {
  it('joins each file’s pieces in order, files in the declared order', () => {
    const pieces = new Map([
      ['b.csv', ['b1', 'b2']],
      ['a.csv', ['']],
    ]);
    expect(
      assembleFiles(
        [
          { name: 'a.csv', chunks: 1 },
          { name: 'b.csv', chunks: 2 },
        ],
        pieces,
      ),
    ).toEqual([
      { name: 'a.csv', content: '' },
      { name: 'b.csv', content: 'b1b2' },
    ]);
    expect(() => assembleFiles([{ name: 'b.csv', chunks: 3 }], pieces)).toThrow('2 pieces read, 3 declared');
  });
});

describe('splitForUpload', () => {
  const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');
  // What a piece costs in the request body: its JSON string without the quotes.
  const inJson = (s: string) => utf8(JSON.stringify(s)) - 2;

  it('cuts text into pieces that join back to it, each within the budget in JSON and in UTF-8', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.integer({ min: 6, max: 64 }),
        (text, max) => {
          const pieces = splitForUpload(text, max);
          expect(pieces.join('')).toBe(text);
          expect(pieces.length).toBeGreaterThanOrEqual(1);
          for (const piece of pieces) {
            expect(inJson(piece)).toBeLessThanOrEqual(max);
            expect(utf8(piece)).toBeLessThanOrEqual(max);
          }
          // Only the last piece may be empty, and only when the text is.
          expect(pieces.slice(0, -1).every((p) => p.length > 0)).toBe(true);
        },
      ),
    );
  });

  it('never splits a surrogate pair, so no piece changes when stored as UTF-8', () => {
    const text = '😀'.repeat(10) + 'é"\t\u0001';
    for (const max of [6, 7, 9, 13]) {
      for (const piece of splitForUpload(text, max)) {
        expect(Buffer.from(piece, 'utf8').toString('utf8')).toBe(piece);
      }
    }
  });

  it('makes one empty piece of an empty file, and one piece of a small one', () => {
    expect(splitForUpload('', 1024)).toEqual(['']);
    expect(splitForUpload('label,id\n', 1024)).toEqual(['label,id\n']);
    expect(splitForUpload('abcdef', 6)).toEqual(['abcdef']);
    expect(splitForUpload('abcdefg', 6)).toEqual(['abcdef', 'g']);
  });
});
