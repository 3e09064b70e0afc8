import { z } from 'zod';
import type { Core } from './core';
import { PARTNERSHIP_STATUSES } from './schema';
import { calendarDate } from './validation';
import { listTasks, todayOf, type Task } from './tasks';
import { liveMeetingsBetween } from './meetings';
import type { PartnershipStatus } from './partnerships';

export const dashboardInput = z.strictObject({ today: calendarDate.optional() }).default({});

export interface DashboardMilestone {
  id: string;
  partnershipId: string;
  partnershipTitle: string;
  partnershipTitleZh: string | null;
  partnershipTitleEn: string | null;
  title: string;
  date: string;
  kind: string;
}

export interface DashboardRenewal {
  partnershipId: string;
  title: string;
  titleZh: string | null;
  titleEn: string | null;
  date: string;
  what: 'review' | 'term_end';
}

export interface DashboardMeeting {
  id: string;
  title: string;
  date: string;
  kind: string;
}

export interface QuietPartnership {
  id: string;
  title: string;
  titleZh: string | null;
  titleEn: string | null;
  status: PartnershipStatus;
  lastMeeting: string | null;
}

/** At most this many items of a long card are sent (the first screen of a large office stays light); `totals` counts all. */
export const DASHBOARD_LIST_LIMIT = 100;

export interface Dashboard {
  today: string;
  byStatus: Record<PartnershipStatus, number>;
  overdueTasks: Task[];
  upcomingMilestones: DashboardMilestone[];
  renewals: DashboardRenewal[];
  recentMeetings: DashboardMeeting[];
  quietPartnerships: QuietPartnership[];
  /** How many there are of the lists cut at DASHBOARD_LIST_LIMIT. */
  totals: { overdueTasks: number; upcomingMilestones: number; recentMeetings: number; quietPartnerships: number };
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Agreements whose review date or term end falls between `from` and `to` (both included), soonest first. */
export function renewalsBetween(core: Core, from: string, to: string): DashboardRenewal[] {
  return core.sqlite
    .prepare(
      `SELECT id AS partnershipId, title, title_zh AS titleZh, title_en AS titleEn, review_on AS date, 'review' AS what
         FROM partnerships WHERE deleted_at IS NULL AND review_on >= @from AND review_on <= @to
       UNION ALL
       SELECT id, title, title_zh, title_en, term_end, 'term_end'
         FROM partnerships WHERE deleted_at IS NULL AND term_end >= @from AND term_end <= @to
       ORDER BY date`,
    )
    .all({ from, to }) as DashboardRenewal[];
}

/**
 * How long an active or negotiating partnership may go without a meeting before it counts as quiet. One that began
 * less than this long ago (its term's start, its status date or its entry, whichever is earliest) is not quiet yet:
 * it has had no time to meet.
 */
export const QUIET_DAYS = 180;
/** How far ahead the dashboard and the reminders bell look for milestones, reviews and agreement ends: one window for both. */
export const AHEAD_DAYS = 90;

/** Live active and negotiating partnerships that began (the earliest of term start, status date and entry) before the window. */
const QUIET_CANDIDATES = `partnerships p LEFT JOIN partnership_facts f INDEXED BY partnership_facts_latest ON f.partnership_id = p.id
   WHERE p.deleted_at IS NULL AND p.status IN ('active', 'negotiating')
     AND min(coalesce(p.term_start, p.created_at), coalesce(p.status_since, p.created_at), substr(p.created_at, 1, 10)) < @quietBefore`;

/**
 * Active and negotiating partnerships with no meeting in the last QUIET_DAYS days (or never), longest quiet first:
 * the first `limit`, and how many there are. Read from maintained facts: the candidates and their titles from the
 * partial index partnerships_live_status, each one's latest meeting from partnership_facts_latest (covering); only a partnership whose
 * latest meeting lies after `today` has its meetings up to `today` sought in partnership_meetings_by_date. The first
 * `limit` are kept while reading (no sort of every quiet one, no window over them), and only a full page is counted,
 * by a second pass that reads no title (one pass with `count(*) OVER ()` took 14 ms at L, these two 9).
 */
export function quietPartnerships(core: Core, today: string, limit: number): { rows: QuietPartnership[]; total: number } {
  const params = { today, quietBefore: addDays(today, -QUIET_DAYS) };
  const rows = core.sqlite
    .prepare(
      `SELECT id, title, titleZh, titleEn, status, lastMeeting FROM (
         SELECT p.id, p.title, p.title_zh AS titleZh, p.title_en AS titleEn, p.status,
                CASE WHEN f.last_meeting IS NULL OR f.last_meeting <= @today THEN f.last_meeting
                     ELSE (SELECT pm.date FROM partnership_meetings pm WHERE pm.partnership_id = p.id AND pm.date <= @today
                            ORDER BY pm.date DESC LIMIT 1) END AS lastMeeting
           FROM ${QUIET_CANDIDATES})
        WHERE lastMeeting IS NULL OR lastMeeting < @quietBefore
        ORDER BY lastMeeting IS NOT NULL, lastMeeting, title
        LIMIT @limit`,
    )
    .all({ ...params, limit }) as QuietPartnership[];
  if (rows.length < limit) return { rows, total: rows.length };
  const total = core.sqlite
    .prepare(
      `SELECT count(*) FROM ${QUIET_CANDIDATES}
          AND (f.last_meeting IS NULL OR f.last_meeting < @quietBefore
               OR (f.last_meeting > @today AND NOT EXISTS (
                     SELECT 1 FROM partnership_meetings pm WHERE pm.partnership_id = p.id AND pm.date >= @quietBefore AND pm.date <= @today)))`,
    )
    .pluck()
    .get(params) as number;
  return { rows, total };
}

export function dashboard(core: Core, input: z.output<typeof dashboardInput>): Dashboard {
  const today = input.today ?? todayOf(core);
  const in90 = addDays(today, AHEAD_DAYS);
  const byStatus = Object.fromEntries(PARTNERSHIP_STATUSES.map((s) => [s, 0])) as Record<PartnershipStatus, number>;
  for (const row of core.sqlite.prepare('SELECT status, count(*) AS n FROM partnerships WHERE deleted_at IS NULL GROUP BY status').all() as {
    status: PartnershipStatus;
    n: number;
  }[]) {
    byStatus[row.status] = row.n;
  }
  // The first DASHBOARD_LIST_LIMIT in order, and the count of all, from the covering partial index milestones_planned.
  const upcomingMilestones = core.sqlite
    .prepare(
      `SELECT m.id, m.partnership_id AS partnershipId, p.title AS partnershipTitle, p.title_zh AS partnershipTitleZh, p.title_en AS partnershipTitleEn,
              m.title, m.date, m.kind
         FROM milestones m JOIN partnerships p ON p.id = m.partnership_id
        WHERE m.deleted_at IS NULL AND p.deleted_at IS NULL AND m.status = 'planned' AND m.date >= ? AND m.date <= ?
        ORDER BY m.date, m.id
        LIMIT ?`,
    )
    .all(today, in90, DASHBOARD_LIST_LIMIT) as DashboardMilestone[];
  const milestoneTotal =
    upcomingMilestones.length < DASHBOARD_LIST_LIMIT
      ? upcomingMilestones.length
      : (
          core.sqlite
            .prepare(
              `SELECT count(*) AS n FROM milestones m JOIN partnerships p ON p.id = m.partnership_id
                WHERE m.deleted_at IS NULL AND p.deleted_at IS NULL AND m.status = 'planned' AND m.date >= ? AND m.date <= ?`,
            )
            .get(today, in90) as { n: number }
        ).n;
  const renewals = renewalsBetween(core, today, in90);
  const monthAgo = addDays(today, -30);
  const recentMeetings = core.sqlite
    .prepare('SELECT id, title, date, kind FROM meetings WHERE deleted_at IS NULL AND date >= ? AND date <= ? ORDER BY date DESC, id DESC LIMIT ?')
    .all(monthAgo, today, DASHBOARD_LIST_LIMIT) as DashboardMeeting[];
  const recentTotal = recentMeetings.length < DASHBOARD_LIST_LIMIT ? recentMeetings.length : liveMeetingsBetween(core, monthAgo, today);
  const overdue = listTasks(core, { view: 'overdue', today, limit: DASHBOARD_LIST_LIMIT, offset: 0 });
  const quiet = quietPartnerships(core, today, DASHBOARD_LIST_LIMIT);
  return {
    today,
    byStatus,
    overdueTasks: overdue.rows,
    upcomingMilestones,
    renewals,
    recentMeetings,
    quietPartnerships: quiet.rows,
    totals: {
      overdueTasks: overdue.total,
      upcomingMilestones: milestoneTotal,
      recentMeetings: recentTotal,
      quietPartnerships: quiet.total,
    },
  };
}
