// Curation over real HTTP against the real Neo4j: sign-in and sessions, every mutation's success,
// validation, UNAUTHENTICATED, FORBIDDEN and CONFLICT, the audit log, and undo chains. Each test
// works on nodes of its own (ids with a random suffix), so other test files see the seed unchanged.
import { randomUUID } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, codeOf, makeAccount, signIn, TEST_PASSWORD, type Session } from '../support/curator.ts';
import { startTestServer, type TestServer } from '../support/http-server.ts';
import { testDriver, testNeo4j } from '../support/neo4j.ts';

let driver: Driver;
let server: TestServer;
let counsellor: Session;
let admin: Session;

beforeAll(async () => {
  driver = testDriver();
  server = await startTestServer(driver);
  counsellor = await signIn(server.url, await makeAccount(driver, 'counsellor'));
  admin = await signIn(server.url, await makeAccount(driver, 'admin'));
});
afterAll(async () => {
  await server.close();
  await driver.close();
});

async function cypher<T>(statement: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const result = await driver.executeQuery(statement, params, { database: testNeo4j().database });
  return result.records.map((r) => r.toObject() as T);
}

/** Everything a failed write could have touched: nodes, relationships and the audit log. */
async function snapshot(): Promise<string> {
  const [row] = await cypher<{ nodes: unknown; rels: unknown; changes: number }>(
    `CALL () { MATCH (n:Entity) RETURN collect(n {.*}) AS nodes }
     CALL () { MATCH ()-[r]->() RETURN collect([type(r), r.why]) AS rels }
     CALL () { MATCH (c:Change) RETURN count(c) AS changes }
     RETURN nodes, rels, changes`,
  );
  return JSON.stringify(row);
}

const suffix = () => randomUUID().slice(0, 8);

const CAREER_FIELDS = {
  name: 'Curation Probe Analyst',
  description: 'A made-up career that the curation tests create, edit and remove again.',
  onetSoc: '99-9999.00',
  jobZone: 3,
  education: "Bachelor's degree",
  riasec: 'ICR',
  outlook: 'STEADY',
  outlookNote: 'Invented for tests, so no real outlook.',
};

const CREATE = `mutation ($input: CreateNodeInput!) {
  createNode(input: $input) {
    change { id action summary by diff { entity effect fields { name before after } } }
    record { version retired node { id name description } }
  }
}`;
const UPDATE = `mutation ($input: UpdateNodeInput!) {
  updateNode(input: $input) { change { id summary } record { version node { description } } }
}`;
const RETIRE = `mutation ($id: ID!, $version: Int!) { retireNode(id: $id, version: $version) { change { id } record { version retired } } }`;
const RESTORE = `mutation ($id: ID!, $version: Int!) { restoreNode(id: $id, version: $version) { change { id } record { version retired } } }`;
const LINK = `mutation ($input: LinkInput!) { linkNodes(input: $input) { change { id summary } edge { type from to why weight } } }`;
const UNLINK = `mutation ($input: UnlinkInput!) { unlinkNodes(input: $input) { change { id } edge { id } } }`;
const UNDO = `mutation ($id: ID!) { undo(changeId: $id) { id action undoOf summary } }`;
const HISTORY = `query ($id: ID!) { history(nodeId: $id) { changes { id action by undoneBy diff { entity effect } } pageInfo { hasNextPage } } }`;
const RECORD = `query ($id: ID!) { nodeRecord(id: $id) { version retired updatedBy node { name description } } }`;

async function createCareer(session: Session, id = `probe-${suffix()}`) {
  const result = await call<{ createNode: { change: { id: string }; record: { version: number } } }>(
    server.url,
    CREATE,
    { input: { kind: 'CAREER', id, fields: CAREER_FIELDS } },
    session,
  );
  expect(result.errors).toBeUndefined();
  return { id, changeId: result.data!.createNode.change.id, version: result.data!.createNode.record.version };
}

describe('sign-in and sessions', () => {
  it('sets an httpOnly, SameSite=Strict session cookie and answers `me`', async () => {
    const email = await makeAccount(driver, 'counsellor');
    const result = await call<{ signIn: { email: string; role: string } }>(
      server.url,
      'mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { email role } }',
      { e: email.toUpperCase(), p: TEST_PASSWORD },
    );
    expect(result.data?.signIn).toEqual({ email, role: 'COUNSELLOR' });
    expect(result.setCookie).toMatch(
      /^pathways_session=[\w-]{43}; Max-Age=3600; Path=\/; Expires=.+; HttpOnly; SameSite=Strict$/,
    );
    const cookie = result.setCookie!.split(';')[0]!;
    const me = await call<{ me: { email: string } | null }>(server.url, '{ me { email } }', {}, { cookie });
    expect(me.data?.me?.email).toBe(email);
    expect((await call<{ me: null }>(server.url, '{ me { email } }')).data?.me).toBeNull();
  });

  it('refuses a wrong password or unknown email with the same UNAUTHENTICATED answer', async () => {
    const email = await makeAccount(driver, 'counsellor');
    const query = 'mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { email } }';
    const wrong = await call(server.url, query, { e: email, p: 'not the password at all' });
    const unknown = await call(server.url, query, {
      e: `nobody-${suffix()}@pathways.test`,
      p: TEST_PASSWORD,
    });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expect(wrong.setCookie).toBeNull();
  });

  it('gives a new session on every sign-in and ends it on sign-out', async () => {
    const email = await makeAccount(driver, 'counsellor');
    const first = await signIn(server.url, email);
    const second = await signIn(server.url, email);
    expect(second.cookie).not.toBe(first.cookie);
    const out = await call(server.url, 'mutation { signOut }', {}, second);
    expect(out.setCookie).toMatch(/pathways_session=;/);
    const after = await call(
      server.url,
      CREATE,
      { input: { kind: 'CAREER', id: `probe-${suffix()}`, fields: CAREER_FIELDS } },
      second,
    );
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
  });

  it('ends an expired session', async () => {
    const shortLived = await startTestServer(driver, { sessionTtlMs: 50 });
    try {
      const session = await signIn(shortLived.url, await makeAccount(driver, 'counsellor'));
      await new Promise((resolve) => setTimeout(resolve, 120));
      const result = await call(shortLived.url, '{ me { email } }', {}, session);
      expect(result.data).toEqual({ me: null });
    } finally {
      await shortLived.close();
    }
  });
});

describe('who may write', () => {
  const mutations: [string, string, Record<string, unknown>][] = [
    ['createNode', CREATE, { input: { kind: 'CAREER', id: 'probe-x', fields: CAREER_FIELDS } }],
    ['updateNode', UPDATE, { input: { id: 'biology', version: 0, fields: { name: 'Biol' } } }],
    ['retireNode', RETIRE, { id: 'biology', version: 0 }],
    ['restoreNode', RESTORE, { id: 'biology', version: 0 }],
    [
      'linkNodes',
      LINK,
      { input: { type: 'LEADS_TO', from: 'biology', to: 'medicine', why: 'x'.repeat(25), weight: 1 } },
    ],
    ['unlinkNodes', UNLINK, { input: { type: 'LEADS_TO', from: 'biology', to: 'medicine' } }],
    ['undo', UNDO, { id: randomUUID() }],
    [
      'createUser',
      'mutation { createUser(email: "a@b.org", role: ADMIN, password: "long enough password") { id } }',
      {},
    ],
  ];

  it.each(mutations)(
    '%s without a session is UNAUTHENTICATED and changes nothing',
    async (_name, query, variables) => {
      const before = await snapshot();
      expect(codeOf(await call(server.url, query, variables))).toBe('UNAUTHENTICATED');
      expect(await snapshot()).toBe(before);
    },
  );

  it.each(mutations)('%s without the CSRF token is FORBIDDEN', async (_name, query, variables) => {
    const result = await call(server.url, query, variables, { cookie: counsellor.cookie });
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toContain('x-csrf-token');
  });

  it('lets only admins create accounts, and refuses a taken email', async () => {
    const email = `new-${suffix()}@pathways.test`;
    const query =
      'mutation ($e: String!) { createUser(email: $e, role: COUNSELLOR, password: "a long enough password") { email role } }';
    expect(codeOf(await call(server.url, query, { e: email }, counsellor))).toBe('FORBIDDEN');
    const made = await call<{ createUser: { email: string } }>(server.url, query, { e: email }, admin);
    expect(made.data?.createUser).toEqual({ email, role: 'COUNSELLOR' });
    expect(codeOf(await call(server.url, query, { e: email }, admin))).toBe('CONFLICT');
    const short = await call(
      server.url,
      'mutation { createUser(email: "x@y.org", role: ADMIN, password: "short") { id } }',
      {},
      admin,
    );
    expect(codeOf(short)).toBe('BAD_USER_INPUT');
    expect(await signIn(server.url, email, 'a long enough password')).toHaveProperty('csrf');
  });

  it('keeps the history to counsellors', async () => {
    expect(codeOf(await call(server.url, HISTORY, { id: 'biology' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await call(server.url, '{ recentChanges { changes { id } } }'))).toBe('UNAUTHENTICATED');
  });
});

describe('createNode', () => {
  it('creates a node that everyone can then read, recorded as a change by its author', async () => {
    const id = `probe-${suffix()}`;
    const result = await call<{
      createNode: {
        change: {
          action: string;
          summary: string;
          by: string;
          diff: { entity: string; effect: string; fields: { name: string; after: string }[] }[];
        };
        record: { version: number; retired: boolean; node: { id: string; name: string } };
      };
    }>(server.url, CREATE, { input: { kind: 'CAREER', id, fields: CAREER_FIELDS } }, counsellor);
    expect(result.errors).toBeUndefined();
    const { change, record } = result.data!.createNode;
    expect(record).toEqual({
      version: 1,
      retired: false,
      node: { id, name: CAREER_FIELDS.name, description: CAREER_FIELDS.description },
    });
    expect(change).toMatchObject({
      action: 'CREATE_NODE',
      summary: `Created career "${CAREER_FIELDS.name}"`,
      by: counsellor.email,
    });
    expect(change.diff[0]).toMatchObject({ entity: `career ${id}`, effect: 'CREATED' });
    expect(change.diff[0]!.fields).toContainEqual({ name: 'outlook', before: null, after: '"steady"' });

    const read = await call<{ node: { name: string } }>(
      server.url,
      'query ($id: ID!) { node(id: $id) { name } }',
      { id },
    );
    expect(read.data?.node.name).toBe(CAREER_FIELDS.name);
    const search = await call<{ search: { hits: { node: { id: string } }[] } }>(
      server.url,
      '{ search(text: "curation probe analyst") { hits { node { id } } } }',
    );
    expect(search.data?.search.hits.map((h) => h.node.id)).toContain(id);
  });

  it('names the field at fault, and writes nothing', async () => {
    const before = await snapshot();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...CAREER_FIELDS, onetSoc: undefined }, 'onetSoc'],
      [{ ...CAREER_FIELDS, description: 'too short' }, 'description'],
      [{ ...CAREER_FIELDS, riasec: 'IIX' }, 'riasec'],
      [{ ...CAREER_FIELDS, jobZone: 9 }, 'jobZone'],
      [{ ...CAREER_FIELDS, hours: 10 }, 'hours'],
    ];
    for (const [fields, field] of cases) {
      const result = await call(
        server.url,
        CREATE,
        { input: { kind: 'CAREER', id: `probe-${suffix()}`, fields } },
        counsellor,
      );
      expect(codeOf(result), field).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.field).toBe(field);
      expect(result.errors?.[0]?.message).toMatch(new RegExp(`^${field}: `));
    }
    const badId = await call(
      server.url,
      CREATE,
      { input: { kind: 'SUBJECT', id: 'Not A Slug', fields: CAREER_FIELDS } },
      counsellor,
    );
    expect(codeOf(badId)).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toBe(before);
  });

  it('refuses an id that is taken, naming what has it', async () => {
    const result = await call(
      server.url,
      CREATE,
      { input: { kind: 'CAREER', id: 'biology', fields: CAREER_FIELDS } },
      counsellor,
    );
    expect(codeOf(result)).toBe('CONFLICT');
    expect(result.errors?.[0]?.message).toContain('already used by the subject "Biology"');
  });
});

describe('updateNode', () => {
  it('changes the fields sent and moves the version on; a stale version is CONFLICT', async () => {
    const { id, version } = await createCareer(counsellor);
    const edit = (v: number, description: string) =>
      call<{ updateNode: { record: { version: number; node: { description: string } } } }>(
        server.url,
        UPDATE,
        { input: { id, version: v, fields: { description } } },
        counsellor,
      );
    const first = await edit(version, 'A first edit of the made-up career, long enough to pass.');
    expect(first.data?.updateNode.record).toEqual({
      version: version + 1,
      node: { description: 'A first edit of the made-up career, long enough to pass.' },
    });

    const before = await snapshot();
    const stale = await edit(version, 'An edit based on the version before the first edit.');
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0]?.message).toContain(`by ${counsellor.email}`);
    expect(stale.errors?.[0]?.extensions?.version).toBe(version + 1);
    expect(await snapshot()).toBe(before);

    const record = await call<{ nodeRecord: { version: number; updatedBy: string } }>(server.url, RECORD, {
      id,
    });
    expect(record.data?.nodeRecord).toMatchObject({ version: version + 1, updatedBy: counsellor.email });
  });

  it('refuses a field the kind does not have, and an unknown node', async () => {
    const { id, version } = await createCareer(counsellor);
    const wrongField = await call(
      server.url,
      UPDATE,
      { input: { id, version, fields: { hours: 3 } } },
      counsellor,
    );
    expect(codeOf(wrongField)).toBe('BAD_USER_INPUT');
    expect(wrongField.errors?.[0]?.extensions?.field).toBe('hours');
    const nothing = await call(server.url, UPDATE, { input: { id, version, fields: {} } }, counsellor);
    expect(codeOf(nothing)).toBe('BAD_USER_INPUT');
    const unknown = await call(
      server.url,
      UPDATE,
      { input: { id: `nothing-${suffix()}`, version: 0, fields: { name: 'Abc' } } },
      counsellor,
    );
    expect(codeOf(unknown)).toBe('NOT_FOUND');
  });
});

describe('retireNode and restoreNode', () => {
  it('hides a retired node from reads, keeps its links, and brings it back', async () => {
    const { id, version } = await createCareer(counsellor);
    const link = await call(
      server.url,
      LINK,
      {
        input: {
          type: 'REQUIRES',
          from: id,
          to: 'active-listening',
          why: 'Probes need to listen to people well.',
          weight: 0.8,
          level: 'BASIC',
        },
      },
      counsellor,
    );
    expect(link.errors).toBeUndefined();

    const retired = await call<{ retireNode: { record: { version: number; retired: boolean } } }>(
      server.url,
      RETIRE,
      { id, version: version + 0 },
      counsellor,
    );
    expect(retired.data?.retireNode.record).toEqual({ version: version + 1, retired: true });
    expect(codeOf(await call(server.url, 'query ($id: ID!) { node(id: $id) { id } }', { id }))).toBe(
      'NOT_FOUND',
    );
    const search = await call<{ search: { hits: { node: { id: string } }[] } }>(
      server.url,
      '{ search(text: "curation probe analyst", first: 50) { hits { node { id } } } }',
    );
    expect(search.data?.search.hits.map((h) => h.node.id)).not.toContain(id);
    const neighbours = await call<{ neighbourhood: { nodes: { id: string }[] } }>(
      server.url,
      '{ neighbourhood(id: "active-listening", first: 200) { nodes { id } } }',
    );
    expect(neighbours.data?.neighbourhood.nodes.map((n) => n.id)).not.toContain(id);
    const [kept] = await cypher<{ links: number }>(
      'MATCH (:Career {id: $id})-[r:REQUIRES]->() RETURN count(r) AS links',
      { id },
    );
    expect(kept?.links).toBe(1);

    expect(codeOf(await call(server.url, RETIRE, { id, version: version + 1 }, counsellor))).toBe('CONFLICT');
    const restored = await call<{ restoreNode: { record: { retired: boolean } } }>(
      server.url,
      RESTORE,
      { id, version: version + 1 },
      counsellor,
    );
    expect(restored.data?.restoreNode.record.retired).toBe(false);
    expect((await call(server.url, 'query ($id: ID!) { node(id: $id) { id } }', { id })).data).toEqual({
      node: { id },
    });
    await call(
      server.url,
      UNLINK,
      { input: { type: 'REQUIRES', from: id, to: 'active-listening' } },
      counsellor,
    );
  });
});

describe('linkNodes and unlinkNodes', () => {
  it('links with a reason, updates the link in place, and unlinks', async () => {
    const { id: a } = await createCareer(counsellor);
    const { id: b } = await createCareer(counsellor);
    const input = {
      type: 'RELATED_TO',
      from: a,
      to: b,
      why: 'Both probes are made up by the same test.',
      weight: 0.7,
    };
    const linked = await call<{ linkNodes: { change: { summary: string }; edge: unknown } }>(
      server.url,
      LINK,
      { input },
      counsellor,
    );
    expect(linked.data?.linkNodes.edge).toEqual({
      type: 'RELATED_TO',
      from: a,
      to: b,
      why: input.why,
      weight: 0.7,
    });
    expect(linked.data?.linkNodes.change.summary).toMatch(/^Linked /);
    const again = await call<{ linkNodes: { change: { summary: string }; edge: { weight: number } } }>(
      server.url,
      LINK,
      { input: { ...input, weight: 0.4 } },
      counsellor,
    );
    expect(again.data?.linkNodes.edge.weight).toBe(0.4);
    expect(again.data?.linkNodes.change.summary).toMatch(/^Updated the link /);
    const [count] = await cypher<{ n: number }>(
      'MATCH (:Career {id: $a})-[r:RELATED_TO]->(:Career {id: $b}) RETURN count(r) AS n',
      { a, b },
    );
    expect(count?.n).toBe(1);

    const unlinked = await call<{ unlinkNodes: { edge: null } }>(
      server.url,
      UNLINK,
      { input: { type: 'RELATED_TO', from: a, to: b } },
      counsellor,
    );
    expect(unlinked.data?.unlinkNodes.edge).toBeNull();
    expect(
      codeOf(await call(server.url, UNLINK, { input: { type: 'RELATED_TO', from: a, to: b } }, counsellor)),
    ).toBe('NOT_FOUND');
  });

  it('records concurrent edits of one link as a chain: no edit loses or misstates what it replaced', async () => {
    const { id: a } = await createCareer(counsellor);
    const { id: b } = await createCareer(counsellor);
    const weights = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
    const results = await Promise.all(
      weights.map((weight) =>
        call(
          server.url,
          LINK,
          { input: { type: 'RELATED_TO', from: a, to: b, why: 'Edited by many at once.', weight } },
          counsellor,
        ),
      ),
    );
    expect(results.map((r) => r.errors)).toEqual(weights.map(() => undefined));
    const changes = await cypher<{ before: string; after: string }>(
      `MATCH (c:Change) WHERE $key IN c.keys RETURN c.before AS before, c.after AS after ORDER BY c.seq`,
      { key: `rel:${a}|RELATED_TO|${b}` },
    );
    // The stored link keeps a RELATED_TO weight as `score`.
    const weightOf = (json: string) =>
      (JSON.parse(json) as { props: { score: number } | null }[])[0]?.props?.score ?? null;
    const chain = changes.map((c) => ({ before: weightOf(c.before), after: weightOf(c.after) }));
    expect(chain).toHaveLength(weights.length);
    // Numbered in commit order, each change replaced exactly what the one before it wrote.
    expect(chain[0]?.before).toBeNull();
    for (let i = 1; i < chain.length; i += 1) expect(chain[i]?.before).toBe(chain[i - 1]?.after);
    expect(chain.map((c) => c.after).sort()).toEqual(weights);
    const [stored] = await cypher<{ weight: number }>(
      'MATCH (:Career {id: $a})-[r:RELATED_TO]->(:Career {id: $b}) RETURN r.score AS weight',
      { a, b },
    );
    expect(stored?.weight).toBe(chain.at(-1)?.after);
  });

  it('refuses kinds the relationship type does not join, a missing strength, and missing ends', async () => {
    const before = await snapshot();
    const { id } = await createCareer(counsellor);
    const afterCreate = await snapshot();
    expect(afterCreate).not.toBe(before);
    const wrongKinds = await call(
      server.url,
      LINK,
      {
        input: {
          type: 'LEADS_TO',
          from: id,
          to: 'biology',
          why: 'A career cannot lead to a subject.',
          weight: 0.5,
        },
      },
      counsellor,
    );
    expect(codeOf(wrongKinds)).toBe('CONFLICT');
    expect(wrongKinds.errors?.[0]?.message).toContain('LEADS_TO links Subject to Field');
    const noWeight = await call(
      server.url,
      LINK,
      { input: { type: 'DRAWS_ON', from: id, to: 'biology', why: 'Probes draw on biology, somehow.' } },
      counsellor,
    );
    expect(noWeight.errors?.[0]?.extensions?.field).toBe('weight');
    const missing = await call(
      server.url,
      LINK,
      {
        input: {
          type: 'DRAWS_ON',
          from: id,
          to: `nothing-${suffix()}`,
          why: 'The other end does not exist.',
          weight: 0.5,
        },
      },
      counsellor,
    );
    expect(codeOf(missing)).toBe('NOT_FOUND');
    const shortWhy = await call(
      server.url,
      LINK,
      { input: { type: 'DRAWS_ON', from: id, to: 'biology', why: 'short', weight: 0.5 } },
      counsellor,
    );
    expect(shortWhy.errors?.[0]?.extensions?.field).toBe('why');
    expect(await snapshot()).toBe(afterCreate);
  });
});

describe('history and undo', () => {
  it('lists a node’s changes newest first, with who and a diff', async () => {
    const { id, version } = await createCareer(counsellor);
    await call(
      server.url,
      UPDATE,
      { input: { id, version, fields: { name: 'Curation Probe Renamed' } } },
      admin,
    );
    const history = await call<{
      history: { changes: { action: string; by: string; diff: { entity: string; effect: string }[] }[] };
    }>(server.url, HISTORY, { id }, counsellor);
    expect(history.data?.history.changes.map((c) => [c.action, c.by])).toEqual([
      ['UPDATE_NODE', admin.email],
      ['CREATE_NODE', counsellor.email],
    ]);
    expect(history.data?.history.changes[0]?.diff).toEqual([{ entity: `career ${id}`, effect: 'UPDATED' }]);
  });

  it('pages through recent changes with a cursor', async () => {
    await createCareer(counsellor);
    await createCareer(counsellor);
    const query =
      'query ($after: String) { recentChanges(first: 1, after: $after) { changes { id seq } pageInfo { hasNextPage endCursor } } }';
    const first = await call<{
      recentChanges: { changes: { seq: number }[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
    }>(server.url, query, {}, counsellor);
    const second = await call<{ recentChanges: { changes: { seq: number }[] } }>(
      server.url,
      query,
      { after: first.data!.recentChanges.pageInfo.endCursor },
      counsellor,
    );
    expect(first.data!.recentChanges.pageInfo.hasNextPage).toBe(true);
    expect(second.data!.recentChanges.changes[0]!.seq).toBeLessThan(
      first.data!.recentChanges.changes[0]!.seq,
    );
    expect(codeOf(await call(server.url, query, { after: 'bm9wZQ' }, counsellor))).toBe('BAD_USER_INPUT');
  });

  it('undoes in reverse order; a later change blocks an earlier undo and is named', async () => {
    const { id, changeId: created, version } = await createCareer(counsellor);
    const edited = await call<{ updateNode: { change: { id: string; summary: string } } }>(
      server.url,
      UPDATE,
      { input: { id, version, fields: { education: 'A doctoral degree' } } },
      counsellor,
    );
    const editId = edited.data!.updateNode.change.id;

    const blocked = await call(server.url, UNDO, { id: created }, counsellor);
    expect(codeOf(blocked)).toBe('CONFLICT');
    expect(blocked.errors?.[0]?.message).toContain(edited.data!.updateNode.change.summary);
    expect(blocked.errors?.[0]?.extensions?.blockedBy).toBe(editId);

    const undoEdit = await call<{ undo: { action: string; undoOf: string } }>(
      server.url,
      UNDO,
      { id: editId },
      counsellor,
    );
    expect(undoEdit.data?.undo).toMatchObject({ action: 'UNDO', undoOf: editId });
    const [education] = await cypher<{ e: string }>('MATCH (c:Career {id: $id}) RETURN c.education AS e', {
      id,
    });
    expect(education?.e).toBe(CAREER_FIELDS.education);
    expect(codeOf(await call(server.url, UNDO, { id: editId }, counsellor))).toBe('CONFLICT');

    const undoCreate = await call(server.url, UNDO, { id: created }, admin);
    expect(undoCreate.errors).toBeUndefined();
    expect(await cypher('MATCH (n:Entity {id: $id}) RETURN n', { id })).toEqual([]);
    expect(codeOf(await call(server.url, RECORD, { id }))).toBe('NOT_FOUND');

    const history = await call<{ history: { changes: { action: string; undoneBy: string | null }[] } }>(
      server.url,
      HISTORY,
      { id },
      counsellor,
    );
    expect(history.data?.history.changes.map((c) => c.action)).toEqual([
      'UNDO',
      'UNDO',
      'UPDATE_NODE',
      'CREATE_NODE',
    ]);
    expect(history.data?.history.changes.slice(2).every((c) => c.undoneBy !== null)).toBe(true);
  });

  it('redoes by undoing an undo, and a link blocks undoing its node’s creation', async () => {
    const { id, changeId: created } = await createCareer(counsellor);
    const { id: other } = await createCareer(counsellor);
    const link = await call<{ linkNodes: { change: { id: string } } }>(
      server.url,
      LINK,
      {
        input: {
          type: 'RELATED_TO',
          from: other,
          to: id,
          why: 'Linked so the creation cannot simply be undone.',
          weight: 0.5,
        },
      },
      counsellor,
    );
    const blocked = await call(server.url, UNDO, { id: created }, counsellor);
    expect(blocked.errors?.[0]?.extensions?.blockedBy).toBe(link.data!.linkNodes.change.id);

    const unlink = await call<{ undo: { id: string } }>(
      server.url,
      UNDO,
      { id: link.data!.linkNodes.change.id },
      counsellor,
    );
    const relink = await call(server.url, UNDO, { id: unlink.data!.undo.id }, counsellor);
    expect(relink.errors).toBeUndefined();
    const [links] = await cypher<{ n: number }>(
      'MATCH (:Career {id: $other})-[r:RELATED_TO]->(:Career {id: $id}) RETURN count(r) AS n',
      { other, id },
    );
    expect(links?.n).toBe(1);
  });

  it('rejects an unknown or malformed change id', async () => {
    expect(codeOf(await call(server.url, UNDO, { id: randomUUID() }, counsellor))).toBe('NOT_FOUND');
    expect(codeOf(await call(server.url, UNDO, { id: 'DROP everything' }, counsellor))).toBe(
      'BAD_USER_INPUT',
    );
  });
});

describe('importGraph and exportGraph over GraphQL', () => {
  const IMPORT = `mutation ($format: ImportFormat!, $files: [ImportFileInput!]!, $dryRun: Boolean!) {
    importGraph(format: $format, files: $files, dryRun: $dryRun) {
      dryRun created updated unchanged linked relinked
      problems { file row column message }
      change { id action summary }
    }
  }`;
  const graphFile = (id: string, description: string) => ({
    name: 'pathways-graph.json',
    content: JSON.stringify({
      format: 'pathways-graph',
      version: 1,
      nodes: [
        {
          label: 'Skill',
          id,
          properties: { name: 'Imported Probe Skill', description, aliases: [], kind: 'soft' },
        },
      ],
      relationships: [
        {
          type: 'DEVELOPS',
          from: 'biology',
          to: id,
          properties: { why: 'Biology lessons practise this imported probe skill.', weight: 0.3 },
        },
      ],
    }),
  });

  it('checks first, imports as one change, and undoes it', async () => {
    const id = `import-probe-${suffix()}`;
    const files = [graphFile(id, 'A skill that the GraphQL import test brings in and takes out again.')];
    expect(codeOf(await call(server.url, IMPORT, { format: 'JSON', files, dryRun: true }))).toBe(
      'UNAUTHENTICATED',
    );

    const before = await snapshot();
    type Report = {
      importGraph: {
        created: string[];
        linked: number;
        problems: unknown[];
        change: { id: string; action: string } | null;
      };
    };
    const dry = await call<Report>(server.url, IMPORT, { format: 'JSON', files, dryRun: true }, counsellor);
    expect(dry.data?.importGraph).toMatchObject({ created: [id], linked: 1, problems: [], change: null });
    expect(await snapshot()).toBe(before);

    const real = await call<Report>(server.url, IMPORT, { format: 'JSON', files, dryRun: false }, counsellor);
    expect(real.data?.importGraph.change?.action).toBe('IMPORT');
    expect(
      (await cypher('MATCH (:Subject {id: "biology"})-[:DEVELOPS]->(s:Skill {id: $id}) RETURN s', { id }))
        .length,
    ).toBe(1);

    const undo = await call(server.url, UNDO, { id: real.data!.importGraph.change!.id }, counsellor);
    expect(undo.errors).toBeUndefined();
    expect(await cypher('MATCH (s:Entity {id: $id}) RETURN s', { id })).toEqual([]);
  });

  it('lists every problem with file, row and column, and writes nothing', async () => {
    const before = await snapshot();
    const bad = {
      name: 'nodes.csv',
      content: 'label,id,name,description\nSkill,Not A Slug,X,short\n',
    };
    const result = await call<{
      importGraph: { problems: { file: string; row: number | null; column: string | null }[]; change: null };
    }>(server.url, IMPORT, { format: 'CSV', files: [bad], dryRun: false }, counsellor);
    expect(result.errors).toBeUndefined();
    expect(result.data?.importGraph.change).toBeNull();
    expect(result.data?.importGraph.problems).toContainEqual(
      expect.objectContaining({ file: 'nodes.csv', row: 1, column: 'id' }),
    );
    expect(await snapshot()).toBe(before);
  });

  it('takes an upload larger than the usual request limit only as an import', async () => {
    const big = 'x'.repeat(300_000);
    const query = 'query ($t: String!) { search(text: $t) { hits { score } } }';
    const plain = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { t: big } }),
    });
    expect(plain.status).toBe(413);
    const upload = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-pathways-upload': 'import',
        cookie: counsellor.cookie,
        'x-csrf-token': counsellor.csrf,
      },
      body: JSON.stringify({
        query: IMPORT,
        variables: { format: 'JSON', files: [{ name: 'big.json', content: big }], dryRun: true },
      }),
    });
    const body = (await upload.json()) as { data?: { importGraph: { problems: { message: string }[] } } };
    expect(upload.status).toBe(200);
    expect(body.data?.importGraph.problems.length).toBeGreaterThan(0);
  });

  it('exports the graph for counsellors only, as JSON and CSV', async () => {
    const EXPORT =
      'query ($f: ExportFormat!) { exportGraph(format: $f, kinds: [SUBJECT]) { format files { name content } } }';
    expect(codeOf(await call(server.url, EXPORT, { f: 'JSON' }))).toBe('UNAUTHENTICATED');
    const json = await call<{ exportGraph: { files: { name: string; content: string }[] } }>(
      server.url,
      EXPORT,
      { f: 'JSON' },
      counsellor,
    );
    const parsed = JSON.parse(json.data!.exportGraph.files[0]!.content) as { nodes: { label: string }[] };
    const [subjects] = await cypher<{ n: number }>('MATCH (s:Subject) RETURN count(s) AS n');
    expect(parsed.nodes).toHaveLength(subjects!.n);
    expect(new Set(parsed.nodes.map((n) => n.label))).toEqual(new Set(['Subject']));
    const csv = await call<{ exportGraph: { files: { name: string }[] } }>(
      server.url,
      EXPORT,
      { f: 'CSV' },
      counsellor,
    );
    expect(csv.data?.exportGraph.files.map((f) => f.name).sort()).toEqual(['nodes.csv', 'relationships.csv']);
  });
});
