/**
 * The renderer's query cache (renderer/src/api/cache.ts, entities.ts): every operation of the contract
 * says what it reads or writes, and a successful write refreshes exactly the cached reads that show
 * what it changed: the aggregates (dashboard, reminders, search) with their sources, nothing else.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiClient, OperationInput, OperationName } from '../../db/api';
import { operationList } from '../../db/api';
import { queryClient, refreshingClient } from '../../renderer/src/api/cache';
import { READS, WRITES } from '../../renderer/src/api/entities';
import { localClient, tempCore } from '../helpers';

const TODAY = '2026-03-04';

/** The cache holds an answer for each of these reads, as screens left it. */
async function cached(client: ApiClient, reads: [OperationName, object][]): Promise<void> {
  for (const [name, input] of reads) {
    await queryClient.fetchQuery({
      queryKey: [name, input],
      queryFn: () => (client[name] as (input: unknown) => Promise<unknown>)(input),
    });
  }
}

const refreshed = (name: OperationName, input: object) => queryClient.getQueryState([name, input])?.isInvalidated ?? false;

afterEach(() => queryClient.clear());

describe('the query cache', () => {
  it('knows what every operation of the contract reads or writes', () => {
    for (const operation of operationList) {
      if (operation.mode === 'read') expect(READS[operation.name], `${operation.name} in READS`).toBeDefined();
      else expect(WRITES[operation.name], `${operation.name} in WRITES`).toBeDefined();
    }
  });

  it('refreshes the reads a write changed, the aggregates with them, and nothing else', async () => {
    const core = await tempCore();
    const client = refreshingClient(localClient(core));
    const reads: [OperationName, object][] = [
      ['tasks.list', { view: 'all', today: TODAY }],
      ['dashboard.get', { today: TODAY }],
      ['reminders.list', { today: TODAY }],
      ['search.query', { query: 'Burgas' }],
      ['trash.list', {}],
      ['contacts.list', {}],
      ['backups.list', {}],
      ['settings.get', {}],
    ];
    await cached(client, reads);
    expect(reads.filter(([name, input]) => refreshed(name, input))).toEqual([]);

    await client['tasks.create']({ title: 'Send the agreement draft', dueOn: TODAY } as OperationInput<'tasks.create'>);
    const after = Object.fromEntries(reads.map(([name, input]) => [name, refreshed(name, input)]));
    expect(after).toEqual({
      'tasks.list': true,
      'dashboard.get': true,
      'reminders.list': true,
      'search.query': true,
      'trash.list': true,
      'contacts.list': false,
      'backups.list': false,
      'settings.get': false,
    });

    // A refused write changed nothing: nothing refreshes.
    await cached(client, reads);
    await expect(client['tasks.create']({ title: '' })).rejects.toThrow();
    expect(reads.filter(([name, input]) => refreshed(name, input))).toEqual([]);

    // New settings reach every screen.
    await client['settings.update']({ userName: 'Li Wei' });
    expect(reads.filter(([name, input]) => !refreshed(name, input))).toEqual([]);
  });

  it('refreshes everything once a merge or restore job has finished, not while it runs', async () => {
    let status = 'running';
    const jobs = { 'jobs.get': async () => ({ id: 'j', kind: 'merge', status, done: 0, total: 0, startedAt: '', result: null, error: null }) };
    const client = refreshingClient(jobs as unknown as ApiClient);
    await queryClient.fetchQuery({ queryKey: ['dashboard.get', {}], queryFn: () => ({ counts: 1 }) });
    await client['jobs.get']({ id: 'j' });
    expect(refreshed('dashboard.get', {})).toBe(false);
    status = 'done';
    await client['jobs.get']({ id: 'j' });
    expect(refreshed('dashboard.get', {})).toBe(true);
  });
});
