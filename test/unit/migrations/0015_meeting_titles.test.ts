import { describe, expect, it } from 'vitest';
import { migratedFrom, planText } from './fill';

describe('migration 0015: the titles in the meeting log\'s index', () => {
  it('keeps every row; a search of the titles and its count read meetings_list alone, and its pages keep the log\'s order', async () => {
    const sqlite = await migratedFrom(15);
    const columns = (sqlite.prepare("SELECT name FROM pragma_index_info('meetings_list') ORDER BY seqno").pluck().all() as string[]).join(', ');
    expect(columns).toBe('deleted_at, date, time, id, title');
    // The count of the matches never reads a meeting's row.
    expect(planText(sqlite, "SELECT count(*) FROM meetings WHERE deleted_at IS NULL AND title LIKE ? ESCAPE '\\'", '%Meeting%')).toMatch(
      /^SEARCH meetings USING COVERING INDEX meetings_list \(deleted_at=\?\)$/,
    );
    // The ids of a page from an offset: the index alone, in order.
    const offset = planText(
      sqlite,
      "SELECT id FROM meetings WHERE deleted_at IS NULL AND title LIKE ? ESCAPE '\\' ORDER BY date DESC, time DESC, id DESC LIMIT 101 OFFSET 100",
      '%Meeting%',
    );
    expect(offset).toMatch(/^SEARCH meetings USING COVERING INDEX meetings_list \(deleted_at=\?\)$/);
    // The same matches as before the migration: every live meeting whose title holds the words.
    const matches = sqlite.prepare("SELECT count(*) FROM meetings WHERE deleted_at IS NULL AND title LIKE '%1%'").pluck().get() as number;
    const byRow = sqlite.prepare("SELECT count(*) FROM meetings NOT INDEXED WHERE deleted_at IS NULL AND title LIKE '%1%'").pluck().get() as number;
    expect(matches).toBe(byRow);
    expect(matches).toBeGreaterThan(0);
    sqlite.close();
  });
});
