import { describe, expect, it } from 'vitest';
import { loadMigrations, openDatabase } from '../../../db/open';
import { filledDatabaseAt, planText, snapshotRows } from './fill';

describe('migration 0002: indexes for open tasks by due date, tasks by assignee, change log by origin', () => {
  it('keeps every row, adds the indexes, and the overdue, my-tasks and version-vector queries use them', async () => {
    const { file, before } = filledDatabaseAt(2);
    const opened = await openDatabase(file);
    expect(opened.migrationsApplied).toBe(loadMigrations().length - 2);
    expect(snapshotRows(opened.sqlite)).toEqual(before);
    expect(opened.sqlite.pragma('foreign_key_check')).toEqual([]);
    const indexes = (opened.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['tasks_status_due_on', 'tasks_assignee', 'change_log_origin_hlc']));
    expect(planText(opened.sqlite, "SELECT id FROM tasks WHERE status IN ('open', 'in_progress') AND due_on < ?", '2024-05-01')).toMatch(/USING (COVERING )?INDEX tasks_status_due_on/);
    expect(planText(opened.sqlite, 'SELECT id FROM tasks WHERE assignee = ?', '陈亮')).toMatch(/INDEX tasks_assignee/);
    expect(planText(opened.sqlite, 'SELECT origin, max(hlc) FROM change_log GROUP BY origin')).toMatch(/INDEX change_log_origin_hlc/);
    opened.sqlite.close();
  });
});
