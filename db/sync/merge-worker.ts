/**
 * Worker-thread entry: merge a file into the database with a connection of its own, reporting
 * progress, so the thread that answers the UI never freezes. Built as its own bundle for Electron
 * (out/main/merge-worker.js); run through tsx elsewhere.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openCore } from '../core';
import { toSerializedError } from '../errors';
import { mergeFile } from './files';
import type { MergeWorkerInput, MergeWorkerMessage } from './merge-job';

async function run(input: MergeWorkerInput): Promise<void> {
  const post = (message: MergeWorkerMessage) => parentPort!.postMessage(message);
  try {
    // The process that started this worker opened, checked and migrated the file: no second quick_check.
    const core = await openCore(input.dbPath, { ...input.openOptions, attached: true });
    try {
      const summary = mergeFile(core, input.file, {
        ...(input.passphrase ? { passphrase: input.passphrase } : {}),
        acceptClockSkew: input.acceptClockSkew,
        ...(input.dryRun ? { dryRun: true, listInvalid: !!input.listInvalid } : {}),
        onProgress: (done, total) => post({ type: 'progress', done, total }),
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
