/**
 * Every read a person can make, over every record: lists (every view), gets, reports, exports,
 * history, search, dashboard, map, timeline, trash, sync review. Used after hostile merges and after
 * planting malformed stored values: each must answer, none may fail.
 */
import type { Core } from '../db/core';
import { recordTables, type RecordEntity } from '../db/schema';
import { localClient } from './helpers';

export interface ReadFailure {
  operation: string;
  message: string;
}

/** Call every read operation; return the ones that failed (empty when all answered). */
export async function exerciseReaders(core: Core): Promise<ReadFailure[]> {
  const api = localClient(core);
  const failures: ReadFailure[] = [];
  let calls = 0;
  const attempt = async (operation: string, call: () => Promise<unknown>) => {
    calls += 1;
    try {
      await call();
    } catch (error) {
      failures.push({ operation, message: error instanceof Error ? error.message : String(error) });
    }
    // Let vitest's RPC breathe between reads of a large file.
    if (calls % 20 === 0) await new Promise(setImmediate);
  };
  const ids = (entity: RecordEntity) =>
    core.sqlite
      .prepare(`SELECT id FROM "${(recordTables[entity] as unknown as { [k: symbol]: string })[Symbol.for('drizzle:Name')]}" WHERE typeof(id) = 'text'`)
      .pluck()
      .all() as string[];
  await attempt('app.info', () => api['app.info']());
  await attempt('app.counts', () => api['app.counts']());
  for (const deleted of [false, true]) {
    await attempt('organizations.list', () => api['organizations.list']({ deleted }));
    await attempt('partnerships.list', () => api['partnerships.list']({ deleted }));
    await attempt('contacts.list', () => api['contacts.list']({ deleted }));
    await attempt('meetings.list', () => api['meetings.list']({ deleted }));
    await attempt('tasks.list', () => api['tasks.list']({ deleted, includeClosed: true }));
  }
  for (const view of ['all', 'mine', 'overdue', 'week'] as const) await attempt(`tasks.list ${view}`, () => api['tasks.list']({ view, includeClosed: true }));
  for (const sort of ['title', 'status', 'updated'] as const) await attempt(`partnerships.list ${sort}`, () => api['partnerships.list']({ sort } as never));
  await attempt('partnerships.filterOptions', () => api['partnerships.filterOptions']());
  await attempt('tasks.assignees', () => api['tasks.assignees']());
  for (const id of ids('organizations')) await attempt('organizations.get', () => api['organizations.get']({ id }));
  for (const id of ids('partnerships')) {
    await attempt('partnerships.get', () => api['partnerships.get']({ id }));
    await attempt('partnerships.contacts', () => api['partnerships.contacts']({ partnershipId: id }));
    await attempt('milestones.list', () => api['milestones.list']({ partnershipId: id }));
    await attempt('attachments.list', () => api['attachments.list']({ partnershipId: id }));
    await attempt('reports.html partnership', () => api['reports.html']({ kind: 'partnership', partnershipId: id, lang: 'en' } as never));
    await attempt('timeline.portfolio', () => api['timeline.portfolio']({ partnershipId: id }));
  }
  for (const id of ids('milestones')) await attempt('milestones.get', () => api['milestones.get']({ id }));
  for (const id of ids('contacts')) await attempt('contacts.get', () => api['contacts.get']({ id }));
  for (const id of ids('meetings')) {
    await attempt('meetings.get', () => api['meetings.get']({ id }));
    await attempt('attachments.list', () => api['attachments.list']({ meetingId: id }));
  }
  for (const id of ids('tasks')) await attempt('tasks.get', () => api['tasks.get']({ id }));
  for (const id of ids('attachments')) await attempt('attachments.content', () => api['attachments.content']({ id }));
  for (const entity of Object.keys(recordTables) as RecordEntity[]) {
    for (const id of ids(entity).slice(0, 50)) await attempt(`history.list ${entity}`, () => api['history.list']({ entity, id }));
  }
  for (const lang of ['zh', 'en'] as const) {
    await attempt(`reports.html portfolio ${lang}`, () => api['reports.html']({ kind: 'portfolio', lang } as never));
    for (const view of ['partnerships', 'organizations', 'meetings', 'tasks', 'contacts'] as const) {
      for (const format of ['csv', 'xlsx'] as const) await attempt(`export.list ${view} ${format}`, () => api['export.list']({ view, format, lang }));
    }
  }
  await attempt('dashboard.get', () => api['dashboard.get']({}));
  await attempt('timeline.portfolio', () => api['timeline.portfolio']({}));
  await attempt('reminders.list', () => api['reminders.list']({}));
  await attempt('map.data', () => api['map.data']());
  const partnershipIds = ids('partnerships').slice(0, 50);
  if (partnershipIds.length > 0) await attempt('map.titles', () => api['map.titles']({ partnershipIds }));
  await attempt('trash.list', () => api['trash.list']());
  for (const query of ['Bu', 'Burgas', '汕头', 'banana']) await attempt(`search.query ${query}`, () => api['search.query']({ query }));
  await attempt('sync.log', () => api['sync.log']());
  await attempt('conflicts.list', () => api['conflicts.list']({ includeResolved: true }));
  await attempt('duplicates.list', () => api['duplicates.list']());
  return failures;
}
