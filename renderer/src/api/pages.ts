import type { Page } from '@db/paging';

/**
 * Every row of a paged list, read page by page (500 at a time): for a partnership's own tasks. No
 * picker or form reads a whole table (components/RecordPicker searches page by page).
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
