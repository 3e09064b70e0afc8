import { z } from 'zod';
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { meetings, partnerships, tasks, TASK_PRIORITIES, TASK_STATUSES } from './schema';
import { DEFAULT_PAGE, offsetPage, pageFields, pageOf, type Page } from './paging';
import { deleteRecord, insertRecord, requireLive, restoreRecord, updateRecord, type Core } from './core';
import { notFound } from './errors';
import { perConnection } from './prepared';
import { calendarDate, escapeLike, idSchema } from './validation';
import { listMatches, SEARCH_BY_ID_UP_TO } from './search';

export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_VIEWS = ['mine', 'overdue', 'week', 'all'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

import { taskCreateInput, taskUpdateInput } from '../common/inputs/records';
export { taskCreateInput, taskUpdateInput };
const taskFilters = {
  view: z.enum(TASK_VIEWS).default('all'),
  /** The user's calendar day (their time zone); default: today in UTC. */
  today: calendarDate.optional(),
  partnershipId: idSchema.optional(),
  meetingId: idSchema.optional(),
  assignee: z.string().trim().max(200).optional(),
  query: z.string().trim().max(200).optional(),
  /** Include done and cancelled tasks. */
  includeClosed: z.boolean().optional(),
  deleted: z.boolean().optional(),
};

/** A page of a task view: at most `limit` tasks (1–500, default 100) from `offset`. */
export const taskListInput = z.strictObject({ ...taskFilters, ...pageFields }).default({ view: 'all' });
export type TaskFilters = z.input<z.ZodObject<typeof taskFilters>>;

export interface Task {
  id: string;
  title: string;
  details: string | null;
  dueOn: string | null;
  assignee: string | null;
  status: TaskStatus;
  priority: (typeof TASK_PRIORITIES)[number];
  partnershipId: string | null;
  partnershipTitle: string | null;
  partnershipTitleZh: string | null;
  partnershipTitleEn: string | null;
  meetingId: string | null;
  meetingTitle: string | null;
  doneAt: string | null;
  deletedAt: string | null;
}

/** Open or in progress, and due before today (one rule with the renderer's). */
export { isOverdue } from '../common/calendar';

export function todayOf(core: Core): string {
  return core.now().toISOString().slice(0, 10);
}

/** The Sunday that ends the (Monday-first) week containing `day`. */
export function endOfWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  date.setUTCDate(date.getUTCDate() + (6 - weekday));
  return date.toISOString().slice(0, 10);
}

const columns = {
  id: tasks.id,
  title: tasks.title,
  details: tasks.details,
  dueOn: tasks.dueOn,
  assignee: tasks.assignee,
  status: tasks.status,
  priority: tasks.priority,
  partnershipId: tasks.partnershipId,
  partnershipTitle: partnerships.title,
  partnershipTitleZh: partnerships.titleZh,
  partnershipTitleEn: partnerships.titleEn,
  meetingId: tasks.meetingId,
  meetingTitle: meetings.title,
  doneAt: tasks.doneAt,
  deletedAt: tasks.deletedAt,
};

const OPEN: TaskStatus[] = ['open', 'in_progress'];

/**
 * The WHERE of a task list: only columns of tasks, so a count needs no join. The whole list of a
 * view is walked in order through tasks_list; a partnership's, a meeting's, a person's tasks and
 * the overdue and this-week views are few, found through their own index (the unary + keeps
 * SQLite from walking tasks_list past every other task instead) and then sorted. The few tasks the search
 * index found (`within`) are read by id: the unary + keeps SQLite from reading every open task instead.
 */
function taskFilter(core: Core, input: TaskFilters, within?: string[]) {
  const today = input.today ?? todayOf(core);
  const me = core.getMeta('user_name');
  const view = input.view ?? 'all';
  const q = input.query ? `%${escapeLike(input.query)}%` : null;
  const openOnly = openOnlyOf(input);
  const narrow = !!within || view !== 'all' || !!(input.partnershipId || input.meetingId || input.assignee);
  const dueOn = within ? sql`+${tasks.dueOn}` : sql`${tasks.dueOn}`;
  return and(
    input.deleted ? isNotNull(tasks.deletedAt) : narrow ? sql`+${tasks.deletedAt} IS NULL` : isNull(tasks.deletedAt),
    openOnly ? (within ? inArray(sql`+${tasks.status}`, OPEN) : inArray(tasks.status, OPEN)) : undefined,
    view === 'mine' ? (me ? eq(tasks.assignee, me) : sql`0`) : undefined,
    view === 'overdue' ? lt(dueOn, today) : undefined,
    view === 'week' ? and(gte(dueOn, today), lte(dueOn, endOfWeek(today))) : undefined,
    input.partnershipId ? eq(tasks.partnershipId, input.partnershipId) : undefined,
    input.meetingId ? eq(tasks.meetingId, input.meetingId) : undefined,
    input.assignee ? eq(tasks.assignee, input.assignee) : undefined,
    q ? or(sql`${tasks.title} LIKE ${q} ESCAPE '\\'`, sql`${tasks.details} LIKE ${q} ESCAPE '\\'`) : undefined,
    within ? inArray(tasks.id, within) : undefined,
  );
}

/** Only open and in-progress tasks: the default, and always for overdue and this week. */
function openOnlyOf(input: TaskFilters): boolean {
  const view = input.view ?? 'all';
  return !input.includeClosed || view === 'overdue' || view === 'week';
}

/**
 * What the search index (listMatches) tells of a search of the tasks: the few matching tasks (`within`, the
 * filter then holding those ids besides its own terms), or, for a search of all tasks (open ones, or with the
 * closed), how many match (`total`, not counted again); nothing where it cannot tell (and for deleted tasks).
 */
function searchedOf(core: Core, input: TaskFilters): { within?: string[]; total?: number } {
  if (!input.query || input.deleted) return {};
  const matches = listMatches(core, 'task', input.query, openOnlyOf(input));
  if (!matches) return {};
  if (matches.count <= SEARCH_BY_ID_UP_TO) return { within: matches.ids() };
  const all = (input.view ?? 'all') === 'all' && !input.partnershipId && !input.meetingId && !input.assignee;
  return all ? { total: matches.count } : {};
}

/** Soonest due first, no due date last; ties by title, then id, so pages never repeat or skip a task. */
const dueOrder = [sql`${tasks.dueOn} IS NULL`, asc(tasks.dueOn), asc(tasks.title), asc(tasks.id)] as const;

/**
 * A page of the live open tasks due in a range, read in page order from the partial index
 * tasks_open_due (named: without statistics SQLite would take tasks_status_due_on and sort all
 * 27,000 overdue tasks of a large office for each page).
 */
function datedOpenPage(core: Core, range: { from?: string; to?: string; before?: string }, limit: number, offset: number): string[] {
  const bounds = [range.from ? 'due_on >= @from' : '', range.to ? 'due_on <= @to' : '', range.before ? 'due_on < @before' : ''].filter(Boolean);
  return core.sqlite
    .prepare(
      `SELECT id FROM tasks INDEXED BY tasks_open_due
        WHERE "tasks"."deleted_at" IS NULL AND "tasks"."status" IN ('open', 'in_progress') AND "tasks"."due_on" IS NOT NULL AND ${bounds.join(' AND ')}
        ORDER BY due_on, title, id LIMIT @limit OFFSET @offset`,
    )
    .pluck()
    .all({ ...range, limit, offset }) as string[];
}

/** A view of every task (all, open, overdue, this week), with no filter beside it: its count is kept in task_counts. */
function isWholeView(input: TaskFilters): boolean {
  return (input.view ?? 'all') !== 'mine' && !input.partnershipId && !input.meetingId && !input.assignee && !input.query && !input.deleted;
}

/**
 * The exact count of a whole view, summed from task_counts (live tasks per status and due date,
 * kept by triggers on every write and merge): a few thousand rows instead of 300,000 tasks.
 */
function wholeViewTotal(core: Core, input: TaskFilters): number {
  const today = input.today ?? todayOf(core);
  const view = input.view ?? 'all';
  const open = `status IN ('open', 'in_progress')`;
  const where =
    view === 'overdue'
      ? `${open} AND due_on <> '' AND due_on < @today`
      : view === 'week'
        ? `${open} AND due_on >= @today AND due_on <= @weekEnd`
        : input.includeClosed
          ? '1'
          : open;
  const row = core.sqlite.prepare(`SELECT coalesce(sum(n), 0) AS n FROM task_counts WHERE ${where}`).get({ today, weekEnd: endOfWeek(today) }) as { n: number };
  return row.n;
}

/** The rows of these tasks. */
function tasksByIds(core: Core, ids: string[]): Task[] {
  return core.db
    .select(columns)
    .from(tasks)
    .leftJoin(partnerships, eq(partnerships.id, tasks.partnershipId))
    .leftJoin(meetings, eq(meetings.id, tasks.meetingId))
    .where(inArray(tasks.id, ids))
    .all();
}

/** One page of a task view, soonest due first, with the count of all its tasks. Only the page's ids are sorted and joined. */
export function listTasks(core: Core, input: z.output<typeof taskListInput>): Page<Task> {
  const whole = isWholeView(input);
  const total = whole ? () => wholeViewTotal(core, input) : undefined;
  if (whole && (input.view === 'overdue' || input.view === 'week')) {
    const today = input.today ?? todayOf(core);
    const range = input.view === 'overdue' ? { before: today } : { from: today, to: endOfWeek(today) };
    const offset = input.offset ?? 0;
    const count = wholeViewTotal(core, input);
    if (offset >= count) return pageOf([], count, offset);
    const ids = datedOpenPage(core, range, input.limit ?? DEFAULT_PAGE, offset);
    const byId = new Map(tasksByIds(core, ids).map((row) => [row.id, row]));
    return pageOf(
      ids.flatMap((id) => byId.get(id) ?? []),
      count,
      offset,
    );
  }
  const searched = searchedOf(core, input);
  if (searched.within?.length === 0) return pageOf([], 0, input.offset ?? 0);
  const counted = searched.total;
  return offsetPage(
    core,
    { table: tasks, where: taskFilter(core, input, searched.within), order: dueOrder, total: counted === undefined ? total : () => counted },
    input,
    (ids) => tasksByIds(core, ids),
  );
}

/** Every task of a view, soonest due first: for the dashboard, reports, a meeting's tasks and exports, not the contract. */
export function allTasks(core: Core, input: TaskFilters): Task[] {
  return core.db
    .select(columns)
    .from(tasks)
    .leftJoin(partnerships, eq(partnerships.id, tasks.partnershipId))
    .leftJoin(meetings, eq(meetings.id, tasks.meetingId))
    .where(taskFilter(core, input))
    .orderBy(...dueOrder)
    .all();
}

/** One task with its partnership's and meeting's titles, built once per connection (every task written is read back). */
const taskById = perConnection((core: Core) =>
  core.db
    .select(columns)
    .from(tasks)
    .leftJoin(partnerships, eq(partnerships.id, tasks.partnershipId))
    .leftJoin(meetings, eq(meetings.id, tasks.meetingId))
    .where(eq(tasks.id, sql.placeholder('id')))
    .prepare(),
);

export function getTask(core: Core, id: string): Task {
  const row = taskById(core).get({ id });
  if (!row) throw notFound('tasks', id);
  return row;
}

/** Who tasks are assigned to, for the assignee filter. */
export function listAssignees(core: Core): string[] {
  // A skip scan of tasks_assignee: one index seek per distinct name, then one live task of that name,
  // instead of reading every task (0.6 s for 300,000 tasks).
  return (
    core.sqlite
      .prepare(
        `WITH RECURSIVE names(name) AS (
           SELECT min(assignee) FROM tasks
           UNION ALL
           SELECT (SELECT min(assignee) FROM tasks WHERE assignee > names.name) FROM names WHERE names.name IS NOT NULL)
         SELECT name AS assignee FROM names
          WHERE name IS NOT NULL AND EXISTS (SELECT 1 FROM tasks WHERE assignee = names.name AND deleted_at IS NULL)
          ORDER BY name`,
      )
      .all() as { assignee: string }[]
  ).map((r) => r.assignee);
}

function checkReferences(core: Core, input: { partnershipId?: string | null | undefined; meetingId?: string | null | undefined }): void {
  if (input.partnershipId) requireLive(core, 'partnerships', input.partnershipId);
  if (input.meetingId) requireLive(core, 'meetings', input.meetingId);
}

function doneAtFor(core: Core, status: TaskStatus | undefined, previous: TaskStatus | null): { doneAt?: string | null } {
  if (status === undefined || status === previous) return {};
  return { doneAt: status === 'done' ? core.now().toISOString() : null };
}

export function createTask(core: Core, input: z.output<typeof taskCreateInput>): Task {
  checkReferences(core, input);
  const status = input.status ?? 'open';
  const id = insertRecord(core, 'tasks', { priority: 'normal', ...input, status, ...doneAtFor(core, status, null) });
  return getTask(core, id);
}

export function updateTask(core: Core, input: z.output<typeof taskUpdateInput>): Task {
  const { id, ...fields } = input;
  const current = requireLive(core, 'tasks', id);
  checkReferences(core, fields);
  updateRecord(core, 'tasks', id, { ...fields, ...doneAtFor(core, fields.status, current.status as TaskStatus) });
  return getTask(core, id);
}

export function completeTask(core: Core, id: string): Task {
  return updateTask(core, { id, status: 'done' });
}

export function reopenTask(core: Core, id: string): Task {
  return updateTask(core, { id, status: 'open' });
}

export function deleteTask(core: Core, id: string): Task {
  requireLive(core, 'tasks', id);
  deleteRecord(core, 'tasks', id);
  return getTask(core, id);
}

export function restoreTask(core: Core, id: string): Task {
  requireLive(core, 'tasks', id, true);
  restoreRecord(core, 'tasks', id);
  return getTask(core, id);
}
