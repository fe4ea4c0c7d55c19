// Web hardening over real HTTP: security headers and the Content-Security-Policy, introspection off in
// production, batched and oversized or deeply nested requests refused as BAD_USER_INPUT, and the rate
// limits on sign-in (growing delays per email and address, a bucket per address) and on counsellors' writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DeletePlanDocument,
  InterestMatchesDocument,
  RecentChangesDocument,
  RetireNodeDocument,
  SearchDocument,
  SignInDocument,
  StatsDocument,
} from '../../client/src/api/generated/graphql.ts';
import { SIGN_IN_IP_LIMIT, SIGN_IN_PAIR_DELAYS } from '../../server/resolvers/auth.ts';
import { CURATOR_WRITE_LIMIT } from '../../server/resolvers/guards.ts';
import { NodeIdDocument } from '../generated/graphql.ts';
import { TEST_PASSWORD } from '../support/curator.ts';
import {
  codeOf,
  startOwnApi,
  uniqueClientAddress,
  useHarness,
  type OwnApi,
  type Session,
} from '../support/harness.ts';
import { postGraphQL } from '../support/http-server.ts';

const api = useHarness();

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

// The limits are kept in the run's Neo4j, shared by every server and test file, so each test signs in
// from an address of its own: the server trusts its loopback proxy, as TRUST_PROXY=loopback would, and
// each request names its client in X-Forwarded-For.
describe('rate limits', () => {
  let proxied: OwnApi;
  let counsellor: Session;
  beforeAll(async () => {
    proxied = await startOwnApi({ trustProxy: ['loopback'] });
    counsellor = await proxied.signInAs('counsellor');
  });
  afterAll(async () => {
    await proxied.close();
  });
  const signInFrom = (address: string, email: string, password: string) =>
    proxied.request(SignInDocument, { email, password }, { headers: { 'x-forwarded-for': address } });
  /** Failures one email may make from one address back to back: the free ones and the one that starts the wait. */
  const backToBack = SIGN_IN_PAIR_DELAYS.freeFailures + 1;

  it('does not count sign-ins that succeed', async () => {
    const address = uniqueClientAddress();
    const email = await proxied.makeAccount('counsellor');
    for (let i = 0; i < backToBack + 3; i += 1) {
      const result = await signInFrom(address, email, TEST_PASSWORD);
      expect(result.errors, `sign-in ${i + 1}`).toBeUndefined();
    }
  });

  it('delays one email from one address after six failed sign-ins, even for the right password, with a wait in seconds', async () => {
    const address = uniqueClientAddress();
    const email = await proxied.makeAccount('counsellor');
    for (let i = 0; i < backToBack; i += 1) {
      expect(codeOf(await signInFrom(address, email, 'wrong password, try again'))).toBe('UNAUTHENTICATED');
    }
    const tooSoon = await signInFrom(address, email.toUpperCase(), TEST_PASSWORD);
    expect(tooSoon.headers.get('set-cookie')).toBeNull();
    const [error] = tooSoon.errors ?? [];
    expect(error?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(error?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(error?.message).toMatch(/^Too many sign-in attempts .*Try again in \d+ seconds?\.$/);
    // Another account from the same address is not delayed by this one…
    const other = await proxied.makeAccount('counsellor');
    expect((await signInFrom(address, other, TEST_PASSWORD)).errors).toBeUndefined();
    // …nor is this account from another address: a stranger's failures delay only the stranger.
    expect((await signInFrom(uniqueClientAddress(), email, TEST_PASSWORD)).errors).toBeUndefined();
    // Once the wait is over the right password works, and forgets the failures.
    await expect
      .poll(async () => codeOf(await signInFrom(address, email, TEST_PASSWORD)) ?? 'signed in', {
        interval: 250,
      })
      .toBe('signed in');
  });

  it('limits failed sign-ins per address across many emails', async () => {
    const address = uniqueClientAddress();
    const capacity = SIGN_IN_IP_LIMIT.capacity;
    const codes: unknown[] = [];
    for (let i = 0; i < capacity + 3; i += 1) {
      codes.push(codeOf(await signInFrom(address, `nobody-${i}@pathways.test`, 'guess guess guess')));
    }
    // A token trickles back every 30 s, so allow one extra failure before the limit bites.
    expect(codes.slice(0, capacity)).toEqual(Array<string>(capacity).fill('UNAUTHENTICATED'));
    expect(codes.slice(capacity + 1)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    // Now even a right password from this address waits.
    const email = await proxied.makeAccount('counsellor');
    expect(codeOf(await signInFrom(address, email, TEST_PASSWORD))).toBe('RATE_LIMITED');
  });

  it('limits a counsellor to 120 writes in a burst, then two a second', async () => {
    // A write with a malformed id costs a token but touches nothing: the limit is checked before the input.
    const write = () =>
      proxied.request(RetireNodeDocument, { id: 'Not An Id', version: 1 }, { session: counsellor });
    const sent = CURATOR_WRITE_LIMIT.capacity + 10;
    const started = performance.now();
    const results = await Promise.all(Array.from({ length: sent }, write));
    // Takes queue on one Neo4j node lock, so the burst takes a while; tokens trickle back meanwhile.
    const trickled = Math.ceil(((performance.now() - started) / 1000) * CURATOR_WRITE_LIMIT.refillPerSecond);
    const codes = results.map(codeOf);
    const passed = codes.filter((c) => c === 'BAD_USER_INPUT').length;
    const limited = codes.filter((c) => c === 'RATE_LIMITED').length;
    expect(passed + limited).toBe(sent);
    // The burst, plus the odd token earned back while the requests were under way.
    expect(passed).toBeGreaterThanOrEqual(CURATOR_WRITE_LIMIT.capacity);
    expect(passed).toBeLessThanOrEqual(CURATOR_WRITE_LIMIT.capacity + trickled + 1);
    expect(results.find((r) => codeOf(r) === 'RATE_LIMITED')?.errors?.[0]?.message).toMatch(
      /^Too many changes in a short time\. Wait \d+ s and try again\.$/,
    );
    // Reading is not limited.
    const history = await proxied.request(RecentChangesDocument, { first: 1 }, { session: counsellor });
    expect(history.errors).toBeUndefined();
  });
});
