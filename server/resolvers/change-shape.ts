// Shapes audit records for GraphQL: the raw before/after states become a readable diff.
import { PROVENANCE, stateKey, type EntityState, type Properties } from '../graph/entity-state.ts';
import type { ChangeRecord } from '../graph/audit.ts';
import type { Change, EntityDiff, FieldDiff } from './generated/graphql.ts';

export const MAX_DIFF_ENTRIES = 200;

// Bookkeeping the loader and the audit keep on nodes; a person reading a diff does not need it.
const HIDDEN = new Set<string>([...PROVENANCE, 'seedHash', 'createdAt', 'source']);

function describe(state: EntityState): string {
  return state.kind === 'node'
    ? `${state.label.toLowerCase()} ${state.id}`
    : `link ${state.from} ${state.type} ${state.to}`;
}

function fieldDiffs(before: Properties | null, after: Properties | null): FieldDiff[] {
  const names = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const diffs: FieldDiff[] = [];
  for (const name of [...names].sort()) {
    if (HIDDEN.has(name)) continue;
    const was = before?.[name] === undefined ? null : JSON.stringify(before[name]);
    const now = after?.[name] === undefined ? null : JSON.stringify(after[name]);
    if (was !== now) diffs.push({ name, before: was, after: now });
  }
  return diffs;
}

export function diffOf(record: ChangeRecord): EntityDiff[] {
  const after = new Map(record.after.map((s) => [stateKey(s), s]));
  const diffs: EntityDiff[] = [];
  for (const before of record.before) {
    if (diffs.length >= MAX_DIFF_ENTRIES) break;
    const now = after.get(stateKey(before));
    const was = before.props;
    const is = now?.props ?? null;
    if (was === null && is === null) continue;
    diffs.push({
      entity: describe(before),
      effect: was === null ? 'CREATED' : is === null ? 'DELETED' : 'UPDATED',
      fields: fieldDiffs(was, is),
    });
  }
  return diffs;
}

export function shapeChange(record: ChangeRecord): Change {
  return {
    id: record.id,
    seq: record.seq,
    at: record.at,
    by: record.byEmail,
    action: record.action,
    summary: record.summary,
    nodeIds: record.nodeIds,
    undoOf: record.undoOf,
    undoneBy: record.undoneBy,
    diff: diffOf(record),
  };
}
