import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../../db/open';
import { openCore } from '../../../db/core';
import { listMatches } from '../../../db/search';
import { localClient } from '../../helpers';
import { filledDatabaseAt, snapshotRows } from './fill';

describe("migration 0019: the lists' search index", () => {
  it('keeps every row; the core then indexes the live meetings and tasks, and the lists find what reading their rows finds', async () => {
    const { file, before } = filledDatabaseAt(19);
    const core = await openCore(file);
    try {
      expect(core.opened.migrationsApplied).toBe(loadMigrations().length - 19);
      const { meta: metaAfter, ...after } = snapshotRows(core.sqlite);
      const { meta: metaBefore, ...rest } = before;
      expect(after).toEqual(rest);
      expect(metaAfter).toEqual(expect.arrayContaining(metaBefore!));
      const tables = core.sqlite.prepare("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name").pluck().all();
      expect(tables).toEqual(['search_fts', 'search_fts_meeting_titles', 'search_fts_task_texts', 'search_grams', 'search_grams_meeting_titles', 'search_grams_task_texts']);
      // Read from the index: built by this version when the file was opened.
      expect(listMatches(core, 'meeting', '会')?.count).toBe(20);
      expect(listMatches(core, 'task', '跟进 1', true)?.count).toBe(11);
      const api = localClient(core);
      const meetings = async (query: string) => (await api['meetings.list']({ query })).rows.map((m) => m.title);
      const tasks = async (query: string) => (await api['tasks.list']({ query })).rows.map((t) => t.title);
      // 20 meetings 会见 0 … 19 and 20 open tasks 跟进 0 … 19 were filled.
      expect((await meetings('会见 1')).sort()).toEqual(['会见 1', ...Array.from({ length: 10 }, (_, n) => `会见 1${n}`)].sort());
      expect(await meetings('见 7')).toEqual(['会见 7']);
      expect((await api['meetings.list']({ query: '会' })).total).toBe(20);
      expect(await tasks('跟进 7')).toEqual(['跟进 7']);
      expect((await api['tasks.list']({ query: '进' })).total).toBe(20);
      expect(await tasks('会见')).toEqual([]);
    } finally {
      core.close();
    }
  });
});
