import { describe, expect, it } from 'vitest';
import { filledId, FILL_ROWS, migratedFrom, planText } from './fill';

describe('migration 0018: the map reads its places from an index of the located organizations', () => {
  it('keeps every row; the live located organizations come from organizations_located alone, and only they', async () => {
    const sqlite = await migratedFrom(18);
    const located = `SELECT id, display_name, name_zh, name_en, country, latitude, longitude FROM organizations INDEXED BY organizations_located
                      WHERE deleted_at IS NULL AND latitude IS NOT NULL AND longitude IS NOT NULL ORDER BY id`;
    expect(planText(sqlite, located)).toMatch(/^SCAN organizations USING COVERING INDEX organizations_located/);
    const ids = () => sqlite.prepare(located).pluck().all();
    // The filled file: every organization has coordinates; organization 3 is deleted.
    expect(ids()).toHaveLength(FILL_ROWS - 1);
    expect(ids()).not.toContain(filledId(2, 3));
    expect(sqlite.prepare(located).raw().get()).toEqual([filledId(2, 0), '城市 0 / City 0', '城市0', 'City 0', 'BG', 23, 116]);
    // An organization whose coordinates are cleared leaves the index; one restored comes back.
    sqlite.prepare('UPDATE organizations SET latitude = NULL WHERE id = ?').run(filledId(2, 5));
    sqlite.prepare('UPDATE organizations SET deleted_at = NULL WHERE id = ?').run(filledId(2, 3));
    expect(ids()).not.toContain(filledId(2, 5));
    expect(ids()).toContain(filledId(2, 3));
    sqlite.close();
  });
});
