// Offset paging in Cypher: ask for one more than the page, so "is there a next page" costs nothing.
import { int, type Integer } from 'neo4j-driver';
import type { Page } from './types.ts';

export interface PageRequest {
  offset: number;
  first: number;
}

export function pageParams(page: PageRequest): { skip: Integer; limit: Integer } {
  return { skip: int(page.offset), limit: int(page.first + 1) };
}

export function toPage<T>(rows: T[], page: PageRequest): Page<T> {
  return { items: rows.slice(0, page.first), hasMore: rows.length > page.first };
}
