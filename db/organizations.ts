import { z } from 'zod';
import { and, asc, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { organizations, ORGANIZATION_KINDS } from './schema';
import { deleteRecord, insertRecord, requireLive, restoreRecord, updateRecord, type Core } from './core';
import { notFound } from './errors';

import { readStoredList } from './rules';
import { DEFAULT_PAGE, pageFields, pageOf, type Page } from './paging';

import { organizationCreateInput, organizationUpdateInput } from '../common/inputs/records';
export { organizationCreateInput, organizationUpdateInput };
export const organizationListInput = z
  .strictObject({
    query: z.string().trim().max(200).optional(),
    deleted: z.boolean().optional(),
    ...pageFields,
  })
  .default({});

export interface Organization {
  id: string;
  displayName: string;
  nameZh: string | null;
  nameEn: string | null;
  nameLocal: string | null;
  aliases: string[];
  country: string | null;
  region: string | null;
  kind: (typeof ORGANIZATION_KINDS)[number];
  latitude: number | null;
  longitude: number | null;
  notes: string | null;
  source: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /** Fields whose stored value is malformed (shown empty, logged): the UI marks them. */
  damaged?: string[];
}

export interface OrganizationListItem extends Organization {
  partnershipCount: number;
}

type OrganizationRow = typeof organizations.$inferSelect;

function toOrganization(row: OrganizationRow): Organization {
  const aliases = readStoredList(row.aliases, { table: 'organizations', id: row.id, field: 'aliases' });
  return {
    id: row.id,
    displayName: row.displayName,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    nameLocal: row.nameLocal,
    aliases: aliases.values,
    country: row.country,
    region: row.region,
    kind: row.kind,
    latitude: row.latitude,
    longitude: row.longitude,
    notes: row.notes,
    source: row.source,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
    ...(aliases.damaged ? { damaged: ['aliases'] } : {}),
  };
}

/**
 * An organization has this LIKE pattern in one of its names, in any script, or in its aliases (a
 * record search also matches the organizations it links to: a contact's, a partnership's parties).
 */
export function organizationNamesLike(pattern: string): SQL {
  return sql`(${organizations.displayName} LIKE ${pattern} ESCAPE '\\' OR ${organizations.nameZh} LIKE ${pattern} ESCAPE '\\'
    OR ${organizations.nameEn} LIKE ${pattern} ESCAPE '\\' OR ${organizations.nameLocal} LIKE ${pattern} ESCAPE '\\'
    OR ${organizations.aliases} LIKE ${pattern} ESCAPE '\\')`;
}

/**
 * One page of organizations (by country, then name, then id, so paging returns each once). The
 * partnership counts are counted for the page's organizations alone.
 */
export function listOrganizations(core: Core, input: z.output<typeof organizationListInput>): Page<OrganizationListItem> {
  const limit = input.limit ?? DEFAULT_PAGE;
  const offset = input.offset ?? 0;
  const q = input.query ? `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = and(input.deleted ? isNotNull(organizations.deletedAt) : isNull(organizations.deletedAt), q ? organizationNamesLike(q) : undefined);
  const total =
    core.db
      .select({ n: sql<number>`count(*)` })
      .from(organizations)
      .where(where)
      .get()?.n ?? 0;
  const rows =
    offset >= total
      ? []
      : core.db
          .select()
          .from(organizations)
          .where(where)
          .orderBy(asc(organizations.country), asc(organizations.displayName), asc(organizations.id))
          .limit(limit)
          .offset(offset)
          .all();
  const counts = new Map<string, number>();
  if (rows.length > 0) {
    const counted = core.sqlite
      .prepare(
        `SELECT pp.organization_id AS id, count(*) AS n FROM partnership_parties pp JOIN partnerships p ON p.id = pp.partnership_id
          WHERE pp.organization_id IN (SELECT value FROM json_each(?)) AND pp.deleted_at IS NULL AND p.deleted_at IS NULL
          GROUP BY pp.organization_id`,
      )
      .all(JSON.stringify(rows.map((r) => r.id))) as { id: string; n: number }[];
    for (const { id, n } of counted) counts.set(id, n);
  }
  return pageOf(
    rows.map((row) => ({ ...toOrganization(row), partnershipCount: counts.get(row.id) ?? 0 })),
    total,
    offset,
  );
}

export function getOrganization(core: Core, id: string): Organization {
  const row = core.db
    .select()
    .from(organizations)
    .where(sql`${organizations.id} = ${id}`)
    .get();
  if (!row) throw notFound('organizations', id);
  return toOrganization(row);
}

export function createOrganization(core: Core, input: z.output<typeof organizationCreateInput>): Organization {
  const id = insertRecord(core, 'organizations', {
    kind: 'city',
    ...input,
    aliases: JSON.stringify(input.aliases ?? []),
  });
  return getOrganization(core, id);
}

export function updateOrganization(core: Core, input: z.output<typeof organizationUpdateInput>): Organization {
  const { id, aliases, ...rest } = input;
  requireLive(core, 'organizations', id);
  updateRecord(core, 'organizations', id, { ...rest, ...(aliases ? { aliases: JSON.stringify(aliases) } : {}) });
  return getOrganization(core, id);
}

export function deleteOrganization(core: Core, id: string): Organization {
  requireLive(core, 'organizations', id);
  deleteRecord(core, 'organizations', id);
  return getOrganization(core, id);
}

export function restoreOrganization(core: Core, id: string): Organization {
  requireLive(core, 'organizations', id, true);
  restoreRecord(core, 'organizations', id);
  return getOrganization(core, id);
}
