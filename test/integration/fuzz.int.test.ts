// Property-based fuzzing of every argument of every query and mutation, driven by the schema itself,
// against the real server and the real Neo4j. Whatever arrives, the answer is well formed: no stack
// trace, nothing from Neo4j or Cypher, a code from the contract's stable set, and never an internal
// error or a 500. Writes are fuzzed only where they cannot succeed on the shared graph: real ids get
// versions no node has, links only name ids that do not exist, imports are dry runs.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeDocument } from '../../client/src/api/generated/graphql.ts';
import { SCHEMA_FILE } from '../../server/app.ts';
import { ID_PATTERN } from '../../server/graph/model.ts';
import { useHarness, type Session } from '../support/harness.ts';

const RUNS = 20;
const STABLE_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'RATE_LIMITED',
]);
const LEAKS = /Neo\.\w+Error|Neo4jError|org\.neo4j|Cypher|\bat .+\.(ts|js):\d+|stacktrace|node_modules/i;

const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
// schema.graphql's `schema { }` block names only the query root, so look the Mutation type up by name.
const mutationType = schema.getType('Mutation');
const mutationFields = isObjectType(mutationType) ? Object.values(mutationType.getFields()) : [];

/** Seeded ids of each kind, so queries get past the id check into the graph. */
const REAL_IDS = ['biology', 'environmental-science', 'hydrologist', 'data-analysis', 'chemistry'];
/** Real ids that mutations may name: their writes then fail on the version, after every other check. */
const GUARDED_IDS = ['biology', 'hydrologist'];

const HOSTILE = fc.constantFrom(
  `' OR 1=1 //`,
  `"}) DETACH DELETE n //`,
  '`n`',
  '\u0000',
  '*:*',
  '$id',
  '${x}',
  '\\',
  '\uD800',
  '%s%s%n',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '   ',
  '',
  'a'.repeat(5_000),
);
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ minLength: 90, maxLength: 3_000 }),
  HOSTILE,
);
const slug = fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,12}){0,3}$/);
const missingId = slug.map((s) => `fuzz-${s}`);
const int = fc.oneof(
  fc.integer({ min: -3, max: 300 }),
  fc.integer(),
  fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53, Number.NaN),
);
/** Versions far from any node's (seed nodes are at version 0 or 1), or invalid ones. */
const safeVersion = fc.oneof(fc.integer({ min: 100_000, max: 2 ** 31 - 1 }), fc.integer({ max: -1 }));

interface Mode {
  mutation: boolean;
  /** The argument path, such as `createNode.input.id`. */
  path: string;
}

/** Strings that are not ids, so a write naming them cannot find or create anything. */
const notAnId = text.filter((s) => !ID_PATTERN.test(s.trim()));

function idArbitrary(mode: Mode): fc.Arbitrary<string> {
  if (!mode.mutation) return fc.oneof(fc.constantFrom(...REAL_IDS), missingId, slug, text);
  // A new node under a real id is a CONFLICT after every field is checked; any other id could succeed.
  if (mode.path === 'createNode.input.id') return fc.oneof(fc.constantFrom(...GUARDED_IDS), notAnId);
  const guarded = /^updateNode\.input\.id$|^(retireNode|restoreNode)\.id$/.test(mode.path);
  const missing = fc.oneof(missingId, fc.uuid(), notAnId);
  return guarded ? fc.oneof(fc.constantFrom(...GUARDED_IDS), missing) : missing;
}

/**
 * Arguments of writes whose value alone decides whether a write on the shared graph could succeed:
 * these never take the "wrong type" branch, which could turn into a valid value by coercion.
 */
function guardedWrite(type: GraphQLInputType, mode: Mode): fc.Arbitrary<unknown> | null {
  if (!mode.mutation) return null;
  const leaf = mode.path.split('.').at(-1) ?? '';
  if (mode.path === 'importGraph.dryRun') return fc.constant(true);
  if (leaf === 'version') return safeVersion;
  const named = getNamedType(type);
  if (isScalarType(named) && named.name === 'ID' && !isListType(isNonNullType(type) ? type.ofType : type)) {
    return idArbitrary(mode);
  }
  return null;
}

/** A value for `type`, mostly well typed, sometimes not: null, the wrong kind of thing, extra fields. */
function valueFor(type: GraphQLInputType, mode: Mode): fc.Arbitrary<unknown> {
  const guarded = guardedWrite(type, mode);
  if (guarded) return guarded;
  if (isNonNullType(type)) {
    return fc.oneof(
      { weight: 12, arbitrary: valueFor(type.ofType, mode) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  }
  const wrong = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.string({ maxLength: 8 }),
    fc.constant({ x: 1 }),
  );
  const typed = typedValue(type, mode);
  return fc.oneof({ weight: 15, arbitrary: typed }, { weight: 1, arbitrary: wrong });
}

function typedValue(type: GraphQLInputType, mode: Mode): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueFor(type, mode);
  if (isListType(type)) {
    const item = valueFor(type.ofType as GraphQLInputType, mode);
    return fc.oneof(
      { weight: 8, arbitrary: fc.array(item, { maxLength: 6 }) },
      { weight: 1, arbitrary: fc.array(item, { minLength: 40, maxLength: 260 }) },
    );
  }
  if (isEnumType(type)) {
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) },
      { weight: 1, arbitrary: text },
    );
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of fields) {
      shape[field.name] = valueFor(field.type, { ...mode, path: `${mode.path}.${field.name}` });
    }
    const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
    const record = fc.record(shape, { requiredKeys: required });
    return fc.oneof(
      { weight: 10, arbitrary: record },
      { weight: 1, arbitrary: record.map((r) => ({ ...r, notAField: 'x' })) },
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return idArbitrary(mode);
      case 'Int':
        return int;
      case 'Float':
        return fc.oneof(fc.double({ min: -2, max: 2, noNaN: true }), fc.double(), int);
      case 'Boolean':
        return fc.boolean();
      default:
        return text;
    }
  }
  return fc.anything();
}

/** The shortest selection that makes the field valid to ask for. */
function selection(field: GraphQLField<unknown, unknown>): string {
  if (field.name === 'createPlan') return '{ id }';
  const named = getNamedType(field.type);
  return isScalarType(named) || isEnumType(named) ? '' : '{ __typename }';
}

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const args = field.args as readonly GraphQLArgument[];
  const variables = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind}${variables ? ` (${variables})` : ''} { ${field.name}${passed ? `(${passed})` : ''} ${selection(field)} }`;
}

function argumentsFor(
  field: GraphQLField<unknown, unknown>,
  mutation: boolean,
): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const arg of field.args)
    shape[arg.name] = valueFor(arg.type, { mutation, path: `${field.name}.${arg.name}` });
  // Optional arguments are sometimes left out, as a client would.
  return fc.record(shape, {
    requiredKeys: field.args.filter((a) => isNonNullType(a.type)).map((a) => a.name),
  });
}

const api = useHarness();
const sessions = new Map<string, Session>();
const createdPlans: string[] = [];
const failures: string[] = [];

const guardedState = (): Promise<unknown> =>
  api.cypher(`MATCH (n:Entity) WHERE n.id IN $ids RETURN n {.*} AS node ORDER BY n.id`, { ids: REAL_IDS });

beforeAll(async () => {
  // One counsellor per mutation, so the per-account write limit does not end the fuzzing early.
  for (const field of mutationFields) sessions.set(field.name, await api.signInAs('counsellor'));
  sessions.set('query', await api.signInAs('counsellor'));
});

afterAll(async () => {
  if (createdPlans.length > 0) {
    await api.cypher('MATCH (p:Plan) WHERE p.id IN $ids DETACH DELETE p', { ids: createdPlans });
  }
});

/**
 * Checks one answer; returns a description of what is wrong, or null. Sent as the client sends it
 * (application/graphql-response+json first), so the GraphQL-over-HTTP spec's statuses apply: 200 when
 * the request ran (`data` is there, null or not), 400 when it was refused before it ran; never a 5xx.
 */
function problemWith(status: number, body: string): string | null {
  if (status >= 500) return `HTTP ${status}`;
  if (LEAKS.test(body)) return `leaks internals: ${LEAKS.exec(body)?.[0]}`;
  let parsed: { data?: unknown; errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return 'not JSON';
  }
  for (const error of parsed.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof error.message !== 'string') return 'an error without a message';
    if (typeof code !== 'string' || !STABLE_CODES.has(code)) return `code ${String(code)}: ${error.message}`;
  }
  if (!parsed.errors && !parsed.data) return 'neither data nor errors';
  if ('data' in parsed && status !== 200) return `HTTP ${status} with data`;
  if (!('data' in parsed) && status !== 400) return `HTTP ${status} for a refused request`;
  return null;
}

// Raw: the fuzzed operations are built from the schema, and the answer is checked as text for leaks.
async function send(query: string, variables: Record<string, unknown>, session?: Session) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json;q=0.9',
  };
  if (session) Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrf });
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.text() };
}

function fuzzField(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, runs: number) {
  it(`${kind} ${field.name}`, async () => {
    const query = operation(kind, field);
    // Sign-in and sign-out are fuzzed anonymously: signing out would end the session used for the rest.
    const anonymous = field.name === 'signIn' || field.name === 'signOut';
    const session = anonymous ? undefined : sessions.get(kind === 'query' ? 'query' : field.name);
    await fc.assert(
      fc.asyncProperty(argumentsFor(field, kind === 'mutation'), async (variables) => {
        const { status, body } = await send(query, variables, session);
        if (field.name === 'createPlan') {
          const id = (JSON.parse(body) as { data?: { createPlan?: { id?: string } } }).data?.createPlan?.id;
          if (id) createdPlans.push(id);
        }
        const problem = problemWith(status, body);
        if (problem) failures.push(`${field.name} ${JSON.stringify(variables).slice(0, 400)} → ${problem}`);
        return problem === null;
      }),
      { numRuns: runs, endOnFailure: true },
    );
  });
}

describe('fuzzing every argument', () => {
  let before: unknown;
  beforeAll(async () => {
    before = await guardedState();
  });

  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    if (field.args.length > 0) fuzzField('query', field, RUNS);
  }
  it('finds every mutation in the schema', () => {
    expect(mutationFields.map((f) => f.name)).toEqual(
      expect.arrayContaining(['createNode', 'createPlan', 'signIn']),
    );
  });
  for (const field of mutationFields) {
    fuzzField('mutation', field, field.args.length > 0 ? RUNS : 3);
  }

  it('left the real nodes the mutations named exactly as they were', async () => {
    expect(failures).toEqual([]);
    expect(await guardedState()).toEqual(before);
  });
});

describe('the session used for queries', () => {
  it('is still signed in after the fuzzing', async () => {
    const me = await api.request(MeDocument, {}, { session: sessions.get('query') });
    expect(me.data?.me?.email).toBe(sessions.get('query')?.email);
  });
});
