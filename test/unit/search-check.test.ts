/**
 * The search index is derived data: opening a file checks the records' tables, not the index's, which the core checks
 * after the start in a worker of its own (db/search-check.ts) and rebuilds from the records when damaged. A damaged
 * index never keeps the app from starting, and search finds the right records again soon after.
 */
import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openCore } from '../../db/core';
import { createRegistry, type Envelope } from '../../db/api';
import { startCoreThreads, type CoreDoor } from '../../db/core-host';
import { openDatabase } from '../../db/open';
import { checkSearchIndexLater } from '../../db/search-check';
import type { SearchResult } from '../../db/search';
import { tempDir } from '../helpers';

let door: CoreDoor | null = null;
afterEach(async () => {
  await door?.close();
  door = null;
  vi.restoreAllMocks();
});

/** A file of 600 organizations, every seventh of them in Shantou; the ids of those. */
async function officeFile(): Promise<{ file: string; shantou: string[] }> {
  const file = path.join(tempDir(), 'office.db');
  const core = await openCore(file, { appVersion: '0.0.0-test' });
  const registry = createRegistry();
  const shantou: string[] = [];
  core.sqlite.transaction(() => {
    for (let i = 0; i < 600; i++) {
      const inShantou = i % 7 === 0;
      const created = registry.call(core, 'organizations.create', {
        displayName: `${inShantou ? 'Shantou' : 'Varna'} office ${i}`,
        country: inShantou ? 'CN' : 'BG',
        notes: `Twinned since ${1980 + (i % 40)}. ${'Exchanges of students and trade fairs. '.repeat(8)}`,
      });
      if (!created.ok) throw new Error(created.error.message.en);
      if (inShantou) shantou.push((created.value as { id: string }).id);
    }
  })();
  core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  return { file, shantou: shantou.sort() };
}

/** Damage the trigram index's shadow table as a broken disk or tool would: its index segments are gone. */
function dropIndexSegments(file: string): void {
  const raw = new Database(file);
  // better-sqlite3 guards shadow tables (SQLite's defensive mode): the damage needs it off.
  raw.unsafeMode(true);
  expect(raw.prepare('DELETE FROM search_fts_data WHERE id > 10').run().changes).toBeGreaterThan(0);
  raw.close();
}

/** The organizations a search for "shantou" finds, or what it was refused with. */
function foundIn(envelope: Envelope<unknown>): string[] | string {
  if (!envelope.ok) return envelope.error.message.en;
  const groups = (envelope.value as SearchResult).groups;
  return groups.flatMap((group) => group.hits.map((hit) => hit.id)).sort();
}

const SEARCH = { query: 'shantou', kinds: ['organization'], limit: 200 };

describe('the search index, checked after the start', () => {
  it('opens a file whose search index is damaged; the writer then rebuilds the index and search finds the right records', async () => {
    const { file, shantou } = await officeFile();
    expect(shantou).toHaveLength(86);
    dropIndexSegments(file);
    // The damage is real: searched before any repair, the index fails.
    const before = await openCore(file, { appVersion: '0.0.0-test' });
    expect(foundIn(createRegistry().call(before, 'search.query', SEARCH))).not.toEqual(shantou);
    before.close();

    // The app starts and answers at once, as the desktop app and `serve` run it.
    door = await startCoreThreads({ file, options: { appVersion: '0.0.0-test' } });
    expect(await door.call('organizations.list', {})).toMatchObject({ ok: true });
    let found: string[] | string = [];
    for (let i = 0; i < 600 && JSON.stringify(found) !== JSON.stringify(shantou); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      found = foundIn(await door.call('search.query', SEARCH));
    }
    expect(found).toEqual(shantou);
  }, 90_000);

  it('finds damage to a page of the index, rebuilds it from the records and logs it; a sound index is left as it is', async () => {
    const { file, shantou } = await officeFile();
    const probe = new Database(file, { readonly: true });
    const page = probe.prepare("SELECT pageno FROM dbstat WHERE name = 'search_fts_data' AND pagetype = 'leaf' LIMIT 1 OFFSET 2").pluck().get() as number;
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    probe.close();
    const bytes = readFileSync(file);
    bytes.fill(0xff, (page - 1) * pageSize + 8, (page - 1) * pageSize + 200);
    writeFileSync(file, bytes);

    // The open checks the records only: the file opens.
    const opened = await openDatabase(file);
    expect(opened.sqlite.pragma(`quick_check("search_fts_data")`, { simple: true })).not.toBe('ok');
    opened.sqlite.close();

    const core = await openCore(file, { appVersion: '0.0.0-test' });
    try {
      const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const check = await checkSearchIndexLater(core, 0).result;
      expect(check).toEqual({ damage: expect.stringMatching(/page \d+/), rebuilt: 600 });
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/the search index was damaged \(.+\); rebuilt it from the records \(600 records\)/));
      expect(core.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
      expect(foundIn(createRegistry().call(core, 'search.query', SEARCH))).toEqual(shantou);
      // Checked again, the index is sound: nothing is rebuilt, nothing is logged.
      logged.mockClear();
      expect(await checkSearchIndexLater(core, 0).result).toEqual({ damage: null, rebuilt: 0 });
      expect(logged).not.toHaveBeenCalled();
    } finally {
      core.close();
    }
  }, 60_000);
});
