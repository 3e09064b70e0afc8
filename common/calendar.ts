/**
 * Calendar days as the user lives them, for every side of the app: the core (db/), the shells (cli/, electron/) and
 * the renderer. Plain TypeScript: no Node, DOM, React or drizzle import (eslint.config.mjs fences this folder), so
 * each side runs the one definition instead of a copy of its own.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The calendar day of `instant` in this computer's time zone, YYYY-MM-DD: with no argument, what the user calls
 * today (what "overdue" and "the next 90 days" count from), never the UTC date.
 */
export function localDay(instant: Date | string = new Date()): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The shape of a full date (the contract names a value that breaks it "not in the right format"). */
export const FULL_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** The shape of a year, a month or a full date. */
export const PARTIAL_DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** YYYY-MM-DD, and a day that exists: no 31 June, no 29 February 2025. */
export function isCalendarDate(value: string): boolean {
  if (!FULL_DATE_PATTERN.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** YYYY, YYYY-MM or an existing YYYY-MM-DD: a date with its precision, as milestones and partnerships give it. */
export function isPartialDate(value: string): boolean {
  if (!PARTIAL_DATE_PATTERN.test(value)) return false;
  return value.length < 10 || isCalendarDate(value);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Open or in progress, and due before `today`: the reminders, the dashboard and the task list all count this. */
export function isOverdue(task: { status: string; dueOn: string | null }, today: string): boolean {
  return (task.status === 'open' || task.status === 'in_progress') && !!task.dueOn && task.dueOn < today;
}
