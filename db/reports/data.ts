/** What a status report shows, read through the same domain functions as the screens. */
import { officeNameFor } from '../settings';
import { z } from 'zod';
import type { Core } from '../core';
import { getPartnership, listAllPartnerships, type Partnership, type PartnershipListItem, type PartnershipStatus } from '../partnerships';
import { allMeetings as meetingsWhere, listMeetings, type MeetingListItem } from '../meetings';
import { allTasks, isOverdue, listTasks, todayOf, type Task } from '../tasks';
import { calendarDate, idSchema } from '../validation';
import { notFound } from '../errors';
import { PARTNERSHIP_STATUSES } from '../schema';

export const REPORT_LANGUAGES = ['zh', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

const common = {
  lang: z.enum(REPORT_LANGUAGES).default('zh'),
  /** The calendar day the report is for; default today. */
  today: calendarDate.optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  officeName: z.string().trim().max(200).optional(),
  /** e.g. 内部资料 / Internal */
  classification: z.string().trim().max(100).optional(),
};

export const partnershipReportInput = z.strictObject({ partnershipId: idSchema, ...common });
export const portfolioReportInput = z.strictObject({
  ...common,
  status: z.enum(PARTNERSHIP_STATUSES).optional(),
  programmeId: idSchema.optional(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .transform((v) => v.toUpperCase())
    .optional(),
  owner: z.string().trim().max(200).optional(),
});

export interface ReportFrame {
  lang: ReportLanguage;
  today: string;
  generatedAt: string;
  officeName: string | null;
  classification: string | null;
  from: string | null;
  to: string | null;
}

/** Without a period, a partnership report shows this many of the latest meetings (one page for leadership). */
export const RECENT_MEETINGS = 8;
/** A partnership report lists at most this many open tasks (the busiest generated partnership has 1,262). */
export const REPORT_OPEN_TASKS = 50;
/**
 * A partnership report charts and lists at most this many milestones, those nearest the report's day
 * (the busiest generated partnership has 1,593: charted whole, its labels ran over 70 pages), and its
 * next steps at most this many planned ones.
 */
export const REPORT_MILESTONES = 30;

export interface PartnershipReportData extends ReportFrame {
  kind: 'partnership';
  partnership: Partnership;
  /** In the period, or the latest RECENT_MEETINGS when no period is given; newest first. */
  meetings: MeetingListItem[];
  /** Earlier meetings left out (no period given). */
  earlierMeetings: number;
  /** The first REPORT_OPEN_TASKS open tasks, soonest due (so overdue) first. */
  openTasks: (Task & { overdue: boolean })[];
  /** Open tasks left out of the list. */
  moreOpenTasks: number;
  /** At most REPORT_MILESTONES milestones around the report's day, oldest first: up to half of them before it. */
  milestones: Partnership['milestones'];
  /** Milestones left out before and after the listed ones. */
  earlierMilestones: number;
  laterMilestones: number;
  /** The first REPORT_MILESTONES planned milestones from the report's day on, soonest first. */
  upcomingMilestones: Partnership['milestones'];
  /** Planned milestones left out of the next steps. */
  moreUpcomingMilestones: number;
}

export interface PortfolioRow extends PartnershipListItem {
  lastContact: string | null;
  nextMilestone: { title: string; date: string } | null;
}

export interface PortfolioReportData extends ReportFrame {
  kind: 'portfolio';
  filters: { status?: PartnershipStatus; programmeId?: string; country?: string; owner?: string };
  /** The programme filtered on, by name. */
  programme: { nameZh: string | null; nameEn: string | null } | null;
  byStatus: Record<PartnershipStatus, number>;
  byCountry: { country: string; count: number }[];
  partnerships: PortfolioRow[];
  overdueTasks: Task[];
  /** Meetings in the chosen period (only when a period is given), oldest first. */
  meetingsInPeriod: MeetingListItem[] | null;
  next90: { date: string; title: string; partnership: string; what: 'milestone' | 'review' | 'term_end' }[];
}

function frame(core: Core, input: z.output<typeof partnershipReportInput> | z.output<typeof portfolioReportInput>): ReportFrame {
  return {
    lang: input.lang,
    today: input.today ?? todayOf(core),
    generatedAt: core.now().toISOString(),
    officeName: input.officeName ?? officeNameFor(core, input.lang),
    classification: input.classification ?? null,
    from: input.from ?? null,
    to: input.to ?? null,
  };
}

export function partnershipReportData(core: Core, input: z.output<typeof partnershipReportInput>): PartnershipReportData {
  const base = frame(core, input);
  const partnership = getPartnership(core, input.partnershipId);
  if (partnership.deletedAt) throw notFound('partnerships', input.partnershipId);
  const period = !!(input.from || input.to);
  // A period lists all of its meetings; without one, only the latest page is read (the busiest partnership has 8,550).
  const latest = period ? null : listMeetings(core, { partnershipId: input.partnershipId, limit: RECENT_MEETINGS });
  const meetings = latest
    ? latest.rows
    : meetingsWhere(core, { partnershipId: input.partnershipId, ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) });
  const open = listTasks(core, { view: 'all', partnershipId: input.partnershipId, today: base.today, limit: REPORT_OPEN_TASKS, offset: 0 });
  const openTasks = open.rows.map((t) => ({ ...t, overdue: isOverdue(t, base.today) }));
  const moreOpenTasks = open.total - openTasks.length;
  const all = partnership.milestones;
  // In date order (as text, so a bare year sorts before its days): the first on or after the report's day splits the list.
  const split = all.findIndex((m) => m.date >= base.today);
  const past = split < 0 ? all.length : split;
  const later = Math.min(all.length - past, REPORT_MILESTONES - Math.min(past, REPORT_MILESTONES / 2));
  const earlier = Math.min(past, REPORT_MILESTONES - later);
  const planned = all.filter((m) => m.status === 'planned' && m.date >= base.today.slice(0, m.date.length));
  return {
    ...base,
    kind: 'partnership',
    partnership,
    meetings,
    earlierMeetings: latest ? latest.total - meetings.length : 0,
    openTasks,
    moreOpenTasks,
    milestones: all.slice(past - earlier, past + later),
    earlierMilestones: past - earlier,
    laterMilestones: all.length - past - later,
    upcomingMilestones: planned.slice(0, REPORT_MILESTONES),
    moreUpcomingMilestones: Math.max(0, planned.length - REPORT_MILESTONES),
  };
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function portfolioReportData(core: Core, input: z.output<typeof portfolioReportInput>): PortfolioReportData {
  const base = frame(core, input);
  const filters = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.programmeId ? { programmeId: input.programmeId } : {}),
    ...(input.country ? { country: input.country } : {}),
    ...(input.owner ? { owner: input.owner } : {}),
  };
  const list = listAllPartnerships(core, { ...filters, sort: 'status' });
  const ids = new Set(list.map((p) => p.id));
  const lastContact = new Map(
    (
      core.sqlite
        .prepare(
          `SELECT mp.partnership_id AS id, max(m.date) AS date FROM meeting_partnerships mp JOIN meetings m ON m.id = mp.meeting_id
            WHERE mp.deleted_at IS NULL AND m.deleted_at IS NULL AND m.date <= ? GROUP BY mp.partnership_id`,
        )
        .all(base.today) as { id: string; date: string }[]
    ).map((r) => [r.id, r.date]),
  );
  const nextMilestone = new Map<string, { title: string; date: string }>();
  for (const row of core.sqlite
    .prepare("SELECT partnership_id AS id, title, date FROM milestones WHERE deleted_at IS NULL AND status = 'planned' AND date >= ? ORDER BY date DESC")
    .all(base.today) as { id: string; title: string; date: string }[]) {
    nextMilestone.set(row.id, { title: row.title, date: row.date });
  }
  const byStatus = Object.fromEntries(PARTNERSHIP_STATUSES.map((s) => [s, 0])) as Record<PartnershipStatus, number>;
  for (const p of list) byStatus[p.status] += 1;
  const countryCounts = new Map<string, number>();
  const countryRows = core.sqlite
    .prepare(
      `SELECT DISTINCT pp.partnership_id AS id, o.country FROM partnership_parties pp JOIN organizations o ON o.id = pp.organization_id
        WHERE pp.deleted_at IS NULL AND o.country IS NOT NULL`,
    )
    .all() as { id: string; country: string }[];
  for (const row of countryRows) if (ids.has(row.id)) countryCounts.set(row.country, (countryCounts.get(row.country) ?? 0) + 1);
  const overdueTasks = allTasks(core, { view: 'overdue', today: base.today }).filter((t) => !t.partnershipId || ids.has(t.partnershipId));
  const horizon = addDays(base.today, 90);
  const next90: PortfolioReportData['next90'] = [];
  for (const row of core.sqlite
    .prepare(
      `SELECT m.date, m.title, p.id AS pid, p.title AS partnership FROM milestones m JOIN partnerships p ON p.id = m.partnership_id
        WHERE m.deleted_at IS NULL AND m.status = 'planned' AND m.date >= ? AND m.date <= ?`,
    )
    .all(base.today, horizon) as { date: string; title: string; pid: string; partnership: string }[]) {
    if (ids.has(row.pid)) next90.push({ date: row.date, title: row.title, partnership: row.partnership, what: 'milestone' });
  }
  for (const p of list) {
    const full = core.sqlite.prepare('SELECT review_on AS reviewOn, term_end AS termEnd FROM partnerships WHERE id = ?').get(p.id) as {
      reviewOn: string | null;
      termEnd: string | null;
    };
    if (full.reviewOn && full.reviewOn >= base.today && full.reviewOn <= horizon)
      next90.push({ date: full.reviewOn, title: '', partnership: p.title, what: 'review' });
    if (full.termEnd && full.termEnd >= base.today && full.termEnd <= horizon)
      next90.push({ date: full.termEnd, title: '', partnership: p.title, what: 'term_end' });
  }
  next90.sort((a, b) => a.date.localeCompare(b.date));
  const meetingsInPeriod =
    input.from || input.to
      ? meetingsWhere(core, { ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) })
          .filter((m) => m.partnerships.some((p) => ids.has(p.id)))
          .reverse()
      : null;
  return {
    ...base,
    kind: 'portfolio',
    filters,
    programme: input.programmeId
      ? ((core.sqlite.prepare('SELECT name_zh AS nameZh, name_en AS nameEn FROM programmes WHERE id = ?').get(input.programmeId) as
          PortfolioReportData['programme'] | undefined) ?? null)
      : null,
    byStatus,
    byCountry: [...countryCounts].map(([country, count]) => ({ country, count })).sort((a, b) => b.count - a.count || a.country.localeCompare(b.country)),
    partnerships: list.map((p) => ({ ...p, lastContact: lastContact.get(p.id) ?? null, nextMilestone: nextMilestone.get(p.id) ?? null })),
    overdueTasks,
    meetingsInPeriod,
    next90,
  };
}
