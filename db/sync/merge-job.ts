/**
 * Start a merge, or its preview (dryRun), in a worker thread; resolve with its summary; report progress on the way.
 * Reading, validating and decrypting a file (scrypt) all happen there, never on the thread that answers the UI.
 */
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../worker-entry';
import { AppError, type SerializedAppError } from '../errors';
import type { Core, CoreOptions } from '../core';
import type { MergeSummary } from './files';

export interface MergeWorkerInput {
  dbPath: string;
  file: string;
  passphrase?: string;
  acceptClockSkew: boolean;
  /** Only work out what a merge would do (the preview): nothing is written. */
  dryRun?: boolean;
  /** With dryRun: list every value that breaks the rules instead of refusing at the first. */
  listInvalid?: boolean;
  /** Set to 1 (Atomics) when the person cancels: the merge stops at its next page and rolls back. */
  cancelFlag?: Int32Array;
  openOptions: Pick<CoreOptions, 'migrationsFolder' | 'nativeBinding' | 'appVersion'>;
}

export type MergeWorkerMessage =
  { type: 'progress'; done: number; total: number } | { type: 'done'; summary: MergeSummary } | { type: 'error'; error: SerializedAppError };

export function mergeInWorker(
  core: Core,
  request: { file: string; passphrase?: string; acceptClockSkew?: boolean; dryRun?: boolean; listInvalid?: boolean },
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<MergeSummary> {
  // Shared with the worker: its merge loop is synchronous, so a message would wait; a flag it reads between pages does not.
  const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  signal?.addEventListener('abort', () => Atomics.store(cancelFlag, 0, 1), { once: true });
  const entry = workerEntry('sync/merge-worker');
  const input: MergeWorkerInput = {
    dbPath: core.opened.path,
    file: request.file,
    ...(request.passphrase ? { passphrase: request.passphrase } : {}),
    acceptClockSkew: !!request.acceptClockSkew,
    ...(request.dryRun ? { dryRun: true, listInvalid: !!request.listInvalid } : {}),
    cancelFlag,
    openOptions: {
      ...(core.openOptions.migrationsFolder ? { migrationsFolder: core.openOptions.migrationsFolder } : {}),
      ...(core.openOptions.nativeBinding ? { nativeBinding: core.openOptions.nativeBinding } : {}),
      appVersion: core.appVersion,
    },
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry.file, { workerData: input, execArgv: entry.execArgv });
    let settled = false;
    worker.on('message', (message: MergeWorkerMessage) => {
      if (message.type === 'progress') onProgress(message.done, message.total);
      else {
        settled = true;
        // The worker's stamps are now in the file: this connection's clock must not issue older ones.
        const last = core.getMeta('hlc_last');
        if (last) core.clock.receive(last);
        if (message.type === 'done') resolve(message.summary);
        else reject(new AppError(message.error.code, message.error.message, message.error.fields));
        void worker.terminate();
      }
    });
    worker.on('error', (error) => {
      if (!settled) reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled && code !== 0) reject(new Error(`merge worker exited with ${code}`));
    });
  });
}
