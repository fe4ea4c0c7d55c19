// Signed-in GraphQL calls for curation tests: accounts made straight in the graph, a session cookie
// and CSRF token taken from a real signIn over HTTP.
import { randomUUID } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { SignInDocument } from '../../client/src/api/generated/graphql.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { createUser, type Role } from '../../server/graph/accounts.ts';
import { request, sendGraphQL, type Credentials, type GraphQLResult } from './http-server.ts';
import { graphContext } from './neo4j.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface Session extends Credentials {
  cookie: string;
  csrf: string;
  email: string;
}

export async function makeAccount(driver: Driver, role: Role): Promise<string> {
  const email = `${role}-${randomUUID().slice(0, 8)}@pathways.test`;
  await createUser(graphContext(driver), { email, role, passwordHash: await hashPassword(TEST_PASSWORD) });
  return email;
}

/** A request with a raw query string, and the Set-Cookie header it got back. */
export async function call<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  session?: Credentials,
): Promise<GraphQLResult<T> & { setCookie: string | null }> {
  const result = await sendGraphQL<T>(url, query, variables, session ? { session } : {});
  return { ...result, setCookie: result.headers.get('set-cookie') };
}

export async function signIn(url: string, email: string, password = TEST_PASSWORD): Promise<Session> {
  const result = await request(url, SignInDocument, { email, password });
  const cookie = result.headers.get('set-cookie')?.split(';')[0];
  if (!cookie || !result.data) throw new Error(`sign-in failed: ${JSON.stringify(result.errors)}`);
  return { cookie, csrf: result.data.signIn.csrfToken, email };
}

export const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.code;
