/**
 * Timelines: the milestones and meetings of each partnership, for one partnership's page and
 * for the whole portfolio. Paged: the screen asks for the rows in view (a database may hold
 * 10,000 partnerships), and gets with them how many there are in all and the period they span,
 * so it can draw the whole scrollable height and the time axis before it has every row.
 */
import { z } from 'zod';
import { PARTNERSHIP_STATUSES } from './schema';
import { requireLive, type Core } from './core';
import { idSchema, partialDate } from './validation';
import { pageFields, pageOf, type Page } from './paging';
import type { DatePrecision, Milestone } from './milestones';
import type { MeetingListItem } from './meetings';
import type { PartnershipStatus } from './partnerships';

/** Rows per page when the caller does not say: a window's worth and some. */
export const TIMELINE_PAGE = 40;
/** At most this many rows per call: each row reads up to 2 × EVENTS_PER_ROW events. */
export const TIMELINE_MAX_PAGE = 200;

/** The first `length` characters of both: 2016 against 2016-05-31 compares the years. */
const comparable = (a: string, b: string): [string, string] => {
  const length = Math.min(a.length, b.length);
  return [a.slice(0, length), b.slice(0, length)];
};

export const timelineInput = z
  .strictObject({
    /** YYYY, YYYY-MM or YYYY-MM-DD: events whose period ends before this are left out. */
    from: partialDate.optional(),
    /** YYYY, YYYY-MM or YYYY-MM-DD: events whose period starts after this are left out. */
    to: partialDate.optional(),
    status: z.enum(PARTNERSHIP_STATUSES).optional(),
    partnershipId: idSchema.optional(),
    /** The first row of the page (0 for the first), in the timeline's order. */
    offset: pageFields.offset,
    /** Rows in the page: TIMELINE_PAGE unless said, at most TIMELINE_MAX_PAGE. */
    limit: z.number().int().min(1).max(TIMELINE_MAX_PAGE).optional(),
  })
  .refine(({ from, to }) => !from || !to || comparable(from, to)[0] <= comparable(from, to)[1], { message: 'from after to', path: ['to'] })
  .default({});

export type TimelineMilestone = Pick<Milestone, 'id' | 'date' | 'title' | 'status' | 'kind'> & { precision: DatePrecision };

export type TimelineMeeting = Pick<MeetingListItem, 'id' | 'date' | 'title' | 'kind'>;

export interface TimelineRow {
  id: string;
  title: string;
  titleZh: string | null;
  titleEn: string | null;
  status: PartnershipStatus;
  /** In date order; the latest EVENTS_PER_ROW of the period when there are more. */
  milestones: TimelineMilestone[];
  /** In date order; the latest EVENTS_PER_ROW of the period when there are more. */
  meetings: TimelineMeeting[];
  /** All of the period, listed or not. */
  milestoneCount: number;
  meetingCount: number;
}

export interface PortfolioTimeline extends Page<TimelineRow> {
  /**
   * One page of the live partnerships that match the filters, in order of their first milestone (those without
   * any last), then title: the same order on every page. `total` counts them all, `next` is the next page's offset.
   */
  rows: TimelineRow[];
  offset: number;
  limit: number;
  eventsPerRow: number;
  /**
   * The first and last dates of the live milestones and meetings of all the partnerships that match (not only this
   * page's), within from and to: the time axis of every page. Null without any.
   */
  span: { first: string; last: string } | null;
}

/** At most this many milestones and as many meetings per partnership (one has 8,000 meetings in the generated L data). */
export const EVENTS_PER_ROW = 50;

/**
 * A partial date covers a period (2016: the whole year), so an event is in the range when its
 * period overlaps it: compare each bound on the characters both dates have.
 */
const IN_RANGE = (column: string) =>
  `(@from IS NULL OR substr(${column}, 1, min(length(${column}), length(@from))) >= substr(@from, 1, min(length(${column}), length(@from))))
   AND (@to IS NULL OR substr(${column}, 1, min(length(${column}), length(@to))) <= substr(@to, 1, min(length(${column}), length(@to))))`;

/**
 * The latest EVENTS_PER_ROW events of the period of each row's partnership, in date order, and how many there are:
 * `latest` lists one partnership's newest first (from an index, no sort), `count` counts them when the list is full.
 * With `read`, `latest` lists ids and `read` reads the rows of a JSON array of them; without, `latest` lists the rows.
 */
function latestPerRow<T extends { id: string; date: string }>(
  core: Core,
  rows: Map<string, TimelineRow>,
  params: { from: string | null; to: string | null },
  sql: { latest: string; count: string; read?: string },
): Map<string, [T[], number]> {
  const latest = core.sqlite.prepare(sql.latest).pluck(!!sql.read);
  const count = core.sqlite.prepare(sql.count).pluck();
  // A meeting of two partnerships in view is listed on both rows.
  const rowsOf = new Map<string, string[]>();
  const result = new Map<string, [T[], number]>();
  for (const id of rows.keys()) {
    const range = { id, from: params.from, to: params.to };
    const listed = latest.all({ ...range, perRow: EVENTS_PER_ROW }) as (string | T)[];
    if (listed.length === 0) continue;
    result.set(id, [sql.read ? [] : (listed as T[]), listed.length < EVENTS_PER_ROW ? listed.length : (count.get(range) as number)]);
    if (sql.read) for (const eventId of listed as string[]) rowsOf.set(eventId, [...(rowsOf.get(eventId) ?? []), id]);
  }
  if (!sql.read) return sortedByDate(result);
  const read = core.sqlite.prepare(sql.read);
  const ids = [...rowsOf.keys()];
  for (let i = 0; i < ids.length; i += 5000) {
    for (const event of read.all(JSON.stringify(ids.slice(i, i + 5000))) as T[]) {
      for (const id of rowsOf.get(event.id)!) result.get(id)![0].push(event);
    }
  }
  return sortedByDate(result);
}

/** Each row's events in date order (then id: the same order on every call). */
function sortedByDate<T extends { id: string; date: string }>(result: Map<string, [T[], number]>): Map<string, [T[], number]> {
  for (const [events] of result.values()) events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return result;
}

/** The timeline's order: by first milestone (none last), then title; the id keeps pages from repeating or skipping. */
const ORDER = 'ORDER BY first_milestone IS NULL, first_milestone, title, partnership_id';

/**
 * The earliest and latest dates of the live events of the live partnerships that match the status (if asked), each
 * from the end of an index: the first milestone from timeline_order; the last milestone, and the first and last
 * meetings, by walking milestones_date or meetings_list from that end to the first one of such a partnership. For one
 * partnership, from its own indexes.
 */
const spanOfAll = (status: string | undefined) => {
  const of = (partnership: string) =>
    `EXISTS (SELECT 1 FROM timeline_order t WHERE t.partnership_id = ${partnership}${status ? ' AND t.status = @status' : ''})`;
  const meeting = `m.deleted_at IS NULL AND EXISTS (SELECT 1 FROM partnership_meetings pm WHERE pm.meeting_id = m.id AND ${of('pm.partnership_id')})`;
  return `SELECT
    (SELECT first_milestone FROM timeline_order${status ? ' WHERE status = @status' : ''} ${ORDER} LIMIT 1) AS firstMilestone,
    (SELECT ms.date FROM milestones ms INDEXED BY milestones_date WHERE ms.deleted_at IS NULL AND ${of('ms.partnership_id')}
      ORDER BY ms.date DESC LIMIT 1) AS lastMilestone,
    (SELECT m.date FROM meetings m INDEXED BY meetings_list WHERE ${meeting} ORDER BY m.date LIMIT 1) AS firstMeeting,
    (SELECT m.date FROM meetings m INDEXED BY meetings_list WHERE ${meeting} ORDER BY m.date DESC LIMIT 1) AS lastMeeting`;
};
const SPAN_OF_ONE = `SELECT
    (SELECT min(date) FROM milestones WHERE partnership_id = @id AND deleted_at IS NULL) AS firstMilestone,
    (SELECT max(date) FROM milestones WHERE partnership_id = @id AND deleted_at IS NULL) AS lastMilestone,
    (SELECT min(date) FROM partnership_meetings WHERE partnership_id = @id) AS firstMeeting,
    (SELECT max(date) FROM partnership_meetings WHERE partnership_id = @id) AS lastMeeting`;

type SpanRow = Record<'firstMilestone' | 'lastMilestone' | 'firstMeeting' | 'lastMeeting', string | null>;

function spanOf(core: Core, input: z.output<typeof timelineInput>): PortfolioTimeline['span'] {
  const { partnershipId, status, from, to } = input;
  const row = (
    partnershipId ? core.sqlite.prepare(SPAN_OF_ONE).get({ id: partnershipId }) : core.sqlite.prepare(spanOfAll(status)).get(status ? { status } : {})
  ) as SpanRow;
  const firsts = [row.firstMilestone, row.firstMeeting].filter((d): d is string => d !== null);
  const lasts = [row.lastMilestone, row.lastMeeting].filter((d): d is string => d !== null);
  if (firsts.length === 0) return null;
  let first = firsts.reduce((a, b) => (b < a ? b : a));
  let last = lasts.reduce((a, b) => (b > a ? b : a));
  // Nothing of the period before `from` or after `to` is drawn: the axis need not reach there.
  if (from && comparable(first, from)[0] < comparable(first, from)[1]) first = from;
  if (to && comparable(last, to)[0] > comparable(last, to)[1]) last = to;
  return comparable(first, last)[0] <= comparable(first, last)[1] ? { first, last } : null;
}

/**
 * One page of the timeline. Its partnerships in order from timeline_order (migration 0012, kept by triggers): a walk
 * of timeline_order_all, or of timeline_order_status from the status asked, to the offset. No partnership's
 * milestones are read to order them and nothing is sorted, however deep the page.
 */
export function portfolioTimeline(core: Core, input: z.output<typeof timelineInput>): PortfolioTimeline {
  if (input.partnershipId) requireLive(core, 'partnerships', input.partnershipId);
  const offset = input.offset ?? 0;
  const limit = input.limit ?? TIMELINE_PAGE;
  const where = [input.partnershipId ? 'partnership_id = @id' : null, input.status ? 'status = @status' : null].filter(Boolean).join(' AND ');
  const filter = { ...(input.partnershipId ? { id: input.partnershipId } : {}), ...(input.status ? { status: input.status } : {}) };
  const from = `FROM timeline_order${where ? ` WHERE ${where}` : ''}`;
  const total = core.sqlite.prepare(`SELECT count(*) ${from}`).pluck().get(filter) as number;
  const ids = core.sqlite
    .prepare(`SELECT partnership_id ${from} ${ORDER} LIMIT @limit OFFSET @offset`)
    .pluck()
    .all({ ...filter, limit, offset }) as string[];
  const found = core.sqlite
    .prepare(
      `SELECT id, title, title_zh AS titleZh, title_en AS titleEn, status FROM partnerships
        WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as Pick<TimelineRow, 'id' | 'title' | 'titleZh' | 'titleEn' | 'status'>[];
  const byId = new Map(found.map((p) => [p.id, p]));
  const rows = new Map<string, TimelineRow>(
    ids.flatMap((id) => {
      const p = byId.get(id);
      return p ? [[id, { ...p, milestones: [], meetings: [], milestoneCount: 0, meetingCount: 0 }] as const] : [];
    }),
  );
  const params = { from: input.from ?? null, to: input.to ?? null };
  // Each partnership's latest EVENTS_PER_ROW events of the period are picked newest first from an index that holds
  // their dates (milestones_live_partnership_date; partnership_meetings, the maintained index of live meetings per
  // partnership) and counted there, before any event row is read: a partnership with 8,000 meetings costs 50 row
  // reads, not a sort of 8,000 (the timeline took 1.8 s at L). A milestone is read from that index alone, which holds
  // what the timeline shows of it (migration 0016): no row of the table is read.
  const milestones = latestPerRow<TimelineMilestone>(core, rows, params, {
    latest: `SELECT ms.id, ms.date, ms.date_precision AS precision, ms.title, ms.status, ms.kind FROM milestones ms
              WHERE ms.partnership_id = @id AND ms.deleted_at IS NULL AND ${IN_RANGE('ms.date')}
              ORDER BY ms.date DESC, ms.id DESC LIMIT @perRow`,
    count: `SELECT count(*) FROM milestones ms WHERE ms.partnership_id = @id AND ms.deleted_at IS NULL AND ${IN_RANGE('ms.date')}`,
  });
  const meetings = latestPerRow<TimelineMeeting>(core, rows, params, {
    latest: `SELECT pm.meeting_id FROM partnership_meetings pm WHERE pm.partnership_id = @id AND ${IN_RANGE('pm.date')}
              ORDER BY pm.date DESC, pm.time DESC, pm.meeting_id DESC LIMIT @perRow`,
    count: `SELECT count(*) FROM partnership_meetings pm WHERE pm.partnership_id = @id AND ${IN_RANGE('pm.date')}`,
    read: 'SELECT m.id, m.date, m.title, m.kind FROM meetings m WHERE m.id IN (SELECT value FROM json_each(?))',
  });
  for (const row of rows.values()) {
    const ms = milestones.get(row.id);
    if (ms) [row.milestones, row.milestoneCount] = ms;
    const mt = meetings.get(row.id);
    if (mt) [row.meetings, row.meetingCount] = mt;
  }
  return {
    ...pageOf([...rows.values()], total, offset),
    offset,
    limit,
    eventsPerRow: EVENTS_PER_ROW,
    span: total === 0 ? null : spanOf(core, input),
  };
}
