import { z } from 'zod';
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import {
  milestones,
  organizations,
  partnershipParties,
  partnerships,
  partnershipStatusHistory,
  programmes,
  PARTNERSHIP_KINDS,
  PARTNERSHIP_STATUSES,
  DATE_PRECISIONS,
  MILESTONE_KINDS,
  MILESTONE_STATUSES,
  TOPICS,
} from './schema';
import { deleteRecord, insertRecord, requireLive, restoreRecord, updateRecord, type Core } from './core';
import { AppError, notFound } from './errors';
import { idSchema } from './validation';
import { organizationNamesLike } from './organizations';
import { offsetPage, pageFields, type Page } from './paging';
import { readStoredList } from './rules';

export { TOPICS } from './schema';

import { partnershipCreateInput, partnershipUpdateInput } from '../common/inputs/records';
export { partnershipCreateInput, partnershipUpdateInput };
export const PARTNERSHIP_SORTS = ['since', 'title', 'status', 'updated'] as const;
const partnershipFilterFields = {
  query: z.string().trim().max(200).optional(),
  status: z.enum(PARTNERSHIP_STATUSES).optional(),
  programmeId: idSchema.optional(),
  /** This organization is one of the parties. */
  organizationId: idSchema.optional(),
  /** Any party in this country (ISO code). */
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .transform((v) => v.toUpperCase())
    .optional(),
  topic: z.enum(TOPICS).optional(),
  owner: z.string().trim().max(200).optional(),
  sort: z.enum(PARTNERSHIP_SORTS).optional(),
  deleted: z.boolean().optional(),
};
export const partnershipListInput = z.strictObject({ ...partnershipFilterFields, ...pageFields }).default({});
export type PartnershipFilters = Omit<z.output<typeof partnershipListInput>, 'limit' | 'offset'>;

export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

export interface PartyView {
  id: string;
  organizationId: string;
  role: string | null;
  displayName: string;
  nameZh: string | null;
  nameEn: string | null;
  country: string | null;
}

export interface PartnershipListItem {
  id: string;
  title: string;
  titleZh: string | null;
  titleEn: string | null;
  kind: PartnershipKind;
  status: PartnershipStatus;
  statusSince: string | null;
  programmeId: string | null;
  programmeNameZh: string | null;
  programmeNameEn: string | null;
  topics: string[];
  owner: string | null;
  partyCount: number;
  /** The first few parties, for the list. */
  parties: PartyView[];
  updatedAt: string;
  deletedAt: string | null;
  /** Fields whose stored value is malformed (shown empty, logged): the UI marks them. */
  damaged?: string[];
}

export interface StatusChange {
  id: string;
  status: PartnershipStatus;
  startedOn: string;
  note: string | null;
}

export interface MilestoneView {
  id: string;
  title: string;
  date: string;
  datePrecision: (typeof DATE_PRECISIONS)[number];
  kind: (typeof MILESTONE_KINDS)[number];
  status: (typeof MILESTONE_STATUSES)[number];
  source: string | null;
  notes: string | null;
}

export interface Partnership extends Omit<PartnershipListItem, 'parties'> {
  summary: string | null;
  rationale: string | null;
  termStart: string | null;
  termEnd: string | null;
  reviewOn: string | null;
  source: string | null;
  createdAt: string;
  parties: PartyView[];
  statusHistory: StatusChange[];
  milestones: MilestoneView[];
}

function today(core: Core): string {
  return core.now().toISOString().slice(0, 10);
}

function partiesOf(core: Core, partnershipIds: string[]): Map<string, PartyView[]> {
  const result = new Map<string, PartyView[]>();
  if (partnershipIds.length === 0) return result;
  // SQLite's variable limit is far above a page of partnerships; chunk anyway for very long lists.
  for (let i = 0; i < partnershipIds.length; i += 500) {
    const chunk = partnershipIds.slice(i, i + 500);
    const rows = core.db
      .select({
        id: partnershipParties.id,
        partnershipId: partnershipParties.partnershipId,
        organizationId: partnershipParties.organizationId,
        role: partnershipParties.role,
        displayName: organizations.displayName,
        nameZh: organizations.nameZh,
        nameEn: organizations.nameEn,
        country: organizations.country,
      })
      .from(partnershipParties)
      .innerJoin(organizations, eq(organizations.id, partnershipParties.organizationId))
      .where(and(inArray(partnershipParties.partnershipId, chunk), isNull(partnershipParties.deletedAt)))
      .orderBy(asc(partnershipParties.createdAt), asc(partnershipParties.id))
      .all();
    for (const { partnershipId, ...party } of rows) {
      const list = result.get(partnershipId) ?? [];
      list.push(party);
      result.set(partnershipId, list);
    }
  }
  return result;
}

const LIST_PARTY_PREVIEW = 4;

function sortOrder(sort: (typeof PARTNERSHIP_SORTS)[number] | undefined) {
  switch (sort) {
    case 'title':
      return [asc(partnerships.title), asc(partnerships.id)];
    case 'status':
      return [
        sql`CASE ${partnerships.status} WHEN 'active' THEN 0 WHEN 'negotiating' THEN 1 WHEN 'prospect' THEN 2 WHEN 'dormant' THEN 3 ELSE 4 END`,
        asc(partnerships.title),
        asc(partnerships.id),
      ];
    case 'updated':
      return [desc(partnerships.updatedAt), asc(partnerships.title), asc(partnerships.id)];
    default:
      return [desc(partnerships.statusSince), asc(partnerships.title), asc(partnerships.id)];
  }
}

/** Programmes, owners and countries in use: the choices of the list's filters and the form. */
export interface PartnershipFilterOptions {
  programmes: { id: string; nameZh: string | null; nameEn: string | null }[];
  owners: string[];
  countries: string[];
}

export function partnershipFilterOptions(core: Core): PartnershipFilterOptions {
  return {
    programmes: core.db
      .select({ id: programmes.id, nameZh: programmes.nameZh, nameEn: programmes.nameEn })
      .from(programmes)
      .where(isNull(programmes.deletedAt))
      .orderBy(asc(programmes.startedOn), asc(programmes.id))
      .all(),
    // From the partial index partnerships_live_owner, without reading a partnership.
    owners: (
      core.sqlite
        .prepare('SELECT DISTINCT owner FROM partnerships INDEXED BY partnerships_live_owner WHERE deleted_at IS NULL AND owner IS NOT NULL ORDER BY owner')
        .all() as { owner: string }[]
    ).map((r) => r.owner),
    // A skip scan of organizations_country (one seek per country), each country kept when one of its organizations is a
    // live party of a live partnership: the first such party ends the search, instead of joining every party (63 ms at L).
    countries: (
      core.sqlite
        .prepare(
          `WITH RECURSIVE countries(country) AS (
             SELECT min(country) FROM organizations
             UNION ALL
             SELECT (SELECT min(country) FROM organizations WHERE country > countries.country) FROM countries WHERE countries.country IS NOT NULL)
           SELECT country FROM countries
            WHERE country IS NOT NULL
              AND EXISTS (SELECT 1 FROM organizations o JOIN partnership_parties pp ON pp.organization_id = o.id JOIN partnerships p ON p.id = pp.partnership_id
                           WHERE o.country = countries.country AND pp.deleted_at IS NULL AND p.deleted_at IS NULL)
            ORDER BY country`,
        )
        .all() as { country: string }[]
    ).map((r) => r.country),
  };
}

function partnershipWhere(input: PartnershipFilters) {
  const q = input.query ? `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return and(
    input.deleted ? isNotNull(partnerships.deletedAt) : isNull(partnerships.deletedAt),
    input.status ? eq(partnerships.status, input.status) : undefined,
    q
      ? sql`(${partnerships.title} LIKE ${q} ESCAPE '\\' OR ${partnerships.titleZh} LIKE ${q} ESCAPE '\\' OR ${partnerships.titleEn} LIKE ${q} ESCAPE '\\'
          OR ${partnerships.id} IN (SELECT pp.partnership_id FROM partnership_parties pp WHERE pp.deleted_at IS NULL AND pp.organization_id IN (
            SELECT id FROM organizations WHERE ${organizationNamesLike(q)})))`
      : undefined,
    input.programmeId ? eq(partnerships.programmeId, input.programmeId) : undefined,
    input.organizationId
      ? sql`${partnerships.id} IN (SELECT partnership_id FROM partnership_parties WHERE organization_id = ${input.organizationId} AND deleted_at IS NULL)`
      : undefined,
    input.owner ? eq(partnerships.owner, input.owner) : undefined,
    input.topic ? sql`EXISTS (SELECT 1 FROM json_each("partnerships"."topics") WHERE value = ${input.topic})` : undefined,
    input.country
      ? sql`EXISTS (SELECT 1 FROM partnership_parties pp JOIN organizations o ON o.id = pp.organization_id
             WHERE pp.partnership_id = "partnerships"."id" AND pp.deleted_at IS NULL AND o.country = ${input.country})`
      : undefined,
  );
}

/** The list rows (parties, counts, programme names) of these partnerships, in the order given. */
function listItemsOf(core: Core, ids: string[]): PartnershipListItem[] {
  if (ids.length === 0) return [];
  const byId = new Map<string, { p: PartnershipRow; programmeNameZh: string | null; programmeNameEn: string | null }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = core.db
      .select({ p: partnerships, programmeNameZh: programmes.nameZh, programmeNameEn: programmes.nameEn })
      .from(partnerships)
      .leftJoin(programmes, eq(programmes.id, partnerships.programmeId))
      .where(inArray(partnerships.id, ids.slice(i, i + 500)))
      .all();
    for (const row of rows) byId.set(row.p.id, row);
  }
  const parties = partiesOf(core, ids);
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const list = parties.get(id) ?? [];
    return [{ ...toListFields(row.p, row.programmeNameZh, row.programmeNameEn, list.length), parties: list.slice(0, LIST_PARTY_PREVIEW) }];
  });
}

/**
 * One page of the partnerships matching the filters, in the chosen order (ties broken by id, so
 * paging returns every row once). Only the page's ids are sorted; the parties and programme names
 * are read for the page alone.
 */
export function listPartnerships(core: Core, input: z.output<typeof partnershipListInput>): Page<PartnershipListItem> {
  return offsetPage(core, { table: partnerships, where: partnershipWhere(input), order: sortOrder(input.sort) }, input, (ids) => listItemsOf(core, ids));
}

/** Every matching partnership, for the portfolio report (not in the contract: reports are read whole, in one process). */
export function listAllPartnerships(core: Core, input: PartnershipFilters): PartnershipListItem[] {
  const ids = core.db
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(partnershipWhere(input))
    .orderBy(...sortOrder(input.sort))
    .all()
    .map((r) => r.id);
  return listItemsOf(core, ids);
}

type PartnershipRow = typeof partnerships.$inferSelect;

function toListFields(
  p: PartnershipRow,
  programmeNameZh: string | null,
  programmeNameEn: string | null,
  partyCount: number,
): Omit<PartnershipListItem, 'parties'> {
  const topics = readStoredList(p.topics, { table: 'partnerships', id: p.id, field: 'topics' }, TOPICS);
  return {
    id: p.id,
    title: p.title,
    titleZh: p.titleZh,
    titleEn: p.titleEn,
    kind: p.kind,
    status: p.status,
    statusSince: p.statusSince,
    programmeId: p.programmeId,
    programmeNameZh,
    programmeNameEn,
    topics: topics.values,
    owner: p.owner,
    partyCount,
    updatedAt: p.updatedAt,
    deletedAt: p.deletedAt,
    ...(topics.damaged ? { damaged: ['topics'] } : {}),
  };
}

export function getPartnership(core: Core, id: string): Partnership {
  const row = core.db
    .select({ p: partnerships, programmeNameZh: programmes.nameZh, programmeNameEn: programmes.nameEn })
    .from(partnerships)
    .leftJoin(programmes, eq(programmes.id, partnerships.programmeId))
    .where(eq(partnerships.id, id))
    .get();
  if (!row) throw notFound('partnerships', id);
  const { p } = row;
  const parties = partiesOf(core, [id]).get(id) ?? [];
  const statusHistory = core.db
    .select({
      id: partnershipStatusHistory.id,
      status: partnershipStatusHistory.status,
      startedOn: partnershipStatusHistory.startedOn,
      note: partnershipStatusHistory.note,
    })
    .from(partnershipStatusHistory)
    .where(and(eq(partnershipStatusHistory.partnershipId, id), isNull(partnershipStatusHistory.deletedAt)))
    .orderBy(asc(partnershipStatusHistory.startedOn), asc(partnershipStatusHistory.id))
    .all();
  const milestoneRows = core.db
    .select({
      id: milestones.id,
      title: milestones.title,
      date: milestones.date,
      datePrecision: milestones.datePrecision,
      kind: milestones.kind,
      status: milestones.status,
      source: milestones.source,
      notes: milestones.notes,
    })
    .from(milestones)
    .where(and(eq(milestones.partnershipId, id), isNull(milestones.deletedAt)))
    .orderBy(asc(milestones.date), asc(milestones.id))
    .all();
  return {
    ...toListFields(p, row.programmeNameZh, row.programmeNameEn, parties.length),
    summary: p.summary,
    rationale: p.rationale,
    termStart: p.termStart,
    termEnd: p.termEnd,
    reviewOn: p.reviewOn,
    source: p.source,
    createdAt: p.createdAt,
    parties,
    statusHistory,
    milestones: milestoneRows,
  };
}

function assertReferences(core: Core, input: { parties?: { organizationId: string }[] | undefined; programmeId?: string | null | undefined }): void {
  for (const party of input.parties ?? []) requireLive(core, 'organizations', party.organizationId);
  if (input.programmeId) requireLive(core, 'programmes', input.programmeId);
}

function assertTerm(termStart: string | null | undefined, termEnd: string | null | undefined): void {
  if (termStart && termEnd && termEnd < termStart) {
    throw new AppError(
      'invalid_input',
      { zh: '协议期限的结束日期早于开始日期。未保存任何内容。', en: 'The agreement term ends before it starts. Nothing was saved.' },
      ['termEnd'],
    );
  }
}

export function createPartnership(core: Core, input: z.output<typeof partnershipCreateInput>): Partnership {
  assertReferences(core, input);
  assertTerm(input.termStart, input.termEnd);
  const { parties, topics, statusSince, ...fields } = input;
  const since = statusSince ?? today(core);
  const id = insertRecord(core, 'partnerships', { ...fields, statusSince: since, topics: JSON.stringify(topics ?? []) });
  for (const party of parties) {
    insertRecord(core, 'partnershipParties', { partnershipId: id, organizationId: party.organizationId, role: party.role ?? null });
  }
  insertRecord(core, 'partnershipStatusHistory', { partnershipId: id, status: input.status, startedOn: since });
  return getPartnership(core, id);
}

export function updatePartnership(core: Core, input: z.output<typeof partnershipUpdateInput>): Partnership {
  const { id, parties, topics, statusSince, ...fields } = input;
  const current = getPartnership(core, id);
  if (current.deletedAt) throw notFound('partnerships', id);
  assertReferences(core, input);
  assertTerm(fields.termStart === undefined ? current.termStart : fields.termStart, fields.termEnd === undefined ? current.termEnd : fields.termEnd);
  const statusChanged = fields.status !== undefined && fields.status !== current.status;
  const since = statusSince ?? (statusChanged ? today(core) : undefined);
  updateRecord(core, 'partnerships', id, {
    ...fields,
    ...(since !== undefined ? { statusSince: since } : {}),
    ...(topics ? { topics: JSON.stringify(topics) } : {}),
  });
  if (statusChanged) {
    insertRecord(core, 'partnershipStatusHistory', { partnershipId: id, status: fields.status, startedOn: since ?? today(core) });
  }
  if (parties) {
    const wanted = new Map(parties.map((p) => [p.organizationId, p.role ?? null]));
    for (const existing of current.parties) {
      if (!wanted.has(existing.organizationId)) deleteRecord(core, 'partnershipParties', existing.id);
      else updateRecord(core, 'partnershipParties', existing.id, { role: wanted.get(existing.organizationId) });
      wanted.delete(existing.organizationId);
    }
    for (const [organizationId, role] of wanted) {
      insertRecord(core, 'partnershipParties', { partnershipId: id, organizationId, role });
    }
  }
  return getPartnership(core, id);
}

export function deletePartnership(core: Core, id: string): Partnership {
  requireLive(core, 'partnerships', id);
  deleteRecord(core, 'partnerships', id);
  return getPartnership(core, id);
}

export function restorePartnership(core: Core, id: string): Partnership {
  requireLive(core, 'partnerships', id, true);
  restoreRecord(core, 'partnerships', id);
  return getPartnership(core, id);
}
