/**
 * What each operation of the contract reads and writes, by entity: the one table the query cache
 * (api/cache.ts) consults to refresh, after a write, exactly the reads that show what it changed.
 * A new operation is declared here (test/unit/query-entities.test.ts holds every one to it).
 */
import type { OperationName } from '@db/api';

/** The kinds of stored things a read can show and a write can change. */
export const ENTITIES = [
  'organizations',
  'partnerships',
  'programmes',
  'milestones',
  'contacts',
  'meetings',
  'tasks',
  'attachments',
  'settings',
  'backups',
  'sync',
] as const;
export type Entity = (typeof ENTITIES)[number];

/** Every kind of record a person keeps: what the aggregates (dashboard, search, trash, history) are made of. */
const RECORDS: Entity[] = ['organizations', 'partnerships', 'programmes', 'milestones', 'contacts', 'meetings', 'tasks', 'attachments'];
const EVERYTHING: Entity[] = [...ENTITIES];

/** For each read: the entities whose change can change its answer. Reads that are never cached say `[]`. */
export const READS: Partial<Record<OperationName, readonly Entity[]>> = {
  // The office's names, and whether the file is still empty (the first-start dialog).
  'app.info': ['settings', ...RECORDS],
  'app.counts': RECORDS,
  'organizations.list': ['organizations', 'partnerships', 'contacts'],
  'organizations.get': ['organizations', 'partnerships', 'contacts', 'meetings'],
  'partnerships.list': ['partnerships', 'organizations', 'programmes', 'milestones'],
  'partnerships.get': ['partnerships', 'organizations', 'programmes', 'milestones'],
  'partnerships.filterOptions': ['partnerships', 'organizations', 'programmes'],
  'partnerships.contacts': ['contacts', 'organizations', 'partnerships'],
  'milestones.list': ['milestones'],
  'milestones.get': ['milestones'],
  'contacts.list': ['contacts', 'organizations'],
  'contacts.get': ['contacts', 'organizations', 'partnerships', 'meetings'],
  'meetings.list': ['meetings', 'partnerships', 'organizations'],
  'meetings.get': ['meetings', 'partnerships', 'organizations', 'contacts', 'tasks', 'attachments'],
  'tasks.list': ['tasks', 'partnerships', 'meetings', 'settings'],
  'tasks.assignees': ['tasks', 'settings'],
  'tasks.get': ['tasks', 'partnerships', 'meetings'],
  'attachments.list': ['attachments'],
  'attachments.content': ['attachments'],
  'dashboard.get': EVERYTHING,
  'timeline.portfolio': ['partnerships', 'milestones', 'meetings', 'organizations'],
  'reminders.list': ['tasks', 'milestones', 'partnerships', 'settings'],
  'map.data': ['organizations', 'partnerships'],
  'map.titles': ['partnerships'],
  'places.search': [],
  'trash.list': RECORDS,
  'search.query': RECORDS,
  'files.grant': [],
  'jobs.get': [],
  'jobs.cancel': [],
  'sync.log': ['sync'],
  'conflicts.list': [...RECORDS, 'sync'],
  'duplicates.list': [...RECORDS, 'sync'],
  'reports.html': EVERYTHING,
  'reports.pdf': EVERYTHING,
  'reports.pdfStart': [],
  'backups.list': ['backups'],
  'history.list': RECORDS,
  'import.preview': RECORDS,
  'export.list': [],
  'settings.get': ['settings'],
};

/**
 * For each write: the entities it changes. 'everything' for the changes whose reach is the whole file
 * (a merge, a restore, a spreadsheet import, onboarding, settings): every read refreshes.
 */
export const WRITES: Partial<Record<OperationName, readonly Entity[] | 'everything'>> = {
  'app.finishOnboarding': 'everything',
  'organizations.create': ['organizations'],
  'organizations.update': ['organizations'],
  'organizations.delete': ['organizations'],
  'organizations.restore': ['organizations'],
  // A partnership's first milestone comes with it.
  'partnerships.create': ['partnerships', 'milestones'],
  'partnerships.update': ['partnerships'],
  'partnerships.delete': ['partnerships'],
  'partnerships.restore': ['partnerships'],
  'programmes.create': ['programmes'],
  'milestones.create': ['milestones'],
  'milestones.update': ['milestones'],
  'milestones.delete': ['milestones'],
  'milestones.restore': ['milestones'],
  'contacts.create': ['contacts'],
  'contacts.update': ['contacts'],
  'contacts.delete': ['contacts'],
  'contacts.restore': ['contacts'],
  // A meeting's follow-up tasks are saved with it.
  'meetings.create': ['meetings', 'tasks'],
  'meetings.update': ['meetings', 'tasks'],
  'meetings.delete': ['meetings', 'tasks'],
  'meetings.restore': ['meetings', 'tasks'],
  'tasks.create': ['tasks'],
  'tasks.update': ['tasks'],
  'tasks.complete': ['tasks'],
  'tasks.reopen': ['tasks'],
  'tasks.delete': ['tasks'],
  'tasks.restore': ['tasks'],
  'attachments.add': ['attachments'],
  'attachments.remove': ['attachments'],
  'attachments.restore': ['attachments'],
  'trash.restore': RECORDS,
  'conflicts.resolve': [...RECORDS, 'sync'],
  'duplicates.decide': [...RECORDS, 'sync'],
  'settings.update': 'everything',
  'sync.export': ['sync'],
  'sync.exportStart': [],
  'sync.preview': [],
  'sync.merge': 'everything',
  'sync.mergeStart': [],
  'backups.daily': ['backups'],
  'backups.create': ['backups'],
  'backups.restore': 'everything',
  'backups.restoreStart': [],
  'backups.delete': ['backups'],
  'import.commit': 'everything',
};

/**
 * The jobs whose work changes data, by kind (db/jobs.ts): what they change once `jobs.get` reports them
 * done (their `...Start` operation only starts them).
 */
export const JOB_WRITES: Record<string, readonly Entity[] | 'everything'> = {
  merge: 'everything',
  restore: 'everything',
  export: ['sync'],
};

/** Whether a cached read of `name` shows any of `changed` (a read not in the table refreshes only when everything does). */
export function readsAny(name: unknown, changed: readonly Entity[]): boolean {
  const reads = typeof name === 'string' ? READS[name as OperationName] : undefined;
  return reads !== undefined && reads.some((entity) => changed.includes(entity));
}
