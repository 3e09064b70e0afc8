import { describe, expect, it } from 'vitest';
import { migratedFrom, planText } from './fill';

describe('migration 0008: indexes of the deleted records (Trash) and of live owners (the owner filter)', () => {
  it('keeps every row, and the Trash page and the owner choices are read from the new indexes, never a whole table', async () => {
    const sqlite = await migratedFrom(8);
    // The filled database has one deleted organization: the Trash lists it, found through organizations_deleted.
    for (const table of ['organizations', 'partnerships', 'milestones', 'attachments']) {
      const trash = planText(sqlite, `SELECT id, deleted_at FROM "${table}" WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC LIMIT 1000`);
      expect(trash).toMatch(new RegExp(`SEARCH ${table} USING INDEX ${table}_deleted \\(deleted_at>\\?\\)`));
      expect(trash).not.toMatch(/TEMP B-TREE/);
    }
    expect(sqlite.prepare('SELECT display_name FROM organizations INDEXED BY organizations_deleted WHERE deleted_at IS NOT NULL').all()).toEqual([
      { display_name: '城市 3 / City 3' },
    ]);
    sqlite.prepare("UPDATE partnerships SET owner = '李明' WHERE title IN ('合作 1', '合作 2')").run();
    const owners = 'SELECT DISTINCT owner FROM partnerships INDEXED BY partnerships_live_owner WHERE deleted_at IS NULL AND owner IS NOT NULL ORDER BY owner';
    expect(planText(sqlite, owners)).toMatch(/^(SCAN|SEARCH) partnerships USING COVERING INDEX partnerships_live_owner/);
    expect(sqlite.prepare(owners).all()).toEqual([{ owner: '李明' }]);
    sqlite.close();
  });
});
