/** A consistent snapshot of a database file by a read-only connection of its own (db/backups.ts, db/snapshot-worker.ts). */
import { renameSync, rmSync } from 'node:fs';
import { openSqlite } from './sqlite';

/** A snapshot worker's shared flag: not started yet, running, done, failed. */
export const SNAPSHOT_WAITING = 0;
export const SNAPSHOT_RUNNING = 1;
export const SNAPSHOT_DONE = 2;
export const SNAPSHOT_FAILED = 3;

export interface SnapshotJob {
  dbPath: string;
  /** Written here (an empty private file), then renamed to `target` when complete. */
  partial: string;
  target: string;
  nativeBinding?: string;
}

/**
 * VACUUM INTO `partial`, renamed to `target`; false (and no partial left) when it failed. The connection reads the
 * last committed state: with another connection's write transaction open, the state before it.
 */
export function writeSnapshot(job: SnapshotJob): boolean {
  try {
    const db = openSqlite(job.dbPath, { readonly: true, fileMustExist: true, nativeBinding: job.nativeBinding });
    try {
      db.pragma('busy_timeout = 5000');
      db.prepare('VACUUM INTO ?').run(job.partial);
    } finally {
      db.close();
    }
    renameSync(job.partial, job.target);
    return true;
  } catch {
    rmSync(job.partial, { force: true });
    return false;
  }
}
