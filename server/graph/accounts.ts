// Counsellor and admin accounts, and their sign-in sessions, as :User and :Session nodes. Session
// tokens are stored only as hashes, so a copy of the database does not let anyone sign in.
import { randomUUID } from 'node:crypto';
import { readQuery, type GraphContext } from './executor.ts';
import { run, writeTransaction } from './writer.ts';

export const ROLES = ['counsellor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  email: string;
  role: Role;
}

export interface StoredUser extends User {
  passwordHash: string;
}

export interface SessionRecord {
  user: User;
  csrfToken: string;
  expiresAt: string;
}

/** Creates the account, or returns null when the email is taken. */
export async function createUser(
  ctx: GraphContext,
  input: { email: string; role: Role; passwordHash: string },
): Promise<User | null> {
  return writeTransaction(ctx, async (tx) => {
    const [existing] = await run(tx, 'MATCH (u:User {email: $email}) RETURN u.id AS id', input);
    if (existing) return null;
    const [row] = await run<{ user: User }>(
      tx,
      `CREATE (u:User {id: $id, email: $email, role: $role, passwordHash: $passwordHash, createdAt: $at})
       RETURN u {.id, .email, .role} AS user`,
      { ...input, id: randomUUID(), at: new Date().toISOString() },
    );
    return row?.user ?? null;
  });
}

export async function findUserByEmail(ctx: GraphContext, email: string): Promise<StoredUser | null> {
  const [row] = await readQuery<{ user: StoredUser }>(
    ctx,
    'MATCH (u:User {email: $email}) RETURN u {.id, .email, .role, .passwordHash} AS user',
    { email },
  );
  return row?.user ?? null;
}

export async function listUsers(ctx: GraphContext): Promise<User[]> {
  const rows = await readQuery<{ user: User }>(
    ctx,
    'MATCH (u:User) RETURN u {.id, .email, .role} AS user ORDER BY u.email',
    {},
  );
  return rows.map((r) => r.user);
}

/** Stores a new session; expired sessions of the same user are swept on the way. */
export async function createSession(
  ctx: GraphContext,
  input: { tokenHash: string; userId: string; csrfToken: string; expiresAt: string },
): Promise<void> {
  await writeTransaction(ctx, async (tx) => {
    await run(
      tx,
      `MATCH (u:User {id: $userId})
       OPTIONAL MATCH (u)<-[:OF]-(old:Session) WHERE old.expiresAt < $now
       DETACH DELETE old
       WITH DISTINCT u
       CREATE (s:Session {tokenHash: $tokenHash, csrfToken: $csrfToken, createdAt: $now, expiresAt: $expiresAt})
       CREATE (s)-[:OF]->(u)`,
      { ...input, now: new Date().toISOString() },
    );
  });
}

export async function findSession(ctx: GraphContext, tokenHash: string): Promise<SessionRecord | null> {
  const [row] = await readQuery<SessionRecord>(
    ctx,
    `MATCH (s:Session {tokenHash: $tokenHash})-[:OF]->(u:User)
     WHERE s.expiresAt > $now
     RETURN u {.id, .email, .role} AS user, s.csrfToken AS csrfToken, s.expiresAt AS expiresAt`,
    { tokenHash, now: new Date().toISOString() },
    // The session may have been made a moment ago by another API server.
    { fresh: true },
  );
  return row ?? null;
}

export async function deleteSession(ctx: GraphContext, tokenHash: string): Promise<void> {
  await writeTransaction(ctx, (tx) =>
    run(tx, 'MATCH (s:Session {tokenHash: $tokenHash}) DETACH DELETE s', { tokenHash }),
  );
}
