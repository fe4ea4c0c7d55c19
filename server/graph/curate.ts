// Counsellors' writes: create, update, link, unlink, retire, restore and undo. Each is one
// transaction holding the write and its :Change record; each checks what it depends on inside that
// transaction, so a stale edit or a missing node stops the write before anything changes.
import type { ManagedTransaction } from 'neo4j-driver';
import { ConflictError, NotFoundError } from '../errors.ts';
import { findBlockingChange, getChange, type Actor, type ChangeRecord } from './audit.ts';
import { commitChange } from './changes.ts';
import {
  applyState,
  lockNodes,
  readNodeState,
  readRelationshipState,
  type EntityState,
  type NodeState,
  type Properties,
  type RelationshipState,
  type Stamp,
} from './entity-state.ts';
import { readQuery, type GraphContext } from './executor.ts';
import { labelOf } from './node-mapper.ts';
import { ENTITY_LABEL, RELATIONSHIP_ENDPOINTS, type NodeLabel, type RelationshipType } from './model.ts';
import { applyStates, IMPORT_TIMEOUT_MS, MissingLinkEndError, readStates } from './state-writer.ts';

export interface NodeWrite {
  change: ChangeRecord;
  node: NodeState;
}

export interface LinkWrite {
  change: ChangeRecord;
  relationship: RelationshipState;
}

const labelName = (label: NodeLabel) => label.toLowerCase();

async function existingNode(tx: ManagedTransaction, id: string): Promise<NodeState & { props: Properties }> {
  const node = await readNodeState(tx, id);
  if (!node?.props) throw new NotFoundError('node', id);
  return { ...node, props: node.props };
}

function checkVersion(node: NodeState & { props: Properties }, version: number): void {
  const current = Number(node.props.version ?? 0);
  if (current !== version) {
    const who = typeof node.props.updatedBy === 'string' ? ` by ${node.props.updatedBy}` : '';
    const when = typeof node.props.updatedAt === 'string' ? ` at ${node.props.updatedAt}` : '';
    throw new ConflictError(
      `"${String(node.props.name)}" was changed${who}${when} after you opened it (your version ${version}, now ${current}). Reload it, then make your edit again.`,
      { id: node.id, version: current },
    );
  }
}

async function writeNode(tx: ManagedTransaction, state: NodeState, stamp: Stamp): Promise<NodeState> {
  await applyState(tx, state, stamp);
  return (await readNodeState(tx, state.id)) ?? state;
}

export function createNode(
  ctx: GraphContext,
  actor: Actor,
  input: { label: NodeLabel; id: string; props: Properties },
): Promise<NodeWrite> {
  let node: NodeState | undefined;
  return commitChange(ctx, actor, async (tx, stamp) => {
    const taken = await readNodeState(tx, input.id);
    if (taken?.props) {
      throw new ConflictError(
        `The id "${input.id}" is already used by the ${labelName(taken.label)} "${String(taken.props.name)}". Choose another id.`,
        { id: input.id },
      );
    }
    node = await writeNode(tx, { kind: 'node', label: input.label, id: input.id, props: input.props }, stamp);
    return {
      action: 'CREATE_NODE',
      summary: `Created ${labelName(input.label)} "${String(input.props.name)}"`,
      before: [{ kind: 'node', label: input.label, id: input.id, props: null }],
      after: [node],
    };
  }).then((change) => ({ change, node: node as NodeState }));
}

/** Sets the given properties (a null removes one); `version` must be the one the editor saw. */
export function updateNode(
  ctx: GraphContext,
  actor: Actor,
  input: { id: string; version: number; set: Record<string, Properties[string] | null> },
): Promise<NodeWrite> {
  return changeNode(ctx, actor, input.id, input.version, (old) => {
    const cleared = new Set(Object.keys(input.set).filter((key) => input.set[key] === null));
    const props: Properties = Object.fromEntries(
      Object.entries({ ...old, ...input.set }).filter(
        (entry): entry is [string, Properties[string]] => entry[1] !== null && !cleared.has(entry[0]),
      ),
    );
    return { action: 'UPDATE_NODE', verb: 'Edited', props };
  });
}

export function retireNode(ctx: GraphContext, actor: Actor, id: string, version: number): Promise<NodeWrite> {
  return changeNode(ctx, actor, id, version, (old, stamp) => {
    if (old.retiredAt) throw new ConflictError(`"${String(old.name)}" is already retired.`, { id });
    return { action: 'RETIRE_NODE', verb: 'Retired', props: { ...old, retiredAt: stamp.at } };
  });
}

export function restoreNode(
  ctx: GraphContext,
  actor: Actor,
  id: string,
  version: number,
): Promise<NodeWrite> {
  return changeNode(ctx, actor, id, version, (old) => {
    if (!old.retiredAt) throw new ConflictError(`"${String(old.name)}" is not retired.`, { id });
    const props: Properties = { ...old };
    delete props.retiredAt;
    return { action: 'RESTORE_NODE', verb: 'Restored', props };
  });
}

function changeNode(
  ctx: GraphContext,
  actor: Actor,
  id: string,
  version: number,
  next: (
    old: Properties,
    stamp: Stamp,
  ) => { action: 'UPDATE_NODE' | 'RETIRE_NODE' | 'RESTORE_NODE'; verb: string; props: Properties },
): Promise<NodeWrite> {
  let node: NodeState | undefined;
  return commitChange(ctx, actor, async (tx, stamp) => {
    const before = await existingNode(tx, id);
    checkVersion(before, version);
    const { action, verb, props } = next(before.props, stamp);
    node = await writeNode(tx, { ...before, props }, stamp);
    return {
      action,
      summary: `${verb} ${labelName(before.label)} "${String(props.name)}"`,
      before: [before],
      after: [node],
    };
  }).then((change) => ({ change, node: node as NodeState }));
}

async function checkEnds(
  tx: ManagedTransaction,
  type: RelationshipType,
  from: string,
  to: string,
): Promise<[NodeState & { props: Properties }, NodeState & { props: Properties }]> {
  const [start, end] = [await existingNode(tx, from), await existingNode(tx, to)];
  const allowed = RELATIONSHIP_ENDPOINTS[type];
  if (!allowed.from.includes(start.label) || !allowed.to.includes(end.label)) {
    throw new ConflictError(
      `${type} links ${allowed.from.join(' or ')} to ${allowed.to.join(' or ')}; "${String(start.props.name)}" is a ${labelName(start.label)} and "${String(end.props.name)}" a ${labelName(end.label)}.`,
      { type },
    );
  }
  return [start, end];
}

/** Creates the link, or replaces the properties (the reason, the weight) of the one already there. */
export function linkNodes(
  ctx: GraphContext,
  actor: Actor,
  input: { type: RelationshipType; from: string; to: string; props: Properties },
): Promise<LinkWrite> {
  let relationship: RelationshipState | undefined;
  return commitChange(ctx, actor, async (tx, stamp) => {
    const [start, end] = await checkEnds(tx, input.type, input.from, input.to);
    const before = await readRelationshipState(tx, input.type, input.from, input.to);
    await applyState(tx, { ...before, props: input.props }, stamp);
    relationship = await readRelationshipState(tx, input.type, input.from, input.to);
    const verb = before.props ? 'Updated the link' : 'Linked';
    return {
      action: 'LINK',
      summary: `${verb} "${String(start.props.name)}" ${input.type} "${String(end.props.name)}"`,
      before: [before],
      after: [relationship],
    };
  }).then((change) => ({ change, relationship: relationship as RelationshipState }));
}

export function unlinkNodes(
  ctx: GraphContext,
  actor: Actor,
  input: { type: RelationshipType; from: string; to: string },
): Promise<LinkWrite> {
  let relationship: RelationshipState | undefined;
  return commitChange(ctx, actor, async (tx, stamp) => {
    const [start, end] = [await existingNode(tx, input.from), await existingNode(tx, input.to)];
    const before = await readRelationshipState(tx, input.type, input.from, input.to);
    if (!before.props) {
      throw new NotFoundError('link', `${input.from} ${input.type} ${input.to}`);
    }
    relationship = { ...before, props: null };
    await applyState(tx, relationship, stamp);
    return {
      action: 'UNLINK',
      summary: `Unlinked "${String(start.props.name)}" ${input.type} "${String(end.props.name)}"`,
      before: [before],
      after: [relationship],
    };
  }).then((change) => ({ change, relationship: relationship as RelationshipState }));
}

// The order the state writer writes in (link deletions, node writes, node deletions, link writes): an
// undo's record lists its states so, and a conflict names the first missing link end in that order.
function restoreOrder(state: EntityState): number {
  if (state.kind === 'relationship') return state.props === null ? 0 : 3;
  return state.props === null ? 2 : 1;
}

/**
 * Reverts a change by writing back its "before" states; itself a change, so it can be undone too. One
 * path for any size: an import's undo may touch thousands of nodes and links, a curation edit one.
 */
export function undoChange(ctx: GraphContext, actor: Actor, changeId: string): Promise<ChangeRecord> {
  const long = { ...ctx, timeoutMs: Math.max(ctx.timeoutMs, IMPORT_TIMEOUT_MS) };
  return commitChange(long, actor, async (tx, stamp) => {
    const found = await getChange(tx, changeId);
    if (!found) throw new NotFoundError('change', changeId);
    // Under the locks of everything it touched, no other write of those can be half-way: the check
    // for a blocking change below, and the states read for the record, see every one committed.
    await lockNodes(tx, found.nodeIds);
    const change = (await getChange(tx, changeId)) ?? found;
    if (change.undoneBy) {
      throw new ConflictError(`"${change.summary}" was already undone.`, { blockedBy: change.undoneBy });
    }
    const blocker = await findBlockingChange(tx, change);
    if (blocker) {
      throw new ConflictError(
        `"${change.summary}" cannot be undone: a later change touches the same thing — "${blocker.summary}" by ${blocker.byEmail} at ${blocker.at}. Undo that one first.`,
        { blockedBy: blocker.id },
      );
    }
    const targets = [...change.before].sort((a, b) => restoreOrder(a) - restoreOrder(b));
    const current = await readStates(tx, targets);
    try {
      await applyStates(tx, targets, stamp);
    } catch (error) {
      if (!(error instanceof MissingLinkEndError)) throw error;
      // A node can go without a later change touching this one's keys: the undo of its creation.
      throw new ConflictError(
        `"${change.summary}" cannot be undone: "${error.id}" no longer exists, so its link cannot come back.`,
        { id: error.id },
      );
    }
    return {
      action: 'UNDO' as const,
      summary: `Undid: ${change.summary}`,
      before: current,
      after: await readStates(tx, targets),
      undoOf: change.id,
    };
  });
}

/** A node as stored, retired or not, for an editor. */
export async function findNodeRecord(ctx: GraphContext, id: string): Promise<NodeState | null> {
  const [row] = await readQuery<{ labels: string[]; props: Properties }>(
    ctx,
    `MATCH (n:${ENTITY_LABEL} {id: $id}) RETURN labels(n) AS labels, properties(n) AS props`,
    { id },
  );
  return row ? { kind: 'node', label: labelOf(row.labels), id, props: row.props } : null;
}
