/**
 * Worker-thread entry: the daily backup with a connection of its own, so the desktop window is up
 * and answering while a large file is copied. Built as its own bundle (out/main/backup-worker.js).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openCore, type CoreOptions } from './core';
import { ensureDailyBackup, type BackupInfo } from './backups';
import { toSerializedError, type SerializedAppError } from './errors';

export interface BackupWorkerInput {
  dbPath: string;
  openOptions: Pick<CoreOptions, 'migrationsFolder' | 'nativeBinding' | 'appVersion' | 'backupDir' | 'attached'>;
}

export type BackupWorkerMessage = { type: 'done'; backup: BackupInfo | null } | { type: 'error'; error: SerializedAppError };

async function run(input: BackupWorkerInput): Promise<void> {
  const post = (message: BackupWorkerMessage) => parentPort!.postMessage(message);
  try {
    const core = await openCore(input.dbPath, input.openOptions);
    try {
      post({ type: 'done', backup: ensureDailyBackup(core) });
    } finally {
      core.close();
    }
  } catch (error) {
    post({ type: 'error', error: toSerializedError(error) });
  }
}

if (parentPort) void run(workerData as BackupWorkerInput);
