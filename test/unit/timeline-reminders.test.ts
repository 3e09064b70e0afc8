/**
 * The contract of the timelines and reminders: 'timeline.portfolio' (milestones and meetings
 * per partnership, a page at a time, filtered by period, status and partnership) and 'reminders.list'
 * (tasks due, renewals within 12 months, partnerships gone quiet), with the dates pinned; and
 * the reminder settings the desktop notification reads.
 */
import { describe, expect, it } from 'vitest';
import { insertRecord, openCore } from '../../db/core';
import { EVENTS_PER_ROW, TIMELINE_MAX_PAGE, TIMELINE_PAGE } from '../../db/timeline';
import { REMINDER_LIST_LIMIT } from '../../db/reminders';
import { ApiError } from '../../renderer/src/api/client';
import { localClient, tempCore } from '../helpers';

const NOW = new Date('2026-03-04T10:00:00Z');
const TODAY = '2026-03-04';
const UNKNOWN_ID = '01890a5d-ac96-774b-bcce-b302099a8057';

function day(offset: number, from = TODAY): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

/** The ApiError a call was refused with. */
async function refusal(call: Promise<unknown>): Promise<ApiError> {
  const outcome = await call.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a refusal, got ${JSON.stringify(outcome.value).slice(0, 300)}`);
  expect(outcome.error).toBeInstanceOf(ApiError);
  const error = outcome.error as ApiError;
  expect(error.localized.zh).toMatch(/\p{Script=Han}/u);
  expect(error.localized.en).not.toMatch(/\p{Script=Han}/u);
  return error;
}

async function invalid(call: Promise<unknown>, field: string): Promise<void> {
  const error = await refusal(call);
  expect(error.code).toBe('invalid_input');
  expect(error.fields).toContain(field);
}

/** Two cities, and partnerships between them made to order. */
async function world() {
  const core = await tempCore({ now: () => NOW });
  const api = localClient(core);
  const shantou = await api['organizations.create']({ displayName: '汕头 / Shantou', country: 'CN' });
  const burgas = await api['organizations.create']({ displayName: 'Burgas', country: 'BG' });
  const partnership = (
    title: string,
    status: 'active' | 'negotiating' | 'dormant' | 'prospect' | 'concluded' = 'active',
    extra: { reviewOn?: string; termEnd?: string; titleZh?: string; termStart?: string } = {},
  ) =>
    api['partnerships.create']({
      title,
      kind: 'sister_city',
      status,
      parties: [{ organizationId: shantou.id }, { organizationId: burgas.id }],
      // Long-standing agreements, unless a test says otherwise: one that began lately is not quiet yet.
      termStart: '2016-01-01',
      ...extra,
    });
  const meeting = (title: string, date: string, partnershipIds: string[]) =>
    api['meetings.create']({ title, date, format: 'video', kind: 'working_meeting', partnershipIds });
  return { core, api, partnership, meeting };
}

describe('timeline.portfolio', () => {
  it('lists each live partnership with its live milestones (with their precision) and meetings, by first milestone then title', async () => {
    const { api, partnership, meeting } = await world();
    const burgas = await partnership('Shantou–Burgas', 'active', { titleZh: '汕头—布尔加斯' });
    const varna = await partnership('Shantou–Varna', 'negotiating');
    const empty = await partnership('Shantou–Plovdiv', 'prospect');
    const gone = await partnership('Shantou–Sofia');
    await api['milestones.create']({ partnershipId: burgas.id, title: 'Proposal', date: '2016', kind: 'proposal', status: 'done' });
    await api['milestones.create']({ partnershipId: burgas.id, title: 'MoU', date: '2017-05', kind: 'mou', status: 'done' });
    const planned = await api['milestones.create']({ partnershipId: burgas.id, title: 'Forum', date: '2026-06-15', kind: 'forum', status: 'planned' });
    const removed = await api['milestones.create']({ partnershipId: burgas.id, title: 'Removed', date: '2018', kind: 'other', status: 'cancelled' });
    await api['milestones.delete']({ id: removed.id });
    await api['milestones.create']({ partnershipId: gone.id, title: 'Of a deleted partnership', date: '2010', kind: 'other', status: 'done' });
    await api['partnerships.delete']({ id: gone.id });
    // One meeting concerns two partnerships: it is on both rows. Varna met before Burgas's first milestone, but has no milestone.
    const both = await meeting('Joint video call', '2025-10-01', [burgas.id, varna.id]);
    const early = await meeting('First contact with Varna', '2015-03-02', [varna.id]);
    const deletedMeeting = await meeting('Cancelled call', '2025-11-01', [burgas.id]);
    await api['meetings.delete']({ id: deletedMeeting.id });

    const timeline = await api['timeline.portfolio']();
    expect(timeline.total).toBe(3);
    expect(timeline.limit).toBe(TIMELINE_PAGE);
    expect(timeline.next).toBeNull();
    expect(timeline.eventsPerRow).toBe(EVENTS_PER_ROW);
    // The axis: from the first event to the last (Varna's first contact, Burgas's planned forum).
    expect(timeline.span).toEqual({ first: '2015-03-02', last: '2026-06-15' });
    expect(timeline.rows.map((r) => r.title)).toEqual(['Shantou–Burgas', 'Shantou–Plovdiv', 'Shantou–Varna']);
    const [burgasRow, emptyRow, varnaRow] = timeline.rows;
    expect(burgasRow).toMatchObject({ id: burgas.id, titleZh: '汕头—布尔加斯', titleEn: null, status: 'active', milestoneCount: 3, meetingCount: 1 });
    expect(burgasRow!.milestones.map((m) => [m.title, m.date, m.precision, m.status, m.kind])).toEqual([
      ['Proposal', '2016', 'year', 'done', 'proposal'],
      ['MoU', '2017-05', 'month', 'done', 'mou'],
      ['Forum', '2026-06-15', 'day', 'planned', 'forum'],
    ]);
    expect(burgasRow!.milestones[2]!.id).toBe(planned.id);
    expect(burgasRow!.meetings).toEqual([{ id: both.id, date: '2025-10-01', title: 'Joint video call', kind: 'working_meeting' }]);
    expect(varnaRow!.meetings.map((m) => m.id)).toEqual([early.id, both.id]);
    expect(varnaRow!.milestones).toEqual([]);
    expect(varnaRow).toMatchObject({ milestoneCount: 0, meetingCount: 2 });
    expect(emptyRow).toMatchObject({ id: empty.id, milestones: [], meetings: [], milestoneCount: 0, meetingCount: 0 });
  });

  it('filters by status and by partnership; a period keeps the events whose period overlaps it', async () => {
    const { api, partnership, meeting } = await world();
    const burgas = await partnership('Shantou–Burgas');
    const varna = await partnership('Shantou–Varna', 'dormant');
    await api['milestones.create']({ partnershipId: burgas.id, title: 'Year 2016', date: '2016', kind: 'proposal', status: 'done' });
    await api['milestones.create']({ partnershipId: burgas.id, title: 'June 2017', date: '2017-06', kind: 'visit', status: 'done' });
    await api['milestones.create']({ partnershipId: burgas.id, title: '31 May 2017', date: '2017-05-31', kind: 'joint_statement', status: 'done' });
    await meeting('Call in 2018', '2018-02-01', [burgas.id, varna.id]);

    const dormant = await api['timeline.portfolio']({ status: 'dormant' });
    expect(dormant.rows.map((r) => r.id)).toEqual([varna.id]);
    // The axis spans the events of the partnerships asked for: Varna's one meeting; Burgas's milestones and meeting.
    expect(dormant.span).toEqual({ first: '2018-02-01', last: '2018-02-01' });
    const one = await api['timeline.portfolio']({ partnershipId: burgas.id });
    expect(one.total).toBe(1);
    expect(one.span).toEqual({ first: '2016', last: '2018-02-01' });
    expect((await api['timeline.portfolio']({ partnershipId: burgas.id, from: '2017-01', to: '2017-12' })).span).toEqual({ first: '2017-01', last: '2017-12' });
    expect((await api['timeline.portfolio']({ status: 'concluded' })).span).toBeNull();
    expect(one.rows.map((r) => r.id)).toEqual([burgas.id]);
    expect((await api['timeline.portfolio']({ partnershipId: burgas.id, status: 'dormant' })).rows).toEqual([]);

    const titles = async (input: { from?: string; to?: string }) =>
      (await api['timeline.portfolio']({ partnershipId: burgas.id, ...input })).rows[0]!.milestones.map((m) => m.title);
    // The year 2016 overlaps a period starting in June 2016; June 2017 overlaps one ending on 1 June 2017.
    expect(await titles({ from: '2016-06-30' })).toEqual(['Year 2016', '31 May 2017', 'June 2017']);
    expect(await titles({ from: '2017-06-01' })).toEqual(['June 2017']);
    expect(await titles({ to: '2017-06-01' })).toEqual(['Year 2016', '31 May 2017', 'June 2017']);
    expect(await titles({ to: '2017-05-30' })).toEqual(['Year 2016']);
    expect(await titles({ from: '2017', to: '2017' })).toEqual(['31 May 2017', 'June 2017']);
    const meetingsIn = async (from: string, to: string) => (await api['timeline.portfolio']({ from, to })).rows.map((r) => r.meetings.length);
    expect(await meetingsIn('2018-02', '2018-02')).toEqual([1, 1]);
    expect(await meetingsIn('2018-02-02', '2019')).toEqual([0, 0]);
  });

  it('hands out pages: offset and limit give the rows there in the same order as one long page, with the total', async () => {
    const { core, api, partnership } = await world();
    // 95 partnerships without a milestone, in title order after those with one; three share a first milestone's day.
    core.sqlite.transaction(() => {
      for (let i = 0; i < 95; i += 1)
        insertRecord(core, 'partnerships', { title: `P${String(94 - i).padStart(3, '0')}`, kind: 'sister_city', status: i % 3 ? 'active' : 'dormant' });
    })();
    for (const [title, date] of [
      ['Zeta', '2019-05'],
      ['Alpha', '2019-05'],
      ['Mid', '2019-05'],
      ['Early', '2012'],
    ] as const) {
      const p = await partnership(title);
      await api['milestones.create']({ partnershipId: p.id, title: 'MoU', date, kind: 'mou', status: 'done' });
    }
    const all = await api['timeline.portfolio']({ limit: TIMELINE_MAX_PAGE });
    expect(all.total).toBe(99);
    expect(all.rows.slice(0, 5).map((r) => r.title)).toEqual(['Early', 'Alpha', 'Mid', 'Zeta', 'P000']);
    expect(all.rows.at(-1)!.title).toBe('P094');

    const first = await api['timeline.portfolio']();
    expect(first).toMatchObject({ total: 99, offset: 0, limit: TIMELINE_PAGE, next: TIMELINE_PAGE });
    expect(first.rows.map((r) => r.id)).toEqual(all.rows.slice(0, TIMELINE_PAGE).map((r) => r.id));
    // Pages of 7 from anywhere, walked to the end by `next`: every row once, in the long page's order.
    const walked: string[] = [];
    for (let offset: number | null = 0; offset !== null;) {
      const page = await api['timeline.portfolio']({ offset, limit: 7 });
      expect(page.total).toBe(99);
      expect(page.rows.length).toBe(Math.min(7, 99 - offset));
      walked.push(...page.rows.map((r) => r.id));
      offset = page.next;
    }
    expect(walked).toEqual(all.rows.map((r) => r.id));
    expect((await api['timeline.portfolio']({ offset: 60, limit: 3 })).rows.map((r) => r.title)).toEqual(['P056', 'P057', 'P058']);
    // Past the end: no row, the total still.
    expect(await api['timeline.portfolio']({ offset: 99 })).toMatchObject({ rows: [], total: 99, next: null });

    // By status: the pages of the dormant ones alone, counted alone.
    const dormant = await api['timeline.portfolio']({ status: 'dormant', offset: 30, limit: 5 });
    expect(dormant.total).toBe(32);
    expect(dormant.rows.map((r) => [r.title, r.status])).toEqual([
      ['P091', 'dormant'],
      ['P094', 'dormant'],
    ]);
    expect(dormant.next).toBeNull();
    // No event anywhere but the four milestones: the axis spans them.
    expect(first.span).toEqual({ first: '2012', last: '2019-05' });
  });

  it('keeps its order as records change: a new first milestone, a title, a status, a deletion and a restore', async () => {
    const { api, partnership } = await world();
    const a = await partnership('Aachen');
    const b = await partnership('Bonn');
    const c = await partnership('Celle');
    const order = async (input: { status?: 'active' | 'dormant' } = {}) => (await api['timeline.portfolio'](input)).rows.map((r) => r.title);
    expect(await order()).toEqual(['Aachen', 'Bonn', 'Celle']);
    const mou = await api['milestones.create']({ partnershipId: c.id, title: 'MoU', date: '2018-04-01', kind: 'mou', status: 'done' });
    expect(await order()).toEqual(['Celle', 'Aachen', 'Bonn']);
    await api['milestones.create']({ partnershipId: b.id, title: 'Visit', date: '2019', kind: 'visit', status: 'done' });
    expect(await order()).toEqual(['Celle', 'Bonn', 'Aachen']);
    await api['milestones.update']({ id: mou.id, date: '2020-01-01' });
    expect(await order()).toEqual(['Bonn', 'Celle', 'Aachen']);
    await api['milestones.delete']({ id: mou.id });
    expect(await order()).toEqual(['Bonn', 'Aachen', 'Celle']);
    await api['partnerships.update']({ id: a.id, title: 'Zwickau' });
    expect(await order()).toEqual(['Bonn', 'Celle', 'Zwickau']);
    await api['partnerships.update']({ id: c.id, status: 'dormant' });
    expect(await order({ status: 'dormant' })).toEqual(['Celle']);
    expect(await order({ status: 'active' })).toEqual(['Bonn', 'Zwickau']);
    await api['partnerships.delete']({ id: b.id });
    expect(await order()).toEqual(['Celle', 'Zwickau']);
    await api['partnerships.restore']({ id: b.id });
    expect(await order()).toEqual(['Bonn', 'Celle', 'Zwickau']);
  });

  it('lists the latest events of a busy partnership, in date order, and counts them all', async () => {
    const { core, api, partnership } = await world();
    const busy = await partnership('Shantou–Burgas');
    core.sqlite.transaction(() => {
      for (let i = 0; i < EVENTS_PER_ROW + 5; i += 1) {
        insertRecord(core, 'milestones', {
          partnershipId: busy.id,
          title: `M${i}`,
          date: day(i, '2020-01-01'),
          datePrecision: 'day',
          kind: 'visit',
          status: 'done',
        });
      }
    })();
    const [row] = (await api['timeline.portfolio']({ partnershipId: busy.id })).rows;
    expect(row!.milestoneCount).toBe(EVENTS_PER_ROW + 5);
    expect(row!.milestones).toHaveLength(EVENTS_PER_ROW);
    expect(row!.milestones[0]!.title).toBe('M5');
    expect(row!.milestones.at(-1)!.title).toBe(`M${EVENTS_PER_ROW + 4}`);
    expect((await api['timeline.portfolio']({ partnershipId: busy.id, to: '2020-01-03' })).rows[0]!.milestones.map((m) => m.title)).toEqual(['M0', 'M1', 'M2']);
  });

  it('refuses invalid input in both languages, naming the field', async () => {
    const { api } = await world();
    const loose = api as unknown as Record<string, (input?: unknown) => Promise<unknown>>;
    await invalid(loose['timeline.portfolio']!({ from: '2016-13' }), 'from');
    await invalid(loose['timeline.portfolio']!({ to: '2017-02-30' }), 'to');
    await invalid(loose['timeline.portfolio']!({ from: '2018', to: '2017-12-31' }), 'to');
    await invalid(loose['timeline.portfolio']!({ status: 'paused' }), 'status');
    await invalid(loose['timeline.portfolio']!({ partnershipId: 'not-an-id' }), 'partnershipId');
    await invalid(loose['timeline.portfolio']!({ limit: 0 }), 'limit');
    await invalid(loose['timeline.portfolio']!({ limit: TIMELINE_MAX_PAGE + 1 }), 'limit');
    await invalid(loose['timeline.portfolio']!({ limit: 2.5 }), 'limit');
    await invalid(loose['timeline.portfolio']!({ offset: -1 }), 'offset');
    await invalid(loose['timeline.portfolio']!({ offset: '40' }), 'offset');
    await invalid(loose['timeline.portfolio']!({ page: 2 }), 'page');
  });

  it('an unknown or deleted partnership is not_found', async () => {
    const { api, partnership } = await world();
    const error = await refusal(api['timeline.portfolio']({ partnershipId: UNKNOWN_ID }));
    expect(error.code).toBe('not_found');
    const gone = await partnership('Shantou–Sofia');
    await api['partnerships.delete']({ id: gone.id });
    expect((await refusal(api['timeline.portfolio']({ partnershipId: gone.id }))).code).toBe('not_found');
  });
});

describe('reminders.list', () => {
  it('lists open tasks due today or earlier, agreements up for renewal or review within 90 days (the dashboard’s window), and partnerships quiet for 180 days', async () => {
    const { api, partnership, meeting } = await world();
    const burgas = await partnership('Shantou–Burgas', 'active', { reviewOn: day(30), termEnd: day(90) });
    const varna = await partnership('Shantou–Varna', 'negotiating', { termEnd: day(91) });
    // Begun a month ago and never met: not quiet yet, it has had no time to meet.
    await partnership('Shantou–Sofia', 'active', { termStart: day(-30) });
    const plovdiv = await partnership('Shantou–Plovdiv', 'active', { reviewOn: day(-1) });
    await partnership('Shantou–Ruse', 'dormant', { reviewOn: TODAY });
    await meeting('Recent call', day(-179), [burgas.id]);
    await meeting('Old call', day(-181), [plovdiv.id]);
    await meeting('Next week', day(7), [varna.id]);

    const dueToday = await api['tasks.create']({ title: 'Due today', dueOn: TODAY, partnershipId: burgas.id });
    const overdue = await api['tasks.create']({ title: 'Overdue', dueOn: day(-10), status: 'in_progress' });
    await api['tasks.create']({ title: 'Due tomorrow', dueOn: day(1) });
    await api['tasks.create']({ title: 'No due date' });
    await api['tasks.create']({ title: 'Done long ago', dueOn: day(-20), status: 'done' });
    const deleted = await api['tasks.create']({ title: 'Deleted', dueOn: day(-2) });
    await api['tasks.delete']({ id: deleted.id });

    const reminders = await api['reminders.list']({ today: TODAY });
    expect(reminders.today).toBe(TODAY);
    expect(reminders.tasksDue.map((t) => t.id)).toEqual([overdue.id, dueToday.id]);
    expect(reminders.tasksDue[1]).toMatchObject({ partnershipId: burgas.id, partnershipTitle: 'Shantou–Burgas' });
    // The review of a dormant partnership counts too: the agreement still needs a decision.
    expect(reminders.renewals.map((r) => [r.title, r.what, r.date])).toEqual([
      ['Shantou–Ruse', 'review', TODAY],
      ['Shantou–Burgas', 'review', day(30)],
      ['Shantou–Burgas', 'term_end', day(90)],
    ]);
    // Varna met nobody before today (the meeting is next week); Plovdiv last met 181 days ago.
    expect(reminders.quiet.map((q) => [q.title, q.lastMeeting])).toEqual([
      ['Shantou–Varna', null],
      ['Shantou–Plovdiv', day(-181)],
    ]);
    expect(reminders.totals).toEqual({ tasksDue: 2, renewals: 3, quiet: 2 });
    expect(reminders.count).toBe(7);

    // Without a date: the core's today. A day later, Burgas's meeting is 180 days old, not yet quiet; another task is due.
    expect(await api['reminders.list']()).toEqual(reminders);
    const tomorrow = await api['reminders.list']({ today: day(1) });
    expect(tomorrow.tasksDue.map((t) => t.title)).toEqual(['Overdue', 'Due today', 'Due tomorrow']);
    expect(tomorrow.quiet.map((q) => q.title)).toEqual(['Shantou–Varna', 'Shantou–Plovdiv']);
    expect((await api['reminders.list']({ today: day(2) })).quiet.map((q) => q.title)).toEqual(['Shantou–Varna', 'Shantou–Plovdiv', 'Shantou–Burgas']);

    // Asked again after a change, the answer follows it (an unchanged database is answered from memory).
    await api['tasks.complete']({ id: overdue.id });
    await meeting('Catching up', TODAY, [varna.id]);
    const after = await api['reminders.list']({ today: TODAY });
    expect(after.tasksDue.map((t) => t.id)).toEqual([dueToday.id]);
    expect(after.quiet.map((q) => q.title)).toEqual(['Shantou–Plovdiv']);
    expect(after.count).toBe(5);
  });

  it('lists at most the limit of each group and counts them all', async () => {
    const { core, api } = await world();
    core.sqlite.transaction(() => {
      for (let i = 0; i <= REMINDER_LIST_LIMIT; i += 1) insertRecord(core, 'tasks', { title: `T${i}`, dueOn: day(-1), status: 'open', priority: 'normal' });
    })();
    const reminders = await api['reminders.list']({ today: TODAY });
    expect(reminders.tasksDue).toHaveLength(REMINDER_LIST_LIMIT);
    expect(reminders.totals.tasksDue).toBe(REMINDER_LIST_LIMIT + 1);
    expect(reminders.count).toBe(REMINDER_LIST_LIMIT + 1);
  });

  it('sees what another connection to the file committed (a merge runs in a worker with its own)', async () => {
    const { core, api } = await world();
    expect((await api['reminders.list']({ today: TODAY })).count).toBe(0);
    const other = await openCore(core.opened.path);
    try {
      insertRecord(other, 'tasks', { title: 'Merged from the district office', dueOn: day(-3), status: 'open', priority: 'normal' });
    } finally {
      other.close();
    }
    expect((await api['reminders.list']({ today: TODAY })).tasksDue.map((t) => t.title)).toEqual(['Merged from the district office']);
  });

  it('an empty database has nothing to remind of', async () => {
    const { api } = await world();
    expect(await api['reminders.list']({ today: TODAY })).toEqual({
      today: TODAY,
      tasksDue: [],
      renewals: [],
      quiet: [],
      totals: { tasksDue: 0, renewals: 0, quiet: 0 },
      count: 0,
    });
  });

  it('refuses invalid input in both languages, naming the field', async () => {
    const { api } = await world();
    const loose = api as unknown as Record<string, (input?: unknown) => Promise<unknown>>;
    await invalid(loose['reminders.list']!({ today: '2026-02-30' }), 'today');
    await invalid(loose['reminders.list']!({ today: '2026-03' }), 'today');
    await invalid(loose['reminders.list']!({ days: 7 }), 'days');
  });
});

describe('reminder settings', () => {
  it('default to a daily reminder at 9; both can be changed and are kept', async () => {
    const { api } = await world();
    expect(await api['settings.get']()).toMatchObject({ dailyReminder: true, reminderHour: 9 });
    expect(await api['settings.update']({ dailyReminder: false, reminderHour: 0 })).toMatchObject({ dailyReminder: false, reminderHour: 0 });
    expect(await api['settings.update']({ officeName: '汕头市外事局' })).toMatchObject({ dailyReminder: false, reminderHour: 0 });
    expect(await api['settings.update']({ dailyReminder: true, reminderHour: 23 })).toEqual({
      officeName: '汕头市外事局',
      officeNameEn: null,
      userName: null,
      dailyReminder: true,
      reminderHour: 23,
      keepBackups: 14,
    });
    expect(await api['settings.get']()).toMatchObject({ dailyReminder: true, reminderHour: 23 });
  });

  it('refuses an hour outside 0–23 or not whole, and a reminder switch that is not a boolean', async () => {
    const { api } = await world();
    const loose = api as unknown as Record<string, (input?: unknown) => Promise<unknown>>;
    await invalid(loose['settings.update']!({ reminderHour: 24 }), 'reminderHour');
    await invalid(loose['settings.update']!({ reminderHour: -1 }), 'reminderHour');
    await invalid(loose['settings.update']!({ reminderHour: 9.5 }), 'reminderHour');
    await invalid(loose['settings.update']!({ dailyReminder: 'yes' }), 'dailyReminder');
    expect(await api['settings.get']()).toMatchObject({ dailyReminder: true, reminderHour: 9 });
  });
});
