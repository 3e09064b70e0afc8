/** The daily backup in a worker thread (db/backup-worker.ts): the thread that answers the window never copies the file. */
import { runWorkerOnce, workerOpenInput } from './worker-entry';
import type { Core } from './core';
import { hasDailyBackup, type BackupInfo } from './backups';

/** The daily backup running for a core: a second call while it runs waits for the same one, never a second file. */
const running = new WeakMap<Core, Promise<BackupInfo | null>>();

/**
 * Make the day's backup (unless there is one) in a worker; resolves with it, or null if there was one or the database
 * is open read-only (as ensureDailyBackup does in the calling thread).
 */
export function dailyBackupInWorker(core: Core): Promise<BackupInfo | null> {
  if (core.sqlite.readonly) return Promise.resolve(null);
  let backup = running.get(core);
  // Every start after the day's first: the folder's listing says so, with no worker (its start is 0.2 s at L).
  if (!backup && hasDailyBackup(core)) return Promise.resolve(null);
  if (!backup) {
    backup = runWorkerOnce<BackupInfo | null>('backup-worker', workerOpenInput(core)).result.finally(() => running.delete(core));
    running.set(core, backup);
  }
  return backup;
}
