// Curation over real HTTP against the real Neo4j: sign-in and sessions, every mutation's success,
// validation, UNAUTHENTICATED, FORBIDDEN and CONFLICT, the audit log, and undo chains. Each test
// works on nodes of its own (ids with a random suffix), so other test files see the seed unchanged.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, isEnumType, isInputObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../model/paths.ts';
import {
  CreateNodeDocument,
  ExportGraphDocument,
  HistoryDocument,
  ImportGraphDocument,
  MeDocument,
  NeighbourhoodDocument,
  NodeFieldRulesDocument,
  NodeRecordDocument,
  RecentChangesDocument,
  RestoreNodeDocument,
  RetireNodeDocument,
  SearchDocument,
  SignInDocument,
  SignOutDocument,
  UndoDocument,
  UpdateNodeDocument,
  type ImportGraphMutationVariables,
  type NodeFieldsInput,
  type NodeKind,
} from '../../client/src/api/generated/graphql.ts';
import {
  CreateUserDocument,
  LinkNodesEdgeDocument,
  NodeIdDocument,
  NodeSummaryDocument,
  UnlinkNodesEdgeDocument,
  type LinkInput,
} from '../generated/graphql.ts';
import { TEST_PASSWORD } from '../support/curator.ts';
import { codeOf, useHarness, type GraphQLResult, type Session } from '../support/harness.ts';

const api = useHarness();
const { cypher } = api;
let counsellor: Session;
let admin: Session;

beforeAll(async () => {
  counsellor = await api.signInAs('counsellor');
  admin = await api.signInAs('admin');
});

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
} satisfies NodeFieldsInput;

const createNode = (fields: NodeFieldsInput, session?: Partial<Session>, id = `probe-${suffix()}`) =>
  api.request(CreateNodeDocument, { input: { kind: 'CAREER', id, fields } }, { session });

async function createCareer(session: Session, id = `probe-${suffix()}`) {
  const result = await createNode(CAREER_FIELDS, session, id);
  expect(result.errors).toBeUndefined();
  return { id, changeId: result.data!.createNode.change.id, version: result.data!.createNode.record.version };
}

const link = (input: LinkInput, session?: Session) =>
  api.request(LinkNodesEdgeDocument, { input }, { session });
const unlink = (input: { type: LinkInput['type']; from: string; to: string }, session?: Session) =>
  api.request(UnlinkNodesEdgeDocument, { input }, { session });
const undo = (changeId: string, session?: Session) => api.request(UndoDocument, { changeId }, { session });
const nodeId = (id: string) => api.request(NodeIdDocument, { id });

describe('sign-in and sessions', () => {
  it('sets an httpOnly, SameSite=Strict session cookie and answers `me`', async () => {
    const email = await api.makeAccount('counsellor');
    const result = await api.request(SignInDocument, { email: email.toUpperCase(), password: TEST_PASSWORD });
    expect(result.data?.signIn).toMatchObject({ email, role: 'COUNSELLOR' });
    const setCookie = result.headers.get('set-cookie');
    expect(setCookie).toMatch(
      /^pathways_session=[\w-]{43}; Max-Age=3600; Path=\/; Expires=.+; HttpOnly; SameSite=Strict$/,
    );
    const cookie = setCookie!.split(';')[0]!;
    const me = await api.request(MeDocument, {}, { session: { cookie } });
    expect(me.data?.me?.email).toBe(email);
    expect((await api.request(MeDocument)).data?.me).toBeNull();
  });

  it('refuses a wrong password or unknown email with the same UNAUTHENTICATED answer', async () => {
    const email = await api.makeAccount('counsellor');
    const wrong = await api.request(SignInDocument, { email, password: 'not the password at all' });
    const unknown = await api.request(SignInDocument, {
      email: `nobody-${suffix()}@pathways.test`,
      password: TEST_PASSWORD,
    });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('gives a new session on every sign-in and ends it on sign-out', async () => {
    const email = await api.makeAccount('counsellor');
    const first = await api.signIn(email);
    const second = await api.signIn(email);
    expect(second.cookie).not.toBe(first.cookie);
    const out = await api.request(SignOutDocument, {}, { session: second });
    expect(out.headers.get('set-cookie')).toMatch(/pathways_session=;/);
    const after = await createNode(CAREER_FIELDS, second);
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
  });

  it('ends an expired session', async () => {
    const shortLived = await api.startServer({ sessionTtlMs: 50 });
    try {
      const session = await shortLived.signInAs('counsellor');
      await new Promise((resolve) => setTimeout(resolve, 120));
      const result = await shortLived.request(MeDocument, {}, { session });
      expect(result.data).toEqual({ me: null });
    } finally {
      await shortLived.close();
    }
  });
});

describe('who may read curation records', () => {
  it('keeps node records (editors’ emails, retired text) to signed-in curators', async () => {
    const anonymous = await api.request(NodeRecordDocument, { id: 'biology' });
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    expect(anonymous.data?.nodeRecord ?? null).toBeNull();
    expect(JSON.stringify(anonymous)).not.toContain('@');
    const signed = await api.request(NodeRecordDocument, { id: 'biology' }, { session: counsellor });
    expect(signed.errors).toBeUndefined();
    expect(signed.data?.nodeRecord.node.id).toBe('biology');
  });
});

describe('who may write', () => {
  const mutations: [string, (session?: Partial<Session>) => Promise<GraphQLResult<unknown>>][] = [
    ['createNode', (session) => createNode(CAREER_FIELDS, session, 'probe-x')],
    [
      'updateNode',
      (session) =>
        api.request(
          UpdateNodeDocument,
          { input: { id: 'biology', version: 0, fields: { name: 'Biol' } } },
          { session },
        ),
    ],
    ['retireNode', (session) => api.request(RetireNodeDocument, { id: 'biology', version: 0 }, { session })],
    [
      'restoreNode',
      (session) => api.request(RestoreNodeDocument, { id: 'biology', version: 0 }, { session }),
    ],
    [
      'linkNodes',
      (session) =>
        api.request(
          LinkNodesEdgeDocument,
          { input: { type: 'LEADS_TO', from: 'biology', to: 'medicine', why: 'x'.repeat(25), weight: 1 } },
          { session },
        ),
    ],
    [
      'unlinkNodes',
      (session) =>
        api.request(
          UnlinkNodesEdgeDocument,
          { input: { type: 'LEADS_TO', from: 'biology', to: 'medicine' } },
          { session },
        ),
    ],
    ['undo', (session) => api.request(UndoDocument, { changeId: randomUUID() }, { session })],
    [
      'createUser',
      (session) =>
        api.request(
          CreateUserDocument,
          { email: 'a@b.org', role: 'ADMIN', password: 'long enough password' },
          { session },
        ),
    ],
  ];

  it.each(mutations)('%s without a session is UNAUTHENTICATED and changes nothing', async (_name, send) => {
    const before = await snapshot();
    expect(codeOf(await send())).toBe('UNAUTHENTICATED');
    expect(await snapshot()).toBe(before);
  });

  it.each(mutations)('%s without the CSRF token is FORBIDDEN', async (_name, send) => {
    const result = await send({ cookie: counsellor.cookie });
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toContain('x-csrf-token');
  });

  it('lets only admins create accounts, and refuses a taken email', async () => {
    const email = `new-${suffix()}@pathways.test`;
    const create = (session: Session) =>
      api.request(
        CreateUserDocument,
        { email, role: 'COUNSELLOR', password: 'a long enough password' },
        { session },
      );
    expect(codeOf(await create(counsellor))).toBe('FORBIDDEN');
    const made = await create(admin);
    expect(made.data?.createUser).toMatchObject({ email, role: 'COUNSELLOR' });
    expect(codeOf(await create(admin))).toBe('CONFLICT');
    const short = await api.request(
      CreateUserDocument,
      { email: 'x@y.org', role: 'ADMIN', password: 'short' },
      { session: admin },
    );
    expect(codeOf(short)).toBe('BAD_USER_INPUT');
    expect(await api.signIn(email, 'a long enough password')).toHaveProperty('csrf');
  });

  it('keeps the history to counsellors', async () => {
    expect(codeOf(await api.request(HistoryDocument, { nodeId: 'biology' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.request(RecentChangesDocument))).toBe('UNAUTHENTICATED');
  });
});

describe('nodeFieldRules', () => {
  // The one kind each field beyond name, description and aliases belongs to, as NodeFieldsInput says.
  const ONLY: Record<string, NodeKind> = {
    skillKind: 'SKILL',
    onetElementId: 'SKILL',
    hotTechnology: 'SKILL',
    onetSoc: 'CAREER',
    typicalDay: 'CAREER',
    jobZone: 'CAREER',
    education: 'CAREER',
    riasec: 'CAREER',
    outlook: 'CAREER',
    outlookNote: 'CAREER',
    provider: 'COURSE',
    format: 'COURSE',
    level: 'COURSE',
    hours: 'COURSE',
    example: 'APPLICATION',
    reflectionPrompt: 'APPLICATION',
  };

  it('answers anyone with every field of NodeFieldsInput, for the kinds that have it, with its bounds', async () => {
    const schema = buildSchema(readFileSync(join(PROJECT_ROOT, 'schema.graphql'), 'utf8'));
    const input = schema.getType('NodeFieldsInput');
    const kindEnum = schema.getType('NodeKind');
    if (!isInputObjectType(input) || !isEnumType(kindEnum)) throw new Error('schema.graphql changed shape');
    const allKinds = kindEnum.getValues().map((v) => v.name);
    // Kept up to date by imports only, so no form offers them (thousands of O*NET titles).
    const importOnly = new Set(['alternateTitles']);
    const expected = Object.keys(input.getFields()).flatMap((field) => {
      if (importOnly.has(field)) return [];
      const only = ONLY[field];
      return (only ? [only] : allKinds).map((kind) => `${kind} ${field}`);
    });

    const { nodeFieldRules: rules } = await api.ok(NodeFieldRulesDocument);
    expect(rules.map((r) => `${r.kind} ${r.field}`).sort()).toEqual(expected.sort());
    const rule = (kind: NodeKind, field: string) => rules.find((r) => r.kind === kind && r.field === field);
    expect(rule('CAREER', 'outlookNote')).toMatchObject({
      label: 'Outlook note',
      required: false,
      control: 'TEXTAREA',
      min: 10,
      max: 300,
    });
    expect(rule('SKILL', 'skillKind')).toMatchObject({
      control: 'CHOICE',
      choices: ['HARD', 'SOFT', 'TOOL'],
    });
    expect(rule('COURSE', 'hours')).toMatchObject({
      control: 'NUMBER',
      min: 0,
      exclusiveMin: true,
      max: 2000,
    });
    expect(rule('CAREER', 'jobZone')).toMatchObject({ control: 'INTEGER', min: 1, max: 5 });
    expect(rule('FIELD', 'aliases')).toMatchObject({ control: 'LIST', min: 2, max: 80, maxItems: 20 });
    expect(rule('SUBJECT', 'outlookNote')).toBeUndefined();

    // A pattern is a regular expression source a browser can use as it is.
    const riasec = rule('CAREER', 'riasec');
    expect(riasec?.patternMessage).toContain('RIASEC');
    const pattern = new RegExp(riasec?.pattern ?? '(?!)');
    expect(['IRC', 'S'].map((v) => pattern.test(v))).toEqual([true, true]);
    expect(['IRI', 'IRCA', 'X'].map((v) => pattern.test(v))).toEqual([false, false, false]);
  });
});

describe('createNode', () => {
  it('creates a node that everyone can then read, recorded as a change by its author', async () => {
    const id = `probe-${suffix()}`;
    const result = await createNode(CAREER_FIELDS, counsellor, id);
    expect(result.errors).toBeUndefined();
    const { change, record } = result.data!.createNode;
    expect(record).toMatchObject({
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

    const read = await api.request(NodeSummaryDocument, { id });
    expect(read.data?.node.name).toBe(CAREER_FIELDS.name);
    const search = await api.request(SearchDocument, { text: 'curation probe analyst' });
    expect(search.data?.search.hits.map((h) => h.node.id)).toContain(id);
  });

  it('names the field at fault, and writes nothing', async () => {
    const before = await snapshot();
    const cases: [NodeFieldsInput, string][] = [
      [{ ...CAREER_FIELDS, onetSoc: undefined }, 'onetSoc'],
      [{ ...CAREER_FIELDS, description: 'too short' }, 'description'],
      [{ ...CAREER_FIELDS, riasec: 'IIX' }, 'riasec'],
      [{ ...CAREER_FIELDS, jobZone: 9 }, 'jobZone'],
      [{ ...CAREER_FIELDS, hours: 10 }, 'hours'],
    ];
    for (const [fields, field] of cases) {
      const result = await createNode(fields, counsellor);
      expect(codeOf(result), field).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.field).toBe(field);
      expect(result.errors?.[0]?.message).toMatch(new RegExp(`^${field}: `));
    }
    const badId = await api.request(
      CreateNodeDocument,
      { input: { kind: 'SUBJECT', id: 'Not A Slug', fields: CAREER_FIELDS } },
      { session: counsellor },
    );
    expect(codeOf(badId)).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toBe(before);
  });

  it('refuses an id that is taken, naming what has it', async () => {
    const result = await createNode(CAREER_FIELDS, counsellor, 'biology');
    expect(codeOf(result)).toBe('CONFLICT');
    expect(result.errors?.[0]?.message).toContain('already used by the subject "Biology"');
  });
});

describe('updateNode', () => {
  it('changes the fields sent and moves the version on; a stale version is CONFLICT', async () => {
    const { id, version } = await createCareer(counsellor);
    const edit = (v: number, description: string) =>
      api.request(
        UpdateNodeDocument,
        { input: { id, version: v, fields: { description } } },
        { session: counsellor },
      );
    const first = await edit(version, 'A first edit of the made-up career, long enough to pass.');
    expect(first.data?.updateNode.record).toMatchObject({
      version: version + 1,
      node: { description: 'A first edit of the made-up career, long enough to pass.' },
    });

    const before = await snapshot();
    const stale = await edit(version, 'An edit based on the version before the first edit.');
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0]?.message).toContain(`by ${counsellor.email}`);
    expect(stale.errors?.[0]?.extensions?.version).toBe(version + 1);
    expect(await snapshot()).toBe(before);

    const record = await api.request(NodeRecordDocument, { id }, { session: counsellor });
    expect(record.data?.nodeRecord).toMatchObject({ version: version + 1, updatedBy: counsellor.email });
  });

  it('refuses a field the kind does not have, and an unknown node', async () => {
    const { id, version } = await createCareer(counsellor);
    const update = (input: { id: string; version: number; fields: NodeFieldsInput }) =>
      api.request(UpdateNodeDocument, { input }, { session: counsellor });
    const wrongField = await update({ id, version, fields: { hours: 3 } });
    expect(codeOf(wrongField)).toBe('BAD_USER_INPUT');
    expect(wrongField.errors?.[0]?.extensions?.field).toBe('hours');
    const nothing = await update({ id, version, fields: {} });
    expect(codeOf(nothing)).toBe('BAD_USER_INPUT');
    const unknown = await update({ id: `nothing-${suffix()}`, version: 0, fields: { name: 'Abc' } });
    expect(codeOf(unknown)).toBe('NOT_FOUND');
  });
});

describe('retireNode and restoreNode', () => {
  it('hides a retired node from reads, keeps its links, and brings it back', async () => {
    const { id, version } = await createCareer(counsellor);
    const linked = await link(
      {
        type: 'REQUIRES',
        from: id,
        to: 'active-listening',
        why: 'Probes need to listen to people well.',
        weight: 0.8,
        level: 'BASIC',
      },
      counsellor,
    );
    expect(linked.errors).toBeUndefined();

    const session = { session: counsellor };
    const retired = await api.request(RetireNodeDocument, { id, version: version + 0 }, session);
    expect(retired.data?.retireNode.record).toMatchObject({ version: version + 1, retired: true });
    expect(codeOf(await nodeId(id))).toBe('NOT_FOUND');
    const search = await api.request(SearchDocument, { text: 'curation probe analyst', first: 50 });
    expect(search.data?.search.hits.map((h) => h.node.id)).not.toContain(id);
    const neighbours = await api.request(NeighbourhoodDocument, { id: 'active-listening', first: 200 });
    expect(neighbours.data?.neighbourhood.nodes.map((n) => n.id)).not.toContain(id);
    const [kept] = await cypher<{ links: number }>(
      'MATCH (:Career {id: $id})-[r:REQUIRES]->() RETURN count(r) AS links',
      { id },
    );
    expect(kept?.links).toBe(1);

    expect(codeOf(await api.request(RetireNodeDocument, { id, version: version + 1 }, session))).toBe(
      'CONFLICT',
    );
    const restored = await api.request(RestoreNodeDocument, { id, version: version + 1 }, session);
    expect(restored.data?.restoreNode.record.retired).toBe(false);
    expect((await nodeId(id)).data).toEqual({ node: { id } });
    await unlink({ type: 'REQUIRES', from: id, to: 'active-listening' }, counsellor);
  });
});

describe('linkNodes and unlinkNodes', () => {
  it('links with a reason, updates the link in place, and unlinks', async () => {
    const { id: a } = await createCareer(counsellor);
    const { id: b } = await createCareer(counsellor);
    const input: LinkInput = {
      type: 'RELATED_TO',
      from: a,
      to: b,
      why: 'Both probes are made up by the same test.',
      weight: 0.7,
    };
    const linked = await link(input, counsellor);
    expect(linked.data?.linkNodes.edge).toEqual({
      id: `RELATED_TO:${a}:${b}`,
      type: 'RELATED_TO',
      from: a,
      to: b,
      why: input.why,
      weight: 0.7,
    });
    expect(linked.data?.linkNodes.change.summary).toMatch(/^Linked /);
    const again = await link({ ...input, weight: 0.4 }, counsellor);
    expect(again.data?.linkNodes.edge?.weight).toBe(0.4);
    expect(again.data?.linkNodes.change.summary).toMatch(/^Updated the link /);
    const [count] = await cypher<{ n: number }>(
      'MATCH (:Career {id: $a})-[r:RELATED_TO]->(:Career {id: $b}) RETURN count(r) AS n',
      { a, b },
    );
    expect(count?.n).toBe(1);

    const unlinked = await unlink({ type: 'RELATED_TO', from: a, to: b }, counsellor);
    expect(unlinked.errors).toBeUndefined();
    expect(unlinked.data?.unlinkNodes.edge).toBeNull();
    expect(codeOf(await unlink({ type: 'RELATED_TO', from: a, to: b }, counsellor))).toBe('NOT_FOUND');
  });

  it('records concurrent edits of one link as a chain: no edit loses or misstates what it replaced', async () => {
    const { id: a } = await createCareer(counsellor);
    const { id: b } = await createCareer(counsellor);
    const weights = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
    const results = await Promise.all(
      weights.map((weight) =>
        link({ type: 'RELATED_TO', from: a, to: b, why: 'Edited by many at once.', weight }, counsellor),
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
    const wrongKinds = await link(
      { type: 'LEADS_TO', from: id, to: 'biology', why: 'A career cannot lead to a subject.', weight: 0.5 },
      counsellor,
    );
    expect(codeOf(wrongKinds)).toBe('CONFLICT');
    expect(wrongKinds.errors?.[0]?.message).toContain('LEADS_TO links Subject to Field');
    const noWeight = await link(
      { type: 'DRAWS_ON', from: id, to: 'biology', why: 'Probes draw on biology, somehow.' },
      counsellor,
    );
    expect(noWeight.errors?.[0]?.extensions?.field).toBe('weight');
    const missing = await link(
      {
        type: 'DRAWS_ON',
        from: id,
        to: `nothing-${suffix()}`,
        why: 'The other end does not exist.',
        weight: 0.5,
      },
      counsellor,
    );
    expect(codeOf(missing)).toBe('NOT_FOUND');
    const shortWhy = await link(
      { type: 'DRAWS_ON', from: id, to: 'biology', why: 'short', weight: 0.5 },
      counsellor,
    );
    expect(shortWhy.errors?.[0]?.extensions?.field).toBe('why');
    expect(await snapshot()).toBe(afterCreate);
  });
});

describe('history and undo', () => {
  it('lists a node’s changes newest first, with who and a diff', async () => {
    const { id, version } = await createCareer(counsellor);
    const renamed = await api.request(
      UpdateNodeDocument,
      { input: { id, version, fields: { name: 'Curation Probe Renamed' } } },
      { session: admin },
    );
    expect(renamed.errors).toBeUndefined();
    const history = await api.request(HistoryDocument, { nodeId: id }, { session: counsellor });
    expect(history.data?.history.changes.map((c) => [c.action, c.by])).toEqual([
      ['UPDATE_NODE', admin.email],
      ['CREATE_NODE', counsellor.email],
    ]);
    expect(history.data?.history.changes[0]?.diff).toMatchObject([
      { entity: `career ${id}`, effect: 'UPDATED' },
    ]);
  });

  it('pages through recent changes with a cursor', async () => {
    await createCareer(counsellor);
    await createCareer(counsellor);
    const page = (after?: string | null) =>
      api.request(RecentChangesDocument, { first: 1, after }, { session: counsellor });
    const first = await page();
    const second = await page(first.data!.recentChanges.pageInfo.endCursor);
    expect(first.data!.recentChanges.pageInfo.hasNextPage).toBe(true);
    expect(second.data!.recentChanges.changes[0]!.seq).toBeLessThan(
      first.data!.recentChanges.changes[0]!.seq,
    );
    expect(codeOf(await page('bm9wZQ'))).toBe('BAD_USER_INPUT');
  });

  it('undoes in reverse order; a later change blocks an earlier undo and is named', async () => {
    const { id, changeId: created, version } = await createCareer(counsellor);
    const edited = await api.request(
      UpdateNodeDocument,
      { input: { id, version, fields: { education: 'A doctoral degree' } } },
      { session: counsellor },
    );
    const editId = edited.data!.updateNode.change.id;

    const blocked = await undo(created, counsellor);
    expect(codeOf(blocked)).toBe('CONFLICT');
    expect(blocked.errors?.[0]?.message).toContain(edited.data!.updateNode.change.summary);
    expect(blocked.errors?.[0]?.extensions?.blockedBy).toBe(editId);

    const undoEdit = await undo(editId, counsellor);
    expect(undoEdit.data?.undo).toMatchObject({ action: 'UNDO', undoOf: editId });
    const [education] = await cypher<{ e: string }>('MATCH (c:Career {id: $id}) RETURN c.education AS e', {
      id,
    });
    expect(education?.e).toBe(CAREER_FIELDS.education);
    expect(codeOf(await undo(editId, counsellor))).toBe('CONFLICT');

    const undoCreate = await undo(created, admin);
    expect(undoCreate.errors).toBeUndefined();
    expect(await cypher('MATCH (n:Entity {id: $id}) RETURN n', { id })).toEqual([]);
    expect(codeOf(await api.request(NodeRecordDocument, { id }, { session: counsellor }))).toBe('NOT_FOUND');

    const history = await api.request(HistoryDocument, { nodeId: id }, { session: counsellor });
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
    const linked = await link(
      {
        type: 'RELATED_TO',
        from: other,
        to: id,
        why: 'Linked so the creation cannot simply be undone.',
        weight: 0.5,
      },
      counsellor,
    );
    const blocked = await undo(created, counsellor);
    expect(blocked.errors?.[0]?.extensions?.blockedBy).toBe(linked.data!.linkNodes.change.id);

    const unlinked = await undo(linked.data!.linkNodes.change.id, counsellor);
    const relink = await undo(unlinked.data!.undo.id, counsellor);
    expect(relink.errors).toBeUndefined();
    const [links] = await cypher<{ n: number }>(
      'MATCH (:Career {id: $other})-[r:RELATED_TO]->(:Career {id: $id}) RETURN count(r) AS n',
      { other, id },
    );
    expect(links?.n).toBe(1);
  });

  it('rejects an unknown or malformed change id', async () => {
    expect(codeOf(await undo(randomUUID(), counsellor))).toBe('NOT_FOUND');
    expect(codeOf(await undo('DROP everything', counsellor))).toBe('BAD_USER_INPUT');
  });
});

describe('importGraph and exportGraph over GraphQL', () => {
  const importGraph = (variables: ImportGraphMutationVariables, session?: Session) =>
    api.request(ImportGraphDocument, variables, { session });
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
    expect(codeOf(await importGraph({ format: 'JSON', files, dryRun: true }))).toBe('UNAUTHENTICATED');

    const before = await snapshot();
    const dry = await importGraph({ format: 'JSON', files, dryRun: true }, counsellor);
    expect(dry.data?.importGraph).toMatchObject({ created: [id], linked: 1, problems: [], change: null });
    expect(await snapshot()).toBe(before);

    const real = await importGraph({ format: 'JSON', files, dryRun: false }, counsellor);
    expect(real.data?.importGraph.change?.action).toBe('IMPORT');
    expect(
      (await cypher('MATCH (:Subject {id: "biology"})-[:DEVELOPS]->(s:Skill {id: $id}) RETURN s', { id }))
        .length,
    ).toBe(1);

    const undone = await undo(real.data!.importGraph.change!.id, counsellor);
    expect(undone.errors).toBeUndefined();
    expect(await cypher('MATCH (s:Entity {id: $id}) RETURN s', { id })).toEqual([]);
  });

  it('lists every problem with file, row and column, and writes nothing', async () => {
    const before = await snapshot();
    const bad = {
      name: 'nodes.csv',
      content: 'label,id,name,description\nSkill,Not A Slug,X,short\n',
    };
    const result = await importGraph({ format: 'CSV', files: [bad], dryRun: false }, counsellor);
    expect(result.errors).toBeUndefined();
    expect(result.data?.importGraph.change).toBeNull();
    expect(result.data?.importGraph.problems).toContainEqual(
      expect.objectContaining({ file: 'nodes.csv', row: 1, column: 'id' }),
    );
    expect(await snapshot()).toBe(before);
  });

  it('takes an upload larger than the usual request limit only as an import', async () => {
    const big = 'x'.repeat(300_000);
    const plain = await api.request(SearchDocument, { text: big });
    expect(plain.status).toBe(413);
    const upload = await api.request(
      ImportGraphDocument,
      { format: 'JSON', files: [{ name: 'big.json', content: big }], dryRun: true },
      { session: counsellor, headers: { 'x-pathways-upload': 'import' } },
    );
    expect(upload.status).toBe(200);
    expect(upload.data?.importGraph.problems.length).toBeGreaterThan(0);
  });

  it('reads a large body only for a signed-in counsellor with the CSRF token', async () => {
    const big = 'x'.repeat(300_000);
    const asImport = (session?: Partial<Session>) =>
      api.request(
        ImportGraphDocument,
        { format: 'JSON', files: [{ name: 'big.json', content: big }], dryRun: true },
        { session, headers: { 'x-pathways-upload': 'import' } },
      );
    const anonymous = await asImport();
    expect(anonymous.status).toBe(413);
    expect(anonymous.errors?.[0]?.message).toContain('sign in to import');
    expect((await asImport({ cookie: counsellor.cookie })).status).toBe(413);
    expect((await asImport({ cookie: counsellor.cookie, csrf: 'not-the-token' })).status).toBe(413);
    expect((await asImport(counsellor)).status).toBe(200);
  });

  it('exports the graph for counsellors only, as JSON and CSV', async () => {
    const exportSubjects = (format: 'JSON' | 'CSV', session?: Session) =>
      api.request(ExportGraphDocument, { format, kinds: ['SUBJECT'] }, { session });
    expect(codeOf(await exportSubjects('JSON'))).toBe('UNAUTHENTICATED');
    const json = await exportSubjects('JSON', counsellor);
    const parsed = JSON.parse(json.data!.exportGraph.files[0]!.content) as { nodes: { label: string }[] };
    const [subjects] = await cypher<{ n: number }>('MATCH (s:Subject) RETURN count(s) AS n');
    expect(parsed.nodes).toHaveLength(subjects!.n);
    expect(new Set(parsed.nodes.map((n) => n.label))).toEqual(new Set(['Subject']));
    const csv = await exportSubjects('CSV', counsellor);
    expect(csv.data?.exportGraph.files.map((f) => f.name).sort()).toEqual(['nodes.csv', 'relationships.csv']);
  });
});
