/**
 * The offline map's data: the organizations with coordinates that take part in a live
 * partnership, and for each partnership its located parties, to draw lines between them.
 *
 * Only live records count: a deleted partnership, a removed party or a deleted organization is
 * not on the map, and an organization without latitude or longitude is left out (its
 * partnerships draw lines between their other, located parties only).
 *
 * A partnership with three or more located parties is drawn as a star from its first party (the
 * party added first, as the partnership page lists them) to each of the others: n − 1 lines, not
 * the n(n−1)/2 of every pair, so a 30-city programme stays 29 lines, and the first party (usually
 * the initiator or the lead) is the hub.
 *
 * The answer is small: a drawn partnership is its id, its status and its places (indexes into the cities);
 * titles are asked for what is hovered, focused or listed (`mapTitles`, 'map.titles'). The rows come from
 * map_partnerships, kept by the triggers of migration 0014 on every write and merge.
 */
import type { Core } from './core';
import type { PartnershipStatus } from './partnerships';

export interface MapCity {
  id: string;
  displayName: string;
  nameZh: string | null;
  nameEn: string | null;
  country: string | null;
  latitude: number;
  longitude: number;
  /** Live partnerships the organization is a live party of. */
  partnershipCount: number;
}

/** A live partnership with two or more located parties: a line from its first place to each other one. */
export interface MapPartnership {
  partnershipId: string;
  status: PartnershipStatus;
  /** Its located parties as indexes into `MapData.cities`, in the order added: the first is the hub. */
  places: number[];
}

/** A partnership's title and status, for a line hovered or focused and for a place's list. */
export interface MapTitle {
  partnershipId: string;
  title: string;
  titleZh: string | null;
  titleEn: string | null;
  status: PartnershipStatus;
}

/** A live partnership with a party that has no coordinates: drawn in part (`drawn`) or not at all, and why. */
export interface UnplacedPartnership extends Omit<MapTitle, 'status'> {
  drawn: boolean;
  /** Its live parties without latitude or longitude. */
  missing: { id: string; displayName: string; nameZh: string | null; nameEn: string | null }[];
}

export interface MapData {
  cities: MapCity[];
  /** In title order. */
  partnerships: MapPartnership[];
  /** The first UNPLACED_SHOWN of them, by title. */
  unplaced: UnplacedPartnership[];
  unplacedTotal: number;
}

/** How many unplaced partnerships the map names (an office whose own city has no coordinates would list every one). */
export const UNPLACED_SHOWN = 50;

type CityRow = [string, string, string | null, string | null, string | null, number, number];
type MissingRow = UnplacedPartnership['missing'][number] & { partnershipId: string };

export function mapData(core: Core): MapData {
  // One snapshot: a write committed by another connection between the two reads would leave a place unknown.
  return core.sqlite.transaction(() => {
    // One row per partnership on the map, in title order, from the covering index of map_partnerships: no join here.
    // Each row comes as one string, "id status unplaced place place …" (ids and statuses hold no space): better-sqlite3
    // makes a JavaScript value per column, and one string per row takes half the time of four columns at L.
    const rows = core.sqlite
      .prepare(
        `SELECT partnership_id || ' ' || status || ' ' || unplaced || coalesce(' ' || places, '')
           FROM map_partnerships INDEXED BY map_partnerships_title ORDER BY title, partnership_id`,
      )
      .pluck()
      .all() as string[];
    const indexOf = new Map<string, number>();
    const counts: number[] = [];
    const partnerships: MapPartnership[] = [];
    const unplaced: { partnershipId: string; drawn: boolean }[] = [];
    let unplacedTotal = 0;
    for (const row of rows) {
      // Read in place, not split: a split makes an array and a string per field of 10,000 rows (a quarter of the
      // time, and garbage collected later, at the p95).
      const afterId = row.indexOf(' ');
      const afterStatus = row.indexOf(' ', afterId + 1);
      let at = row.indexOf(' ', afterStatus + 1);
      const places: number[] = [];
      while (at !== -1) {
        const end = row.indexOf(' ', at + 1);
        const organizationId = end === -1 ? row.substring(at + 1) : row.substring(at + 1, end);
        let index = indexOf.get(organizationId);
        if (index === undefined) {
          index = counts.length;
          indexOf.set(organizationId, index);
          counts.push(0);
        }
        counts[index]! += 1;
        places.push(index);
        at = end;
      }
      const partnershipId = row.substring(0, afterId);
      const status = row.substring(afterId + 1, afterStatus) as PartnershipStatus;
      if (places.length >= 2) partnerships.push({ partnershipId, status, places });
      if (row.charCodeAt(afterStatus + 1) !== 48 /* '0': every party placed */) {
        unplacedTotal += 1;
        if (unplaced.length < UNPLACED_SHOWN) unplaced.push({ partnershipId, drawn: places.length >= 2 });
      }
    }
    // Every located organization (a few thousand, rows as arrays: half the time of objects), the ones on the map kept.
    // From the covering index of the located ones alone (migration 0018): a third of the table's walk at L.
    const cities: MapCity[] = new Array<MapCity>(counts.length);
    for (const [id, displayName, nameZh, nameEn, country, latitude, longitude] of core.sqlite
      .prepare(
        `SELECT id, display_name, name_zh, name_en, country, latitude, longitude
           FROM organizations INDEXED BY organizations_located WHERE deleted_at IS NULL AND latitude IS NOT NULL AND longitude IS NOT NULL`,
      )
      .raw()
      .all() as CityRow[]) {
      const index = indexOf.get(id);
      if (index !== undefined) cities[index] = { id, displayName, nameZh, nameEn, country, latitude, longitude, partnershipCount: counts[index]! };
    }
    return { cities, partnerships, unplaced: unplacedDetails(core, unplaced), unplacedTotal };
  })();
}

/** The titles and the parties without coordinates of the unplaced partnerships shown (at most UNPLACED_SHOWN). */
function unplacedDetails(core: Core, unplaced: { partnershipId: string; drawn: boolean }[]): UnplacedPartnership[] {
  if (unplaced.length === 0) return [];
  const ids = unplaced.map((u) => u.partnershipId);
  const titles = new Map(mapTitles(core, ids).map((t) => [t.partnershipId, t]));
  const missingOf = new Map<string, MissingRow[]>();
  for (const row of core.sqlite
    .prepare(
      `SELECT pp.partnership_id AS partnershipId, o.id, o.display_name AS displayName, o.name_zh AS nameZh, o.name_en AS nameEn
         FROM partnership_parties pp INDEXED BY partnership_parties_live JOIN organizations o ON o.id = pp.organization_id
        WHERE pp.partnership_id IN (SELECT value FROM json_each(?)) AND pp.deleted_at IS NULL
          AND o.deleted_at IS NULL AND (o.latitude IS NULL OR o.longitude IS NULL)`,
    )
    .all(JSON.stringify(ids)) as MissingRow[]) {
    const list = missingOf.get(row.partnershipId) ?? [];
    // The same organization twice in one partnership is named once.
    if (!list.some((m) => m.id === row.id)) list.push(row);
    missingOf.set(row.partnershipId, list);
  }
  return unplaced.flatMap(({ partnershipId, drawn }) => {
    const title = titles.get(partnershipId);
    if (!title) return [];
    const missing = (missingOf.get(partnershipId) ?? [])
      .sort((a, b) => byBytes(a.displayName, b.displayName) || byBytes(a.id, b.id))
      .map(({ id, displayName, nameZh, nameEn }) => ({ id, displayName, nameZh, nameEn }));
    return [{ partnershipId, title: title.title, titleZh: title.titleZh, titleEn: title.titleEn, drawn, missing }];
  });
}

/** The live partnerships among `ids`, in the order asked (each once), with their titles and status. */
export function mapTitles(core: Core, ids: readonly string[]): MapTitle[] {
  const unique = [...new Set(ids)];
  const rows = core.sqlite
    .prepare(
      `SELECT id AS partnershipId, title, title_zh AS titleZh, title_en AS titleEn, status FROM partnerships
        WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`,
    )
    .all(JSON.stringify(unique)) as MapTitle[];
  const byId = new Map(rows.map((row) => [row.partnershipId, row]));
  return unique.flatMap((id) => byId.get(id) ?? []);
}

/** SQLite's BINARY order (UTF-8 bytes), which JavaScript's UTF-16 comparison differs from above U+FFFF. */
function byBytes(a: string, b: string): number {
  return a === b ? 0 : Buffer.compare(Buffer.from(a), Buffer.from(b));
}
