/**
 * Worker-thread entry: parse a spreadsheet with a memory cap (db/import/sheet-job.ts), so a
 * workbook built to exhaust memory ends this worker, not the process that answers the window.
 * Built as its own bundle for Electron (out/main/sheet-worker.js); run through tsx elsewhere.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toSerializedError } from '../errors';
import { parseSheet } from './parse';
import type { SheetWorkerInput, SheetWorkerMessage } from './sheet-job';

async function run(input: SheetWorkerInput): Promise<void> {
  const post = (message: SheetWorkerMessage) => parentPort!.postMessage(message);
  try {
    post({ type: 'done', rows: await parseSheet(input.fileName, Buffer.from(input.bytes)) });
  } catch (error) {
    post({ type: 'error', error: toSerializedError(error) });
  }
}

if (parentPort) void run(workerData as SheetWorkerInput);
