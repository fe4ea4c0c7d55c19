// Signed-in GraphQL calls for curation tests: accounts made straight in the graph, a session cookie
// and CSRF token taken from a real signIn over HTTP.
import { randomUUID } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { hashPassword } from '../../server/auth/passwords.ts';
import { createUser, type Role } from '../../server/graph/accounts.ts';
import type { GraphQLResult } from './http-server.ts';
import { graphContext } from './neo4j.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface Session {
  cookie: string;
  csrf: string;
  email: string;
}

export async function makeAccount(driver: Driver, role: Role): Promise<string> {
  const email = `${role}-${randomUUID().slice(0, 8)}@pathways.test`;
  await createUser(graphContext(driver), { email, role, passwordHash: await hashPassword(TEST_PASSWORD) });
  return email;
}

export async function call<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  session?: Partial<Session>,
): Promise<GraphQLResult<T> & { setCookie: string | null }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (session?.cookie) headers.cookie = session.cookie;
  if (session?.csrf) headers['x-csrf-token'] = session.csrf;
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResult<T>, 'status'>;
  return { status: response.status, setCookie: response.headers.get('set-cookie'), ...body };
}

export async function signIn(url: string, email: string, password = TEST_PASSWORD): Promise<Session> {
  const result = await call<{ signIn: { csrfToken: string } }>(
    url,
    'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { csrfToken } }',
    { email, password },
  );
  const cookie = result.setCookie?.split(';')[0];
  if (!cookie || !result.data) throw new Error(`sign-in failed: ${JSON.stringify(result.errors)}`);
  return { cookie, csrf: result.data.signIn.csrfToken, email };
}

export const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.code;
