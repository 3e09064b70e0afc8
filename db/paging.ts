import { z } from 'zod';
import { count, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Core } from './core';

/** The largest page a list operation hands out: no list returns a whole big table at once. */
export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 100;

/** The paging fields every paged list accepts. */
export const pageFields = {
  limit: z.number().int().min(1).max(MAX_PAGE).optional(),
  offset: z.number().int().min(0).max(1_000_000_000).optional(),
};

/** One page of a list: its rows, how many rows match in all, and the offset of the next page (null at the end). */
export interface Page<T> {
  rows: T[];
  total: number;
  next: number | null;
}

export function pageOf<T>(rows: T[], total: number, offset: number): Page<T> {
  const end = offset + rows.length;
  return { rows, total, next: end < total && rows.length > 0 ? end : null };
}

/**
 * One page by offset of the rows of `table` matching `where`, in `order` (which ends with the id,
 * so pages never repeat or skip a row): the count of all matches, the ids of the page alone, and
 * then `rowsOf` those ids (in any order; the page keeps the sorted one). `total`, when given,
 * answers the count from a maintained counter instead.
 */
export function offsetPage<T extends { id: string }>(
  core: Core,
  query: { table: SQLiteTable & { id: SQLiteColumn }; where: SQL | undefined; order: readonly SQL[]; total?: (() => number) | undefined },
  page: { limit?: number | undefined; offset?: number | undefined },
  rowsOf: (ids: string[]) => T[],
): Page<T> {
  const limit = page.limit ?? DEFAULT_PAGE;
  const offset = page.offset ?? 0;
  const { table, where, order } = query;
  const total = query.total ? query.total() : (core.db.select({ n: count() }).from(table).where(where).get()?.n ?? 0);
  if (offset >= total) return pageOf([], total, offset);
  const ids = core.db
    .select({ id: table.id })
    .from(table)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset)
    .all()
    .map((r) => r.id as string);
  const byId = new Map(rowsOf(ids).map((row) => [row.id, row]));
  return pageOf(
    ids.flatMap((id) => byId.get(id) ?? []),
    total,
    offset,
  );
}
