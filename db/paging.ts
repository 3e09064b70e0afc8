import { z } from 'zod';

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
