// nodeRecord, history, recentChanges and the curation mutations. Each mutation checks who is asking,
// validates its input field by field, and calls one graph function that writes in one transaction.
import { BadUserInputError, NotFoundError } from '../errors.ts';
import { listChanges } from '../graph/audit.ts';
import {
  createNode,
  findNodeRecord,
  linkNodes,
  restoreNode,
  retireNode,
  undoChange,
  unlinkNodes,
  updateNode,
} from '../graph/curate.ts';
import type { NodeState, RelationshipState } from '../graph/entity-state.ts';
import { nodeFromProperties } from '../graph/node-mapper.ts';
import type { MutationResolvers, NodeRecord, QueryResolvers } from './generated/graphql.ts';
import { requireId, requireIntInRange } from './arguments.ts';
import { shapeChange } from './change-shape.ts';
import { hasLevel, hasStrength, linkProperties, nodeProperties } from './curation-input.ts';
import { RELATIONSHIP_ENDPOINTS, RELATIONSHIP_TYPES } from '../graph/model.ts';
import { requireCurator } from './guards.ts';
import { shapeEdge, shapeNode, type ShapedNode } from './shape.ts';
import type { ResolverContext } from './context.ts';

export const MAX_CHANGES_PAGE = 100;

const str = (v: unknown) => (typeof v === 'string' ? v : null);

function shapeRecord(state: NodeState): Omit<NodeRecord, 'node'> & { node: ShapedNode } {
  const props = state.props ?? {};
  return {
    node: shapeNode(nodeFromProperties(state.label, props)),
    version: Number(props.version ?? 0),
    retired: typeof props.retiredAt === 'string',
    retiredAt: str(props.retiredAt),
    updatedAt: str(props.updatedAt),
    updatedBy: str(props.updatedBy),
  };
}

function shapeLink(state: RelationshipState) {
  if (!state.props) return null;
  const strength = state.props.weight ?? state.props.importance ?? state.props.score;
  return shapeEdge({
    type: state.type,
    from: state.from,
    to: state.to,
    why: String(state.props.why ?? ''),
    weight: typeof strength === 'number' ? strength : null,
  });
}

// Change pages continue below a sequence number; the cursor says so and nothing else.
const CURSOR = /^c:([1-9]\d{0,12})$/;

function decodeChangeCursor(after: string | null | undefined): number | undefined {
  if (after === null || after === undefined) return undefined;
  const text = Buffer.from(after, 'base64url').toString('utf8');
  const match = CURSOR.exec(text);
  if (!match || Buffer.from(text).toString('base64url') !== after) {
    throw new BadUserInputError(
      '`after` is not a cursor this API gave out: pass the `endCursor` of the previous page.',
      'after',
    );
  }
  return Number(match[1]);
}

async function changePage(
  ctx: ResolverContext,
  args: { first?: number | null; after?: string | null },
  nodeId?: string,
) {
  const first = requireIntInRange(args.first, 'first', 1, MAX_CHANGES_PAGE, 20);
  const before = decodeChangeCursor(args.after);
  const page = await listChanges(ctx.graph, {
    first,
    ...(nodeId ? { nodeId } : {}),
    ...(before ? { before } : {}),
  });
  const last = page.items.at(-1);
  return {
    changes: page.items.map(shapeChange),
    pageInfo: {
      hasNextPage: page.hasMore,
      endCursor: last ? Buffer.from(`c:${last.seq}`).toString('base64url') : null,
    },
  };
}

export const curationQueries: Pick<
  QueryResolvers,
  'nodeRecord' | 'history' | 'recentChanges' | 'relationshipRules'
> = {
  relationshipRules: () =>
    RELATIONSHIP_TYPES.map((type) => ({
      type,
      from: [...RELATIONSHIP_ENDPOINTS[type].from],
      to: [...RELATIONSHIP_ENDPOINTS[type].to],
      hasStrength: hasStrength(type),
      hasLevel: hasLevel(type),
    })),

  // A record shows who edited it (emails) and the full text of retired nodes: curators only.
  nodeRecord: async (_parent, args, ctx) => {
    await requireCurator(ctx, { write: false });
    const { graph } = ctx;
    const id = requireId(args.id);
    const state = await findNodeRecord(graph, id);
    if (!state) throw new NotFoundError('node', id);
    return shapeRecord(state);
  },

  history: async (_parent, args, ctx) => {
    await requireCurator(ctx, { write: false });
    return changePage(ctx, args, requireId(args.nodeId, 'nodeId'));
  },

  recentChanges: async (_parent, args, ctx) => {
    await requireCurator(ctx, { write: false });
    return changePage(ctx, args);
  },
};

export const curationMutations: Pick<
  MutationResolvers,
  'createNode' | 'updateNode' | 'retireNode' | 'restoreNode' | 'linkNodes' | 'unlinkNodes' | 'undo'
> = {
  createNode: async (_parent, { input }, ctx) => {
    const actor = await requireCurator(ctx);
    const label = input.kind;
    const id = requireId(input.id, 'input.id');
    const props = nodeProperties(label, input.fields, { argument: 'input.fields', complete: true });
    const written = await createNode(ctx.graph, actor, { label, id, props });
    return { change: shapeChange(written.change), record: shapeRecord(written.node) };
  },

  updateNode: async (_parent, { input }, ctx) => {
    const actor = await requireCurator(ctx);
    const id = requireId(input.id, 'input.id');
    const version = requireIntInRange(input.version, 'input.version', 0, Number.MAX_SAFE_INTEGER, 0);
    const current = await findNodeRecord(ctx.graph, id);
    if (!current) throw new NotFoundError('node', id);
    const set = nodeProperties(current.label, input.fields, { argument: 'input.fields', complete: false });
    if (Object.keys(set).length === 0) {
      throw new BadUserInputError('Send at least one field to change.', 'input.fields');
    }
    const written = await updateNode(ctx.graph, actor, { id, version, set });
    return { change: shapeChange(written.change), record: shapeRecord(written.node) };
  },

  retireNode: async (_parent, args, ctx) => {
    const actor = await requireCurator(ctx);
    const written = await retireNode(ctx.graph, actor, requireId(args.id), args.version);
    return { change: shapeChange(written.change), record: shapeRecord(written.node) };
  },

  restoreNode: async (_parent, args, ctx) => {
    const actor = await requireCurator(ctx);
    const written = await restoreNode(ctx.graph, actor, requireId(args.id), args.version);
    return { change: shapeChange(written.change), record: shapeRecord(written.node) };
  },

  linkNodes: async (_parent, { input }, ctx) => {
    const actor = await requireCurator(ctx);
    const from = requireId(input.from, 'input.from');
    const to = requireId(input.to, 'input.to');
    const props = linkProperties(input);
    const written = await linkNodes(ctx.graph, actor, { type: input.type, from, to, props });
    return { change: shapeChange(written.change), edge: shapeLink(written.relationship) };
  },

  unlinkNodes: async (_parent, { input }, ctx) => {
    const actor = await requireCurator(ctx);
    const from = requireId(input.from, 'input.from');
    const to = requireId(input.to, 'input.to');
    const written = await unlinkNodes(ctx.graph, actor, { type: input.type, from, to });
    return { change: shapeChange(written.change), edge: null };
  },

  undo: async (_parent, args, ctx) => {
    const actor = await requireCurator(ctx);
    const changeId = args.changeId.trim();
    if (!/^[0-9a-f-]{36}$/.test(changeId)) {
      throw new BadUserInputError(`"${changeId.slice(0, 40)}" is not a change id.`, 'changeId');
    }
    return shapeChange(await undoChange(ctx.graph, actor, changeId));
  },
};
