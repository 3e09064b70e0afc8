/**
 * Worker-thread entry: a share of the open's check of a large file (db/open.ts), with a read-only connection of its
 * own, the tables taken from the counter it shares with the opening thread. Built as its own bundle
 * (out/main/quick-check-worker.js, out/cli/). Answers 'ok' or the first finding; anything else (it threw) makes the
 * opening thread check every table itself.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite, quickCheckShare } from './sqlite';

export interface QuickCheckWork {
  file: string;
  nativeBinding?: string;
  tables: string[];
  /** One Int32: the index of the next table to check, shared with the opening thread. */
  next: SharedArrayBuffer;
}

const work = workerData as QuickCheckWork | undefined;
if (parentPort && work) {
  const db = openSqlite(work.file, { readonly: true, fileMustExist: true, nativeBinding: work.nativeBinding });
  try {
    parentPort.postMessage(quickCheckShare(db, work.tables, new Int32Array(work.next)));
  } finally {
    db.close();
  }
}
