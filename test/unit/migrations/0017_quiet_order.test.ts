import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { afterEachWrite, migratedFrom, planText } from './fill';

/**
 * What quiet_order must hold, counted here from the records: each live partnership, its status, title, the day it
 * began (the earliest of term start, status date and entry), and the latest two days it met by a live link ('' none).
 */
const expected = (sqlite: Database.Database) =>
  sqlite
    .prepare(
      `WITH met AS (
         SELECT DISTINCT mp.partnership_id, m.date FROM meeting_partnerships mp JOIN meetings m ON m.id = mp.meeting_id
          WHERE mp.deleted_at IS NULL AND m.deleted_at IS NULL),
       days AS (SELECT partnership_id, date, row_number() OVER (PARTITION BY partnership_id ORDER BY date DESC) AS nth FROM met)
       SELECT p.id AS partnership_id, p.status, p.title,
              min(coalesce(p.term_start, p.created_at), coalesce(p.status_since, p.created_at), substr(p.created_at, 1, 10)) AS began,
              coalesce((SELECT date FROM days WHERE partnership_id = p.id AND nth = 1), '') AS last_meeting,
              coalesce((SELECT date FROM days WHERE partnership_id = p.id AND nth = 2), '') AS prior_meeting
         FROM partnerships p WHERE p.deleted_at IS NULL ORDER BY 1`,
    )
    .all();
const maintained = (sqlite: Database.Database) =>
  sqlite.prepare('SELECT partnership_id, status, title, began, last_meeting, prior_meeting FROM quiet_order ORDER BY 1').all();

describe("migration 0017: the dashboard's quiet partnerships, maintained", () => {
  it('keeps every row, fills quiet_order from the data, and the triggers keep it right on every kind of write', async () => {
    const sqlite = await migratedFrom(17);
    // The fill: 20 live partnerships, active since 31 May 2017, each with its one meeting of 30 April 2024.
    expect(maintained(sqlite)).toHaveLength(20);
    expect(maintained(sqlite)).toEqual(expected(sqlite));
    expect(maintained(sqlite)[0]).toMatchObject({ status: 'active', began: '2017-05-31', last_meeting: '2024-04-30', prior_meeting: '' });

    const T = '2024-06-01T00:00:00.000Z';
    const common = `'${T}', '${T}', 'h', 'o'`;
    const meeting = (n: number) => `0190${'0008'}-0000-7000-8000-${String(n).padStart(12, '0')}`;
    const partnership = (n: number) => `0190${'0003'}-0000-7000-8000-${String(n).padStart(12, '0')}`;
    const newMeeting = (id: string, date: string) =>
      `INSERT INTO meetings (id, created_at, updated_at, hlc, origin, title, date, format, kind) VALUES ('${id}', ${common}, 'M', '${date}', 'video', 'forum')`;
    const newLink = (id: string, meetingId: string, partnershipId: string) =>
      `INSERT INTO meeting_partnerships (id, created_at, updated_at, hlc, origin, meeting_id, partnership_id) VALUES ('${id}', ${common}, '${meetingId}', '${partnershipId}')`;
    const writes = [
      // Meetings logged: a later one, then another on that same day (the day before stays), then one planned far ahead.
      newMeeting('m-1', '2025-03-01'),
      newLink('l-1', 'm-1', partnership(1)),
      newMeeting('m-2', '2025-03-01'),
      newLink('l-2', 'm-2', partnership(1)),
      newMeeting('m-3', '2031-01-01'),
      newLink('l-3', 'm-3', partnership(1)),
      // A meeting deleted, another deleted and restored, one moved into the future, one moved back to its old day.
      `UPDATE meetings SET deleted_at = '${T}' WHERE id = 'm-3'`,
      `UPDATE meetings SET deleted_at = '${T}' WHERE id = '${meeting(2)}'`,
      `UPDATE meetings SET deleted_at = '${T}' WHERE id = '${meeting(3)}'`,
      `UPDATE meetings SET deleted_at = NULL WHERE id = '${meeting(3)}'`,
      `UPDATE meetings SET date = '2030-05-05' WHERE id = 'm-1'`,
      `UPDATE meetings SET date = '2025-03-01' WHERE id = 'm-1'`,
      // Links: one removed, one moved to another partnership, one removed for good; a meeting removed for good.
      `UPDATE meeting_partnerships SET deleted_at = '${T}' WHERE meeting_id = '${meeting(4)}'`,
      `UPDATE meeting_partnerships SET partnership_id = '${partnership(6)}' WHERE meeting_id = '${meeting(5)}'`,
      `DELETE FROM meeting_partnerships WHERE meeting_id = '${meeting(7)}'`,
      `DELETE FROM meeting_attendees WHERE meeting_id = '${meeting(8)}'`,
      `DELETE FROM tasks WHERE meeting_id = '${meeting(8)}'`,
      `DELETE FROM meetings WHERE id = '${meeting(8)}'`,
      // Partnerships: a status changed, retitled, its term's start moved earlier, one deleted, another deleted and restored, one removed for good.
      `UPDATE partnerships SET status = 'dormant' WHERE id = '${partnership(9)}'`,
      `UPDATE partnerships SET title = 'Renamed' WHERE id = '${partnership(10)}'`,
      `UPDATE partnerships SET term_start = '2010-01-01' WHERE id = '${partnership(11)}'`,
      `UPDATE partnerships SET status_since = '2024-05-01', status = 'negotiating' WHERE id = '${partnership(12)}'`,
      `UPDATE partnerships SET deleted_at = '${T}' WHERE id = '${partnership(13)}'`,
      `UPDATE partnerships SET deleted_at = '${T}' WHERE id = '${partnership(14)}'`,
      `UPDATE partnerships SET deleted_at = NULL WHERE id = '${partnership(14)}'`,
      `DELETE FROM partnerships WHERE id = '${partnership(15)}'`,
      // As a merge may: a link before its meeting, both before their partnership; a deleted partnership arriving.
      newLink('l-4', 'm-4', 'p-new'),
      newMeeting('m-4', '2023-02-02'),
      newLink('l-5', 'm-5', 'p-new'),
      newMeeting('m-5', '2029-09-09'),
      `INSERT INTO partnerships (id, created_at, updated_at, hlc, origin, title, kind, status, status_since, topics)
       VALUES ('p-new', ${common}, 'New', 'sister_city', 'active', '2020-02-02', '[]')`,
      `INSERT INTO partnerships (id, created_at, updated_at, hlc, origin, title, kind, status, topics, deleted_at)
       VALUES ('p-gone', ${common}, 'Gone', 'sister_city', 'active', '[]', '${T}')`,
    ];
    afterEachWrite(sqlite, writes, (write) => {
      expect(maintained(sqlite), write).toEqual(expected(sqlite));
      expect(sqlite.prepare('SELECT count(*) AS n FROM quiet_refresh').get(), write).toEqual({ n: 0 });
    });
    const byId = new Map((maintained(sqlite) as { partnership_id: string }[]).map((r) => [r.partnership_id, r]));
    expect(byId.get(partnership(1))).toMatchObject({ last_meeting: '2025-03-01', prior_meeting: '2024-04-30' });
    expect(byId.get(partnership(2))).toMatchObject({ last_meeting: '', prior_meeting: '' });
    expect(byId.get(partnership(6))).toMatchObject({ last_meeting: '2024-04-30', prior_meeting: '' });
    expect(byId.get(partnership(9))).toMatchObject({ status: 'dormant' });
    expect(byId.get(partnership(11))).toMatchObject({ began: '2010-01-01' });
    expect(byId.get('p-new')).toMatchObject({ began: '2020-02-02', last_meeting: '2029-09-09', prior_meeting: '2023-02-02' });
    for (const gone of [partnership(13), partnership(15), 'p-gone']) expect(byId.has(gone)).toBe(false);
    expect(byId.has(partnership(14))).toBe(true);

    // The quiet ones by their latest meeting, in the card's order from the partial index alone.
    const read = `SELECT partnership_id FROM quiet_order WHERE status IN ('active', 'negotiating') AND last_meeting < '2025-01-01'
                   ORDER BY last_meeting, title, partnership_id`;
    expect(planText(sqlite, read)).toBe('SEARCH quiet_order USING COVERING INDEX quiet_order_last (last_meeting<?)');
    expect((sqlite.prepare(read).pluck().all() as string[])[0]).toBe(partnership(2));
    sqlite.close();
  });
});
