// Opaque cursors for `first` + `after` paging, and the hard maximum on every list.
import { BadUserInputError } from '../errors.ts';
import type { PageRequest } from '../graph/paging.ts';
import type { Page } from '../graph/types.ts';
import type { PageInfo } from './generated/graphql.ts';
import { requireIntInRange } from './arguments.ts';

const PREFIX = 'o:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`).toString('base64url');
}

export function decodeCursor(after: string | null | undefined): number {
  if (after === null || after === undefined) return 0;
  const text = Buffer.from(after, 'base64url').toString('utf8');
  const match = /^o:(0|[1-9]\d{0,6})$/.exec(text);
  const offset = Number(match?.[1]);
  // Exactly what encodeCursor writes, nothing looser: a hand-made cursor is a mistake worth reporting.
  if (!match || Buffer.from(text).toString('base64url') !== after) {
    throw new BadUserInputError(
      '`after` is not a cursor this API gave out: pass the `endCursor` of the previous page.',
      'after',
    );
  }
  return offset;
}

export function pageRequest(
  first: number | null | undefined,
  after: string | null | undefined,
  limits: { fallback: number; max: number },
): PageRequest {
  return {
    first: requireIntInRange(first, 'first', 1, limits.max, limits.fallback),
    offset: decodeCursor(after),
  };
}

export function pageInfo(page: Page<unknown>, request: PageRequest): PageInfo {
  return {
    hasNextPage: page.hasMore,
    endCursor: page.items.length > 0 ? encodeCursor(request.offset + page.items.length) : null,
  };
}
