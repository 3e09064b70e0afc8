/**
 * The daily desktop notification of the reminders: when it is due, what it says, and the day it
 * was last shown (a small file in userData). No `electron` import: unit-tested in Node; main.ts
 * checks at start and hourly, and shows it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Reminders } from '../db/reminders';
import type { Settings } from '../db/settings';
import type { UiLanguage } from './sync-dialogs';
import { localDay } from '../common/calendar';

/** How often main.ts asks whether the notification is due. */
export const REMINDER_CHECK_MS = 60 * 60 * 1000;

/** Due once a day: when switched on, from the chosen hour (local time), and not yet shown today. */
export function shouldNotify(now: Date, lastNotifiedDay: string | null, settings: Pick<Settings, 'dailyReminder' | 'reminderHour'>): boolean {
  return settings.dailyReminder && now.getHours() >= settings.reminderHour && lastNotifiedDay !== localDay(now);
}

/** Title and body of the notification, in the UI language; null when there is nothing to remind of. */
export function reminderNotification(lang: UiLanguage, reminders: Pick<Reminders, 'totals' | 'count'>): { title: string; body: string } | null {
  if (reminders.count === 0) return null;
  const { tasksDue, renewals, quiet } = reminders.totals;
  if (lang === 'zh') {
    const parts = [
      tasksDue > 0 ? `${tasksDue} 项任务今天到期或已逾期` : null,
      renewals > 0 ? `${renewals} 项协议将在 90 天内续签或复核` : null,
      quiet > 0 ? `${quiet} 个合作关系已 180 天没有会见` : null,
    ];
    return { title: `伙伴关系管理：${reminders.count} 项提醒`, body: `${parts.filter(Boolean).join('；')}。点击查看。` };
  }
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    tasksDue > 0 ? `${plural(tasksDue, 'task', 'tasks')} due today or overdue` : null,
    renewals > 0 ? `${plural(renewals, 'agreement', 'agreements')} up for renewal or review within 90 days` : null,
    quiet > 0 ? `${plural(quiet, 'partnership', 'partnerships')} with no meeting for 180 days` : null,
  ];
  return { title: `Partnership Tracker: ${plural(reminders.count, 'reminder', 'reminders')}`, body: `${parts.filter(Boolean).join('; ')}. Click to see them.` };
}

/** Where main.ts reads what the check needs: through the contract, null when a call failed. */
export interface ReminderSources {
  settings: () => Pick<Settings, 'dailyReminder' | 'reminderHour'> | null;
  reminders: (today: string) => Pick<Reminders, 'totals' | 'count'> | null;
}

/** The notification to show now, or null: not due yet, switched off, already shown today, or nothing to remind of. */
export function dueReminderNotification(
  now: Date,
  lastNotifiedDay: string | null,
  lang: UiLanguage,
  sources: ReminderSources,
): { title: string; body: string } | null {
  const settings = sources.settings();
  if (!settings || !shouldNotify(now, lastNotifiedDay, settings)) return null;
  const reminders = sources.reminders(localDay(now));
  return reminders ? reminderNotification(lang, reminders) : null;
}

/** The remembered day of the last notification, from the small state file main.ts keeps in userData. */
export function parseReminderState(text: string | null): string | null {
  if (!text) return null;
  try {
    const value = (JSON.parse(text) as { lastNotifiedDay?: unknown }).lastNotifiedDay;
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
  } catch {
    return null;
  }
}

export function serializeReminderState(lastNotifiedDay: string): string {
  return `${JSON.stringify({ lastNotifiedDay })}\n`;
}

/** The day of the last notification, kept in a small file in userData; none when the file is missing or damaged. */
export function lastNotifiedDay(file: string): string | null {
  try {
    return parseReminderState(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

export function rememberNotifiedDay(file: string, day: string): void {
  writeFileSync(file, serializeReminderState(day));
}
