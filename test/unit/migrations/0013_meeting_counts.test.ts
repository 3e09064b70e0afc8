import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { afterEachWrite, filledId, migratedFrom, planText } from './fill';

/** What meeting_counts must hold: live meetings per day (days at zero left out). */
const expectedCounts = (sqlite: Database.Database) =>
  sqlite.prepare('SELECT date, count(*) AS n FROM meetings WHERE deleted_at IS NULL GROUP BY date ORDER BY date').all();
const maintainedCounts = (sqlite: Database.Database) => sqlite.prepare('SELECT date, n FROM meeting_counts WHERE n > 0 ORDER BY date').all();
const total = (sqlite: Database.Database) => (sqlite.prepare('SELECT coalesce(sum(n), 0) AS n FROM meeting_counts').get() as { n: number }).n;

describe('migration 0013: live meetings per day (the meeting log\'s total)', () => {
  it('keeps every row, fills the counts from the meetings, and the triggers keep them right on every kind of write', async () => {
    const sqlite = await migratedFrom(13);
    // The filled database has 20 live meetings, all on 2024-04-30.
    expect(maintainedCounts(sqlite)).toEqual([{ date: '2024-04-30', n: 20 }]);

    const T = '2024-06-01T00:00:00.000Z';
    const stamps = `'${T}', '${T}', 'h', 'o'`;
    /** Filled meeting n (or a new one by its id) changed by `set`. */
    const change = (n: number | string, set: string) => `UPDATE meetings SET ${set} WHERE id = '${typeof n === 'number' ? filledId(8, n) : n}'`;
    const writes = [
      // Moved to another day; deleted; deleted and restored; deleted again with a new time (no change).
      change(1, "date = '2024-05-20', time = '10:00'"),
      change(2, `deleted_at = '${T}'`),
      change(3, `deleted_at = '${T}'`),
      change(3, 'deleted_at = NULL'),
      change(2, "deleted_at = '2024-06-02T00:00:00.000Z'"),
      // A deleted meeting moved (still not counted), then restored on its new day.
      change(2, "date = '2023-01-01'"),
      change(2, 'deleted_at = NULL'),
      // As a merge may: a new live meeting, a deleted one arriving, a tombstone and a move in one write.
      `INSERT INTO meetings (id, created_at, updated_at, hlc, origin, title, date, format, kind) VALUES ('m-new', ${stamps}, 'New', '2025-01-02', 'video', 'forum')`,
      `INSERT INTO meetings (id, created_at, updated_at, hlc, origin, title, date, format, kind, deleted_at) VALUES ('m-gone', ${stamps}, 'Gone', '2025-01-02', 'video', 'forum', '${T}')`,
      change(4, `date = '2025-01-03', deleted_at = '${T}'`),
      // A meeting removed for good (its links, attendees and tasks first); a deleted one removed: nothing to take off.
      ...['meeting_partnerships', 'meeting_attendees', 'tasks'].map((table) => `DELETE FROM ${table} WHERE meeting_id = '${filledId(8, 10)}'`),
      `DELETE FROM meetings WHERE id = '${filledId(8, 10)}'`,
      `DELETE FROM meetings WHERE id = 'm-gone'`,
    ];
    afterEachWrite(sqlite, writes, (write) => {
      expect(maintainedCounts(sqlite), write).toEqual(expectedCounts(sqlite));
    });
    expect(total(sqlite)).toBe(19);
    expect(maintainedCounts(sqlite)).toEqual([
      { date: '2023-01-01', n: 1 },
      { date: '2024-04-30', n: 16 },
      { date: '2024-05-20', n: 1 },
      { date: '2025-01-02', n: 1 },
    ]);

    // The total is a sum over the days, never a count of meetings; a range of days is read from the key.
    expect(planText(sqlite, 'SELECT coalesce(sum(n), 0) FROM meeting_counts')).toMatch(/^SCAN meeting_counts$/);
    expect(planText(sqlite, 'SELECT coalesce(sum(n), 0) FROM meeting_counts WHERE date >= ? AND date <= ?', '2024-01-01', '2024-12-31')).toMatch(
      /^SEARCH meeting_counts USING INDEX sqlite_autoindex_meeting_counts_1 \(date>\? AND date<\?\)$/,
    );
    sqlite.close();
  });
});
