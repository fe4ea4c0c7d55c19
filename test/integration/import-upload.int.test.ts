// Issue 20, item 8: whatever export gives must import back. A whole export was already 99 % of the
// 2 MiB that importGraph takes in one request; this grows the graph past that, exports it over HTTP,
// and brings it back through the staged upload (start, pieces, finish) with the client's own upload
// code, into the same graph (a dry run: nothing new) and into an emptied one (byte for byte). Then the
// refusals: who may touch an upload, pieces out of order, twice or missing, the caps, expiry. This
// file empties its graph, so it has a Neo4j of its own.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AppendImportChunkDocument,
  CancelImportUploadDocument,
  ExportGraphDocument,
  FinishImportUploadDocument,
  ImportGraphDocument,
  StartImportUploadDocument,
} from '../../client/src/api/generated/graphql.ts';
import { stagedImport, UPLOAD_HEADERS, type Send } from '../../client/src/views/transfer-upload.ts';
import { importGraph } from '../../server/graph/import-graph.ts';
import {
  IMPORT_CHUNK_BYTES,
  IMPORT_MAX_BYTES,
  IMPORT_UPLOADS_PER_CURATOR,
  parseImport,
} from '../../server/transfer/index.ts';
import { codeOf, serve, useOwnNeo4j, type GraphQLResult, type Session } from '../support/harness.ts';

const neo4j = useOwnNeo4j('upload', { seed: true });
const api = serve(neo4j);

let counsellor: Session;
let other: Session;
beforeAll(async () => {
  counsellor = await api.signInAs('counsellor');
  other = await api.signInAs('counsellor');
});

const reasonOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.reason;

/** The client's sender, over real HTTP as `session`, counting requests. */
function senderAs(session: Session, counter = { requests: 0 }): Send {
  return async (document, variables, options) => {
    counter.requests += 1;
    const result = await api.requestUnchecked(document, variables as Record<string, unknown>, {
      session,
      headers: options.headers,
    });
    const first = result.errors?.[0];
    if (first) throw Object.assign(new Error(first.message), { code: first.extensions?.code });
    return result.data!;
  };
}

async function exportOverHttp(format: 'JSON' | 'CSV') {
  const data = await api.ok(ExportGraphDocument, { format }, { session: counsellor });
  return data.exportGraph.files.map((f) => ({ name: f.name, content: f.content }));
}

async function uploadNodes(): Promise<number> {
  const [row] = await neo4j.cypher<{ n: number }>(
    'MATCH (n) WHERE n:ImportUpload OR n:ImportChunk RETURN count(n) AS n',
  );
  return Number(row?.n ?? 0);
}

/** Skills with long descriptions, imported in-process, so the export outgrows one request. */
async function growGraph(count: number): Promise<void> {
  const nodes = Array.from({ length: count }, (_, i) => ({
    label: 'Skill',
    id: `upload-growth-skill-${i}`,
    properties: {
      name: `Growth skill ${i}`,
      description: `A skill that exists only to make the export larger than one request. ${'Padding words. '.repeat(34)}`,
      aliases: [`growth ${i}`],
      kind: 'soft',
    },
  }));
  const content = JSON.stringify({ format: 'pathways-graph', version: 1, nodes, relationships: [] });
  const parsed = parseImport('JSON', [{ name: 'growth.json', content }], { maxBytes: 64 * 1024 * 1024 });
  const report = await importGraph(neo4j.graph, { id: 'test', email: 'growth@example.org' }, parsed, {
    dryRun: false,
  });
  expect(report.problems).toEqual([]);
  expect(report.created).toHaveLength(count);
}

describe('an export bigger than one request imports back', () => {
  let exported: { name: string; content: string }[] = [];

  it('is refused by importGraph, which points to the staged upload', async () => {
    const seed = [...(await exportOverHttp('JSON')), ...(await exportOverHttp('CSV'))];
    console.log(
      `Seed graph export: ${seed.map((f) => `${f.name} ${Buffer.byteLength(f.content).toLocaleString('en')} bytes`).join(', ')}`,
    );
    await growGraph(700);
    exported = await exportOverHttp('JSON');
    const bytes = Buffer.byteLength(exported[0]!.content, 'utf8');
    console.log(`JSON export after growth: ${bytes.toLocaleString('en')} bytes`);
    expect(bytes).toBeGreaterThan(IMPORT_MAX_BYTES);
    const single = await api.request(
      ImportGraphDocument,
      { format: 'JSON', files: exported, dryRun: true },
      { session: counsellor, headers: UPLOAD_HEADERS },
    );
    expect(single.errors).toBeUndefined();
    expect(single.data?.importGraph.problems).toHaveLength(1);
    expect(single.data?.importGraph.problems[0]?.message).toContain('startImportUpload');
  });

  it('checks it through the staged upload in several pieces: nothing new, nothing changed', async () => {
    const [graph] = await neo4j.cypher<{ n: number }>('MATCH (n:Entity) RETURN count(n) AS n');
    const counter = { requests: 0 };
    const progress: string[] = [];
    const started = Date.now();
    const report = await stagedImport(senderAs(counsellor, counter), 'JSON', exported, true, {
      onProgress: (sent, total) => progress.push(`${sent}/${total}`),
    });
    console.log(`Staged dry run: ${counter.requests} requests, ${Date.now() - started} ms`);
    expect(report).toMatchObject({
      dryRun: true,
      created: [],
      updated: [],
      linked: 0,
      relinked: 0,
      problems: [],
    });
    expect(report.unchanged).toBe(Number(graph!.n));
    const pieces = Math.ceil(Buffer.byteLength(exported[0]!.content) / IMPORT_CHUNK_BYTES);
    expect(pieces).toBeGreaterThan(2);
    expect(counter.requests).toBeGreaterThanOrEqual(pieces + 2);
    expect(progress.at(-1)).toBe(`${counter.requests - 2}/${counter.requests - 2}`);
    expect(await uploadNodes()).toBe(0);
  });

  it('imports it into an emptied graph, and the export after is the same bytes', async () => {
    await neo4j.cypher('MATCH (n:Entity) DETACH DELETE n');
    const counter = { requests: 0 };
    const started = Date.now();
    const report = await stagedImport(senderAs(counsellor, counter), 'JSON', exported, false);
    console.log(
      `Staged import into an empty graph: ${counter.requests} requests, ${Date.now() - started} ms`,
    );
    expect(report.problems).toEqual([]);
    expect(report.change?.action).toBe('IMPORT');
    expect(report.change?.by).toBe(counsellor.email);
    expect(await exportOverHttp('JSON')).toEqual(exported);
    expect(await uploadNodes()).toBe(0);
  });

  it('checks the CSV export (two files) the same way', async () => {
    const csv = await exportOverHttp('CSV');
    console.log(
      `CSV export: ${csv.map((f) => `${f.name} ${Buffer.byteLength(f.content).toLocaleString('en')} bytes`).join(', ')}`,
    );
    const report = await stagedImport(senderAs(counsellor), 'CSV', csv, true);
    expect(report).toMatchObject({ created: [], updated: [], linked: 0, relinked: 0, problems: [] });
  });
});

describe('what the staged upload refuses', () => {
  const start = (session?: Session) =>
    api.request(StartImportUploadDocument, { format: 'JSON' }, { session });
  const append = (
    session: Session | undefined,
    uploadId: string,
    index: number,
    text: string,
    fileName = 'g.json',
  ) =>
    api.request(
      AppendImportChunkDocument,
      { uploadId, fileName, index, text },
      { session, headers: UPLOAD_HEADERS },
    );
  const finish = (session: Session | undefined, uploadId: string, chunks: number, dryRun = true) =>
    api.request(
      FinishImportUploadDocument,
      { uploadId, files: [{ name: 'g.json', chunks }], dryRun },
      { session },
    );
  const cancel = (session: Session | undefined, uploadId: string) =>
    api.request(CancelImportUploadDocument, { uploadId }, { session });
  async function opened(session: Session): Promise<{ id: string; chunkBytes: number; maxBytes: number }> {
    const data = await api.ok(StartImportUploadDocument, { format: 'JSON' }, { session });
    return data.startImportUpload;
  }
  const graphFile = (id: string) =>
    JSON.stringify({
      format: 'pathways-graph',
      version: 1,
      nodes: [
        {
          label: 'Skill',
          id,
          properties: {
            name: 'Staged probe',
            description: 'A skill the staged upload test brings in.',
            kind: 'soft',
          },
        },
      ],
      relationships: [],
    });

  it('says how to use it: piece size, cap, files and expiry', async () => {
    const upload = (await api.ok(StartImportUploadDocument, { format: 'CSV' }, { session: counsellor }))
      .startImportUpload;
    expect(upload).toMatchObject({
      format: 'CSV',
      chunkBytes: IMPORT_CHUNK_BYTES,
      maxBytes: 256 * 1024 * 1024,
      maxFiles: 10,
    });
    expect(Date.parse(upload.expiresAt) - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(
      (await api.ok(CancelImportUploadDocument, { uploadId: upload.id }, { session: counsellor }))
        .cancelImportUpload,
    ).toBe(true);
    expect((await cancel(counsellor, upload.id)).data?.cancelImportUpload).toBe(false);
  });

  it('is for signed-in counsellors with the page’s token only', async () => {
    expect(codeOf(await start())).toBe('UNAUTHENTICATED');
    const upload = await opened(counsellor);
    expect(codeOf(await append(undefined, upload.id, 0, '{}'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await finish(undefined, upload.id, 1))).toBe('UNAUTHENTICATED');
    expect(codeOf(await cancel(undefined, upload.id))).toBe('UNAUTHENTICATED');
    expect(codeOf(await append({ ...counsellor, csrf: 'not-the-token' }, upload.id, 0, '{}'))).toBe(
      'FORBIDDEN',
    );
    await cancel(counsellor, upload.id);
  });

  it('belongs to the counsellor who started it: another cannot add to, finish or cancel it', async () => {
    const id = 'staged-owner-probe';
    const upload = await opened(counsellor);
    const text = graphFile(id);
    expect((await append(counsellor, upload.id, 0, text.slice(0, 40))).errors).toBeUndefined();
    expect(codeOf(await append(other, upload.id, 1, text.slice(40)))).toBe('NOT_FOUND');
    expect(codeOf(await finish(other, upload.id, 2, false))).toBe('NOT_FOUND');
    expect((await cancel(other, upload.id)).data?.cancelImportUpload).toBe(false);
    // Untouched by all that: the owner finishes it.
    expect((await append(counsellor, upload.id, 1, text.slice(40))).errors).toBeUndefined();
    const done = await finish(counsellor, upload.id, 2, false);
    expect(done.errors).toBeUndefined();
    expect(done.data?.finishImportUpload).toMatchObject({ created: [id], problems: [] });
    expect(done.data?.finishImportUpload.change?.by).toBe(counsellor.email);
  });

  it('refuses a piece twice, out of order or too big, keeping what it had', async () => {
    const upload = await opened(counsellor);
    expect((await append(counsellor, upload.id, 0, 'ab')).data?.appendImportChunk).toMatchObject({
      chunks: 1,
      totalBytes: 2,
    });
    const twice = await append(counsellor, upload.id, 0, 'ab');
    expect(codeOf(twice)).toBe('BAD_USER_INPUT');
    expect(reasonOf(twice)).toBe('DUPLICATE_CHUNK');
    expect(twice.errors?.[0]?.extensions?.argument).toBe('index');
    const ahead = await append(counsellor, upload.id, 2, 'cd');
    expect(reasonOf(ahead)).toBe('CHUNK_OUT_OF_ORDER');
    expect(ahead.errors?.[0]?.message).toBe(
      'Piece 2 of g.json came before piece 1; send the pieces of a file in order, from 0.',
    );
    const tooBig = await append(counsellor, upload.id, 1, 'x'.repeat(upload.chunkBytes + 1));
    expect(reasonOf(tooBig)).toBe('CHUNK_TOO_LARGE');
    expect((await append(counsellor, upload.id, 1, 'cd')).data?.appendImportChunk).toMatchObject({
      chunks: 2,
      totalBytes: 4,
    });
    await cancel(counsellor, upload.id);
  });

  it('refuses to finish with a piece missing, and the upload is gone after', async () => {
    const upload = await opened(counsellor);
    await append(counsellor, upload.id, 0, '{');
    const missing = await finish(counsellor, upload.id, 2);
    expect(codeOf(missing)).toBe('BAD_USER_INPUT');
    expect(reasonOf(missing)).toBe('MISSING_CHUNK');
    expect(missing.errors?.[0]?.message).toContain('piece 1 is missing');
    expect(codeOf(await append(counsellor, upload.id, 1, '}'))).toBe('NOT_FOUND');
    expect(await uploadNodes()).toBe(0);
  });

  it('refuses pieces past the cap (IMPORT_UPLOAD_MAX_MB)', async () => {
    process.env.IMPORT_UPLOAD_MAX_MB = '1';
    let upload: { id: string; maxBytes: number };
    try {
      upload = await opened(counsellor);
    } finally {
      delete process.env.IMPORT_UPLOAD_MAX_MB;
    }
    expect(upload.maxBytes).toBe(1024 * 1024);
    expect((await append(counsellor, upload.id, 0, 'x'.repeat(upload.maxBytes - 1))).errors).toBeUndefined();
    const over = await append(counsellor, upload.id, 1, 'xy');
    expect(reasonOf(over)).toBe('UPLOAD_TOO_LARGE');
    expect(over.errors?.[0]?.message).toContain('1,048,576 bytes (1.0 MiB)');
    expect((await append(counsellor, upload.id, 1, 'x')).errors).toBeUndefined();
    await cancel(counsellor, upload.id);
  });

  it('lets a counsellor keep only a few uploads open', async () => {
    const busy = await api.signInAs('counsellor');
    const ids: string[] = [];
    for (let i = 0; i < IMPORT_UPLOADS_PER_CURATOR; i++) ids.push((await opened(busy)).id);
    const more = await start(busy);
    expect(reasonOf(more)).toBe('TOO_MANY_UPLOADS');
    expect((await start(other)).errors).toBeUndefined();
    await cancel(busy, ids[0]!);
    expect((await start(busy)).errors).toBeUndefined();
  });

  it('answers NOT_FOUND for an unknown or expired upload, and sweeps expired ones away', async () => {
    const unknown = await append(counsellor, '00000000-0000-4000-8000-000000000000', 0, 'x');
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    expect(reasonOf(unknown)).toBe('UNKNOWN_UPLOAD');

    const late = await opened(counsellor);
    await append(counsellor, late.id, 0, 'x');
    await neo4j.cypher(`MATCH (u:ImportUpload {id: $id}) SET u.expiresAt = '2000-01-01T00:00:00.000Z'`, {
      id: late.id,
    });
    const expired = await append(counsellor, late.id, 1, 'y');
    expect(codeOf(expired)).toBe('NOT_FOUND');
    expect(reasonOf(expired)).toBe('EXPIRED');
    expect(await neo4j.cypher('MATCH (c:ImportChunk {uploadId: $id}) RETURN c', { id: late.id })).toEqual([]);

    const forgotten = await opened(other);
    await append(other, forgotten.id, 0, 'x');
    await neo4j.cypher(`MATCH (u:ImportUpload {id: $id}) SET u.expiresAt = '2000-01-01T00:00:00.000Z'`, {
      id: forgotten.id,
    });
    await opened(counsellor);
    expect(
      await neo4j.cypher('MATCH (n) WHERE n.id = $id OR n.uploadId = $id RETURN n', { id: forgotten.id }),
    ).toEqual([]);
  });

  it('leaves the graph exactly as it was when the finished import has a problem', async () => {
    const before = await exportOverHttp('JSON');
    const bad = JSON.parse(graphFile('staged-failure-probe')) as { relationships: unknown[] };
    bad.relationships.push({
      type: 'REQUIRES',
      from: 'staged-failure-probe',
      to: 'no-such-node',
      properties: { why: 'Points at a node that is not there.', importance: 0.5, level: 'basic' },
    });
    const text = JSON.stringify(bad);
    const upload = await opened(counsellor);
    await append(counsellor, upload.id, 0, text.slice(0, 100));
    await append(counsellor, upload.id, 1, text.slice(100));
    const result = await finish(counsellor, upload.id, 2, false);
    expect(result.errors).toBeUndefined();
    expect(result.data?.finishImportUpload.change).toBeNull();
    expect(result.data?.finishImportUpload.problems.length).toBeGreaterThan(0);
    expect(await exportOverHttp('JSON')).toEqual(before);
    expect(
      await neo4j.cypher('MATCH (n) WHERE n.id = $id OR n.uploadId = $id RETURN n', { id: upload.id }),
    ).toEqual([]);
  });
});
