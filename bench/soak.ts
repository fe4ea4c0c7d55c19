// `npm run soak`: a bounded soak of the API on loopback. 32 clients keep the server busy for
// SOAK_SECONDS (300 by default) with mixed reads and, now and then, a counsellor creating or updating
// a node of its own (ids prefixed `soak-`). Zero errors are expected; afterwards every acknowledged write
// must be in the graph and in the audit log (:Change), and the server's resident memory must be flat
// (median of the second half within 10 % of the first, after a warm-up). Prints its figures and exits 1
// on any failure. Runs the API as its own process against a throw-away Neo4j loaded with the seed.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { buildSchema, parse, validate } from 'graphql';
import { hashPassword } from '../server/auth/passwords.ts';
import { createUser } from '../server/graph/accounts.ts';
import { SCHEMA_FILE } from '../server/app.ts';
import { printProgress } from '../server/progress.ts';
import { startApiServer } from './api-server.ts';
import { openBenchGraph } from './graphs.ts';
import { rssMiB } from './memory.ts';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 32);
/** One request in this many is a write: well under each account's 120 writes a minute. */
const WRITE_EVERY = 25;
const WARM_UP_SHARE = 0.2;
const MAX_GROWTH = 0.1;
const PASSWORD = 'soak test password, not a real one';

const READS: { query: string; variables: Record<string, unknown> }[] = [
  { query: '{ stats { totalNodes totalRelationships } }', variables: {} },
  { query: 'query ($id: ID!) { node(id: $id) { id name } }', variables: { id: 'hydrologist' } },
  {
    query: 'query ($t: String!) { search(text: $t, first: 10) { hits { score node { id } } } }',
    variables: { t: 'water' },
  },
  {
    query:
      'query ($id: ID!) { neighbourhood(id: $id, depth: 1, first: 50) { nodes { id name } edges { from to why } } }',
    variables: { id: 'biology' },
  },
  {
    query:
      'query ($s: ID!, $v: ID) { subjectCareers(subject: $s, via: $v, first: 10) { paths { career { id } path { score } } } }',
    variables: { s: 'biology', v: 'environmental-science' },
  },
  {
    query:
      'query ($f: ID!, $t: ID!) { paths(from: $f, to: $t, maxHops: 3, first: 5) { paths { nodes { id } score } } }',
    variables: { f: 'biology', t: 'hydrologist' },
  },
  {
    query: 'query ($id: ID!) { career(id: $id) { career { id name } skills { skill { id } } } }',
    variables: { id: 'hydrologist' },
  },
];

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  setCookie: string | undefined;
}

function post(url: string, payload: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({
              status: res.statusCode ?? 0,
              body: JSON.parse(text) as Answer['body'],
              setCookie: res.headers['set-cookie']?.[0]?.split(';')[0],
            });
          } catch {
            resolve({
              status: res.statusCode ?? 0,
              body: { errors: [{ message: text }] },
              setCookie: undefined,
            });
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

interface Counsellor {
  cookie: string;
  csrf: string;
}

/** The last acknowledged state of a node this soak wrote, and the audit entries the writes returned. */
interface Written {
  id: string;
  version: number;
  description: string;
  changeIds: string[];
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function median(xs: readonly number[]): number {
  return percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
}

/** A query the schema no longer accepts would count as thousands of errors; say so before starting. */
function checkQueries(): void {
  const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  for (const { query } of READS) {
    const [error] = validate(schema, parse(query));
    if (error) throw new Error(`a soak query does not match schema.graphql: ${error.message}`);
  }
}

async function main(): Promise<number> {
  checkQueries();
  printProgress(`Soak: ${SECONDS} s at c=${CONCURRENCY}, one write in ${WRITE_EVERY} requests.`);
  const graph = await openBenchGraph({ kind: 'seed' });
  const { driver, name } = graph.database;
  // Logging errors, so an INTERNAL_SERVER_ERROR in the report comes with its cause.
  const api = await startApiServer(graph.database.uri, graph.config.neo4j.password, { logLevel: 'error' });
  const failures: string[] = [];
  try {
    printProgress(`API server pid ${api.pid} at ${api.url}`);
    // One account per client: each account may write 120 times a minute.
    const passwordHash = await hashPassword(PASSWORD);
    const counsellors: Counsellor[] = [];
    for (let i = 0; i < CONCURRENCY; i += 1) {
      const email = `soak-${i}-${Date.now()}@pathways.test`;
      await createUser(
        { driver, database: name, timeoutMs: 10_000 },
        { email, role: 'counsellor', passwordHash },
      );
      const signedIn = await post(
        api.url,
        JSON.stringify({
          query: 'mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }',
          variables: { e: email, p: PASSWORD },
        }),
      );
      const csrf = (signedIn.body.data?.signIn as { csrfToken?: string } | undefined)?.csrfToken;
      if (!signedIn.setCookie || !csrf) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.body)}`);
      counsellors.push({ cookie: signedIn.setCookie, csrf });
    }

    const latencies: number[] = [];
    let reads = 0;
    let writes = 0;
    let errors = 0;
    const written = new Map<string, Written>();
    const rss: { at: number; mib: number }[] = [];
    const started = Date.now();
    const deadline = started + SECONDS * 1000;
    const sampler = setInterval(() => rss.push({ at: Date.now() - started, mib: rssMiB(api.pid) }), 1000);

    const fail = (what: string, answer: Answer) => {
      errors += 1;
      if (failures.length < 10)
        failures.push(`${what}: HTTP ${answer.status} ${JSON.stringify(answer.body.errors)}`);
    };

    const client = async (counsellor: Counsellor, index: number) => {
      const headers = { cookie: counsellor.cookie, 'x-csrf-token': counsellor.csrf };
      const own: Written[] = [];
      for (let n = index; Date.now() < deadline; n += 1) {
        const t0 = performance.now();
        if (n % WRITE_EVERY === WRITE_EVERY - 1) {
          const target =
            own.length > 0 && n % (2 * WRITE_EVERY) === WRITE_EVERY - 1 ? own[n % own.length] : undefined;
          const description = `A soak-test subject, written at request ${n} of client ${index}, so it is long enough.`;
          const answer = target
            ? await post(
                api.url,
                JSON.stringify({
                  query: `mutation ($input: UpdateNodeInput!) { updateNode(input: $input) { change { id } record { version } } }`,
                  variables: { input: { id: target.id, version: target.version, fields: { description } } },
                }),
                headers,
              )
            : await post(
                api.url,
                JSON.stringify({
                  query: `mutation ($input: CreateNodeInput!) { createNode(input: $input) { change { id } record { version } } }`,
                  variables: {
                    input: {
                      kind: 'SUBJECT',
                      id: `soak-${index}-${n}-${started}`,
                      fields: { name: `Soak subject ${index}-${n}`, description },
                    },
                  },
                }),
                headers,
              );
          latencies.push(performance.now() - t0);
          writes += 1;
          const result = (answer.body.data?.updateNode ?? answer.body.data?.createNode) as
            { change: { id: string }; record: { version: number } } | undefined;
          if (answer.status !== 200 || answer.body.errors || !result) {
            fail(target ? 'update' : 'create', answer);
            continue;
          }
          const entry = target ?? {
            id: `soak-${index}-${n}-${started}`,
            version: 0,
            description,
            changeIds: [],
          };
          entry.version = result.record.version;
          entry.description = description;
          entry.changeIds.push(result.change.id);
          if (!target) {
            own.push(entry);
            written.set(entry.id, entry);
          }
        } else {
          const answer = await post(api.url, JSON.stringify(READS[n % READS.length]));
          latencies.push(performance.now() - t0);
          reads += 1;
          if (answer.status !== 200 || answer.body.errors) fail('read', answer);
        }
      }
    };
    await Promise.all(counsellors.map(client));
    clearInterval(sampler);
    const elapsed = (Date.now() - started) / 1000;

    // Every acknowledged write: the node holds its last acknowledged state, and each change is logged.
    const entries = [...written.values()];
    const check = await driver.executeQuery(
      `UNWIND $entries AS e
       OPTIONAL MATCH (n:Subject {id: e.id})
       WITH e, n, COUNT { MATCH (c:Change) WHERE c.id IN e.changeIds } AS logged
       RETURN e.id AS id, n IS NOT NULL AND n.description = e.description AND n.version = e.version AS current,
              logged = size(e.changeIds) AS audited`,
      { entries },
      { database: name },
    );
    const notCurrent = check.records
      .filter((r) => r.get('current') !== true)
      .map((r) => r.get('id') as string);
    const notAudited = check.records
      .filter((r) => r.get('audited') !== true)
      .map((r) => r.get('id') as string);
    const acknowledgedChanges = entries.reduce((sum, e) => sum + e.changeIds.length, 0);

    const sorted = [...latencies].sort((a, b) => a - b);
    const steady = rss.filter((s) => s.at >= SECONDS * 1000 * WARM_UP_SHARE);
    const half = Math.floor(steady.length / 2);
    const firstHalf = median(steady.slice(0, half).map((s) => s.mib));
    const secondHalf = median(steady.slice(half).map((s) => s.mib));
    const growth = (secondHalf - firstHalf) / firstHalf;
    const all = rss.map((s) => s.mib);

    console.log(`
Soak: ${elapsed.toFixed(0)} s at c=${CONCURRENCY} against the seed graph (API pid ${api.pid})
  requests   ${(reads + writes).toLocaleString('en')} (${((reads + writes) / elapsed).toFixed(0)}/s): ${reads.toLocaleString('en')} reads, ${writes.toLocaleString('en')} writes
  latency    p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms
  errors     ${errors}
  writes     ${entries.length} nodes created, ${acknowledgedChanges} changes acknowledged; ${entries.length - notCurrent.length} current in the graph, ${entries.length - notAudited.length} with every change in the audit log
  memory     RSS start ${(all[0] ?? 0).toFixed(0)} MiB, end ${(all.at(-1) ?? 0).toFixed(0)} MiB, peak ${Math.max(...all).toFixed(0)} MiB; after ${(WARM_UP_SHARE * 100).toFixed(0)} % warm-up, median ${firstHalf.toFixed(0)} → ${secondHalf.toFixed(0)} MiB (${(growth * 100).toFixed(1)} %, limit ${(MAX_GROWTH * 100).toFixed(0)} %)`);

    if (errors > 0) failures.unshift(`${errors} request(s) failed`);
    for (const line of api.logged.slice(0, 5)) {
      const entry = JSON.parse(line) as {
        msg?: string;
        err?: { type?: string; code?: string; message?: string };
      };
      failures.push(
        `server logged: ${entry.msg ?? ''} ${entry.err?.type ?? ''} ${entry.err?.code ?? ''} ${(entry.err?.message ?? '').slice(0, 300)}`,
      );
    }
    if (notCurrent.length > 0)
      failures.push(`not as acknowledged in the graph: ${notCurrent.slice(0, 5).join(', ')}`);
    if (notAudited.length > 0)
      failures.push(`changes missing from the audit log: ${notAudited.slice(0, 5).join(', ')}`);
    if (!(growth <= MAX_GROWTH)) failures.push(`memory grew ${(growth * 100).toFixed(1)} %`);
    if (writes === 0) failures.push('no writes were made');
  } finally {
    agent.destroy();
    await api.stop();
    await graph.close();
  }
  for (const failure of failures) console.error(`[pathways] SOAK FAILED: ${failure}`);
  if (failures.length === 0) console.log('  result     passed');
  return failures.length === 0 ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`\n[pathways] SOAK FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
