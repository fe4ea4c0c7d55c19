// Two API servers on one Neo4j, as behind a load balancer: each built as `npm start` builds it, with
// its own driver, result cache, graph-version poller and HTTP server. A session made on one works on
// the other, an edit or an undo on one reaches the other's cache within the poll, and every limit
// counts the requests to both together (kept in Neo4j: server/graph/rate-limits.ts).
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateNodeDocument,
  DeletePlanDocument,
  MeDocument,
  SignInDocument,
  SignOutDocument,
  UndoDocument,
  UpdateNodeDocument,
  type NodeFieldsInput,
} from '../../client/src/api/generated/graphql.ts';
import { RATE_LIMIT_LABEL, rateLimitKey, sweepIdleLimits } from '../../server/graph/rate-limits.ts';
import { SIGN_IN_IP_LIMIT, SIGN_IN_PAIR_DELAYS } from '../../server/resolvers/auth.ts';
import { PLAN_WRITE_LIMIT } from '../../server/resolvers/plans.ts';
import { NodeSummaryDocument } from '../generated/graphql.ts';
import { TEST_PASSWORD } from '../support/curator.ts';
import {
  codeOf,
  startOwnApi,
  uniqueClientAddress,
  useTestGraph,
  type OwnApi,
  type Session,
} from '../support/harness.ts';

/** Short, so a change on one server reaches the other's cache quickly; expect.poll waits for it. */
const POLL_MS = 200;

const graph = useTestGraph();
let a: OwnApi;
let b: OwnApi;

beforeAll(async () => {
  // Both trust their loopback proxy (TRUST_PROXY=loopback), so each test names its own client address.
  [a, b] = await Promise.all([
    startOwnApi({ trustProxy: ['loopback'], resultCachePollMs: POLL_MS }),
    startOwnApi({ trustProxy: ['loopback'], resultCachePollMs: POLL_MS }),
  ]);
});

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });

const CAREER_FIELDS = {
  name: 'Two Servers Probe Analyst',
  description: 'A made-up career the two-server test creates on one server and reads on the other.',
  onetSoc: '99-9999.00',
  jobZone: 3,
  education: "Bachelor's degree",
  riasec: 'ICR',
  outlook: 'STEADY',
  outlookNote: 'Invented for tests, so no real outlook.',
} satisfies NodeFieldsInput;

describe('sessions', () => {
  it('a session made by signing in on A works on B, for a curator write, and signing out on B ends it on A', async () => {
    const session = await a.signInAs('counsellor');
    expect((await b.ok(MeDocument, {}, { session })).me?.email).toBe(session.email);
    const id = `two-servers-${randomUUID().slice(0, 8)}`;
    const created = await b.ok(
      CreateNodeDocument,
      { input: { kind: 'CAREER', id, fields: CAREER_FIELDS } },
      { session },
    );
    expect(created.createNode.change.by).toBe(session.email);
    await b.ok(SignOutDocument, {}, { session });
    expect((await a.ok(MeDocument, {}, { session })).me).toBeNull();
  });
});

describe('result caches', () => {
  let counsellor: Session;
  beforeAll(async () => {
    counsellor = await a.signInAs('counsellor');
  });

  const descriptionOn = async (api: OwnApi, id: string) =>
    (await api.ok(NodeSummaryDocument, { id })).node?.description;

  /**
   * Waits until `api` answers `id` from its cache: a description written straight into the graph
   * (which moves no graph version, so no cache hears of it) no longer shows. Then puts `keep` back.
   */
  async function answersFromCache(api: OwnApi, id: string, keep: string): Promise<void> {
    const write = (text: string) =>
      graph.cypher('MATCH (n:Entity {id: $id}) SET n.description = $text', { id, text });
    await expect
      .poll(async () => {
        const marker = `Written straight into the graph, behind every cache: ${randomUUID()}`;
        await write(marker);
        return (await descriptionOn(api, id)) !== marker;
      })
      .toBe(true);
    await write(keep);
  }

  it('an edit on A is in B’s answer within the poll, though B had the old one cached; an undo on B reaches A', async () => {
    const id = `two-servers-${randomUUID().slice(0, 8)}`;
    const created = await a.ok(
      CreateNodeDocument,
      { input: { kind: 'CAREER', id, fields: CAREER_FIELDS } },
      { session: counsellor },
    );
    const before = CAREER_FIELDS.description;
    await expect.poll(() => descriptionOn(b, id)).toBe(before);
    await answersFromCache(b, id, before);
    const after = 'Edited on server A by a counsellor; server B must show this within its poll.';
    const edit = await a.ok(
      UpdateNodeDocument,
      { input: { id, version: created.createNode.record.version, fields: { description: after } } },
      { session: counsellor },
    );
    await expect.poll(() => descriptionOn(b, id), { interval: 50 }).toBe(after);

    // A caches the edited answer; the undo is made on B, and A follows.
    expect(await descriptionOn(a, id)).toBe(after);
    await answersFromCache(a, id, after);
    await b.ok(UndoDocument, { changeId: edit.updateNode.change.id }, { session: counsellor });
    await expect.poll(() => descriptionOn(a, id), { interval: 50 }).toBe(before);
    expect(await descriptionOn(b, id)).toBe(before);
  });
});

/** Deletes a limit's node straight in Neo4j, which must hold it. */
async function forgetLimit(key: string): Promise<void> {
  const [row] = await graph.cypher<{ deleted: number }>(
    `MATCH (r:${RATE_LIMIT_LABEL} {key: $key}) DELETE r RETURN count(*) AS deleted`,
    { key: rateLimitKey(key) },
  );
  expect(row?.deleted).toBe(1);
}

describe('limits count requests to both servers', () => {
  /** A plan id nobody made: the write is limited first, then answered NOT_FOUND. */
  const noPlan = () => randomBytes(16).toString('base64url');

  it('anonymous plan writes from one address, alternating A and B, stop after one capacity, not two', async () => {
    const address = uniqueClientAddress();
    const allowedOn = { a: 0, b: 0 };
    let limited: { extensions?: Record<string, unknown> } | undefined;
    for (let i = 0; i < 2 * PLAN_WRITE_LIMIT.capacity + 2 && !limited; i += 1) {
      const on = i % 2 === 0 ? 'a' : 'b';
      const result = await (on === 'a' ? a : b).request(DeletePlanDocument, { id: noPlan() }, from(address));
      if (codeOf(result) === 'NOT_FOUND') allowedOn[on] += 1;
      else if (codeOf(result) === 'RATE_LIMITED') limited = result.errors?.[0];
      else throw new Error(`unexpected answer ${JSON.stringify(result.errors ?? result.data)}`);
    }
    expect(limited?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    const allowed = allowedOn.a + allowedOn.b;
    // One capacity between them (a token trickles back every 2 s, so one more at most), each serving half.
    expect(allowed).toBeGreaterThanOrEqual(PLAN_WRITE_LIMIT.capacity);
    expect(allowed).toBeLessThanOrEqual(PLAN_WRITE_LIMIT.capacity + 1);
    expect(Math.abs(allowedOn.a - allowedOn.b)).toBeLessThanOrEqual(1);
    // Both servers run in this one test process, so a limiter in module memory would be shared too;
    // what shows the count is Neo4j's is that deleting its node there frees the client on both.
    await forgetLimit(`plan-write\u0000${address}`);
    expect(codeOf(await b.request(DeletePlanDocument, { id: noPlan() }, from(address)))).toBe('NOT_FOUND');
  });

  it('failed sign-ins for one email from one address, alternating A and B, meet one set of delays', async () => {
    const address = uniqueClientAddress();
    const email = await a.makeAccount('counsellor');
    const backToBack = SIGN_IN_PAIR_DELAYS.freeFailures + 1;
    const codes: unknown[] = [];
    for (let i = 0; i < backToBack + 2; i += 1) {
      const server = i % 2 === 0 ? a : b;
      codes.push(
        codeOf(await server.request(SignInDocument, { email, password: 'not it at all' }, from(address))),
      );
    }
    expect(codes).toEqual([
      ...Array<string>(backToBack).fill('UNAUTHENTICATED'),
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
    await forgetLimit(`sign-in-pair\u0000${email}\u0000${address}`);
    expect(codeOf(await a.request(SignInDocument, { email, password: 'still not it' }, from(address)))).toBe(
      'UNAUTHENTICATED',
    );
    // The counsellor's own address is not delayed by these failures, on either server.
    const school = uniqueClientAddress();
    expect(
      (await b.request(SignInDocument, { email, password: TEST_PASSWORD }, from(school))).errors,
    ).toBeUndefined();
  });

  it('failed sign-ins from one address across many emails, alternating A and B, share one bucket', async () => {
    const address = uniqueClientAddress();
    const capacity = SIGN_IN_IP_LIMIT.capacity;
    const codes: unknown[] = [];
    for (let i = 0; i < capacity + 3; i += 1) {
      const server = i % 2 === 0 ? a : b;
      const email = `nobody-${randomUUID().slice(0, 8)}@pathways.test`;
      codes.push(codeOf(await server.request(SignInDocument, { email, password: 'guess' }, from(address))));
    }
    // A token trickles back every 30 s, so allow one extra failure before the limit bites.
    expect(codes.slice(0, capacity)).toEqual(Array<string>(capacity).fill('UNAUTHENTICATED'));
    expect(codes.slice(capacity + 1)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });
});

describe('the stored limits', () => {
  it('are keyed by SHA-256 hashes, hold no address or email, and idle ones are swept', async () => {
    const address = uniqueClientAddress();
    await a.request(DeletePlanDocument, { id: randomBytes(16).toString('base64url') }, from(address));
    const key = rateLimitKey(`plan-write\u0000${address}`);
    const [stored] = await graph.cypher<{ props: Record<string, unknown> }>(
      `MATCH (r:${RATE_LIMIT_LABEL} {key: $key}) RETURN properties(r) AS props`,
      { key },
    );
    expect(stored?.props).toMatchObject({ key, tokens: PLAN_WRITE_LIMIT.capacity - 1 });
    expect(JSON.stringify(stored?.props)).not.toContain(address);
    const [{ raw } = { raw: -1 }] = await graph.cypher<{ raw: number }>(
      `MATCH (r:${RATE_LIMIT_LABEL}) WHERE any(v IN [k IN keys(r) | r[k]] WHERE toString(v) CONTAINS '@' OR toString(v) CONTAINS ':')
       RETURN count(r) AS raw`,
    );
    expect(raw).toBe(0);

    // Make this one idle (as if its bucket had long since refilled), and the sweep deletes it.
    await graph.cypher(`MATCH (r:${RATE_LIMIT_LABEL} {key: $key}) SET r.expiresAt = 0`, { key });
    expect(await sweepIdleLimits(graph.graph)).toBeGreaterThanOrEqual(1);
    const left = await graph.cypher(`MATCH (r:${RATE_LIMIT_LABEL} {key: $key}) RETURN r`, { key });
    expect(left).toEqual([]);
  });
});
