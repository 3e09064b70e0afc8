import { describe, expect, it } from 'vitest';
import { migratedFrom, planText } from './fill';

describe('migration 0009: the live-status index also holds when a partnership began (the quiet card’s window)', () => {
  it('keeps every row, and the quiet card reads candidates, titles and their start dates from the index alone', async () => {
    const sqlite = await migratedFrom(9);
    const candidates = `SELECT id, title, title_zh, title_en, status FROM partnerships
      WHERE deleted_at IS NULL AND status IN ('active', 'negotiating')
        AND min(coalesce(term_start, created_at), coalesce(status_since, created_at), substr(created_at, 1, 10)) < ?`;
    expect(planText(sqlite, candidates, '2026-06-05')).toMatch(/^SEARCH partnerships USING COVERING INDEX partnerships_live_status \(status=\?\)$/);
    // The filled partnerships are active since 2017-05-31: every one began before the window.
    expect(sqlite.prepare(candidates).all('2026-06-05')).toHaveLength(20);
    expect(sqlite.prepare(candidates).all('2017-01-01')).toHaveLength(0);
    sqlite.close();
  });
});
