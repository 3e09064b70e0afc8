/**
 * Worker-thread entry: merge a file into the database with a connection of its own, reporting
 * progress, so the thread that answers the UI never freezes. Built as its own bundle for Electron
 * (out/main/merge-worker.js); run through tsx elsewhere.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openCore } from '../core';
import { cancelledError, toSerializedError } from '../errors';
import { mergeFile } from './files';
import type { MergeWorkerInput, MergeWorkerMessage } from './merge-job';

const mergeCancelled = () =>
  cancelledError({ zh: '已取消合并：本数据库保持不变，未导入任何内容。', en: 'Merge cancelled: this database is as it was; nothing was imported.' });

async function run(input: MergeWorkerInput): Promise<void> {
  const post = (message: MergeWorkerMessage) => parentPort!.postMessage(message);
  const stopIfCancelled = () => {
    if (input.cancelFlag && Atomics.load(input.cancelFlag, 0) === 1) throw mergeCancelled();
  };
  try {
    stopIfCancelled();
    // The process that started this worker opened, checked and migrated the file: no second quick_check.
    const core = await openCore(input.dbPath, { ...input.openOptions, attached: true });
    try {
      const summary = mergeFile(core, input.file, {
        ...(input.passphrase ? { passphrase: input.passphrase } : {}),
        acceptClockSkew: input.acceptClockSkew,
        ...(input.dryRun ? { dryRun: true, listInvalid: !!input.listInvalid } : {}),
        // Thrown here, inside the merge's transaction: everything it wrote is rolled back.
        onProgress: (done, total) => {
          stopIfCancelled();
          post({ type: 'progress', done, total });
        },
      });
      post({ type: 'done', summary: JSON.parse(JSON.stringify(summary)) as typeof summary });
    } finally {
      core.close();
    }
  } catch (error) {
    post({ type: 'error', error: toSerializedError(error) });
  }
}

if (parentPort) void run(workerData as MergeWorkerInput);
