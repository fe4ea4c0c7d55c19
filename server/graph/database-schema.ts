// Every constraint and index the product relies on, in one place (after neo4j/graphql's
// asserts-indexes-and-constraints.ts). Each statement is idempotent, so the server applies them on
// every start and the loader after a load; the README lists them.
import { ENTITY_LABEL, NODE_LABELS, SEARCH_INDEX } from './model.ts';
import type { GraphContext } from './executor.ts';
import { RATE_LIMIT_LABEL } from './rate-limits.ts';
import { writeStatement } from './writer.ts';

export const PLAN_LABEL = 'Plan';
/** Staged import uploads and their pieces (import-uploads.ts). */
export const UPLOAD_LABEL = 'ImportUpload';
export const CHUNK_LABEL = 'ImportChunk';

/** Uniqueness of the graph's own ids: what MERGE finds nodes by, and what keeps two writers apart. */
const GRAPH_CONSTRAINTS = [
  `CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:${ENTITY_LABEL}) REQUIRE n.id IS UNIQUE`,
  ...NODE_LABELS.map(
    (label) =>
      `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  ),
];

/** Search reads names, alternative names and descriptions through one full-text index. */
const FULL_TEXT_INDEX = `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS FOR (n:${NODE_LABELS.join('|')}) ON EACH [n.name, n.aliasText, n.description]`;

/** Accounts, sign-in sessions, the audit log, students' plans and staged import uploads. */
const CURATION_CONSTRAINTS = [
  'CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE',
  'CREATE CONSTRAINT user_email IF NOT EXISTS FOR (u:User) REQUIRE u.email IS UNIQUE',
  'CREATE CONSTRAINT session_token IF NOT EXISTS FOR (s:Session) REQUIRE s.tokenHash IS UNIQUE',
  'CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE',
  'CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE',
  // Without it, the first concurrent writes on a fresh database could each create their own counter.
  'CREATE CONSTRAINT changelog_id IF NOT EXISTS FOR (l:ChangeLog) REQUIRE l.id IS UNIQUE',
  `CREATE CONSTRAINT plan_id IF NOT EXISTS FOR (p:${PLAN_LABEL}) REQUIRE p.id IS UNIQUE`,
  `CREATE CONSTRAINT import_upload_id IF NOT EXISTS FOR (u:${UPLOAD_LABEL}) REQUIRE u.id IS UNIQUE`,
  // Finds an upload's pieces, and has the last word should two servers ever add the same piece.
  `CREATE CONSTRAINT import_chunk_key IF NOT EXISTS FOR (c:${CHUNK_LABEL}) REQUIRE (c.uploadId, c.fileName, c.index) IS UNIQUE`,
];

/**
 * Rate limits shared by every API server (rate-limits.ts): the constraint is what makes MERGE on a key
 * take a lock, so two servers' first takes cannot each create a node; the index lets the idle sweep
 * find expired ones without reading the label.
 */
const RATE_LIMIT_SCHEMA = [
  `CREATE CONSTRAINT rate_limit_key IF NOT EXISTS FOR (r:${RATE_LIMIT_LABEL}) REQUIRE r.key IS UNIQUE`,
  `CREATE INDEX rate_limit_expires IF NOT EXISTS FOR (r:${RATE_LIMIT_LABEL}) ON (r.expiresAt)`,
];

export const DATABASE_SCHEMA: readonly string[] = [
  ...GRAPH_CONSTRAINTS,
  FULL_TEXT_INDEX,
  ...CURATION_CONSTRAINTS,
  ...RATE_LIMIT_SCHEMA,
];

/** Populating an index over a million nodes takes minutes on a small machine. */
const AWAIT_INDEXES = 'CALL db.awaitIndexes(1800)';

/** Creates whatever is missing of the schema and waits until every index is online. */
export async function applyDatabaseSchema(ctx: GraphContext): Promise<void> {
  for (const statement of DATABASE_SCHEMA) await writeStatement(ctx, statement);
  await writeStatement(ctx, AWAIT_INDEXES);
}
