import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { afterEachWrite, migratedFrom, planText } from './fill';

interface MapRow {
  partnership_id: string;
  title: string;
  status: string;
  places: string | null;
  unplaced: number;
}

/**
 * What map_partnerships must hold, counted here from the records: each live partnership with a live party of a live
 * organization, its distinct located parties in the order added and how many parties have no coordinates.
 */
function expectedMap(sqlite: Database.Database): MapRow[] {
  const organizations = new Map(
    (sqlite.prepare('SELECT id, latitude, longitude FROM organizations WHERE deleted_at IS NULL').all() as { id: string; latitude: number | null; longitude: number | null }[]).map(
      (o) => [o.id, o.latitude !== null && o.longitude !== null],
    ),
  );
  const partiesOf = new Map<string, string[]>();
  for (const [partnershipId, organizationId] of sqlite
    .prepare('SELECT partnership_id, organization_id FROM partnership_parties WHERE deleted_at IS NULL ORDER BY partnership_id, created_at, id')
    .raw()
    .all() as [string, string][]) {
    partiesOf.set(partnershipId, [...(partiesOf.get(partnershipId) ?? []), organizationId]);
  }
  const rows: MapRow[] = [];
  for (const p of sqlite.prepare('SELECT id, title, status FROM partnerships WHERE deleted_at IS NULL ORDER BY id').all() as { id: string; title: string; status: string }[]) {
    const parties = [...new Set(partiesOf.get(p.id) ?? [])].filter((id) => organizations.has(id));
    const places = parties.filter((id) => organizations.get(id));
    if (parties.length === 0) continue;
    rows.push({ partnership_id: p.id, title: p.title, status: p.status, places: places.length > 0 ? places.join(' ') : null, unplaced: parties.length - places.length });
  }
  return rows;
}
const maintainedMap = (sqlite: Database.Database) =>
  sqlite.prepare('SELECT partnership_id, title, status, places, unplaced FROM map_partnerships ORDER BY partnership_id').all() as MapRow[];

describe("migration 0014: the map's partnerships, maintained", () => {
  it('keeps every row, fills map_partnerships from the data, and the triggers keep it right on every kind of write', async () => {
    const sqlite = await migratedFrom(14);
    // 20 partnerships of two neighbouring cities each; city 3 is deleted, so partnerships 2 and 3 have one place left.
    expect(maintainedMap(sqlite)).toHaveLength(20);
    expect(maintainedMap(sqlite)).toEqual(expectedMap(sqlite));
    expect(maintainedMap(sqlite).filter((r) => !r.places?.includes(' ')).map((r) => r.title)).toEqual(['合作 2', '合作 3']);

    const T = '2024-06-01T00:00:00.000Z';
    const common = `'${T}', '${T}', 'h', 'o'`;
    const organization = (n: number) => `0190${'0002'}-0000-7000-8000-${String(n).padStart(12, '0')}`;
    const partnership = (n: number) => `0190${'0003'}-0000-7000-8000-${String(n).padStart(12, '0')}`;
    const party = (n: number) => `0190${'0004'}-0000-7000-8000-${String(n).padStart(12, '0')}`;
    const writes = [
      // Coordinates taken away and given back; an organization deleted, another restored.
      `UPDATE organizations SET latitude = NULL WHERE id = '${organization(5)}'`,
      `UPDATE organizations SET longitude = NULL, latitude = NULL WHERE id = '${organization(7)}'`,
      `UPDATE organizations SET latitude = 23.5, longitude = 116.5 WHERE id = '${organization(7)}'`,
      `UPDATE organizations SET deleted_at = '${T}' WHERE id = '${organization(9)}'`,
      `UPDATE organizations SET deleted_at = NULL WHERE id = '${organization(3)}'`,
      // A name changed: nothing the map keeps.
      `UPDATE organizations SET display_name = 'Renamed' WHERE id = '${organization(11)}'`,
      // A status and a title changed; a partnership deleted and another deleted and restored.
      `UPDATE partnerships SET status = 'dormant' WHERE id = '${partnership(1)}'`,
      `UPDATE partnerships SET title = 'A first' WHERE id = '${partnership(12)}'`,
      `UPDATE partnerships SET deleted_at = '${T}' WHERE id = '${partnership(13)}'`,
      `UPDATE partnerships SET deleted_at = '${T}' WHERE id = '${partnership(14)}'`,
      `UPDATE partnerships SET deleted_at = NULL WHERE id = '${partnership(14)}'`,
      // Parties: one removed, one moved to another organization, a third party added, the same organization twice.
      `UPDATE partnership_parties SET deleted_at = '${T}' WHERE id = '${party(30)}'`,
      `UPDATE partnership_parties SET organization_id = '${organization(0)}' WHERE id = '${party(33)}'`,
      `INSERT INTO partnership_parties (id, created_at, updated_at, hlc, origin, partnership_id, organization_id) VALUES ('pp-1', ${common}, '${partnership(6)}', '${organization(15)}')`,
      `INSERT INTO partnership_parties (id, created_at, updated_at, hlc, origin, partnership_id, organization_id) VALUES ('pp-2', ${common}, '${partnership(6)}', '${organization(6)}')`,
      // An earlier party added later becomes the hub.
      `INSERT INTO partnership_parties (id, created_at, updated_at, hlc, origin, partnership_id, organization_id) VALUES ('pp-3', '2020-01-01T00:00:00.000Z', '${T}', 'h', 'o', '${partnership(8)}', '${organization(18)}')`,
      // As a merge may: a party first, then its partnership, then its organization (without coordinates), then coordinates.
      `INSERT INTO partnership_parties (id, created_at, updated_at, hlc, origin, partnership_id, organization_id) VALUES ('pp-4', ${common}, 'p-new', 'o-new')`,
      `INSERT INTO partnership_parties (id, created_at, updated_at, hlc, origin, partnership_id, organization_id) VALUES ('pp-5', ${common}, 'p-new', '${organization(1)}')`,
      `INSERT INTO partnerships (id, created_at, updated_at, hlc, origin, title, kind, status, status_since) VALUES ('p-new', ${common}, 'New', 'sister_city', 'prospect', '2024-06-01')`,
      `INSERT INTO organizations (id, created_at, updated_at, hlc, origin, display_name, kind) VALUES ('o-new', ${common}, 'New place', 'city')`,
      `UPDATE organizations SET latitude = 40, longitude = 20 WHERE id = 'o-new'`,
      // Removed for good: a party, a partnership, an organization.
      `DELETE FROM partnership_parties WHERE id = '${party(20)}'`,
      `DELETE FROM partnership_parties WHERE partnership_id = '${partnership(16)}'`,
      `DELETE FROM partnerships WHERE id = '${partnership(17)}'`,
      `DELETE FROM partnership_parties WHERE organization_id = '${organization(19)}'`,
      `DELETE FROM organizations WHERE id = '${organization(19)}'`,
    ];
    afterEachWrite(sqlite, writes, (write) => {
      expect(maintainedMap(sqlite), write).toEqual(expectedMap(sqlite));
      expect(sqlite.prepare('SELECT count(*) AS n FROM map_refresh').get(), write).toEqual({ n: 0 });
    });
    const byId = new Map(maintainedMap(sqlite).map((r) => [r.partnership_id, r]));
    expect(byId.get(partnership(8))?.places?.split(' ')[0]).toBe(organization(18));
    expect(byId.get(partnership(6))?.places?.split(' ')).toEqual([organization(6), organization(7), organization(15)]);
    expect(byId.get('p-new')).toMatchObject({ places: `o-new ${organization(1)}`, unplaced: 0 });
    expect(byId.get(partnership(5))).toMatchObject({ unplaced: 1 });

    // The map reads it in title order from the index alone.
    const read = 'SELECT partnership_id, status, places, unplaced FROM map_partnerships INDEXED BY map_partnerships_title ORDER BY title, partnership_id';
    expect(planText(sqlite, read)).toBe('SCAN map_partnerships USING COVERING INDEX map_partnerships_title');
    expect((sqlite.prepare(read).all() as { partnership_id: string }[])[0]?.partnership_id).toBe(partnership(12));
    sqlite.close();
  });
});
