import { describe, expect, it } from 'vitest';
import { loadMigrations, openDatabase } from '../../../db/open';
import { filledDatabaseAt, planText, snapshotRows } from './fill';

describe('migration 0004: the index the meeting log pages through', () => {
  it('keeps every row, adds meetings_list, and a page after a cursor and the count of live meetings use it', async () => {
    const { file, before } = filledDatabaseAt(4);
    const opened = await openDatabase(file);
    expect(opened.migrationsApplied).toBe(loadMigrations().length - 4);
    expect(snapshotRows(opened.sqlite)).toEqual(before);
    expect(opened.sqlite.pragma('foreign_key_check')).toEqual([]);
    const indexes = (opened.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toContain('meetings_list');
    const page = planText(
      opened.sqlite,
      'SELECT id FROM meetings WHERE deleted_at IS NULL AND date <= ? AND (date < ? OR (date = ? AND id < ?)) ORDER BY date DESC, time DESC, id DESC LIMIT 101',
      '2024-05-01', '2024-05-01', '2024-05-01', 'x',
    );
    expect(page).toMatch(/SEARCH meetings USING (COVERING )?INDEX meetings_list \(deleted_at=\? AND date<\?\)/);
    expect(page).not.toMatch(/TEMP B-TREE/);
    expect(planText(opened.sqlite, 'SELECT count(*) FROM meetings WHERE deleted_at IS NULL')).toMatch(/COVERING INDEX meetings_list \(deleted_at=\?\)/);
    opened.sqlite.close();
  });
});
