/** Parse an .xlsx in a worker thread with a memory cap (resourceLimits); resolve with its rows. */
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../worker-entry';
import { AppError, type SerializedAppError } from '../errors';
import type { SheetRow } from './parse';

export interface SheetWorkerInput {
  fileName: string;
  bytes: Uint8Array;
}

export type SheetWorkerMessage = { type: 'done'; rows: SheetRow[] } | { type: 'error'; error: SerializedAppError };

/** The worker's heap: far above what a 10 MB workbook of an office's list needs (about 100 MB), far below a bomb's gigabytes. */
export const SHEET_WORKER_HEAP_MB = 512;

export function parseSheetInWorker(fileName: string, bytes: Buffer, tooLarge: () => AppError): Promise<SheetRow[]> {
  const entry = workerEntry('import/sheet-worker');
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry.file, {
      workerData: { fileName, bytes: new Uint8Array(bytes) } satisfies SheetWorkerInput,
      execArgv: entry.execArgv,
      resourceLimits: { maxOldGenerationSizeMb: SHEET_WORKER_HEAP_MB, maxYoungGenerationSizeMb: 64 },
    });
    let settled = false;
    worker.on('message', (message: SheetWorkerMessage) => {
      settled = true;
      if (message.type === 'done') resolve(message.rows);
      else reject(new AppError(message.error.code, message.error.message, message.error.fields));
      void worker.terminate();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (settled) return;
      settled = true;
      reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLarge() : error);
    });
    worker.on('exit', (code) => {
      if (!settled) {
        settled = true;
        reject(code === 0 ? new Error('sheet worker ended without an answer') : tooLarge());
      }
    });
  });
}
