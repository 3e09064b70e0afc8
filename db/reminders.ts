/**
 * Reminders: what needs a person's attention today. The header's bell and the desktop's daily
 * notification show the same three groups; the dashboard's queries answer them.
 */
import { z } from 'zod';
import type { Core } from './core';
import { calendarDate } from './validation';
import { addDays, AHEAD_DAYS, quietPartnerships, renewalsBetween, type DashboardRenewal, type QuietPartnership } from './dashboard';
import { listTasks, todayOf, type Task } from './tasks';

export const remindersInput = z.strictObject({ today: calendarDate.optional() }).default({});

/** At most this many items of each group are listed; `totals` counts them all. */
export const REMINDER_LIST_LIMIT = 100;

export interface Reminders {
  today: string;
  /** Open or in-progress tasks due today or earlier, soonest due first. */
  tasksDue: Task[];
  /** Agreements whose review date or term end falls in the next 90 days (the dashboard's window), soonest first. */
  renewals: DashboardRenewal[];
  /** Active and negotiating partnerships with no meeting for 180 days, longest quiet first. */
  quiet: QuietPartnership[];
  totals: { tasksDue: number; renewals: number; quiet: number };
  /** Everything that needs attention: the number on the badge. */
  count: number;
}

/** The same calendar day `months` months later (31 January + 1 month: 3 March, as Date does). */
export function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/**
 * What the data looks like now: the writes of this connection and the commits of any other (a
 * merge's worker). The badge asks on every change of screen; nothing changed, nothing is read.
 */
function dataStamp(core: Core): string {
  const { n } = core.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number };
  return `${n}/${String(core.sqlite.pragma('data_version', { simple: true }))}`;
}

const lastAnswer = new WeakMap<Core, { key: string; reminders: Reminders }>();

export function listReminders(core: Core, input: z.output<typeof remindersInput>): Reminders {
  const today = input.today ?? todayOf(core);
  const key = `${today}@${dataStamp(core)}`;
  const cached = lastAnswer.get(core);
  if (cached?.key === key) return cached.reminders;
  const reminders = computeReminders(core, today);
  lastAnswer.set(core, { key, reminders });
  return reminders;
}

function computeReminders(core: Core, today: string): Reminders {
  // "Overdue" as of tomorrow: due before tomorrow, that is today or earlier.
  const dueInput = { view: 'overdue' as const, today: addDays(today, 1) };
  // The dashboard's own window: the bell never counts what the dashboard does not show.
  const renewals = renewalsBetween(core, today, addDays(today, AHEAD_DAYS));
  const quiet = quietPartnerships(core, today, REMINDER_LIST_LIMIT);
  const due = listTasks(core, { ...dueInput, limit: REMINDER_LIST_LIMIT });
  const totals = { tasksDue: due.total, renewals: renewals.length, quiet: quiet.total };
  return {
    today,
    tasksDue: due.rows,
    renewals: renewals.slice(0, REMINDER_LIST_LIMIT),
    quiet: quiet.rows,
    totals,
    count: totals.tasksDue + totals.renewals + totals.quiet,
  };
}
