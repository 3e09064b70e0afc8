import type { Page } from '@db/paging';

/**
 * Every row of a paged list, read page by page (500 at a time). For the pickers that still offer
 * a whole list; the long lists themselves read one page at a time as they scroll.
 */
export async function allPages<T>(load: (page: { limit: number; offset: number }) => Promise<Page<T>>): Promise<T[]> {
  const rows: T[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const page: Page<T> = await load({ limit: 500, offset });
    rows.push(...page.rows);
    offset = page.next;
  }
  return rows;
}
