// Who is making this request: a session cookie (httpOnly, SameSite=Strict) names a stored session;
// mutations must also echo the session's CSRF token in a header, which another site cannot read.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import {
  createSession,
  deleteSession,
  findSession,
  type SessionRecord,
  type User,
} from '../graph/accounts.ts';
import type { GraphContext } from '../graph/executor.ts';

export const SESSION_COOKIE = 'pathways_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface SessionSettings {
  ttlMs: number;
  secureCookie: boolean;
}

export interface RequestAuth {
  /** The signed-in session, looked up once per request and only when asked for. */
  session(): Promise<SessionRecord | null>;
  /** Whether the request carries the session's CSRF token. */
  csrfMatches(session: SessionRecord): boolean;
  /** Starts a fresh session (a new token every sign-in) and sets its cookie. */
  signIn(user: User): Promise<SessionRecord>;
  signOut(): Promise<void>;
}

const newToken = () => randomBytes(32).toString('base64url');
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function requestAuth(
  req: Request,
  res: Response,
  graph: GraphContext,
  settings: SessionSettings,
): RequestAuth {
  let token = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE] ?? null;
  let lookup: Promise<SessionRecord | null> | null = null;
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: settings.secureCookie,
    path: '/',
  };

  return {
    session() {
      lookup ??= token ? findSession(graph, hashToken(token)) : Promise.resolve(null);
      return lookup;
    },
    csrfMatches(session) {
      const header = req.headers[CSRF_HEADER];
      return typeof header === 'string' && sameText(header, session.csrfToken);
    },
    async signIn(user) {
      if (token) await deleteSession(graph, hashToken(token));
      token = newToken();
      const session: SessionRecord = {
        user,
        csrfToken: newToken(),
        expiresAt: new Date(Date.now() + settings.ttlMs).toISOString(),
      };
      await createSession(graph, {
        tokenHash: hashToken(token),
        userId: user.id,
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
      });
      res.cookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: settings.ttlMs });
      lookup = Promise.resolve(session);
      return session;
    },
    async signOut() {
      if (token) await deleteSession(graph, hashToken(token));
      token = null;
      lookup = Promise.resolve(null);
      res.clearCookie(SESSION_COOKIE, cookieOptions);
    },
  };
}
