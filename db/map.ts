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

/** One live party with coordinates of one live partnership, as the query returns it. */
interface LocatedPartyRow extends Pick<MapLink, 'partnershipId' | 'title' | 'titleZh' | 'titleEn' | 'status'>, Omit<MapCity, 'id' | 'partnershipCount'> {
  organizationId: string;
}

export function mapData(core: Core): MapData {
  const rows = core.sqlite
    .prepare(
      `SELECT p.id AS partnershipId, p.title, p.title_zh AS titleZh, p.title_en AS titleEn, p.status,
              o.id AS organizationId, o.display_name AS displayName, o.name_zh AS nameZh, o.name_en AS nameEn,
              o.country, o.latitude, o.longitude
         FROM partnerships p
         JOIN partnership_parties pp ON pp.partnership_id = p.id AND pp.deleted_at IS NULL
         JOIN organizations o ON o.id = pp.organization_id
        WHERE p.deleted_at IS NULL AND o.deleted_at IS NULL AND o.latitude IS NOT NULL AND o.longitude IS NOT NULL
        ORDER BY p.title, p.id, pp.created_at, pp.id`,
    )
    .all() as LocatedPartyRow[];

  const cities = new Map<string, MapCity>();
  const hubs = new Map<string, LocatedPartyRow>();
  const seen = new Set<string>();
  const links: MapLink[] = [];
  for (const row of rows) {
    // The same organization twice in one partnership counts once and draws no line to itself.
    const pairKey = `${row.partnershipId}\u0000${row.organizationId}`;
    if (seen.has(pairKey)) continue;
    seen.add(pairKey);

    const city = cities.get(row.organizationId);
    if (city) city.partnershipCount += 1;
    else {
      cities.set(row.organizationId, {
        id: row.organizationId,
        displayName: row.displayName,
        nameZh: row.nameZh,
        nameEn: row.nameEn,
        country: row.country,
        latitude: row.latitude,
        longitude: row.longitude,
        partnershipCount: 1,
      });
    }

    const hub = hubs.get(row.partnershipId);
    if (!hub) {
      hubs.set(row.partnershipId, row);
      continue;
    }
    links.push({
      partnershipId: row.partnershipId,
      title: row.title,
      titleZh: row.titleZh,
      titleEn: row.titleEn,
      status: row.status,
      fromId: hub.organizationId,
      toId: row.organizationId,
      from: [hub.longitude, hub.latitude],
      to: [row.longitude, row.latitude],
    });
  }
  const unplaced = unplacedPartnerships(core, new Set(links.map((l) => l.partnershipId)));
  return { cities: [...cities.values()], links, unplaced: unplaced.slice(0, UNPLACED_SHOWN), unplacedTotal: unplaced.length };
}

/** Partnerships with a party the map cannot place (organizations without coordinates are few: read from there). */
function unplacedPartnerships(core: Core, drawn: Set<string>): UnplacedPartnership[] {
  const rows = core.sqlite
    .prepare(
      `SELECT p.id AS partnershipId, p.title, p.title_zh AS titleZh, p.title_en AS titleEn,
              o.id AS organizationId, o.display_name AS displayName, o.name_zh AS nameZh, o.name_en AS nameEn
         FROM organizations o
         JOIN partnership_parties pp ON pp.organization_id = o.id AND pp.deleted_at IS NULL
         JOIN partnerships p ON p.id = pp.partnership_id AND p.deleted_at IS NULL
        WHERE o.deleted_at IS NULL AND (o.latitude IS NULL OR o.longitude IS NULL)
        ORDER BY p.title, p.id, o.display_name, o.id`,
    )
    .all() as (Omit<UnplacedPartnership, 'drawn' | 'missing'> & {
    organizationId: string;
    displayName: string;
    nameZh: string | null;
    nameEn: string | null;
  })[];
  const byId = new Map<string, UnplacedPartnership>();
  for (const row of rows) {
    const entry = byId.get(row.partnershipId) ?? {
      partnershipId: row.partnershipId,
      title: row.title,
      titleZh: row.titleZh,
      titleEn: row.titleEn,
      drawn: drawn.has(row.partnershipId),
      missing: [],
    };
    byId.set(row.partnershipId, entry);
    if (!entry.missing.some((m) => m.id === row.organizationId)) {
      entry.missing.push({ id: row.organizationId, displayName: row.displayName, nameZh: row.nameZh, nameEn: row.nameEn });
    }
  }
  return [...byId.values()];
}
