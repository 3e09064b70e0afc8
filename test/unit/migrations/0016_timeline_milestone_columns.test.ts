import { describe, expect, it } from 'vitest';
import { filledId, migratedFrom, planText } from './fill';

describe('migration 0016: what the portfolio timeline shows of a milestone, in the index it reads them from', () => {
  it('keeps every row, and a partnership’s latest live milestones are read from milestones_live_partnership_date alone', async () => {
    const sqlite = await migratedFrom(16);
    const latest = `SELECT ms.id, ms.date, ms.date_precision AS precision, ms.title, ms.status, ms.kind FROM milestones ms
                     WHERE ms.partnership_id = ? AND ms.deleted_at IS NULL ORDER BY ms.date DESC, ms.id DESC LIMIT 50`;
    expect(planText(sqlite, latest, filledId(3, 4))).toMatch(/^SEARCH ms USING COVERING INDEX milestones_live_partnership_date \(partnership_id=\?\)$/);
    // The filled milestone of partnership 4, as the index now holds it.
    expect(sqlite.prepare(latest).all(filledId(3, 4))).toEqual([
      { id: filledId(6, 4), date: '2017-05', precision: 'month', title: '联合声明 4', status: 'done', kind: 'joint_statement' },
    ]);
    // A deleted milestone is left out of the index, and so of the timeline.
    sqlite.prepare('UPDATE milestones SET deleted_at = ? WHERE id = ?').run('2024-06-01T00:00:00.000Z', filledId(6, 4));
    expect(sqlite.prepare(latest).all(filledId(3, 4))).toEqual([]);
    sqlite.close();
  });
});
