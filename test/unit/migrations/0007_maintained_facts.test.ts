import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { afterEachWrite, migratedFrom, planText } from './fill';

/** What partnership_meetings must hold: every live meeting joined by a live link, once per partnership. */
const expectedMeetings = (sqlite: Database.Database) =>
  sqlite
    .prepare(
      `SELECT DISTINCT mp.partnership_id, m.id AS meeting_id, m.date, m.time FROM meeting_partnerships mp JOIN meetings m ON m.id = mp.meeting_id
        WHERE mp.deleted_at IS NULL AND m.deleted_at IS NULL ORDER BY 1, 2`,
    )
    .all();
const maintainedMeetings = (sqlite: Database.Database) =>
  sqlite.prepare('SELECT partnership_id, meeting_id, date, time FROM partnership_meetings ORDER BY 1, 2').all();
/** What partnership_facts must hold: each partnership's latest live meeting. */
const expectedLatest = (sqlite: Database.Database) =>
  sqlite
    .prepare(
      `SELECT mp.partnership_id, max(m.date) AS last_meeting FROM meeting_partnerships mp JOIN meetings m ON m.id = mp.meeting_id
        WHERE mp.deleted_at IS NULL AND m.deleted_at IS NULL GROUP BY 1 ORDER BY 1`,
    )
    .all();
const maintainedLatest = (sqlite: Database.Database) =>
  sqlite.prepare('SELECT partnership_id, last_meeting FROM partnership_facts WHERE last_meeting IS NOT NULL ORDER BY 1').all();
/** What task_counts must hold (rows at zero left out). */
const expectedCounts = (sqlite: Database.Database) =>
  sqlite.prepare("SELECT status, coalesce(due_on, '') AS due_on, count(*) AS n FROM tasks WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2").all();
const maintainedCounts = (sqlite: Database.Database) => sqlite.prepare('SELECT status, due_on, n FROM task_counts WHERE n > 0 ORDER BY 1, 2').all();

describe('migration 0007: maintained facts (each partnership\'s meetings by date and latest meeting, task counts) and the open-task index', () => {
  it('keeps every row, fills the three tables from the data, and the triggers keep them right on every kind of write', async () => {
    const sqlite = await migratedFrom(7);
    expect(maintainedMeetings(sqlite)).toHaveLength(20);
    expect(maintainedMeetings(sqlite)).toEqual(expectedMeetings(sqlite));
    expect(maintainedCounts(sqlite)).toEqual([{ status: 'open', due_on: '2024-05-15', n: 20 }]);
    expect(maintainedLatest(sqlite)).toHaveLength(20);
    expect(maintainedLatest(sqlite)).toEqual(expectedLatest(sqlite));

    const T = '2024-06-01T00:00:00.000Z';
    const common = `'${T}', '${T}', 'h', 'o'`;
    const meeting = (n: number) => `0190${'0008'}-0000-7000-8000-${String(n).padStart(12, '0')}`;
    const partnership = (n: number) => `0190${'0003'}-0000-7000-8000-${String(n).padStart(12, '0')}`;
    const writes = [
      // A meeting moved to another day and given a time; another deleted, then a third deleted and restored.
      `UPDATE meetings SET date = '2024-05-20', time = '10:00' WHERE id = '${meeting(1)}'`,
      `UPDATE meetings SET deleted_at = '${T}' WHERE id = '${meeting(2)}'`,
      `UPDATE meetings SET deleted_at = '${T}' WHERE id = '${meeting(3)}'`,
      `UPDATE meetings SET deleted_at = NULL WHERE id = '${meeting(3)}'`,
      // A link removed; a link to a second partnership added; a link moved to another partnership.
      `UPDATE meeting_partnerships SET deleted_at = '${T}' WHERE meeting_id = '${meeting(4)}'`,
      `INSERT INTO meeting_partnerships (id, created_at, updated_at, hlc, origin, meeting_id, partnership_id) VALUES ('l-1', ${common}, '${meeting(5)}', '${partnership(6)}')`,
      `UPDATE meeting_partnerships SET partnership_id = '${partnership(9)}' WHERE meeting_id = '${meeting(7)}' AND id <> 'l-1'`,
      // As a merge may: the link first, then its meeting; then a second live link of the same pair, one of the two removed.
      `INSERT INTO meeting_partnerships (id, created_at, updated_at, hlc, origin, meeting_id, partnership_id) VALUES ('l-2', ${common}, 'm-new', '${partnership(0)}')`,
      `INSERT INTO meetings (id, created_at, updated_at, hlc, origin, title, date, format, kind) VALUES ('m-new', ${common}, 'New', '2025-01-02', 'video', 'forum')`,
      `INSERT INTO meeting_partnerships (id, created_at, updated_at, hlc, origin, meeting_id, partnership_id) VALUES ('l-3', ${common}, 'm-new', '${partnership(0)}')`,
      `UPDATE meeting_partnerships SET deleted_at = '${T}' WHERE id = 'l-2'`,
      // A link and a meeting removed for good.
      `DELETE FROM meeting_partnerships WHERE meeting_id = '${meeting(8)}'`,
      `DELETE FROM meeting_attendees WHERE meeting_id = '${meeting(10)}'`,
      `DELETE FROM tasks WHERE meeting_id = '${meeting(10)}'`,
      `DELETE FROM meetings WHERE id = '${meeting(10)}'`,
      // Tasks: done, moved, deleted and restored, added without a due date.
      `UPDATE tasks SET status = 'done' WHERE title = '跟进 1'`,
      `UPDATE tasks SET due_on = '2024-06-30', status = 'in_progress' WHERE title = '跟进 2'`,
      `UPDATE tasks SET deleted_at = '${T}' WHERE title IN ('跟进 3', '跟进 4')`,
      `UPDATE tasks SET deleted_at = NULL WHERE title = '跟进 4'`,
      `INSERT INTO tasks (id, created_at, updated_at, hlc, origin, title, status) VALUES ('t-new', ${common}, 'No date', 'open')`,
    ];
    afterEachWrite(sqlite, writes, (write) => {
      expect(maintainedMeetings(sqlite), write).toEqual(expectedMeetings(sqlite));
      expect(maintainedCounts(sqlite), write).toEqual(expectedCounts(sqlite));
      expect(maintainedLatest(sqlite), write).toEqual(expectedLatest(sqlite));
    });
    expect(maintainedMeetings(sqlite)).toContainEqual({ partnership_id: partnership(0), meeting_id: 'm-new', date: '2025-01-02', time: null });
    expect(maintainedCounts(sqlite)).toContainEqual({ status: 'open', due_on: '', n: 1 });

    // A partnership's newest meetings are read in order from the index; the open tasks due before a day too.
    const meetingsPage = planText(
      sqlite,
      `SELECT m.id FROM partnership_meetings pm JOIN meetings m ON m.id = pm.meeting_id WHERE pm.partnership_id = ?
        ORDER BY pm.date DESC, pm.time DESC, pm.meeting_id DESC LIMIT 100`,
      partnership(0),
    );
    expect(meetingsPage).toMatch(/SEARCH pm USING (COVERING )?INDEX partnership_meetings_by_date \(partnership_id=\?\)/);
    expect(meetingsPage).not.toMatch(/TEMP B-TREE/);
    const overdue = planText(
      sqlite,
      `SELECT id FROM tasks INDEXED BY tasks_open_due WHERE "tasks"."deleted_at" IS NULL AND "tasks"."status" IN ('open', 'in_progress') AND "tasks"."due_on" IS NOT NULL
          AND due_on < '2024-06-01' ORDER BY due_on, title, id LIMIT 100`,
    );
    expect(overdue).toMatch(/SEARCH tasks USING (COVERING )?INDEX tasks_open_due \(due_on>\? AND due_on<\?\)/);
    expect(overdue).not.toMatch(/TEMP B-TREE/);
    sqlite.close();
  });
});
