import { describe, expect, it } from 'vitest';
import { migratedFrom, planText } from './fill';

describe("migration 0010: live partnerships by title, live parties in order, attendees of a meeting (the map and a partnership's contacts)", () => {
  it('keeps every row, and the map and the contacts of a partnership read them from the new indexes alone', async () => {
    const sqlite = await migratedFrom(10);
    // (Its partnerships_map, the map's read of every partnership in title order, gave way to map_partnerships in 0013.)
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'partnerships_map'").all()).toEqual([]);
    const parties = `SELECT partnership_id, organization_id FROM partnership_parties INDEXED BY partnership_parties_live
                      WHERE deleted_at IS NULL ORDER BY partnership_id, created_at, id`;
    expect(planText(sqlite, parties)).toBe('SCAN partnership_parties USING COVERING INDEX partnership_parties_live');
    // Two parties of each of the 20 filled partnerships.
    expect(sqlite.prepare(parties).all()).toHaveLength(40);
    sqlite.prepare("UPDATE partnership_parties SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE rowid = (SELECT min(rowid) FROM partnership_parties)").run();
    expect(sqlite.prepare(parties).all()).toHaveLength(39);
    const attendees = 'SELECT contact_id FROM meeting_attendees INDEXED BY meeting_attendees_live WHERE meeting_id = ? AND deleted_at IS NULL';
    expect(planText(sqlite, attendees, 'x')).toBe('SEARCH meeting_attendees USING COVERING INDEX meeting_attendees_live (meeting_id=?)');
    const meeting = sqlite.prepare('SELECT meeting_id AS id, contact_id AS contact FROM meeting_attendees LIMIT 1').get() as { id: string; contact: string };
    expect(sqlite.prepare(attendees).all(meeting.id)).toEqual([{ contact_id: meeting.contact }]);
    sqlite.close();
  });
});
