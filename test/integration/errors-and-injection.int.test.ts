// Every error code the contract names, each caused by a real HTTP request, and hostile strings in every
// string argument of every query: none may break the server, and none may change the graph.
import { beforeAll, describe, expect, it } from 'vitest';
import { CareerDetailDocument, NeighbourhoodDocument } from '../../client/src/api/generated/graphql.ts';
import {
  NodeIdDocument,
  PathsPageDocument,
  SearchPageDocument,
  SkillGapDetailDocument,
  SubjectCareerPathsDocument,
} from '../generated/graphql.ts';
import {
  apiAt,
  startApi,
  useHarness,
  type Api,
  type Document,
  type GraphQLResult,
} from '../support/harness.ts';
import { postGraphQL, sendGraphQL, withUnreachableNeo4j } from '../support/http-server.ts';
import { rawCounts } from '../support/neo4j.ts';

const api = useHarness();

type Errors = NonNullable<GraphQLResult['errors']>;

/** Every error, whatever its code, has a string code and nothing of the server's insides. */
function expectWellFormed(errors: Errors): void {
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) {
    expect(typeof error.message).toBe('string');
    expect(typeof error.extensions?.code).toBe('string');
    expect(error.extensions).not.toHaveProperty('stacktrace');
    expect(error.extensions).not.toHaveProperty('exception');
    expect(error.message).not.toMatch(/\bat .+\.(ts|js):\d+/);
  }
}

/**
 * A generated document sent with variables the schema may refuse (the point of these tests), or a raw
 * query string for probes that are not valid GraphQL at all.
 */
type Probe = string | Document<unknown, never>;

const send = (
  probe: Probe,
  variables: Record<string, unknown>,
  at: Api = api,
): Promise<GraphQLResult<unknown>> =>
  typeof probe === 'string' ? sendGraphQL(at.url, probe, variables) : at.requestUnchecked(probe, variables);

/** Sends a request that must fail with `code` (and name `argument` when given); returns the error. */
async function expectError(
  code: string,
  probe: Probe,
  variables: Record<string, unknown> = {},
  extensions: Record<string, unknown> = {},
  at: Api = api,
): Promise<Errors[number]> {
  const result = await send(probe, variables, at);
  expect(result.errors, JSON.stringify(result)).toBeDefined();
  expectWellFormed(result.errors!);
  const [error] = result.errors!;
  expect(error!.extensions).toMatchObject({ code, ...extensions });
  return error!;
}

const badInput = (probe: Probe, variables: Record<string, unknown>, argument?: string) =>
  expectError('BAD_USER_INPUT', probe, variables, argument ? { argument } : {});

const SEARCH = SearchPageDocument;
const NODE = NodeIdDocument;
const NEIGHBOURHOOD = NeighbourhoodDocument;
const SUBJECT_CAREERS = SubjectCareerPathsDocument;
const PATHS = PathsPageDocument;
const CAREER = CareerDetailDocument;
const SKILL_GAP = SkillGapDetailDocument;

const cursor = (text: string) => Buffer.from(text).toString('base64url');

describe('BAD_USER_INPUT', () => {
  it('for an unknown enum value, inline or in a variable', async () => {
    await badInput(`{ search(text: "water", kinds: [ROBOT]) { hits { score } } }`, {});
    await badInput(SEARCH, { text: 'water', kinds: ['ROBOT'] });
    await badInput(NEIGHBOURHOOD, { id: 'biology', kinds: ['SUBJECT', 'PLANET'] });
    await badInput(PATHS, { from: 'biology', to: 'hydrologist', relationships: ['KNOWS'] });
  });

  it('for maxHops out of 1..5, naming it', async () => {
    for (const maxHops of [6, 0, -1]) {
      await badInput(PATHS, { from: 'biology', to: 'hydrologist', maxHops }, 'maxHops');
    }
  });

  it('for a malformed id, naming the argument', async () => {
    for (const id of ['Bad Id', 'UPPER', 'double--hyphen', '-lead', 'trail-', '', '   ', 'x'.repeat(101)]) {
      await badInput(NODE, { id }, 'id');
    }
    await badInput(NEIGHBOURHOOD, { id: 'Bad Id' }, 'id');
    await badInput(SUBJECT_CAREERS, { subject: 'Bad Id' }, 'subject');
    await badInput(SUBJECT_CAREERS, { subject: 'biology', via: 'Bad Id' }, 'via');
    await badInput(PATHS, { from: 'Bad Id', to: 'hydrologist' }, 'from');
    await badInput(PATHS, { from: 'biology', to: 'Bad Id' }, 'to');
    await badInput(CAREER, { id: 'Bad Id' }, 'id');
    await badInput(SKILL_GAP, { career: 'Bad Id', have: [] }, 'career');
    await badInput(SKILL_GAP, { career: 'hydrologist', have: ['Bad Id'] }, 'have');
  });

  it('for `first` beyond each query’s limit or below 1, naming it', async () => {
    await badInput(SEARCH, { text: 'water', first: 51 }, 'first');
    await badInput(SEARCH, { text: 'water', first: 0 }, 'first');
    await badInput(PATHS, { from: 'biology', to: 'hydrologist', first: 21 }, 'first');
    await badInput(SUBJECT_CAREERS, { subject: 'biology', first: 101 }, 'first');
    await badInput(NEIGHBOURHOOD, { id: 'biology', first: 201 }, 'first');
    await badInput(NEIGHBOURHOOD, { id: 'biology', depth: 0 }, 'depth');
  });

  it('for an `after` cursor the API never gave out, naming it', async () => {
    for (const after of ['nope', '', cursor('o:-1'), cursor('o:1.5'), cursor('x:5'), cursor('o:99999999')]) {
      await badInput(SEARCH, { text: 'water', after }, 'after');
      await badInput(SUBJECT_CAREERS, { subject: 'biology', after }, 'after');
      await badInput(PATHS, { from: 'biology', to: 'hydrologist', after }, 'after');
    }
    // Only the 100 strongest candidate paths are ranked, so a page past them is refused.
    await badInput(PATHS, { from: 'biology', to: 'hydrologist', first: 5, after: cursor('o:99') }, 'after');
  });

  it('for empty, blank, too long or letterless search text, naming it', async () => {
    for (const text of ['', '   ', '\t\n', 'a'.repeat(101), '*:*', '"" ()']) {
      await badInput(SEARCH, { text }, 'text');
    }
  });

  it('for an empty list where absent means "all", naming it', async () => {
    await badInput(SEARCH, { text: 'water', kinds: [] }, 'kinds');
    await badInput(NEIGHBOURHOOD, { id: 'biology', kinds: [] }, 'kinds');
    await badInput(PATHS, { from: 'biology', to: 'hydrologist', relationships: [] }, 'relationships');
  });

  it('for paths from a node to itself, naming `to`', async () => {
    await badInput(PATHS, { from: 'biology', to: 'biology' }, 'to');
  });

  it('for a skill the graph does not hold in skillGap.have, naming it', async () => {
    const error = await badInput(
      SKILL_GAP,
      { career: 'hydrologist', have: ['data-analysis', 'no-such-skill'] },
      'have',
    );
    expect(error.message).toContain('no-such-skill');
    // A real node that is not a skill is not a skill either.
    await badInput(SKILL_GAP, { career: 'hydrologist', have: ['biology'] }, 'have');
    await badInput(
      SKILL_GAP,
      { career: 'hydrologist', have: Array.from({ length: 201 }, (_, i) => `s${i}`) },
      'have',
    );
  });

  it('for more aliases than allowed (16), while 15 are fine', async () => {
    const aliased = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: node(id: "biology") { id }`).join(' ')} }`;
    const fine = await postGraphQL(api.url, aliased(15));
    expect(fine.errors).toBeUndefined();
    await badInput(aliased(16), {});
  });

  it('for a query deeper than allowed', async () => {
    const deep = (n: number) => `{ ${'... on Query { '.repeat(n)}stats { totalNodes }${' }'.repeat(n)} }`;
    const fine = await postGraphQL(api.url, deep(3));
    expect(fine.errors).toBeUndefined();
    await badInput(deep(12), {});
  });

  it('for a query that is not GraphQL, or asks for fields that do not exist', async () => {
    await badInput('{ node(id: ', {});
    await badInput('{ nope }', {});
    await badInput('query ($id: ID!) { node(id: $id) { id } }', {});
  });
});

describe('NOT_FOUND', () => {
  it('for an unknown node, naming its id', async () => {
    const error = await expectError('NOT_FOUND', NODE, { id: 'no-such-node' }, { id: 'no-such-node' });
    expect(error.message).toContain('no-such-node');
    await expectError('NOT_FOUND', NEIGHBOURHOOD, { id: 'no-such-node' }, { id: 'no-such-node' });
  });

  it('for an unknown subject, and for an id that is not a subject', async () => {
    await expectError(
      'NOT_FOUND',
      SUBJECT_CAREERS,
      { subject: 'no-such-subject' },
      { id: 'no-such-subject' },
    );
    await expectError('NOT_FOUND', SUBJECT_CAREERS, { subject: 'hydrologist' }, { id: 'hydrologist' });
  });

  it('for an unknown `via` field, and for a `via` that is not a field', async () => {
    await expectError(
      'NOT_FOUND',
      SUBJECT_CAREERS,
      { subject: 'biology', via: 'no-such-field' },
      { id: 'no-such-field' },
    );
    await expectError(
      'NOT_FOUND',
      SUBJECT_CAREERS,
      { subject: 'biology', via: 'chemistry' },
      { id: 'chemistry' },
    );
  });

  it('for an unknown career in career and skillGap, and for an id that is not a career', async () => {
    await expectError('NOT_FOUND', CAREER, { id: 'no-such-career' }, { id: 'no-such-career' });
    await expectError('NOT_FOUND', CAREER, { id: 'biology' }, { id: 'biology' });
    await expectError(
      'NOT_FOUND',
      SKILL_GAP,
      { career: 'no-such-career', have: ['data-analysis'] },
      { id: 'no-such-career' },
    );
  });

  it('for an unknown end of a path', async () => {
    await expectError('NOT_FOUND', PATHS, { from: 'biology', to: 'no-such-node' }, { id: 'no-such-node' });
    await expectError('NOT_FOUND', PATHS, { from: 'no-such-node', to: 'biology' }, { id: 'no-such-node' });
  });
});

describe('SERVICE_UNAVAILABLE', () => {
  it('when the database is unreachable, with a request id', async () => {
    await withUnreachableNeo4j(async (url) => {
      const unreachable = apiAt(url);
      for (const [query, variables] of [
        [NODE, { id: 'biology' }],
        [SEARCH, { text: 'water' }],
      ] as const) {
        const error = await expectError('SERVICE_UNAVAILABLE', query, variables, {}, unreachable);
        expect(error.extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);
      }
      // Input is still checked before the database is asked.
      await expectError('BAD_USER_INPUT', NODE, { id: 'Bad Id' }, { argument: 'id' }, unreachable);
    });
  });
});

describe('INTERNAL_SERVER_ERROR', () => {
  it('for anything unexpected: a generic message and a request id, nothing of the cause', async () => {
    const secret = 'boom: secret detail from the driver';
    // The real driver, except that every query fails with a plain Error (not a Neo4jError).
    const broken = new Proxy(api.driver, {
      get(target, property) {
        const fail = () => Promise.reject(new Error(secret));
        if (property === 'executeQuery') return fail;
        // Reads run through a session (auto-commit); its statements fail the same way.
        if (property === 'session') return () => ({ run: fail, close: () => Promise.resolve() });
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const brokenServer = await startApi(broken);
    try {
      const requestIds = new Set<string>();
      for (const response of [
        await brokenServer.request(NODE, { id: 'biology' }),
        await brokenServer.request(SEARCH, { text: 'water' }),
        await brokenServer.request(NEIGHBOURHOOD, { id: 'biology' }),
        await brokenServer.request(SUBJECT_CAREERS, { subject: 'biology' }),
        await brokenServer.request(PATHS, { from: 'biology', to: 'hydrologist' }),
        await brokenServer.request(CAREER, { id: 'hydrologist' }),
        await brokenServer.request(SKILL_GAP, { career: 'hydrologist', have: [] }),
      ]) {
        expectWellFormed(response.errors!);
        const [error] = response.errors!;
        expect(error!.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
        expect(error!.message).toMatch(/went wrong on our side/);
        expect(JSON.stringify({ data: response.data, errors: response.errors })).not.toContain('secret');
        const requestId = error!.extensions?.requestId;
        expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
        expect(response.headers.get('x-request-id')).toBe(requestId);
        requestIds.add(requestId as string);
      }
      expect(requestIds.size).toBe(7);
    } finally {
      await brokenServer.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// Injection: hostile strings in every string argument.

const HOSTILE = [
  `' OR 1=1 //`,
  `"}) DETACH DELETE n //`,
  '`n`',
  '\u0000',
  `x'}) MATCH (n) DETACH DELETE n //`,
  '*:*',
  'name:(a OR b)',
  `biology' OR '1'='1`,
  '$id',
  '\\u0027; CALL db.clearQueryCaches() //',
  'a AND NOT b~ [* TO *] {x TO y} ^2 && || !',
  '" OR 1=1 --',
  `hydro\u0000logist`,
  '../../etc/passwd',
  '<script>alert(1)</script>',
];

/** Each string argument of each query, with every other argument valid. */
const TARGETS: { argument: string; query: Probe; variables: (value: string) => Record<string, unknown> }[] = [
  { argument: 'search.text', query: SEARCH, variables: (v) => ({ text: v }) },
  { argument: 'search.after', query: SEARCH, variables: (v) => ({ text: 'water', after: v }) },
  { argument: 'node.id', query: NODE, variables: (v) => ({ id: v }) },
  { argument: 'neighbourhood.id', query: NEIGHBOURHOOD, variables: (v) => ({ id: v }) },
  { argument: 'subjectCareers.subject', query: SUBJECT_CAREERS, variables: (v) => ({ subject: v }) },
  {
    argument: 'subjectCareers.via',
    query: SUBJECT_CAREERS,
    variables: (v) => ({ subject: 'biology', via: v }),
  },
  {
    argument: 'subjectCareers.after',
    query: SUBJECT_CAREERS,
    variables: (v) => ({ subject: 'biology', after: v }),
  },
  { argument: 'paths.from', query: PATHS, variables: (v) => ({ from: v, to: 'hydrologist' }) },
  { argument: 'paths.to', query: PATHS, variables: (v) => ({ from: 'biology', to: v }) },
  {
    argument: 'paths.after',
    query: PATHS,
    variables: (v) => ({ from: 'biology', to: 'hydrologist', after: v }),
  },
  { argument: 'career.id', query: CAREER, variables: (v) => ({ id: v }) },
  { argument: 'skillGap.career', query: SKILL_GAP, variables: (v) => ({ career: v, have: [] }) },
  {
    argument: 'skillGap.have',
    query: SKILL_GAP,
    variables: (v) => ({ career: 'hydrologist', have: ['data-analysis', v] }),
  },
];

async function graphState() {
  const [relationships] = await api.cypher<{ n: number }>('MATCH ()-[r]->() RETURN count(r) AS n');
  const ids = await api.cypher<{ id: string }>('MATCH (n:Entity) RETURN n.id AS id ORDER BY id');
  return { nodes: await rawCounts(api.driver), relationships: relationships!.n, ids: ids.map((r) => r.id) };
}

describe('injection', () => {
  let before: Awaited<ReturnType<typeof graphState>>;
  beforeAll(async () => {
    before = await graphState();
    expect(before.relationships).toBeGreaterThan(0);
  });

  for (const { argument, query, variables } of TARGETS) {
    it(`${argument}: hostile strings give data or BAD_USER_INPUT, never an internal error`, async () => {
      for (const value of HOSTILE) {
        const result = await send(query, variables(value));
        const context = `${argument} = ${JSON.stringify(value)}: ${JSON.stringify(result.errors)}`;
        if (result.errors) {
          expectWellFormed(result.errors);
          for (const error of result.errors) expect(error.extensions?.code, context).toBe('BAD_USER_INPUT');
        } else {
          expect(result.data, context).toBeTruthy();
        }
      }
    });
  }

  it('search text with Lucene syntax is searched as words, not as a query', async () => {
    // "name:(a OR b)" must not become a field query; its words are searched like any others.
    const result = await api.request(SEARCH, { text: 'hydrologist*:*' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.search.hits[0]?.node.id).toBe('hydrologist');
  });

  it('leaves the graph exactly as it was', async () => {
    expect(await graphState()).toEqual(before);
  });
});
