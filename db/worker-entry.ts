/** Where a worker thread's code is, from the sources or from a build (the merge, sheet, backup, snapshot and search-check workers). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError, type SerializedAppError } from './errors';
import type { Core, CoreOptions } from './core';

/**
 * `source` is the worker's path under db/ without its extension (`sync/merge-worker`). From the sources (tsx) that
 * file runs through tsx's require hook; from a build, the worker's own bundle `<name>.js` beside the bundle that
 * runs this (out/main, out/cli), or one folder up when this code landed in a shared chunk (out/main/chunks).
 */
export function workerEntry(source: string): { file: string; execArgv: string[] } {
  // tsx/cjs resolved here: --require would look in the working folder
  if (__filename.endsWith('.ts')) return { file: path.join(__dirname, `${source}.ts`), execArgv: ['--require', require.resolve('tsx/cjs')] };
  const name = `${path.basename(source)}.js`;
  const beside = path.join(__dirname, name);
  return { file: existsSync(beside) ? beside : path.join(__dirname, '..', name), execArgv: [] };
}

/** How a worker opens the file its core has open: a connection of its own, opened as the core's was. */
export interface WorkerOpenInput {
  dbPath: string;
  openOptions: Pick<CoreOptions, 'migrationsFolder' | 'nativeBinding' | 'appVersion' | 'backupDir' | 'attached'>;
}

export function workerOpenInput(core: Core): WorkerOpenInput {
  const { migrationsFolder, nativeBinding, backupDir } = core.openOptions;
  return {
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
}

/** The one answer of a worker run by `runWorkerOnce` (db/worker-once.ts posts it). */
export type WorkerAnswer<T> = { type: 'done'; value: T } | { type: 'error'; error: SerializedAppError };

/** Start a worker that opens the core's file, does one thing and answers once; it is stopped when it has answered. */
export function runWorkerOnce<T>(source: string, input: WorkerOpenInput): { result: Promise<T>; stop(): Promise<void> } {
  const entry = workerEntry(source);
  const worker = new Worker(entry.file, { workerData: input, execArgv: entry.execArgv });
  const result = new Promise<T>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: WorkerAnswer<T>) => {
      settled = true;
      if (message.type === 'done') resolve(message.value);
      else reject(new AppError(message.error.code, message.error.message, message.error.fields));
      void worker.terminate();
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`${path.basename(source)} exited with ${code}`));
    });
  });
  return { result, stop: () => worker.terminate().then(() => undefined) };
}
