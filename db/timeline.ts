/**
 * Timelines: the milestones and meetings of each partnership, for one partnership's page and
 * for the whole portfolio. Bounded: at most TIMELINE_LIMIT partnerships per call (a database
 * may hold 10,000), with the total so the screen can say what it left out.
 */
import { z } from 'zod';
import { PARTNERSHIP_STATUSES } from './schema';
import { requireLive, type Core } from './core';
import { idSchema, partialDate } from './validation';
import type { DatePrecision, Milestone } from './milestones';
import type { MeetingListItem } from './meetings';
import type { PartnershipStatus } from './partnerships';

export const TIMELINE_LIMIT = 500;

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

export interface PortfolioTimeline {
  /** Partnerships in order of their first milestone (those without any last), then title. */
  rows: TimelineRow[];
  /** Live partnerships that match the filters; more than rows.length when the limit cut the list. */
  total: number;
  limit: number;
  eventsPerRow: number;
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

const PARTNERSHIP_FILTER = `p.deleted_at IS NULL AND (@status IS NULL OR p.status = @status) AND (@id IS NULL OR p.id = @id)`;

/**
 * The latest EVENTS_PER_ROW events of the period of each row's partnership, in date order, and how many there are:
 * `latest` lists the ids of one partnership's newest first (from an index, no sort), `count` counts them when the
 * list is full, `read` reads the rows of a JSON array of ids.
 */
function latestPerRow<T extends { id: string; date: string }>(
  core: Core,
  rows: Map<string, TimelineRow>,
  params: { from: string | null; to: string | null },
  sql: { latest: string; count: string; read: string },
): Map<string, [T[], number]> {
  const latest = core.sqlite.prepare(sql.latest).pluck();
  const count = core.sqlite.prepare(sql.count).pluck();
  // A meeting of two partnerships in view is listed on both rows.
  const rowsOf = new Map<string, string[]>();
  const result = new Map<string, [T[], number]>();
  for (const id of rows.keys()) {
    const range = { id, from: params.from, to: params.to };
    const ids = latest.all({ ...range, perRow: EVENTS_PER_ROW }) as string[];
    if (ids.length === 0) continue;
    result.set(id, [[], ids.length < EVENTS_PER_ROW ? ids.length : (count.get(range) as number)]);
    for (const eventId of ids) rowsOf.set(eventId, [...(rowsOf.get(eventId) ?? []), id]);
  }
  const read = core.sqlite.prepare(sql.read);
  const ids = [...rowsOf.keys()];
  for (let i = 0; i < ids.length; i += 5000) {
    for (const event of read.all(JSON.stringify(ids.slice(i, i + 5000))) as T[]) {
      for (const id of rowsOf.get(event.id)!) result.get(id)![0].push(event);
    }
  }
  for (const [events] of result.values()) events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return result;
}

export function portfolioTimeline(core: Core, input: z.output<typeof timelineInput>): PortfolioTimeline {
  if (input.partnershipId) requireLive(core, 'partnerships', input.partnershipId);
  const filter = { status: input.status ?? null, id: input.partnershipId ?? null };
  const total = (core.sqlite.prepare(`SELECT count(*) AS n FROM partnerships p WHERE ${PARTNERSHIP_FILTER}`).get(filter) as { n: number }).n;
  // Ordered by the first milestone only: the first meeting of each of 10,000 partnerships costs seconds to find.
  // The candidates and their titles from the covering partial index partnerships_live_status; each one's first
  // milestone in one seek of milestones_live_partnership_date.
  const partnerships = core.sqlite
    .prepare(
      `SELECT p.id, p.title, p.title_zh AS titleZh, p.title_en AS titleEn, p.status,
              (SELECT ms.date FROM milestones ms WHERE ms.partnership_id = p.id AND ms.deleted_at IS NULL ORDER BY ms.date LIMIT 1) AS first
         FROM partnerships p INDEXED BY partnerships_live_status
        WHERE ${PARTNERSHIP_FILTER}
        ORDER BY first IS NULL, first, p.title, p.id
        LIMIT @limit`,
    )
    .all({ ...filter, limit: TIMELINE_LIMIT }) as (Omit<TimelineRow, 'milestones' | 'meetings' | 'milestoneCount' | 'meetingCount'> & {
    first: string | null;
  })[];
  const rows = new Map<string, TimelineRow>(
    partnerships.map(({ id, title, titleZh, titleEn, status }) => [
      id,
      { id, title, titleZh, titleEn, status, milestones: [], meetings: [], milestoneCount: 0, meetingCount: 0 },
    ]),
  );
  const params = { from: input.from ?? null, to: input.to ?? null };
  // Each partnership's latest EVENTS_PER_ROW events of the period are picked newest first from an index that holds
  // their dates (milestones_live_partnership_date; partnership_meetings, the maintained index of live meetings per
  // partnership) and counted there, before any event row is read: a partnership with 8,000 meetings costs 50 row
  // reads, not a sort of 8,000 (the timeline took 1.8 s at L).
  const milestones = latestPerRow<TimelineMilestone>(core, rows, params, {
    latest: `SELECT ms.id FROM milestones ms WHERE ms.partnership_id = @id AND ms.deleted_at IS NULL AND ${IN_RANGE('ms.date')}
              ORDER BY ms.date DESC, ms.id DESC LIMIT @perRow`,
    count: `SELECT count(*) FROM milestones ms WHERE ms.partnership_id = @id AND ms.deleted_at IS NULL AND ${IN_RANGE('ms.date')}`,
    read: `SELECT ms.id, ms.date, ms.date_precision AS precision, ms.title, ms.status, ms.kind FROM milestones ms
            WHERE ms.id IN (SELECT value FROM json_each(?))`,
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
  return { rows: [...rows.values()], total, limit: TIMELINE_LIMIT, eventsPerRow: EVENTS_PER_ROW };
}
