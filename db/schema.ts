/**
 * The data model: the one source of truth. drizzle-kit generates migrations/ from this file.
 *
 * Every user table carries the same bookkeeping columns (see `recordColumns`):
 * - `id`: UUIDv7 text, generated in the core (sortable by creation time).
 * - `created_at`, `updated_at`: ISO 8601 UTC instants.
 * - `deleted_at`: tombstone; deletes are soft and `restore` clears it.
 * - `hlc`: the hybrid-logical-clock stamp of the latest write to any field of the row.
 * - `origin`: the installation (office) that made that write.
 * - `field_stamps`: JSON object, field name -> HLC stamp of the last write of that field.
 *   Merge (last writer wins per field) compares these stamps; `deleted_at` is a field too.
 */
import { sql } from 'drizzle-orm';
import { blob, check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const recordColumns = () => ({
  id: text('id').primaryKey(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  deletedAt: text('deleted_at'),
  hlc: text('hlc').notNull(),
  origin: text('origin').notNull(),
  fieldStamps: text('field_stamps').notNull().default('{}'),
});

// The enumerations are plain lists in common/ (the forms read them too); the columns below take them from there.
import {
  ATTENDEE_SIDES,
  DATE_PRECISIONS,
  MEETING_FORMATS,
  MEETING_KINDS,
  MILESTONE_KINDS,
  MILESTONE_STATUSES,
  ORGANIZATION_KINDS,
  PARTNERSHIP_KINDS,
  PARTNERSHIP_STATUSES,
  TASK_PRIORITIES,
  TASK_STATUSES,
} from '../common/inputs/enums';
export * from '../common/inputs/enums';

export const organizations = sqliteTable(
  'organizations',
  {
    ...recordColumns(),
    displayName: text('display_name').notNull(),
    nameZh: text('name_zh'),
    nameEn: text('name_en'),
    nameLocal: text('name_local'),
    /** JSON array of further names in any script (Шантоу, Бургас, abbreviations). */
    aliases: text('aliases').notNull().default('[]'),
    /** ISO 3166-1 alpha-2, upper case. */
    country: text('country'),
    region: text('region'),
    kind: text('kind', { enum: ORGANIZATION_KINDS }).notNull().default('city'),
    latitude: real('latitude'),
    longitude: real('longitude'),
    notes: text('notes'),
    source: text('source'),
  },
  (t) => [
    index('organizations_display_name').on(t.displayName),
    index('organizations_country').on(t.country),
    // The map's places: every live organization with coordinates, read from this index alone (db/map.ts; deleted_at
    // is in it so that SQLite counts it covering).
    index('organizations_located')
      .on(t.id, t.displayName, t.nameZh, t.nameEn, t.country, t.latitude, t.longitude, t.deletedAt)
      .where(sql`${t.deletedAt} IS NULL AND ${t.latitude} IS NOT NULL AND ${t.longitude} IS NOT NULL`),
    // The Trash page: deleted organizations newest first, from an index of the deleted ones alone.
    index('organizations_deleted')
      .on(t.deletedAt)
      .where(sql`${t.deletedAt} IS NOT NULL`),
    check('organizations_latitude_range', sql`${t.latitude} IS NULL OR (${t.latitude} BETWEEN -90 AND 90)`),
    check('organizations_longitude_range', sql`${t.longitude} IS NULL OR (${t.longitude} BETWEEN -180 AND 180)`),
  ],
);

export const programmes = sqliteTable('programmes', {
  ...recordColumns(),
  nameZh: text('name_zh'),
  nameEn: text('name_en'),
  startedOn: text('started_on'),
  endedOn: text('ended_on'),
  description: text('description'),
  source: text('source'),
});

export const partnerships = sqliteTable(
  'partnerships',
  {
    ...recordColumns(),
    title: text('title').notNull(),
    titleZh: text('title_zh'),
    titleEn: text('title_en'),
    kind: text('kind', { enum: PARTNERSHIP_KINDS }).notNull(),
    status: text('status', { enum: PARTNERSHIP_STATUSES }).notNull(),
    /** Calendar date the current status began (YYYY-MM-DD, YYYY-MM or YYYY). */
    statusSince: text('status_since'),
    programmeId: text('programme_id').references(() => programmes.id),
    /** JSON array of topic keys (smart_city, green_building, port, ...). */
    topics: text('topics').notNull().default('[]'),
    owner: text('owner'),
    summary: text('summary'),
    rationale: text('rationale'),
    termStart: text('term_start'),
    termEnd: text('term_end'),
    reviewOn: text('review_on'),
    source: text('source'),
  },
  (t) => [
    index('partnerships_status').on(t.status),
    // Live partnerships by status with their titles: the dashboard's counts per status and its quiet card, from the index alone
    // (deleted_at is listed so that SQLite sees the index covers the query; the three dates tell when a partnership began,
    // and one that began within the quiet window is not quiet yet).
    index('partnerships_live_status')
      .on(t.status, t.id, t.title, t.titleZh, t.titleEn, t.termStart, t.statusSince, t.createdAt, t.deletedAt)
      .where(sql`${t.deletedAt} IS NULL`),
    // Renewals (dashboard, reminders): live agreements whose review date or term end falls in a period.
    index('partnerships_live_review_on')
      .on(t.reviewOn)
      .where(sql`${t.deletedAt} IS NULL`),
    index('partnerships_live_term_end')
      .on(t.termEnd)
      .where(sql`${t.deletedAt} IS NULL`),
    // The Trash page: deleted partnerships newest first, from an index of the deleted ones alone.
    index('partnerships_deleted')
      .on(t.deletedAt)
      .where(sql`${t.deletedAt} IS NOT NULL`),
    // The owner filter's choices: the distinct owners of live partnerships, from the index alone.
    index('partnerships_live_owner')
      .on(t.owner, t.deletedAt)
      .where(sql`${t.deletedAt} IS NULL AND ${t.owner} IS NOT NULL`),
    index('partnerships_programme').on(t.programmeId),
    // The list's default order (status since, newest first; then title and id) over live partnerships: a page is
    // read from it without sorting (deleted_at included so the index covers the query). Partial, so no other query takes `deleted_at IS NULL` for a selective lookup.
    index('partnerships_list')
      .on(sql`${t.statusSince} DESC`, t.title, t.id, t.deletedAt)
      .where(sql`${t.deletedAt} IS NULL`),
  ],
);

export const partnershipParties = sqliteTable(
  'partnership_parties',
  {
    ...recordColumns(),
    partnershipId: text('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** Free text: "signatory", "pilot city (China)", "lead", ... */
    role: text('role'),
  },
  (t) => [
    index('partnership_parties_partnership').on(t.partnershipId),
    index('partnership_parties_organization').on(t.organizationId),
    // The live parties of a partnership in the order added, with their organizations (the map, a partnership's
    // contacts), from the index alone.
    index('partnership_parties_live')
      .on(t.partnershipId, t.createdAt, t.id, t.organizationId, t.deletedAt)
      .where(sql`${t.deletedAt} IS NULL`),
  ],
);

export const partnershipStatusHistory = sqliteTable(
  'partnership_status_history',
  {
    ...recordColumns(),
    partnershipId: text('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    status: text('status', { enum: PARTNERSHIP_STATUSES }).notNull(),
    startedOn: text('started_on').notNull(),
    note: text('note'),
  },
  (t) => [index('partnership_status_history_partnership').on(t.partnershipId)],
);

export const milestones = sqliteTable(
  'milestones',
  {
    ...recordColumns(),
    partnershipId: text('partnership_id')
      .notNull()
      .references(() => partnerships.id),
    title: text('title').notNull(),
    /** YYYY, YYYY-MM or YYYY-MM-DD according to `date_precision`. */
    date: text('date').notNull(),
    datePrecision: text('date_precision', { enum: DATE_PRECISIONS }).notNull(),
    kind: text('kind', { enum: MILESTONE_KINDS }).notNull(),
    status: text('status', { enum: MILESTONE_STATUSES }).notNull(),
    source: text('source'),
    notes: text('notes'),
  },
  (t) => [
    index('milestones_partnership').on(t.partnershipId),
    index('milestones_date').on(t.date),
    // The Trash page: deleted milestones newest first, from an index of the deleted ones alone.
    index('milestones_deleted')
      .on(t.deletedAt)
      .where(sql`${t.deletedAt} IS NOT NULL`),
    // A partnership's live milestones by date: its first in one seek (the portfolio timeline's order over 10,000
    // partnerships), its latest of a period read in order with what the timeline shows of them, from the index alone
    // (a row per milestone read from the table made the timeline's first page 30% dearer at L; deleted_at listed so
    // that SQLite sees the index covers).
    index('milestones_live_partnership_date')
      .on(t.partnershipId, t.date, t.id, t.datePrecision, t.title, t.status, t.kind, t.deletedAt)
      .where(sql`${t.deletedAt} IS NULL`),
    // The dashboard's coming milestones: live planned ones by date, from the index alone (deleted_at and status
    // listed so that SQLite sees it covers the query).
    index('milestones_planned')
      .on(t.date, t.id, t.partnershipId, t.title, t.kind, t.deletedAt, t.status)
      .where(sql`${t.deletedAt} IS NULL AND ${t.status} = 'planned'`),
  ],
);

export const contacts = sqliteTable(
  'contacts',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    title: text('title'),
    organizationId: text('organization_id').references(() => organizations.id),
    email: text('email'),
    phone: text('phone'),
    notes: text('notes'),
  },
  (t) => [
    index('contacts_organization').on(t.organizationId),
    // The contact list's pages: live contacts by name (ties by id), and their count, without sorting.
    index('contacts_list').on(t.deletedAt, t.name, t.id),
  ],
);

export const meetings = sqliteTable(
  'meetings',
  {
    ...recordColumns(),
    title: text('title').notNull(),
    /** YYYY-MM-DD */
    date: text('date').notNull(),
    /** HH:MM, local time of the meeting, optional */
    time: text('time'),
    location: text('location'),
    format: text('format', { enum: MEETING_FORMATS }).notNull(),
    kind: text('kind', { enum: MEETING_KINDS }).notNull(),
    agenda: text('agenda'),
    summary: text('summary'),
    outcomes: text('outcomes'),
    gifts: text('gifts'),
    /** Markdown, sanitized when shown. */
    notes: text('notes'),
  },
  (t) => [
    index('meetings_date').on(t.date),
    // The meeting log's pages: live (or deleted) meetings in date, time, id order, and their count; with the title, so
    // that a search of the titles reads this index, not the rows (at L: 0.6 s -> 0.05 s for a count of all matches).
    index('meetings_list').on(t.deletedAt, t.date, t.time, t.id, t.title),
  ],
);

export const meetingPartnerships = sqliteTable(
  'meeting_partnerships',
  {
    ...recordColumns(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    partnershipId: text('partnership_id')
      .notNull()
      .references(() => partnerships.id),
  },
  (t) => [index('meeting_partnerships_meeting').on(t.meetingId), index('meeting_partnerships_partnership').on(t.partnershipId)],
);

export const meetingAttendees = sqliteTable(
  'meeting_attendees',
  {
    ...recordColumns(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    contactId: text('contact_id').references(() => contacts.id),
    /** Typed name when the attendee is not a contact. */
    name: text('name'),
    side: text('side', { enum: ATTENDEE_SIDES }).notNull(),
    organizationId: text('organization_id').references(() => organizations.id),
    organizationName: text('organization_name'),
    role: text('role'),
    isInterpreter: integer('is_interpreter', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('meeting_attendees_meeting').on(t.meetingId),
    index('meeting_attendees_contact').on(t.contactId),
    // Who attended a meeting (a partnership's contacts), from the index alone.
    index('meeting_attendees_live')
      .on(t.meetingId, t.contactId, t.deletedAt)
      .where(sql`${t.deletedAt} IS NULL`),
  ],
);

export const tasks = sqliteTable(
  'tasks',
  {
    ...recordColumns(),
    title: text('title').notNull(),
    details: text('details'),
    /** YYYY-MM-DD */
    dueOn: text('due_on'),
    assignee: text('assignee'),
    status: text('status', { enum: TASK_STATUSES }).notNull(),
    priority: text('priority', { enum: TASK_PRIORITIES }).notNull().default('normal'),
    partnershipId: text('partnership_id').references(() => partnerships.id),
    meetingId: text('meeting_id').references(() => meetings.id),
    doneAt: text('done_at'),
  },
  (t) => [
    index('tasks_due_on').on(t.dueOn),
    // Overdue and this-week views: open tasks by due date, without reading the done ones.
    index('tasks_status_due_on').on(t.status, t.dueOn),
    index('tasks_assignee').on(t.assignee),
    index('tasks_partnership').on(t.partnershipId),
    index('tasks_meeting').on(t.meetingId),
    // The task list's pages: live tasks due soonest first, no due date last, ties by title and id;
    // the status at the end lets the open-only pages and their count skip done tasks without reading them.
    index('tasks_list').on(t.deletedAt, sql`${t.dueOn} IS NULL`, t.dueOn, t.title, t.id, t.status),
    // Overdue and this-week pages (and the dashboard's overdue card): live open tasks with a due date, already in
    // page order, so a page is read without sorting the 27,000 overdue tasks of a large office.
    index('tasks_open_due')
      .on(t.dueOn, t.title, t.id)
      .where(sql`${t.deletedAt} IS NULL AND ${t.status} IN ('open', 'in_progress') AND ${t.dueOn} IS NOT NULL`),
  ],
);

/** Content-addressed file contents, shared by every attachment with the same bytes. */
export const blobs = sqliteTable('blobs', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  data: blob('data', { mode: 'buffer' }).notNull(),
  createdAt: text('created_at').notNull(),
});

export const attachments = sqliteTable(
  'attachments',
  {
    ...recordColumns(),
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type'),
    size: integer('size').notNull(),
    partnershipId: text('partnership_id').references(() => partnerships.id),
    meetingId: text('meeting_id').references(() => meetings.id),
    description: text('description'),
  },
  (t) => [
    index('attachments_partnership').on(t.partnershipId),
    index('attachments_meeting').on(t.meetingId),
    // The Trash page: deleted attachments newest first, from an index of the deleted ones alone.
    index('attachments_deleted')
      .on(t.deletedAt)
      .where(sql`${t.deletedAt} IS NOT NULL`),
  ],
);

/** Installation facts: origin id, office name, last HLC issued, onboarding state. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Every field write, local or merged: who (origin/office) and when (hlc). The record's history. */
export const changeLog = sqliteTable(
  'change_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    field: text('field').notNull(),
    /** JSON-encoded value written. */
    value: text('value'),
    hlc: text('hlc').notNull(),
    origin: text('origin').notNull(),
    office: text('office'),
    /** 'local' or the sync_log id of the import that brought it. */
    via: text('via').notNull().default('local'),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [
    index('change_log_row').on(t.entity, t.rowId),
    uniqueIndex('change_log_unique').on(t.entity, t.rowId, t.field, t.hlc),
    // Version vectors for merge: the highest stamp per origin.
    index('change_log_origin_hlc').on(t.origin, t.hlc),
  ],
);

/** A merge that overwrote a concurrent value keeps the loser here for a person to review and flip. */
export const conflicts = sqliteTable(
  'conflicts',
  {
    id: text('id').primaryKey(),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    field: text('field').notNull(),
    winningValue: text('winning_value'),
    winningHlc: text('winning_hlc').notNull(),
    losingValue: text('losing_value'),
    losingHlc: text('losing_hlc').notNull(),
    detectedAt: text('detected_at').notNull(),
    resolvedAt: text('resolved_at'),
    resolution: text('resolution'),
  },
  (t) => [index('conflicts_row').on(t.entity, t.rowId)],
);

/** Offices this installation has exchanged files with, and what each exchange did. */
export const syncLog = sqliteTable('sync_log', {
  id: text('id').primaryKey(),
  direction: text('direction', { enum: ['import', 'export'] }).notNull(),
  at: text('at').notNull(),
  fileName: text('file_name').notNull(),
  peerOrigin: text('peer_origin'),
  peerOffice: text('peer_office'),
  /** Highest HLC seen from the peer in this exchange. */
  peerHlc: text('peer_hlc'),
  /** JSON: counts per entity. */
  counts: text('counts').notNull().default('{}'),
});

/** A likely duplicate found on import: another id, same normalized names and country. */
export const duplicateCandidates = sqliteTable('duplicate_candidates', {
  id: text('id').primaryKey(),
  entity: text('entity').notNull(),
  localId: text('local_id').notNull(),
  importedId: text('imported_id').notNull(),
  detectedAt: text('detected_at').notNull(),
  decision: text('decision', { enum: ['linked', 'kept_apart'] }),
  decidedAt: text('decided_at'),
});

/**
 * The full-text search index: one document per live searchable record. `doc` is also the rowid
 * of the FTS5 table `search_fts` (created by hand in migration 0003, drizzle-kit cannot express
 * virtual tables); each kind owns a range of docs (kind number << 40), so a search can ask
 * FTS5 for one kind's matches by rowid range without reading the others. Docs count down from
 * the top of the range, newest lowest: FTS5 reads matches lazily in ascending rowid order (a
 * descending read loads the whole match list), so "the newest 8" stops after 8.
 */
export const searchDocs = sqliteTable('search_docs', {
  doc: integer('doc').primaryKey(),
  kind: text('kind').notNull(),
  recordId: text('record_id').notNull().unique(),
});

/**
 * Maintained facts (not records: never exported as such, never merged, never stamped). Triggers
 * written by hand in migration 0007 keep them equal to what they summarize on every write,
 * local, merged or generated; the dashboard, the timeline and a partnership's meeting list read
 * them instead of scanning meetings and tasks.
 *
 * `partnership_meetings`: one row per live meeting linked (by a live link) to a partnership,
 * with the meeting's date and time, so a partnership's meetings are read newest first, and its
 * last meeting found, from one index.
 */
export const partnershipMeetings = sqliteTable(
  'partnership_meetings',
  {
    partnershipId: text('partnership_id').notNull(),
    meetingId: text('meeting_id').notNull(),
    date: text('date').notNull(),
    time: text('time'),
  },
  (t) => [
    uniqueIndex('partnership_meetings_link').on(t.meetingId, t.partnershipId),
    index('partnership_meetings_by_date').on(t.partnershipId, t.date, t.time, t.meetingId),
  ],
);

/**
 * Each partnership's latest live meeting (future ones included), kept from partnership_meetings by
 * triggers. (The dashboard's quiet-partnership card read it one row per partnership until
 * quiet_order, migration 0017, which keeps the same day with the one before it, in order.)
 */
export const partnershipFacts = sqliteTable(
  'partnership_facts',
  {
    partnershipId: text('partnership_id').primaryKey(),
    lastMeeting: text('last_meeting'),
  },
  // A partnership's latest meeting from the index alone: one seek per quiet-card candidate, not a seek and a row.
  (t) => [index('partnership_facts_latest').on(t.partnershipId, t.lastMeeting)],
);

/**
 * How many live tasks there are per status and due date ('' for none): the exact totals of the
 * unfiltered task views (all, open, overdue, this week) are sums over a few thousand rows
 * instead of counts over 300,000 tasks.
 */
export const taskCounts = sqliteTable(
  'task_counts',
  {
    status: text('status').notNull(),
    dueOn: text('due_on').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.status, t.dueOn] })],
);

/**
 * `timeline_order`: one row per live partnership with what the portfolio timeline orders it by (its first live
 * milestone, none last; then its title), kept by triggers written by hand in migration 0012. A page of the timeline
 * is a walk of one of its indexes: no seek into each of 10,000 partnerships' milestones and no sort on every read.
 */
export const timelineOrder = sqliteTable(
  'timeline_order',
  {
    partnershipId: text('partnership_id').primaryKey(),
    status: text('status').notNull(),
    title: text('title').notNull(),
    firstMilestone: text('first_milestone'),
  },
  (t) => [
    index('timeline_order_all').on(sql`${t.firstMilestone} IS NULL`, t.firstMilestone, t.title, t.partnershipId),
    index('timeline_order_status').on(t.status, sql`${t.firstMilestone} IS NULL`, t.firstMilestone, t.title, t.partnershipId),
  ],
);

/**
 * How many live meetings there are per day, kept by triggers on every write, local or merged: the meeting
 * log's exact total (and a date range's) is a sum over a few thousand days instead of a count over 200,000
 * meetings.
 */
export const meetingCounts = sqliteTable('meeting_counts', {
  date: text('date').primaryKey(),
  n: integer('n').notNull(),
});

/**
 * The map's partnerships (db/map.ts), kept by triggers written by hand in migration 0014 on every write, local,
 * merged or generated: one row per live partnership with a live party, its title (for the order only), its
 * status, its located parties and how many of its parties have no coordinates. The map reads these rows in title
 * order from one covering index instead of joining every partnership, party and organization.
 *
 * `places`: the distinct live parties with latitude and longitude, space-separated, in the order added (the
 * first is the hub of the star the map draws); null when none is located. `unplaced`: the distinct live
 * parties without coordinates.
 */
export const mapPartnerships = sqliteTable(
  'map_partnerships',
  {
    partnershipId: text('partnership_id').primaryKey(),
    title: text('title').notNull(),
    status: text('status').notNull(),
    places: text('places'),
    unplaced: integer('unplaced').notNull(),
  },
  (t) => [index('map_partnerships_title').on(t.title, t.partnershipId, t.status, t.places, t.unplaced)],
);

/**
 * Always empty: inserting a partnership's id here recomputes its row of map_partnerships (one trigger holds that
 * computation), then the id is taken out again. The triggers on partnerships, parties and organizations insert
 * the ids whose row a write may have changed.
 */
export const mapRefresh = sqliteTable('map_refresh', {
  partnershipId: text('partnership_id').notNull(),
});

/**
 * The dashboard's quiet partnerships (db/dashboard.ts), kept by triggers written by hand in migration 0017 on every
 * write, local, merged or generated: one row per live partnership with its status, its title, the day it began
 * (the earliest of its term's start, its status date and its entry) and its two latest meeting days. Whatever the
 * day asked, the quiet ones are read in order from the two partial indexes, never sorted all, and counted there.
 *
 * `last_meeting`: its latest live meeting's date, future ones included; `prior_meeting`: the latest date before
 * that one. '' for none (it sorts first, as a partnership that never met comes first on the card).
 */
export const quietOrder = sqliteTable(
  'quiet_order',
  {
    partnershipId: text('partnership_id').primaryKey(),
    status: text('status').notNull(),
    title: text('title').notNull(),
    began: text('began').notNull(),
    lastMeeting: text('last_meeting').notNull(),
    priorMeeting: text('prior_meeting').notNull(),
  },
  (t) => [
    // Quiet by its latest meeting (none in the future): a range from the start, in the card's order.
    index('quiet_order_last')
      .on(t.lastMeeting, t.title, t.partnershipId, t.began, t.status)
      .where(sql`${t.status} IN ('active', 'negotiating')`),
    // Met after the day asked: quiet by the meeting before, when that one is not after the day too.
    index('quiet_order_prior')
      .on(t.priorMeeting, t.title, t.partnershipId, t.lastMeeting, t.began, t.status)
      .where(sql`${t.status} IN ('active', 'negotiating')`),
  ],
);

/**
 * Always empty: inserting a partnership's id here recomputes its row of quiet_order (one trigger holds that
 * computation), then the id is taken out again. The triggers on partnerships and partnership_meetings insert the
 * ids whose row a write may have changed.
 */
export const quietRefresh = sqliteTable('quiet_refresh', {
  partnershipId: text('partnership_id').notNull(),
});

/** The user tables that carry records (bookkeeping columns, stamps, tombstones), by entity name. */
export const recordTables = {
  organizations,
  programmes,
  partnerships,
  partnershipParties,
  partnershipStatusHistory,
  milestones,
  contacts,
  meetings,
  meetingPartnerships,
  meetingAttendees,
  tasks,
  attachments,
} as const;
export type RecordEntity = keyof typeof recordTables;
