import { describe, expect, it } from 'vitest';
import { loadMigrations, openDatabase } from '../../../db/open';
import { filledDatabaseAt, planText, snapshotRows } from './fill';

describe('migration 0006: the indexes the task and contact lists page through', () => {
  it('keeps every row, adds tasks_list and contacts_list, and a page in the default order is read from them without sorting', async () => {
    const { file, before } = filledDatabaseAt(6);
    const opened = await openDatabase(file);
    expect(opened.migrationsApplied).toBe(loadMigrations().length - 6);
    expect(snapshotRows(opened.sqlite)).toEqual(before);
    expect(opened.sqlite.pragma('foreign_key_check')).toEqual([]);
    const indexes = (opened.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['tasks_list', 'contacts_list']));
    const openTasks = planText(
      opened.sqlite,
      `SELECT id FROM tasks WHERE deleted_at IS NULL AND status IN ('open', 'in_progress')
        ORDER BY due_on IS NULL, due_on, title, id LIMIT 100 OFFSET 200`,
    );
    expect(openTasks).toMatch(/SEARCH tasks USING COVERING INDEX tasks_list \(deleted_at=\?\)/);
    expect(openTasks).not.toMatch(/TEMP B-TREE/);
    expect(planText(opened.sqlite, "SELECT count(*) FROM tasks WHERE deleted_at IS NULL AND status IN ('open', 'in_progress')")).toMatch(/COVERING INDEX tasks_list/);
    const contactsPage = planText(opened.sqlite, 'SELECT id FROM contacts WHERE deleted_at IS NULL ORDER BY name, id LIMIT 100 OFFSET 200');
    expect(contactsPage).toMatch(/SEARCH contacts USING COVERING INDEX contacts_list \(deleted_at=\?\)/);
    expect(contactsPage).not.toMatch(/TEMP B-TREE/);
    opened.sqlite.close();
  });
});
