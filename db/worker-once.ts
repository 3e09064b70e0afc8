/** A worker's side of `runWorkerOnce` (db/worker-entry.ts): open the core's file with a connection of its own, do one thing, answer. */
import { parentPort, workerData } from 'node:worker_threads';
import { openCore, type Core } from './core';
import { toSerializedError } from './errors';
import type { WorkerAnswer, WorkerOpenInput } from './worker-entry';

export function answerOnce<T>(work: (core: Core) => T): void {
  const port = parentPort;
  if (!port) return;
  const input = workerData as WorkerOpenInput;
  const post = (message: WorkerAnswer<T>) => port.postMessage(message);
  void (async () => {
    try {
      const core = await openCore(input.dbPath, input.openOptions);
      try {
        post({ type: 'done', value: work(core) });
      } finally {
        core.close();
      }
    } catch (error) {
      post({ type: 'error', error: toSerializedError(error) });
    }
  })();
}
