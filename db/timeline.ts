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

/** The latest EVENTS_PER_ROW events of each partnership in `events` (a SELECT with partnershipId and date), counted all. */
function latestPerRow<T>(core: Core, events: string, params: Record<string, unknown>): (T & { partnershipId: string; total: number })[] {
  return core.sqlite
    .prepare(
      `SELECT * FROM (
         SELECT e.*, row_number() OVER (PARTITION BY e.partnershipId ORDER BY e.date DESC, e.id DESC) AS n,
                count(*) OVER (PARTITION BY e.partnershipId) AS total
           FROM (${events}) e)
        WHERE n <= @perRow
        ORDER BY date, id`,
    )
    .all({ ...params, perRow: EVENTS_PER_ROW }) as (T & { partnershipId: string; total: number })[];
}

export function portfolioTimeline(core: Core, input: z.output<typeof timelineInput>): PortfolioTimeline {
  if (input.partnershipId) requireLive(core, 'partnerships', input.partnershipId);
  const filter = { status: input.status ?? null, id: input.partnershipId ?? null };
  const total = (core.sqlite.prepare(`SELECT count(*) AS n FROM partnerships p WHERE ${PARTNERSHIP_FILTER}`).get(filter) as { n: number }).n;
  // Ordered by the first milestone only: the first meeting of each of 10,000 partnerships costs seconds to find.
  const partnerships = core.sqlite
    .prepare(
      `SELECT p.id, p.title, p.title_zh AS titleZh, p.title_en AS titleEn, p.status,
              (SELECT min(ms.date) FROM milestones ms WHERE ms.partnership_id = p.id AND ms.deleted_at IS NULL) AS first
         FROM partnerships p
        WHERE ${PARTNERSHIP_FILTER}
        ORDER BY first IS NULL, first, p.title, p.id
        LIMIT @limit`,
    )
    .all({ ...filter, limit: TIMELINE_LIMIT }) as (Omit<TimelineRow, 'milestones' | 'meetings' | 'milestoneCount' | 'meetingCount'> & { first: string | null })[];
  const rows = new Map<string, TimelineRow>(
    partnerships.map(({ id, title, titleZh, titleEn, status }) => [id, { id, title, titleZh, titleEn, status, milestones: [], meetings: [], milestoneCount: 0, meetingCount: 0 }]),
  );
  const params = { ids: JSON.stringify([...rows.keys()]), from: input.from ?? null, to: input.to ?? null };
  const milestones = latestPerRow<TimelineMilestone>(
    core,
    `SELECT ms.partnership_id AS partnershipId, ms.id, ms.date, ms.date_precision AS precision, ms.title, ms.status, ms.kind
       FROM milestones ms
      WHERE ms.deleted_at IS NULL AND ms.partnership_id IN (SELECT value FROM json_each(@ids)) AND ${IN_RANGE('ms.date')}`,
    params,
  );
  for (const { partnershipId, total: count, id, date, precision, title, status, kind } of milestones) {
    const row = rows.get(partnershipId)!;
    row.milestones.push({ id, date, precision, title, status, kind });
    row.milestoneCount = count;
  }
  const meetings = latestPerRow<TimelineMeeting>(
    core,
    `SELECT mp.partnership_id AS partnershipId, m.id, m.date, m.title, m.kind
       FROM meeting_partnerships mp JOIN meetings m ON m.id = mp.meeting_id
      WHERE mp.deleted_at IS NULL AND m.deleted_at IS NULL AND mp.partnership_id IN (SELECT value FROM json_each(@ids)) AND ${IN_RANGE('m.date')}`,
    params,
  );
  for (const { partnershipId, total: count, id, date, title, kind } of meetings) {
    const row = rows.get(partnershipId)!;
    row.meetings.push({ id, date, title, kind });
    row.meetingCount = count;
  }
  return { rows: [...rows.values()], total, limit: TIMELINE_LIMIT, eventsPerRow: EVENTS_PER_ROW };
}
