import { z } from 'zod';
import type { Core } from './core';
import { PARTNERSHIP_STATUSES } from './schema';
import { calendarDate } from './validation';
import { listTasks, todayOf, type Task } from './tasks';
import { liveMeetingsBetween } from './meetings';
import type { PartnershipStatus } from './partnerships';
import { perConnection } from './prepared';

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
const QUIET_CANDIDATE = `q.status IN ('active', 'negotiating') AND q.began < @quietBefore`;

/**
 * The three ways a candidate is quiet on `today`, each read from quiet_order (migration 0017) through one of its partial
 * indexes in the card's order: `since` is its last meeting up to `today` ('' for none, which sorts first), then its title
 * and id. A meeting dated after `today` does not count, so by its latest meeting day (`last_meeting`, future ones
 * included) and the day before that one (`prior_meeting`), a candidate is quiet:
 * - when its latest meeting is before the window (or it never met): a range of quiet_order_last;
 * - when it met after `today` only on its latest day, and before that, before the window: a range of quiet_order_prior;
 * - when it met after `today` on two days or more, and not in the window up to `today`: the few whose day before the
 *   latest is after `today` too, each sought in partnership_meetings_by_date.
 */
const QUIET_WAYS = [
  { index: 'quiet_order_last', since: 'q.last_meeting', where: 'q.last_meeting < @quietBefore' },
  { index: 'quiet_order_prior', since: 'q.prior_meeting', where: 'q.last_meeting > @today AND q.prior_meeting < @quietBefore' },
  {
    index: 'quiet_order_prior',
    since: `coalesce((SELECT pm.date FROM partnership_meetings pm WHERE pm.partnership_id = q.partnership_id AND pm.date <= @today
                        ORDER BY pm.date DESC LIMIT 1), '')`,
    where: `q.prior_meeting > @today AND NOT EXISTS (
              SELECT 1 FROM partnership_meetings pm WHERE pm.partnership_id = q.partnership_id AND pm.date >= @quietBefore AND pm.date <= @today)`,
  },
];

/** The first `@limit` quiet partnerships: the three ranges merged in order (only the third, a few rows, is sorted). */
const quietPage = perConnection((core) =>
  core.sqlite.prepare(
    `${QUIET_WAYS.map(
      ({ index, since, where }) =>
        `SELECT q.partnership_id AS id, q.title AS title, p.title_zh AS titleZh, p.title_en AS titleEn, q.status AS status, ${since} AS lastMeeting
           FROM quiet_order q INDEXED BY ${index} JOIN partnerships p ON p.id = q.partnership_id
          WHERE ${QUIET_CANDIDATE} AND ${where}`,
    ).join(' UNION ALL ')}
     ORDER BY lastMeeting, title, id
     LIMIT @limit`,
  ),
);

/** How many quiet partnerships there are: a count of each range from its index alone. */
const quietCount = perConnection((core) =>
  core.sqlite
    .prepare(
      `SELECT ${QUIET_WAYS.map(({ index, where }) => `(SELECT count(*) FROM quiet_order q INDEXED BY ${index} WHERE ${QUIET_CANDIDATE} AND ${where})`).join(' + ')}`,
    )
    .pluck(),
);

/**
 * Active and negotiating partnerships with no meeting in the last QUIET_DAYS days (or never), longest quiet first
 * (then by title): the first `limit`, and how many there are. Read in order from the maintained quiet_order (see
 * QUIET_WAYS): no walk of every candidate, no sort of every quiet one; only a full page is counted.
 */
export function quietPartnerships(core: Core, today: string, limit: number): { rows: QuietPartnership[]; total: number } {
  const params = { today, quietBefore: addDays(today, -QUIET_DAYS) };
  const rows = (quietPage(core).all({ ...params, limit }) as QuietPartnership[]).map((row) => ({ ...row, lastMeeting: row.lastMeeting || null }));
  if (rows.length < limit) return { rows, total: rows.length };
  return { rows, total: quietCount(core).get(params) as number };
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
