// Anonymous action plans: the plan's random id is the capability, so no session or CSRF token is
// asked for. Writes are rate-limited per client; inputs are checked field by field, naming the field.
import { randomBytes } from 'node:crypto';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors.ts';
import {
  deletePlan,
  findPlan,
  findPlanSource,
  insertPlan,
  replacePlan,
  type StoredMilestone,
  type StoredPlan,
} from '../graph/plans.ts';
import type {
  MilestoneInput,
  MutationResolvers,
  Plan,
  PlanRef,
  QueryResolvers,
} from './generated/graphql.ts';
import { graphLimitStore } from '../graph/rate-limits.ts';
import { createRateLimiter } from '../rate-limit.ts';
import { buildPlan } from '../scoring/plan-builder.ts';
import { requireId, requireIds, requireIntInRange } from './arguments.ts';
import type { ResolverContext } from './context.ts';

export const MAX_MILESTONES = 40;
export const MAX_TITLE = 120;
export const MAX_MILESTONE_TITLE = 200;
export const MAX_WHY = 600;
export const MAX_NOTE = 2000;
export const MAX_HAVE = 200;

/** A burst of 30 plan writes per client, then one every two seconds, counted across every API server. */
export const PLAN_WRITE_LIMIT = { capacity: 30, refillPerSecond: 0.5 };

/** 128 random bits as base64url: 22 characters nobody can guess. */
const PLAN_ID = /^[A-Za-z0-9_-]{22}$/;
const MILESTONE_ID = /^[A-Za-z0-9_-]{1,24}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const newPlanId = () => randomBytes(16).toString('base64url');
const newMilestoneId = () => randomBytes(6).toString('base64url');

function requirePlanId(value: string, argument = 'id'): string {
  const id = value.trim();
  if (!PLAN_ID.test(id)) {
    throw new BadUserInputError(
      'That is not a plan id: check the share link was copied whole (22 letters, digits, - or _).',
      argument,
    );
  }
  return id;
}

function requireDate(value: string, argument: string): string {
  const date = value.trim();
  const parsed = new Date(`${date}T00:00:00Z`);
  if (!DATE.test(date) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw new BadUserInputError(`${argument} must be a date as YYYY-MM-DD, such as 2026-09-01.`, argument);
  }
  return date;
}

function requireText(value: string, argument: string, min: number, max: number): string {
  const text = value.trim();
  if (text.length < min || text.length > max) {
    throw new BadUserInputError(
      min > 0
        ? `${argument} must be ${min} to ${max} characters; it has ${text.length}.`
        : `${argument} may be at most ${max} characters; it has ${text.length}.`,
      argument,
    );
  }
  return text;
}

function limitWrites(ctx: ResolverContext): Promise<void> {
  return createRateLimiter(graphLimitStore(ctx.graph), 'plan-write', PLAN_WRITE_LIMIT).take(
    ctx.clientIp ?? 'unknown',
  );
}

function shapeRef(plan: StoredPlan, id: string, fallbackName: string | null): PlanRef {
  const ref = plan.refs.get(id);
  if (!ref) return { id, name: fallbackName ?? id, kind: null, status: 'MISSING', retiredAt: null };
  return {
    id,
    name: ref.name,
    kind: ref.label,
    status: ref.retiredAt ? 'RETIRED' : 'ACTIVE',
    retiredAt: ref.retiredAt,
  };
}

export function shapePlan(plan: StoredPlan): Plan {
  const milestones = plan.milestones.map((m) => ({
    id: m.id,
    kind: m.kind,
    title: m.title,
    why: m.why,
    ref: m.ref ? shapeRef(plan, m.ref, m.refName) : null,
    hours: m.hours,
    due: m.due,
    done: m.done,
    note: m.note,
  }));
  return {
    id: plan.id,
    version: plan.version,
    title: plan.title,
    goal: plan.goal ? shapeRef(plan, plan.goal, plan.goalName) : null,
    milestones,
    outdated: milestones.filter((m) => m.ref && m.ref.status !== 'ACTIVE').length,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
  };
}

/** One milestone from the client, checked; `refName` is filled in by the graph layer. */
export function milestoneFrom(input: MilestoneInput, index: number, used: Set<string>): StoredMilestone {
  const at = `input.milestones[${index}]`;
  let id = input.id?.trim() || newMilestoneId();
  if (!MILESTONE_ID.test(id)) throw new BadUserInputError(`${at}.id is not a milestone id.`, `${at}.id`);
  if (used.has(id)) throw new BadUserInputError(`${at}.id repeats another milestone's id.`, `${at}.id`);
  used.add(id);
  const hours = input.hours ?? null;
  if (hours !== null && (!Number.isFinite(hours) || hours < 0 || hours > 10_000)) {
    throw new BadUserInputError(`${at}.hours must be from 0 to 10000.`, `${at}.hours`);
  }
  id = id.slice(0, 24);
  return {
    id,
    kind: input.kind,
    title: requireText(input.title, `${at}.title`, 1, MAX_MILESTONE_TITLE),
    why: requireText(input.why ?? '', `${at}.why`, 0, MAX_WHY),
    ref: input.ref ? requireId(input.ref, `${at}.ref`) : null,
    refName: null,
    hours,
    due: input.due ? requireDate(input.due, `${at}.due`) : null,
    done: input.done ?? false,
    note: requireText(input.note ?? '', `${at}.note`, 0, MAX_NOTE),
  };
}

export const planQueries: Pick<QueryResolvers, 'plan'> = {
  plan: async (_parent, args, { graph }) => {
    const id = requirePlanId(args.id);
    const plan = await findPlan(graph, id);
    if (!plan) throw new NotFoundError('plan', id);
    return shapePlan(plan);
  },
};

export const planMutations: Pick<MutationResolvers, 'createPlan' | 'updatePlan' | 'deletePlan'> = {
  createPlan: async (_parent, { input }, ctx) => {
    const career = requireId(input.career, 'input.career');
    const have = requireIds(input.have ?? [], 'input.have', MAX_HAVE);
    const subject = input.subject ? requireId(input.subject, 'input.subject') : null;
    const start = input.start
      ? requireDate(input.start, 'input.start')
      : new Date().toISOString().slice(0, 10);
    await limitWrites(ctx);
    const source = await findPlanSource(ctx.graph, career, have, subject);
    if (!source) throw new NotFoundError('career', career);
    if (subject && !source.start) {
      throw new BadUserInputError(`"${subject}" is not a subject in the graph.`, 'input.subject');
    }
    if (source.unknown.length > 0) {
      throw new BadUserInputError(
        `These are not skills in the graph: ${source.unknown.join(', ')}.`,
        'input.have',
      );
    }
    const content = buildPlan(source, start, newMilestoneId);
    return shapePlan(await insertPlan(ctx.graph, newPlanId(), content));
  },

  updatePlan: async (_parent, args, ctx) => {
    const id = requirePlanId(args.id);
    const version = requireIntInRange(args.version, 'version', 1, Number.MAX_SAFE_INTEGER, 1);
    const title = requireText(args.input.title, 'input.title', 1, MAX_TITLE);
    if (args.input.milestones.length > MAX_MILESTONES) {
      throw new BadUserInputError(
        `A plan may have at most ${MAX_MILESTONES} milestones; this one has ${args.input.milestones.length}.`,
        'input.milestones',
      );
    }
    const used = new Set<string>();
    const milestones = args.input.milestones.map((m, i) => milestoneFrom(m, i, used));
    await limitWrites(ctx);
    const result = await replacePlan(ctx.graph, id, version, { title, milestones });
    switch (result.outcome) {
      case 'not-found':
        throw new NotFoundError('plan', id);
      case 'stale':
        throw new ConflictError(
          'This plan was changed somewhere else (another tab or person) since you opened it. Reload to see the latest, then make your change again.',
          { version: result.version },
        );
      case 'unknown-refs':
        throw new BadUserInputError(
          `These ids are not in the graph: ${result.ids.join(', ')}.`,
          'input.milestones',
        );
      case 'updated':
        return shapePlan(result.plan);
    }
  },

  deletePlan: async (_parent, args, ctx) => {
    const id = requirePlanId(args.id);
    await limitWrites(ctx);
    if (!(await deletePlan(ctx.graph, id))) throw new NotFoundError('plan', id);
    return true;
  },
};
