/**
 * The offline map's data: the organizations with coordinates that take part in a live
 * partnership, and one line per pair of located parties to draw between them.
 *
 * Only live records count: a deleted partnership, a removed party or a deleted organization is
 * not on the map, and an organization without latitude or longitude is left out (its
 * partnerships draw lines between their other, located parties only).
 *
 * A partnership with three or more located parties is drawn as a star from its first party (the
 * party added first, as the partnership page lists them) to each of the others: n − 1 lines, not
 * the n(n−1)/2 of every pair, so a 30-city programme stays 29 lines, and the first party (usually
 * the initiator or the lead) is the hub.
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

/** [longitude, latitude], GeoJSON order. */
export type MapPoint = [number, number];

export interface MapLink {
  partnershipId: string;
  title: string;
  titleZh: string | null;
  titleEn: string | null;
  status: PartnershipStatus;
  fromId: string;
  toId: string;
  from: MapPoint;
  to: MapPoint;
}

/** A live partnership with a party that has no coordinates: drawn in part (`drawn`) or not at all, and why. */
export interface UnplacedPartnership {
  partnershipId: string;
  title: string;
  titleZh: string | null;
  titleEn: string | null;
  drawn: boolean;
  /** Its live parties without latitude or longitude. */
  missing: { id: string; displayName: string; nameZh: string | null; nameEn: string | null }[];
}

export interface MapData {
  cities: MapCity[];
  links: MapLink[];
  /** The first UNPLACED_SHOWN of them, by title. */
  unplaced: UnplacedPartnership[];
  unplacedTotal: number;
}

/** How many unplaced partnerships the map names (an office whose own city has no coordinates would list every one). */
export const UNPLACED_SHOWN = 50;

/** A live organization, with coordinates or without. */
interface OrganizationRow extends Omit<MapCity, 'latitude' | 'longitude' | 'partnershipCount'> {
  latitude: number | null;
  longitude: number | null;
}

type PartnershipRow = Pick<MapLink, 'title' | 'titleZh' | 'titleEn' | 'status'> & { id: string };

export function mapData(core: Core): MapData {
  // Every live organization once (a few thousand), then the live partnerships in title order from the covering
  // partial index partnerships_map and their live parties in the order added from partnership_parties_live: three
  // reads of one row per place, partnership and party, joined here. (One joined and sorted read took 205 ms at L.)
  const organizations = new Map<string, OrganizationRow>();
  for (const row of core.sqlite
    .prepare(
      `SELECT id, display_name AS displayName, name_zh AS nameZh, name_en AS nameEn, country, latitude, longitude
         FROM organizations WHERE deleted_at IS NULL`,
    )
    .all() as OrganizationRow[]) {
    organizations.set(row.id, row);
  }
  const partiesOf = new Map<string, string[]>();
  for (const [partnershipId, organizationId] of core.sqlite
    .prepare(
      `SELECT partnership_id, organization_id FROM partnership_parties INDEXED BY partnership_parties_live
        WHERE deleted_at IS NULL ORDER BY partnership_id, created_at, id`,
    )
    .raw()
    .all() as [string, string][]) {
    const parties = partiesOf.get(partnershipId);
    if (parties) parties.push(organizationId);
    else partiesOf.set(partnershipId, [organizationId]);
  }
  const partnerships = core.sqlite
    .prepare(
      `SELECT id, title, title_zh AS titleZh, title_en AS titleEn, status FROM partnerships INDEXED BY partnerships_map
        WHERE deleted_at IS NULL ORDER BY title, id`,
    )
    .all() as PartnershipRow[];

  const cities = new Map<string, MapCity>();
  const links: MapLink[] = [];
  const unplaced: UnplacedPartnership[] = [];
  for (const partnership of partnerships) {
    const parties = partiesOf.get(partnership.id);
    if (!parties) continue;
    let hub: OrganizationRow | undefined;
    const seen = new Set<string>();
    const missing: OrganizationRow[] = [];
    for (const organizationId of parties) {
      // The same organization twice in one partnership counts once and draws no line to itself.
      if (seen.has(organizationId)) continue;
      seen.add(organizationId);
      const organization = organizations.get(organizationId);
      if (!organization) continue;
      if (organization.latitude === null || organization.longitude === null) {
        missing.push(organization);
        continue;
      }
      const city = cities.get(organizationId);
      if (city) city.partnershipCount += 1;
      else cities.set(organizationId, { ...organization, latitude: organization.latitude, longitude: organization.longitude, partnershipCount: 1 });
      if (!hub) {
        hub = organization;
        continue;
      }
      links.push({
        partnershipId: partnership.id,
        title: partnership.title,
        titleZh: partnership.titleZh,
        titleEn: partnership.titleEn,
        status: partnership.status,
        fromId: hub.id,
        toId: organizationId,
        from: [hub.longitude!, hub.latitude!],
        to: [organization.longitude, organization.latitude],
      });
    }
    if (missing.length > 0) {
      unplaced.push({
        partnershipId: partnership.id,
        title: partnership.title,
        titleZh: partnership.titleZh,
        titleEn: partnership.titleEn,
        drawn: links.at(-1)?.partnershipId === partnership.id,
        missing: missing
          .sort((a, b) => byBytes(a.displayName, b.displayName) || byBytes(a.id, b.id))
          .map(({ id, displayName, nameZh, nameEn }) => ({ id, displayName, nameZh, nameEn })),
      });
    }
  }
  return { cities: [...cities.values()], links, unplaced: unplaced.slice(0, UNPLACED_SHOWN), unplacedTotal: unplaced.length };
}

/** SQLite's BINARY order (UTF-8 bytes), which JavaScript's UTF-16 comparison differs from above U+FFFF. */
function byBytes(a: string, b: string): number {
  return a === b ? 0 : Buffer.compare(Buffer.from(a), Buffer.from(b));
}
