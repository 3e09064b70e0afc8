import { meetingTime } from './rules';
import { z } from 'zod';
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteSelect } from 'drizzle-orm/sqlite-core';
import {
  contacts,
  meetingAttendees,
  meetingCounts,
  meetingPartnerships,
  meetings,
  organizations,
  partnershipMeetings,
  partnerships,
  ATTENDEE_SIDES,
  MEETING_FORMATS,
  MEETING_KINDS,
} from './schema';
import { deleteRecord, insertRecord, requireLive, restoreRecord, updateRecord, type Core } from './core';
import { AppError, notFound } from './errors';
import { calendarDate, escapeLike, idSchema } from './validation';
import { allTasks, type Task } from './tasks';
import { perConnection } from './prepared';
import { pageFields } from './paging';
import { listMatches, SEARCH_BY_ID_UP_TO } from './search';

import { attendeeInput, meetingCreateInput, meetingUpdateInput } from '../common/inputs/records';
export { meetingCreateInput, meetingUpdateInput };

/** Where a page ends: the sort key (date, time, id) of its last row. */
export const meetingCursor = z.strictObject({ date: calendarDate, time: meetingTime.nullable(), id: idSchema });
export type MeetingCursor = z.output<typeof meetingCursor>;

const meetingFilters = {
  partnershipId: idSchema.optional(),
  /** Meetings of the partnerships this organization is a party to. */
  organizationId: idSchema.optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  query: z.string().trim().max(200).optional(),
  deleted: z.boolean().optional(),
};

/**
 * A page of the meeting log: at most `limit` rows after the cursor `after` (keyset: reading on from a page),
 * or from the row `offset` on (a jump to where the list is scrolled: the ids skipped are read from an index
 * alone), never both.
 */
export const meetingListInput = z
  .strictObject({
    ...meetingFilters,
    limit: z.number().int().min(1).max(500).default(100),
    after: meetingCursor.optional(),
    offset: pageFields.offset,
  })
  .refine((input) => input.after === undefined || input.offset === undefined, { message: 'after or offset, not both', path: ['offset'] })
  .default({ limit: 100 });

export interface MeetingPage {
  rows: MeetingListItem[];
  /** How many meetings match the filters, on every page. */
  total: number;
  /** The cursor of the next page, null on the last one. */
  next: MeetingCursor | null;
}

export interface Attendee {
  id: string;
  contactId: string | null;
  name: string | null;
  side: (typeof ATTENDEE_SIDES)[number];
  organizationId: string | null;
  organizationName: string | null;
  role: string | null;
  isInterpreter: boolean;
}

export interface MeetingListItem {
  id: string;
  title: string;
  date: string;
  time: string | null;
  location: string | null;
  format: (typeof MEETING_FORMATS)[number];
  kind: (typeof MEETING_KINDS)[number];
  outcomes: string | null;
  partnerships: { id: string; title: string; titleZh: string | null; titleEn: string | null }[];
  deletedAt: string | null;
}

export interface Meeting extends MeetingListItem {
  agenda: string | null;
  summary: string | null;
  gifts: string | null;
  notes: string | null;
  attendees: Attendee[];
  tasks: Task[];
}

const listColumns = {
  id: meetings.id,
  title: meetings.title,
  date: meetings.date,
  time: meetings.time,
  location: meetings.location,
  format: meetings.format,
  kind: meetings.kind,
  outcomes: meetings.outcomes,
  deletedAt: meetings.deletedAt,
};

function partnershipsOf(core: Core, meetingIds: string[]): Map<string, MeetingListItem['partnerships']> {
  const result = new Map<string, MeetingListItem['partnerships']>();
  for (let i = 0; i < meetingIds.length; i += 500) {
    const rows = core.db
      .select({
        meetingId: meetingPartnerships.meetingId,
        id: partnerships.id,
        title: partnerships.title,
        titleZh: partnerships.titleZh,
        titleEn: partnerships.titleEn,
      })
      .from(meetingPartnerships)
      .innerJoin(partnerships, eq(partnerships.id, meetingPartnerships.partnershipId))
      .where(and(inArray(meetingPartnerships.meetingId, meetingIds.slice(i, i + 500)), isNull(meetingPartnerships.deletedAt)))
      .orderBy(asc(meetingPartnerships.createdAt), asc(meetingPartnerships.id))
      .all();
    for (const { meetingId, ...p } of rows) result.set(meetingId, [...(result.get(meetingId) ?? []), p]);
  }
  return result;
}

type MeetingFilters = { [K in keyof typeof meetingFilters]?: z.output<(typeof meetingFilters)[K]> };

/**
 * How an organization's meetings are found: through its few partnerships ('few'), or, for a party to
 * many (an office's own city is a party to nearly all), by walking meetings_list newest first and
 * keeping those linked to one of them ('many'): the first page then stops after its rows instead of
 * sorting every meeting of the portfolio.
 */
type OrganizationPlan = 'few' | 'many';
/** Above this many live partnerships, an organization's meetings are read by walking the log. */
export const ORGANIZATION_WALK_ABOVE = 50;

function organizationPlanOf(core: Core, organizationId: string): OrganizationPlan {
  const row = core.sqlite
    .prepare(
      `SELECT count(*) AS n FROM partnership_parties pp JOIN partnerships p ON p.id = pp.partnership_id
        WHERE pp.organization_id = ? AND pp.deleted_at IS NULL AND p.deleted_at IS NULL`,
    )
    .get(organizationId) as { n: number };
  return row.n > ORGANIZATION_WALK_ABOVE ? 'many' : 'few';
}

function filterOf(input: MeetingFilters, organizationPlan: OrganizationPlan = 'few', within?: string[]): SQL | undefined {
  const q = input.query ? `%${escapeLike(input.query)}%` : null;
  // With a partnership (deleted meetings only: the live ones go through partnership_meetings), or the few
  // meetings whose titles the search index found, meetings are found by id; the unary + keeps SQLite
  // from walking meetings_list over every deleted meeting instead.
  const byId = !!within || !!input.partnershipId || (!!input.organizationId && organizationPlan === 'few');
  const live = byId ? sql`+${meetings.deletedAt} IS NULL` : isNull(meetings.deletedAt);
  return and(
    input.deleted ? isNotNull(meetings.deletedAt) : live,
    input.from ? gte(meetings.date, input.from) : undefined,
    input.to ? lte(meetings.date, input.to) : undefined,
    q ? sql`${meetings.title} LIKE ${q} ESCAPE '\\'` : undefined,
    input.partnershipId ? linkedTo(input.partnershipId) : undefined,
    input.organizationId ? ofOrganization(input.organizationId, organizationPlan) : undefined,
    within ? inArray(meetings.id, within) : undefined,
  );
}

/** The meetings of the live partnerships the organization is a live party to (see OrganizationPlan). */
function ofOrganization(organizationId: string, plan: OrganizationPlan): SQL {
  const partnershipsOf = sql`SELECT pp.partnership_id FROM partnership_parties pp JOIN partnerships p ON p.id = pp.partnership_id
    WHERE pp.organization_id = ${organizationId} AND pp.deleted_at IS NULL AND p.deleted_at IS NULL`;
  if (plan === 'few')
    return sql`"meetings"."id" IN (SELECT meeting_id FROM meeting_partnerships WHERE deleted_at IS NULL AND partnership_id IN (${partnershipsOf}))`;
  // CROSS JOIN keeps this order: the meeting's few links first, then their parties, never the organization's many parties.
  return sql`EXISTS (SELECT 1 FROM meeting_partnerships mp CROSS JOIN partnership_parties pp CROSS JOIN partnerships p
    WHERE mp.meeting_id = "meetings"."id" AND mp.deleted_at IS NULL AND pp.partnership_id = mp.partnership_id AND pp.deleted_at IS NULL
      AND pp.organization_id = ${organizationId} AND p.id = pp.partnership_id AND p.deleted_at IS NULL)`;
}

function linkedTo(partnershipId: string | Placeholder): SQL {
  return sql`"meetings"."id" IN (SELECT meeting_id FROM meeting_partnerships WHERE partnership_id = ${partnershipId} AND deleted_at IS NULL)`;
}

const newestFirst = [desc(meetings.date), desc(meetings.time), desc(meetings.id)] as const;

/**
 * A partnership's live meetings, newest first, read in order from partnership_meetings_by_date
 * (maintained by triggers: one row per live meeting of a partnership, with its date and time)
 * and joined to meetings by id for the page alone: the busiest partnership's 8,550 meetings are
 * no longer sorted for every page.
 */
const pm = partnershipMeetings;
const newestFirstOfPartnership = [desc(pm.date), desc(pm.time), desc(pm.meetingId)] as const;

function partnershipFilterOf(partnershipId: string | Placeholder, input: MeetingFilters = {}): SQL | undefined {
  const q = input.query ? `%${escapeLike(input.query)}%` : null;
  return and(
    sql`${pm.partnershipId} = ${partnershipId}`,
    input.from ? gte(pm.date, input.from) : undefined,
    input.to ? lte(pm.date, input.to) : undefined,
    q ? sql`${meetings.title} LIKE ${q} ESCAPE '\\'` : undefined,
  );
}

/** Live meetings, summed over the days of meeting_counts (kept by triggers): the log's total without counting it. */
const liveMeetings = sql<number>`coalesce(sum(${meetingCounts.n}), 0)`;

/**
 * The two first pages people open most, the meeting log and a partnership's meetings, prepared
 * once per connection: the same SQL `listMeetings` would build, without building it each time.
 */
const firstPages = perConnection((core: Core) => {
  const live = isNull(meetings.deletedAt);
  const ofPartnership = partnershipFilterOf(sql.placeholder('partnershipId'));
  return {
    log: core.db
      .select(listColumns)
      .from(meetings)
      .where(live)
      .orderBy(...newestFirst)
      .limit(sql.placeholder('limit'))
      .prepare(),
    logTotal: core.db.select({ n: liveMeetings }).from(meetingCounts).prepare(),
    ofPartnership: core.db
      .select(listColumns)
      .from(pm)
      .innerJoin(meetings, eq(meetings.id, pm.meetingId))
      .where(ofPartnership)
      .orderBy(...newestFirstOfPartnership)
      .limit(sql.placeholder('limit'))
      .prepare(),
    ofPartnershipTotal: core.db.select({ n: count() }).from(pm).where(ofPartnership).prepare(),
  };
});

/** A partnership's newest meetings, through its prepared statement (also what the benchmark times against raw SQL). */
export function partnershipMeetingsPage(core: Core, partnershipId: string, limit: number): Omit<MeetingListItem, 'partnerships'>[] {
  return firstPages(core).ofPartnership.all({ partnershipId, limit });
}

/** The SQL of `partnershipMeetingsPage`, for the benchmark's raw reference. */
export function partnershipMeetingsPageQuery(core: Core): { sql: string; params: unknown[] } {
  return firstPages(core).ofPartnership.getQuery();
}

/**
 * Rows after the cursor in the order date DESC, time DESC (no time last), id DESC. The leading
 * `date <= ?` lets SQLite start the index range at the cursor's day instead of walking to it.
 */
function afterCursor(after: MeetingCursor, key: { date: SQLiteColumn; time: SQLiteColumn; id: SQLiteColumn } = meetings): SQL {
  const sameDay =
    after.time === null
      ? sql`(${key.time} IS NULL AND ${key.id} < ${after.id})`
      : sql`(${key.time} < ${after.time} OR ${key.time} IS NULL OR (${key.time} = ${after.time} AND ${key.id} < ${after.id}))`;
  return sql`${key.date} <= ${after.date} AND (${key.date} < ${after.date} OR (${key.date} = ${after.date} AND ${sameDay}))`;
}

function withPartnerships(core: Core, rows: Omit<MeetingListItem, 'partnerships'>[]): MeetingListItem[] {
  const links = partnershipsOf(
    core,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, partnerships: links.get(r.id) ?? [] }));
}

type ListRow = Omit<MeetingListItem, 'partnerships'>;
type ListInput = z.output<typeof meetingListInput>;

/** The first page of the whole log or of one partnership's meetings (one row more than asked), prepared; undefined for other shapes. */
function firstPageOf(core: Core, input: ListInput): { rows: ListRow[]; total: number } | undefined {
  if (input.after || input.offset || input.from || input.to || input.query || input.deleted || input.organizationId) return undefined;
  const limit = input.limit + 1;
  const prepared = firstPages(core);
  if (!input.partnershipId) return { rows: prepared.log.all({ limit }), total: prepared.logTotal.get()?.n ?? 0 };
  const partnershipId = input.partnershipId;
  return { rows: partnershipMeetingsPage(core, partnershipId, limit), total: prepared.ofPartnershipTotal.get({ partnershipId })?.n ?? 0 };
}

/**
 * The rows (one more than asked) from the offset on, in `order`: the ids skipped and the page's read from `ids`
 * (an index alone, where it covers the filter), then the page's rows by id.
 */
function rowsAtOffset<Q extends SQLiteSelect>(
  core: Core,
  ids: Q,
  where: SQL | undefined,
  order: readonly SQL[] | readonly SQLiteColumn[],
  input: ListInput,
): ListRow[] {
  const page = (
    ids
      .where(where)
      .orderBy(...order)
      .limit(input.limit + 1)
      .offset(input.offset ?? 0)
      .all() as { id: string }[]
  ).map((r) => r.id);
  if (page.length === 0) return [];
  const byId = new Map(
    core.db
      .select(listColumns)
      .from(meetings)
      .where(inArray(meetings.id, page))
      .all()
      .map((row) => [row.id, row]),
  );
  return page.flatMap((id) => byId.get(id) ?? []);
}

/**
 * What the search index (listMatches) tells of a search of the log: the few matching meetings (`within`, the
 * filter then holding those ids besides its own terms), or, for a search of the whole log, how many match
 * (`total`, not counted again); nothing where it cannot tell (and for deleted meetings, which it does not hold).
 */
interface Searched {
  within?: string[];
  total?: number;
}

function searchedOf(core: Core, input: ListInput): Searched {
  if (!input.query || input.deleted) return {};
  const matches = listMatches(core, 'meeting', input.query);
  if (!matches) return {};
  if (matches.count <= SEARCH_BY_ID_UP_TO) return { within: matches.ids() };
  return !input.partnershipId && !input.organizationId && !input.from && !input.to ? { total: matches.count } : {};
}

/**
 * Any page of any filter (one row more than asked), built for the input: after the cursor, or from the offset.
 * The total of the log, or of a range of days, is summed from meeting_counts; other filters count their matches.
 */
function pageOf(core: Core, input: ListInput, searched: Searched = {}): { rows: ListRow[]; total: number } {
  const limit = input.limit + 1;
  const { within } = searched;
  if (within?.length === 0) return { rows: [], total: 0 };
  if (input.partnershipId && !input.deleted) {
    const filter = and(partnershipFilterOf(input.partnershipId, input), within ? inArray(meetings.id, within) : undefined);
    const key = { date: pm.date, time: pm.time, id: pm.meetingId };
    // The ids skipped by an offset are read from partnership_meetings_by_date alone, unless the title is asked about.
    const ids = input.query
      ? core.db.select({ id: pm.meetingId }).from(pm).innerJoin(meetings, eq(meetings.id, pm.meetingId)).$dynamic()
      : core.db.select({ id: pm.meetingId }).from(pm).$dynamic();
    const rows = input.offset
      ? rowsAtOffset(core, ids, filter, newestFirstOfPartnership, input)
      : core.db
          .select(listColumns)
          .from(pm)
          .innerJoin(meetings, eq(meetings.id, pm.meetingId))
          .where(input.after ? and(filter, afterCursor(input.after, key)) : filter)
          .orderBy(...newestFirstOfPartnership)
          .limit(limit)
          .all();
    const counted = input.query
      ? core.db.select({ n: count() }).from(pm).innerJoin(meetings, eq(meetings.id, pm.meetingId))
      : core.db.select({ n: count() }).from(pm);
    return { rows, total: counted.where(filter).get()?.n ?? 0 };
  }
  const filter = filterOf(input, input.organizationId ? organizationPlanOf(core, input.organizationId) : 'few', within);
  const rows = input.offset
    ? rowsAtOffset(core, core.db.select({ id: meetings.id }).from(meetings).$dynamic(), filter, newestFirst, input)
    : core.db
        .select(listColumns)
        .from(meetings)
        .where(input.after ? and(filter, afterCursor(input.after)) : filter)
        .orderBy(...newestFirst)
        .limit(limit)
        .all();
  const onlyDays = !input.query && !input.deleted && !input.organizationId;
  const total =
    searched.total ??
    (onlyDays ? liveMeetingsBetween(core, input.from, input.to) : (core.db.select({ n: count() }).from(meetings).where(filter).get()?.n ?? 0));
  return { rows, total };
}

/** How many live meetings fall on the days from `from` to `to` (either open), summed from meeting_counts: no count of meetings. */
export function liveMeetingsBetween(core: Core, from?: string, to?: string): number {
  return (
    core.db
      .select({ n: liveMeetings })
      .from(meetingCounts)
      .where(and(from ? gte(meetingCounts.date, from) : undefined, to ? lte(meetingCounts.date, to) : undefined))
      .get()?.n ?? 0
  );
}

/** One page of the meeting log, newest first, with the count of all matches. */
export function listMeetings(core: Core, input: ListInput): MeetingPage {
  const { rows, total } = firstPageOf(core, input) ?? pageOf(core, input, searchedOf(core, input));
  const more = rows.length > input.limit;
  const page = more ? rows.slice(0, input.limit) : rows;
  const last = page[page.length - 1];
  return { rows: withPartnerships(core, page), total, next: more && last ? { date: last.date, time: last.time, id: last.id } : null };
}

/** Every matching meeting, newest first: for reports, which cover one partnership or a period, not the contract. */
export function allMeetings(core: Core, input: MeetingFilters): MeetingListItem[] {
  const rows = core.db
    .select(listColumns)
    .from(meetings)
    .where(filterOf(input))
    .orderBy(...newestFirst)
    .all();
  return withPartnerships(core, rows);
}

export function getMeeting(core: Core, id: string): Meeting {
  const row = core.db
    .select({ ...listColumns, agenda: meetings.agenda, summary: meetings.summary, gifts: meetings.gifts, notes: meetings.notes })
    .from(meetings)
    .where(eq(meetings.id, id))
    .get();
  if (!row) throw notFound('meetings', id);
  const attendees = core.db
    .select({
      id: meetingAttendees.id,
      contactId: meetingAttendees.contactId,
      name: sql<string | null>`coalesce(${meetingAttendees.name}, ${contacts.name})`,
      side: meetingAttendees.side,
      organizationId: meetingAttendees.organizationId,
      organizationName: sql<string | null>`coalesce(${meetingAttendees.organizationName}, ${organizations.displayName})`,
      role: meetingAttendees.role,
      isInterpreter: meetingAttendees.isInterpreter,
    })
    .from(meetingAttendees)
    .leftJoin(contacts, eq(contacts.id, meetingAttendees.contactId))
    .leftJoin(organizations, eq(organizations.id, meetingAttendees.organizationId))
    .where(and(eq(meetingAttendees.meetingId, id), isNull(meetingAttendees.deletedAt)))
    .orderBy(asc(meetingAttendees.createdAt), asc(meetingAttendees.id))
    .all();
  return {
    ...row,
    partnerships: partnershipsOf(core, [id]).get(id) ?? [],
    attendees,
    tasks: allTasks(core, { view: 'all', meetingId: id, includeClosed: true }),
  };
}

type AttendeeInput = z.output<typeof attendeeInput>;

function checkReferences(core: Core, partnershipIds: string[] | undefined, attendees: AttendeeInput[] | undefined): void {
  for (const pid of partnershipIds ?? []) requireLive(core, 'partnerships', pid);
  for (const a of attendees ?? []) {
    if (a.contactId) requireLive(core, 'contacts', a.contactId);
    if (a.organizationId) requireLive(core, 'organizations', a.organizationId);
  }
}

function insertAttendee(core: Core, meetingId: string, a: AttendeeInput): void {
  insertRecord(core, 'meetingAttendees', {
    meetingId,
    contactId: a.contactId ?? null,
    name: a.name ?? null,
    side: a.side,
    organizationId: a.organizationId ?? null,
    organizationName: a.organizationName ?? null,
    role: a.role ?? null,
    isInterpreter: a.isInterpreter ?? false,
  });
}

/** The meeting, its links and attendees, and its follow-up tasks: all written in the caller's one transaction. */
export function createMeeting(core: Core, input: z.output<typeof meetingCreateInput>): Meeting {
  const { partnershipIds, attendees, followUps, ...fields } = input;
  checkReferences(core, partnershipIds, attendees);
  for (const task of followUps ?? []) {
    if (task.partnershipId && !partnershipIds.includes(task.partnershipId)) {
      throw new AppError(
        'invalid_input',
        {
          zh: '后续任务只能属于本次会见涉及的合作关系。未保存任何内容。',
          en: 'A follow-up task can only belong to a partnership this meeting concerns. Nothing was saved.',
        },
        ['followUps'],
      );
    }
  }
  const id = insertRecord(core, 'meetings', fields);
  for (const partnershipId of partnershipIds) insertRecord(core, 'meetingPartnerships', { meetingId: id, partnershipId });
  for (const a of attendees ?? []) insertAttendee(core, id, a);
  for (const task of followUps ?? []) {
    insertRecord(core, 'tasks', {
      title: task.title,
      details: task.details ?? null,
      assignee: task.assignee ?? null,
      dueOn: task.dueOn ?? null,
      priority: task.priority ?? 'normal',
      status: 'open',
      partnershipId: task.partnershipId ?? partnershipIds[0],
      meetingId: id,
    });
  }
  return getMeeting(core, id);
}

export function updateMeeting(core: Core, input: z.output<typeof meetingUpdateInput>): Meeting {
  const { id, partnershipIds, attendees, ...fields } = input;
  const current = getMeeting(core, id);
  if (current.deletedAt) throw notFound('meetings', id);
  checkReferences(core, partnershipIds, attendees);
  updateRecord(core, 'meetings', id, fields);
  if (partnershipIds) {
    const links = core.db
      .select({ id: meetingPartnerships.id, partnershipId: meetingPartnerships.partnershipId })
      .from(meetingPartnerships)
      .where(and(eq(meetingPartnerships.meetingId, id), isNull(meetingPartnerships.deletedAt)))
      .all();
    const wanted = new Set(partnershipIds);
    for (const link of links) {
      if (!wanted.has(link.partnershipId)) deleteRecord(core, 'meetingPartnerships', link.id);
      wanted.delete(link.partnershipId);
    }
    for (const partnershipId of wanted) insertRecord(core, 'meetingPartnerships', { meetingId: id, partnershipId });
  }
  if (attendees) {
    // The attendee list is edited as a whole: replace it.
    for (const a of current.attendees) deleteRecord(core, 'meetingAttendees', a.id);
    for (const a of attendees) insertAttendee(core, id, a);
  }
  return getMeeting(core, id);
}

export function deleteMeeting(core: Core, id: string): Meeting {
  requireLive(core, 'meetings', id);
  deleteRecord(core, 'meetings', id);
  return getMeeting(core, id);
}

export function restoreMeeting(core: Core, id: string): Meeting {
  requireLive(core, 'meetings', id, true);
  restoreRecord(core, 'meetings', id);
  return getMeeting(core, id);
}
