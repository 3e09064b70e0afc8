/** What the tasks screen shows (tab and filters) survives opening a record and coming back, for this window's session. */
import type { TaskView } from '@db/tasks';

export const TASK_VIEW_LIST: TaskView[] = ['mine', 'overdue', 'week', 'all'];

export interface TaskFilters {
  view: TaskView;
  partnershipId: string | null;
  assignee: string | null;
  showDone: boolean;
}

const STORAGE_KEY = 'pt.tasks.filters';
const DEFAULTS: TaskFilters = { view: 'mine', partnershipId: null, assignee: null, showDone: false };

export function storedTaskFilters(): TaskFilters {
  try {
    const raw = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Record<keyof TaskFilters, unknown>>;
    const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
    const view = text(raw.view);
    return {
      view: view && (TASK_VIEW_LIST as string[]).includes(view) ? (view as TaskView) : DEFAULTS.view,
      partnershipId: text(raw.partnershipId),
      assignee: text(raw.assignee),
      showDone: raw.showDone === true,
    };
  } catch {
    return DEFAULTS;
  }
}

export function storeTaskFilters(filters: TaskFilters): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(filters));
}

/** Make the tasks screen open on one tab, with no filters hiding what the caller wants to show. */
export function showTaskView(view: TaskView): void {
  storeTaskFilters({ ...DEFAULTS, view });
}
