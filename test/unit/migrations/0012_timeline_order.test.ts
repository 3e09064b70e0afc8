import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { afterEachWrite, migratedFrom, planText } from './fill';

/** What timeline_order must hold: each live partnership, its status, title and first live milestone. */
const expected = (sqlite: Database.Database) =>
  sqlite
    .prepare(
      `SELECT p.id AS partnership_id, p.status, p.title, (SELECT min(ms.date) FROM milestones ms WHERE ms.partnership_id = p.id AND ms.deleted_at IS NULL) AS first_milestone
         FROM partnerships p WHERE p.deleted_at IS NULL ORDER BY 1`,
    )
    .all();
const maintained = (sqlite: Database.Database) => sqlite.prepare('SELECT partnership_id, status, title, first_milestone FROM timeline_order ORDER BY 1').all();

describe('migration 0012: the portfolio timeline’s order of partnerships, maintained', () => {
  it('keeps every row, fills timeline_order from the data, keeps it right on every kind of write, and a page is a walk of its index', async () => {
    const sqlite = await migratedFrom(12);
    // The fill: 20 live partnerships, each with its one milestone of May 2017.
    expect(maintained(sqlite)).toHaveLength(20);
    expect(maintained(sqlite)).toEqual(expected(sqlite));
    expect(new Set(maintained(sqlite).map((r) => (r as { first_milestone: string }).first_milestone))).toEqual(new Set(['2017-05']));

    const T = '2024-06-01T00:00:00.000Z';
    const common = `'${T}', '${T}', 'h', 'o'`;
    const partnership = (n: number) => `0190${'0003'}-0000-7000-8000-${String(n).padStart(12, '0')}`;
    const milestone = (n: number) => `0190${'0006'}-0000-7000-8000-${String(n).padStart(12, '0')}`;
    const newMilestone = (id: string, partnershipId: string, date: string) =>
      `INSERT INTO milestones (id, created_at, updated_at, hlc, origin, partnership_id, title, date, date_precision, kind, status)
       VALUES ('${id}', ${common}, '${partnershipId}', 'M', '${date}', 'day', 'visit', 'done')`;
    const writes = [
      // Milestones: an earlier one added, one moved later, one deleted and another restored, one moved to another partnership.
      newMilestone('ms-1', partnership(1), '2016-02-03'),
      `UPDATE milestones SET date = '2019-01-01' WHERE id = '${milestone(2)}'`,
      `UPDATE milestones SET deleted_at = '${T}' WHERE id = '${milestone(3)}'`,
      `UPDATE milestones SET deleted_at = '${T}' WHERE id = '${milestone(4)}'`,
      `UPDATE milestones SET deleted_at = NULL WHERE id = '${milestone(4)}'`,
      `UPDATE milestones SET partnership_id = '${partnership(6)}' WHERE id = '${milestone(5)}'`,
      `DELETE FROM milestones WHERE id = '${milestone(7)}'`,
      // Partnerships: retitled, a status changed, one deleted, another deleted and restored.
      `UPDATE partnerships SET title = 'Renamed' WHERE id = '${partnership(8)}'`,
      `UPDATE partnerships SET status = 'dormant' WHERE id = '${partnership(9)}'`,
      `UPDATE partnerships SET deleted_at = '${T}' WHERE id = '${partnership(10)}'`,
      `UPDATE partnerships SET deleted_at = '${T}' WHERE id = '${partnership(11)}'`,
      `UPDATE partnerships SET deleted_at = NULL WHERE id = '${partnership(11)}'`,
      // As a merge may: a milestone before its partnership, then the partnership; a deleted partnership arriving.
      newMilestone('ms-2', 'p-new', '2011-11-11'),
      `INSERT INTO partnerships (id, created_at, updated_at, hlc, origin, title, kind, status, topics)
       VALUES ('p-new', ${common}, 'New', 'sister_city', 'prospect', '[]')`,
      `INSERT INTO partnerships (id, created_at, updated_at, hlc, origin, title, kind, status, topics, deleted_at)
       VALUES ('p-gone', ${common}, 'Gone', 'sister_city', 'active', '[]', '${T}')`,
    ];
    afterEachWrite(sqlite, writes, (write) => {
      expect(maintained(sqlite), write).toEqual(expected(sqlite));
    });
    expect(maintained(sqlite)).toContainEqual({ partnership_id: 'p-new', status: 'prospect', title: 'New', first_milestone: '2011-11-11' });
    expect(maintained(sqlite)).toContainEqual({ partnership_id: partnership(3), status: 'active', title: '合作 3', first_milestone: null });

    // A page of the timeline, all statuses or one: a walk of an index in the order asked, no sort.
    const all = planText(sqlite, 'SELECT partnership_id FROM timeline_order ORDER BY first_milestone IS NULL, first_milestone, title, partnership_id LIMIT 40 OFFSET 10');
    expect(all).toMatch(/^SCAN timeline_order USING COVERING INDEX timeline_order_all$/);
    const byStatus = planText(
      sqlite,
      "SELECT partnership_id FROM timeline_order WHERE status = 'active' ORDER BY first_milestone IS NULL, first_milestone, title, partnership_id LIMIT 40",
    );
    expect(byStatus).toMatch(/^SEARCH timeline_order USING COVERING INDEX timeline_order_status \(status=\?\)$/);
    const first = sqlite
      .prepare('SELECT partnership_id FROM timeline_order ORDER BY first_milestone IS NULL, first_milestone, title, partnership_id LIMIT 2')
      .pluck()
      .all();
    expect(first).toEqual(['p-new', partnership(1)]);
    sqlite.close();
  });
});
