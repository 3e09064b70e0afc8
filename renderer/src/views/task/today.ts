/** Calendar days as the user lives them: YYYY-MM-DD in the browser's own time zone, not UTC. */

const pad = (n: number) => String(n).padStart(2, '0');

/** The user's local calendar day, e.g. 2025-06-30; pass it as `today` to tasks.list and dashboard.get. */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Open or in progress, and due before today (the same rule as db/tasks.ts isOverdue). */
export function isOverdue(task: { status: string; dueOn: string | null }, today: string): boolean {
  return (task.status === 'open' || task.status === 'in_progress') && !!task.dueOn && task.dueOn < today;
}
