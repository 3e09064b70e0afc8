/**
 * Importing a file reads it as a stream (issue #7, "Scale"): the merge asks the file for its records'
 * keys a page at a time and reads a whole record only when it differs from ours, so memory does not
 * grow with the file. Seen through a source that counts what the merge asks of it.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertRecord, updateRecord, type Core } from '../../db/core';
import { exportDatabase, mergeFile } from '../../db/sync/files';
import { openIncomingFile, type IncomingSource } from '../../db/sync/incoming';
import { mergeIncoming } from '../../db/sync/merge';
import { tempCore, tempDir } from '../helpers';

const RECORDS = 2500;

interface Reads {
  pages: number;
  largestPage: number;
  keys: number;
  wholeRecords: number;
}

/** The file's source, counting the pages of keys and the whole records the merge reads. */
function counted(source: IncomingSource): { source: IncomingSource; reads: Reads } {
  const reads: Reads = { pages: 0, largestPage: 0, keys: 0, wholeRecords: 0 };
  return {
    reads,
    source: {
      ...source,
      *recordKeys(entity) {
        for (const page of source.recordKeys(entity)) {
          reads.pages += 1;
          reads.keys += page.length;
          reads.largestPage = Math.max(reads.largestPage, page.length);
          yield page;
        }
      },
      record(entity, id) {
        reads.wholeRecords += 1;
        return source.record(entity, id);
      },
    },
  };
}

function merge(core: Core, file: string): { summary: ReturnType<typeof mergeIncoming>; reads: Reads; progress: [number, number][] } {
  const { source, reads } = counted(openIncomingFile(file));
  const progress: [number, number][] = [];
  try {
    const summary = mergeIncoming(core, source, { onProgress: (done, total) => progress.push([done, total]) });
    return { summary, reads, progress };
  } finally {
    source.close();
  }
}

describe('a merge streams the incoming file', () => {
  it(`${RECORDS} new organizations arrive page by page, each read whole once; then 10 edited ones are the only records read whole`, async () => {
    const dir = tempDir('pt-stream-');
    const remote = await tempCore({ now: () => new Date('2026-05-01T08:00:00Z') });
    const local = await tempCore({ now: () => new Date('2026-05-01T09:00:00Z') });
    const ids: string[] = [];
    remote.sqlite.transaction(() => {
      for (let i = 0; i < RECORDS; i++)
        ids.push(insertRecord(remote, 'organizations', { displayName: `Organization ${i} / 机构 ${i}`, country: 'BG', kind: 'city' }));
    })();
    const first = path.join(dir, 'first.ptdb');
    exportDatabase(remote, first);

    const arrived = merge(local, first);
    expect(arrived.summary.totals).toEqual({ added: RECORDS, changed: 0, deleted: 0, conflicts: 0 });
    expect(arrived.reads.keys).toBe(RECORDS);
    expect(arrived.reads.wholeRecords).toBe(RECORDS);
    expect(arrived.reads.largestPage).toBeLessThanOrEqual(1000);
    expect(arrived.reads.pages).toBeGreaterThanOrEqual(3);
    // Progress is reported as the file is read, and ends at its total.
    expect(arrived.progress.length).toBeGreaterThanOrEqual(5);
    expect(arrived.progress.at(-1)![0]).toBe(arrived.progress.at(-1)![1]);
    expect(local.sqlite.prepare('SELECT count(*) AS n FROM organizations').get()).toEqual({ n: RECORDS });
    // Searchable at once, in both scripts.
    expect(local.sqlite.prepare('SELECT count(*) AS n FROM search_docs').get()).toEqual({ n: RECORDS });

    remote.sqlite.transaction(() => {
      for (let i = 0; i < 10; i++) updateRecord(remote, 'organizations', ids[i * 240]!, { notes: `Burgas note ${i}` });
    })();
    const second = path.join(dir, 'second.ptdb');
    exportDatabase(remote, second);
    const edited = merge(local, second);
    expect(edited.summary.totals).toEqual({ added: 0, changed: 10, deleted: 0, conflicts: 0 });
    expect(edited.reads.keys).toBe(RECORDS);
    expect(edited.reads.wholeRecords).toBe(10);
    expect(local.sqlite.prepare("SELECT count(*) AS n FROM organizations WHERE notes LIKE 'Burgas note %'").get()).toEqual({ n: 10 });

    // The same file again through mergeFile: nothing to read whole, nothing changes.
    expect(mergeFile(local, second, { backupDir: dir })).toMatchObject({ added: 0, changed: 0, deleted: 0, conflicts: 0 });
    const again = merge(local, second);
    expect(again.reads.wholeRecords).toBe(0);
    remote.close();
    local.close();
  });
});
