import { describe, expect, it } from 'vitest';
import { loadMigrations, openDatabase } from '../../../db/open';
import { filledDatabaseAt, planText, snapshotRows } from './fill';

describe('migration 0005: the index the partnership list pages through', () => {
  it('keeps every row, adds partnerships_list, and a page in the default order is read from it without sorting', async () => {
    const { file, before } = filledDatabaseAt(5);
    const opened = await openDatabase(file);
    expect(opened.migrationsApplied).toBe(loadMigrations().length - 5);
    expect(snapshotRows(opened.sqlite)).toEqual(before);
    expect(opened.sqlite.pragma('foreign_key_check')).toEqual([]);
    const indexes = (opened.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toContain('partnerships_list');
    const page = planText(
      opened.sqlite,
      'SELECT id FROM partnerships WHERE deleted_at IS NULL ORDER BY status_since DESC, title ASC, id ASC LIMIT 100 OFFSET 4900',
    );
    expect(page).toMatch(/SCAN partnerships USING COVERING INDEX partnerships_list/);
    expect(page).not.toMatch(/TEMP B-TREE/);
    expect(planText(opened.sqlite, 'SELECT count(*) FROM partnerships WHERE deleted_at IS NULL')).toMatch(/COVERING INDEX partnerships_list/);
    opened.sqlite.close();
  });
});
