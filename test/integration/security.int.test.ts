// Web hardening over real HTTP: security headers and the Content-Security-Policy, introspection off in
// production, batched and oversized or deeply nested requests refused as BAD_USER_INPUT, and the rate
// limits on sign-in (per email and per address) and on counsellors' writes.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DeletePlanDocument,
  InterestMatchesDocument,
  RecentChangesDocument,
  RetireNodeDocument,
  SearchDocument,
  SignInDocument,
  StatsDocument,
} from '../../client/src/api/generated/graphql.ts';
import { SIGN_IN_EMAIL_LIMIT, SIGN_IN_IP_LIMIT } from '../../server/resolvers/auth.ts';
import { CURATOR_WRITE_LIMIT } from '../../server/resolvers/guards.ts';
import { NodeIdDocument } from '../generated/graphql.ts';
import { TEST_PASSWORD } from '../support/curator.ts';
import { codeOf, useHarness, type Session } from '../support/harness.ts';
import { postGraphQL } from '../support/http-server.ts';

const api = useHarness();

const signIn = (email: string, password: string) => api.request(SignInDocument, { email, password });
const INTROSPECTION = '{ __schema { queryType { name } types { name } } }';

describe('security headers', () => {
  it('sends a strict Content-Security-Policy and the usual hardening headers on pages and the API', async () => {
    for (const response of [
      await fetch(`${api.url}/`),
      await fetch(`${api.url}/?view=quiz`),
      await api.request(StatsDocument),
    ]) {
      const csp = (response.headers.get('content-security-policy') ?? '').split(';').map((d) => d.trim());
      expect(csp).toEqual(
        expect.arrayContaining([
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self'",
          "worker-src 'self'",
          "img-src 'self' data: blob:",
          "connect-src 'self'",
          "frame-ancestors 'none'",
          "object-src 'none'",
          "base-uri 'self'",
          "form-action 'self'",
        ]),
      );
      // Only style attributes may be inline (see CONTENT_SECURITY_POLICY); never scripts or <style>.
      expect(csp.filter((d) => d.includes('unsafe'))).toEqual(["style-src-attr 'unsafe-inline'"]);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('x-powered-by')).toBeNull();
      // Cookies are not marked Secure in tests, so no HSTS either: it only means something over HTTPS.
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });
});

describe('introspection', () => {
  it('is answered outside production', async () => {
    // A raw string: introspection is no operation of the client's.
    const result = await postGraphQL<{ __schema: { queryType: { name: string } } }>(api.url, INTROSPECTION);
    expect(result.errors).toBeUndefined();
    expect(result.data?.__schema.queryType.name).toBe('Query');
  });

  it('is refused with BAD_USER_INPUT when NODE_ENV=production', async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      const production = await api.startServer({ secureCookie: true });
      try {
        const result = await postGraphQL(production.url, INTROSPECTION);
        expect(result.data ?? undefined).toBeUndefined();
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0]?.message).toMatch(/introspection/i);
        // Ordinary queries still work, and HTTPS deployments get HSTS.
        const stats = await production.request(StatsDocument);
        expect(stats.data?.stats.totalNodes).toBeGreaterThan(0);
        expect(stats.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      } finally {
        await production.close();
      }
    } finally {
      process.env.NODE_ENV = before;
    }
  });
});

describe('request shape', () => {
  // As the client asks: with application/graphql-response+json a refused request is a 400.
  const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
  const post = (body: unknown) =>
    fetch(`${api.url}/graphql`, { method: 'POST', headers, body: JSON.stringify(body) });
  type Body = { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };

  it('refuses a batch of operations', async () => {
    const response = await post([
      { query: '{ stats { totalNodes } }' },
      { query: '{ stats { totalNodes } }' },
    ]);
    expect(response.status).toBe(400);
    const body = (await response.json()) as Body;
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/batch/i);
  });

  it('answers deeply nested variables and literals with BAD_USER_INPUT', async () => {
    // Written out by hand: JSON.stringify itself runs out of stack at these depths.
    const raw = (text: string) => fetch(`${api.url}/graphql`, { method: 'POST', headers, body: text });
    const depth = 20_000;
    const nestedList = `${'['.repeat(depth)}"biology"${']'.repeat(depth)}`;
    const variable = await raw(
      `{"query":"query ($id: ID!) { node(id: $id) { id } }","variables":{"id":${nestedList}}}`,
    );
    expect(variable.status).toBe(400);
    expect(((await variable.json()) as Body).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const nestedObject = `${'{"input":'.repeat(depth)}{"title":"x"}${'}'.repeat(depth)}`;
    const input = await raw(
      `{"query":"mutation ($input: CreatePlanInput!) { createPlan(input: $input) { id } }","variables":{"input":${nestedObject}}}`,
    );
    // 20,000 levels of `{"input":` are 200 kB, past the body limit before any GraphQL runs.
    expect(input.status).toBe(413);
    expect(((await input.json()) as Body).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const literal = await post({ query: `{ node(id: ${'['.repeat(3_000)}"x"${']'.repeat(3_000)}) { id } }` });
    expect(literal.status).toBe(400);
    expect(((await literal.json()) as Body).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers a variable with more than 50 problems with BAD_USER_INPUT only', async () => {
    // graphql-js gives up after 50 and adds an error of its own without a code; found by fuzzing.
    const result = await api.requestUnchecked(InterestMatchesDocument, {
      answers: Array.from({ length: 60 }, () => ({ item: null, value: 1 })),
    });
    expect(result.errors?.length).toBeGreaterThan(50);
    expect(new Set(result.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['BAD_USER_INPUT']));
  });

  it('answers huge strings with BAD_USER_INPUT: in a variable, in the query text, and past the body limit', async () => {
    const huge = 'a'.repeat(90_000);
    for (const result of [
      await api.request(SearchDocument, { text: huge }),
      await api.request(NodeIdDocument, { id: huge }),
      await api.request(DeletePlanDocument, { id: huge }),
      // In the query text itself, so a raw string.
      await postGraphQL(api.url, `{ search(text: "${huge}") { hits { score } } }`),
    ]) {
      expect(codeOf(result), JSON.stringify(result.errors).slice(0, 300)).toBe('BAD_USER_INPUT');
    }
    const tooBig = await api.request(SearchDocument, { text: 'a'.repeat(200_000) });
    expect(tooBig.status).toBe(413);
    expect(codeOf(tooBig)).toBe('BAD_USER_INPUT');
  });
});

// The limiters live in the server's memory for the life of the process (this test file), so these
// tests run in order and count what the ones before them spent.
describe('rate limits', () => {
  let counsellor: Session;
  beforeAll(async () => {
    counsellor = await api.signInAs('counsellor');
  });

  it('does not count sign-ins that succeed', async () => {
    const email = await api.makeAccount('counsellor');
    for (let i = 0; i < SIGN_IN_EMAIL_LIMIT.capacity + 3; i += 1) {
      const result = await signIn(email, TEST_PASSWORD);
      expect(result.errors, `sign-in ${i + 1}`).toBeUndefined();
    }
  });

  it('locks one email from one address after 10 failed sign-ins, even for the right password, with a wait in minutes', async () => {
    const email = await api.makeAccount('counsellor');
    for (let i = 0; i < SIGN_IN_EMAIL_LIMIT.capacity; i += 1) {
      expect(codeOf(await signIn(email, 'wrong password, try again'))).toBe('UNAUTHENTICATED');
    }
    const limited = await signIn(email.toUpperCase(), TEST_PASSWORD);
    expect(limited.headers.get('set-cookie')).toBeNull();
    const [error] = limited.errors ?? [];
    expect(error?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(error?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(error?.message).toMatch(/^Too many sign-in attempts .*Try again in \d+ minutes?\.$/);
    // Another account from the same address is not locked out by this one.
    const other = await api.makeAccount('counsellor');
    expect((await signIn(other, TEST_PASSWORD)).errors).toBeUndefined();
  });

  it('limits failed sign-ins per address across many emails', async () => {
    // The test before spent 10 of this address's tokens on failures.
    const left = SIGN_IN_IP_LIMIT.capacity - SIGN_IN_EMAIL_LIMIT.capacity;
    const codes: unknown[] = [];
    for (let i = 0; i < left + 3; i += 1) {
      codes.push(codeOf(await signIn(`nobody-${i}@pathways.test`, 'guess guess guess')));
    }
    // A token trickles back every 30 s, so allow one extra failure before the limit bites.
    expect(codes.slice(0, left)).toEqual(Array<string>(left).fill('UNAUTHENTICATED'));
    expect(codes.slice(left + 1)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    // Now even a right password from this address waits.
    const email = await api.makeAccount('counsellor');
    expect(codeOf(await signIn(email, TEST_PASSWORD))).toBe('RATE_LIMITED');
  });

  it('limits a counsellor to 120 writes in a burst, then two a second', async () => {
    // A write with a malformed id costs a token but touches nothing: the limit is checked before the input.
    const write = () =>
      api.request(RetireNodeDocument, { id: 'Not An Id', version: 1 }, { session: counsellor });
    const sent = CURATOR_WRITE_LIMIT.capacity + 10;
    const results = await Promise.all(Array.from({ length: sent }, write));
    const codes = results.map(codeOf);
    const passed = codes.filter((c) => c === 'BAD_USER_INPUT').length;
    const limited = codes.filter((c) => c === 'RATE_LIMITED').length;
    expect(passed + limited).toBe(sent);
    // The burst, plus the odd token earned back while the requests were under way.
    expect(passed).toBeGreaterThanOrEqual(CURATOR_WRITE_LIMIT.capacity);
    expect(passed).toBeLessThanOrEqual(CURATOR_WRITE_LIMIT.capacity + 6);
    expect(results.find((r) => codeOf(r) === 'RATE_LIMITED')?.errors?.[0]?.message).toMatch(
      /^Too many changes in a short time\. Wait \d+ s and try again\.$/,
    );
    // Reading is not limited.
    const history = await api.request(RecentChangesDocument, { first: 1 }, { session: counsellor });
    expect(history.errors).toBeUndefined();
  });
});
