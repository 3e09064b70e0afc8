import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../../db/open';
import { openCore } from '../../../db/core';
import { localClient } from '../../helpers';
import { filledDatabaseAt, snapshotRows } from './fill';

describe('migration 0003: the full-text search index', () => {
  it('keeps every row; the core then indexes every live record, names and aliases included, deleted ones left out', async () => {
    const { file, before } = filledDatabaseAt(3);
    const core = await openCore(file);
    try {
      expect(core.opened.migrationsApplied).toBe(loadMigrations().length - 3);
      expect(core.opened.backupPath).not.toBeNull();
      // the core adds its own facts to meta (origin id, index version); every other row is as it was
      const { meta: metaAfter, ...after } = snapshotRows(core.sqlite);
      const { meta: metaBefore, ...rest } = before;
      expect(after).toEqual(rest);
      expect(metaAfter).toEqual(expect.arrayContaining(metaBefore!));
      expect(core.sqlite.pragma('foreign_key_check')).toEqual([]);
      // 20 rows of each searchable kind were filled; organization 3 is deleted
      expect(core.sqlite.prepare('SELECT kind, count(*) AS n FROM search_docs GROUP BY kind ORDER BY kind').all()).toEqual([
        { kind: 'contact', n: 20 },
        { kind: 'meeting', n: 20 },
        { kind: 'milestone', n: 20 },
        { kind: 'organization', n: 19 },
        { kind: 'partnership', n: 20 },
        { kind: 'task', n: 20 },
      ]);
      const api = localClient(core);
      const ids = async (query: string) => (await api['search.query']({ query, limit: 100 })).groups.flatMap((g) => g.hits.map((h) => `${h.kind}:${h.title}`));
      expect(await ids('Город 5')).toEqual(['organization:城市 5 / City 5']);
      expect(await ids('город 3')).toEqual([]);
      expect(await ids('联合声明 1')).toEqual(expect.arrayContaining(['milestone:联合声明 1', 'milestone:联合声明 10', 'milestone:联合声明 19']));
      expect(await ids('跟进 7')).toEqual(['task:跟进 7']);
    } finally {
      core.close();
    }
  });
});
