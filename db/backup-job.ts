/** The daily backup in a worker thread (db/backup-worker.ts): the thread that answers the window never copies the file. */
import { Worker } from 'node:worker_threads';
import { AppError } from './errors';
import { workerEntry } from './worker-entry';
import type { Core } from './core';
import type { BackupInfo } from './backups';
import type { BackupWorkerInput, BackupWorkerMessage } from './backup-worker';

/** The daily backup running for a core: a second call while it runs waits for the same one, never a second file. */
const running = new WeakMap<Core, Promise<BackupInfo | null>>();

/**
 * Make the day's backup (unless there is one) in a worker; resolves with it, or null if there was one or the database
 * is open read-only (as ensureDailyBackup does in the calling thread).
 */
export function dailyBackupInWorker(core: Core): Promise<BackupInfo | null> {
  if (core.sqlite.readonly) return Promise.resolve(null);
  let backup = running.get(core);
  if (!backup) {
    backup = startWorker(core).finally(() => running.delete(core));
    running.set(core, backup);
  }
  return backup;
}

function startWorker(core: Core): Promise<BackupInfo | null> {
  const { migrationsFolder, nativeBinding, backupDir } = core.openOptions;
  const input: BackupWorkerInput = {
    dbPath: core.opened.path,
    openOptions: {
      appVersion: core.appVersion,
      // This process opened, checked and migrated the file: the worker's connection skips the checks (seconds at L).
      attached: true,
      ...(migrationsFolder ? { migrationsFolder } : {}),
      ...(nativeBinding ? { nativeBinding } : {}),
      ...(backupDir ? { backupDir } : {}),
    },
  };
  return new Promise((resolve, reject) => {
    const entry = workerEntry('backup-worker');
    const worker = new Worker(entry.file, { workerData: input, execArgv: entry.execArgv });
    let settled = false;
    worker.on('message', (message: BackupWorkerMessage) => {
      settled = true;
      if (message.type === 'done') resolve(message.backup);
      else reject(new AppError(message.error.code, message.error.message));
      void worker.terminate();
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`backup worker exited with ${code}`));
    });
  });
}
